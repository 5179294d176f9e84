// How long one SGD step of the lecture's model takes (makemore part 2: V 27, T 3, d 10, H 200
// tanh, batch 32, lr 0.1, lecture init) in five runtimes, in one run on the same names:
//   1. natively: build/native/cpp/cli/embedlab_bench (its own 100 steps of warm-up);
//   2. WASM under Node, through web/src/core/training.js;
//   3. WASM in headless Chromium, in the site's training worker (build/site/training-worker.js),
//      timed from the `train` command to its `finished` answer;
//   4. PyTorch eager on one thread (scripts/benchmark_torch.py, Debian's python3-torch), once on
//      OpenBLAS and once on the reference BLAS (netlib), each chosen by LD_LIBRARY_PATH;
//   5. TensorFlow.js with its WASM backend under Node, one thread (scripts/benchmark_tfjs.mjs;
//      at most 5,000 steps: it is the slowest).
// Each runtime warms up, then times --steps steps; it prints ms per step, the ratios, how the
// native products compare with the CPU's FMA limit, and last one JSON line of the figures (null
// where a runtime is missing), with the issue's aims met or not. Then the word model (CBOW, its
// default settings) on WordNet's glosses: words per second natively (`embedlab train-words`) and
// in Chromium's training worker, --word-steps steps each. Not part of the tests. Needs the build
// outputs of a first `bash scripts/test.sh`; scripts/benchmark.sh installs PyTorch and the BLAS
// libraries, then runs this:
//   bash scripts/benchmark.sh [--steps 20000] [--word-steps 100]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import vm from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = {
  bench: `${root}build/native/cpp/cli/embedlab_bench`,
  cli: `${root}build/native/cpp/cli/embedlab`,
  wordnetScript: `${root}scripts/wordnet_corpus.mjs`,
  wordnetNouns: '/usr/share/wordnet/data.noun',
  cmake: `${root}build/native/CMakeCache.txt`,
  wasm: `${root}build/wasm/embedlab_core.wasm`,
  glue: `${root}build/wasm/embedlab_core.cjs`,
  worker: `${root}build/site/training-worker.js`,
  page: `${root}build/site/index.html`,
  datasets: `${root}build/site/datasets.js`,
  names: `${root}tests/data/names.txt`,
  playwright: `${root}node_modules/playwright-core`,
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  python: '/usr/bin/python3',
  torchScript: `${root}scripts/benchmark_torch.py`,
  tfjs: `${root}node_modules/@tensorflow/tfjs-backend-wasm`,
};
const warmupSteps = 300;
const tfjsMaxSteps = 5000;
const reference = [
  ['PyTorch 1.13 eager (OpenBLAS, 1 thread)', 0.113],
  ['TensorFlow.js 4.22, wasm backend', 0.80],
  ['a straightforward Eigen build, native', 0.026],
  ['the same, as WASM SIMD', 0.144],
];

function fail(message) {
  console.error(`benchmark: ${message}`);
  process.exit(1);
}

function readSteps() {
  try {
    const { values } = parseArgs({ options: { steps: { type: 'string', default: '20000' }, 'word-steps': { type: 'string', default: '100' } } });
    const whole = (name) => {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} ${values[name]} is not a whole number of 1 or more`);
      return value;
    };
    return { steps: whole('steps'), wordSteps: whole('word-steps') };
  } catch (error) {
    fail(`${error.message} (usage: bash scripts/benchmark.sh [--steps 20000] [--word-steps 100])`);
  }
}

/** Stops with one line if a build output is missing, or the site bundles an older WASM glue than build/wasm's. */
function checkBuildOutputs() {
  for (const key of ['bench', 'cli', 'wasm', 'glue', 'worker', 'page', 'playwright']) {
    if (!existsSync(paths[key])) fail(`${relative(root, paths[key])} is missing: run bash scripts/test.sh first`);
  }
  if (!existsSync(paths.chromium)) fail(`${paths.chromium} is missing: run bash scripts/test.sh first (it installs chromium)`);
  if (statSync(paths.worker).mtimeMs < statSync(paths.glue).mtimeMs) fail('build/site is older than build/wasm: run node web/build.mjs');
}

/** The bundled census first names from build/site/datasets.js, or tests/data/names.txt without them. */
function loadNames() {
  if (!existsSync(paths.datasets)) return { text: readFileSync(paths.names, 'utf8'), source: 'tests/data/names.txt' };
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(paths.datasets, 'utf8'), sandbox);
  return { text: sandbox.self.embeddingLabDatasets.names, source: 'US census first names from build/site/datasets.js' };
}

/** The last line of a program's stdout, as JSON. */
function lastJsonLine(stdout) {
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

function runNative(dataFile, steps) {
  const result = lastJsonLine(execFileSync(paths.bench, ['--data', dataFile, '--steps', String(steps)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const marchNative = /^EMBEDLAB_NATIVE_ARCH:BOOL=ON$/m.test(readFileSync(paths.cmake, 'utf8'));
  return { label: `native (Eigen${marchNative ? ', -march=native' : ''})`, ms: result.ms_per_step, marchNative,
    stepProducts: result.step_products_gflops, squareProduct: result.square_product_gflops };
}

/**
 * The lecture's settings, as embedlab_bench uses them: the core's defaults (el_limits) with the
 * lecture's initialisation; the learning rate steps down only at 100,000.
 */
const lectureSettings = (core) => ({ ...core.limits().defaults, init: 'lecture' });

async function runNode(core, lecture, text, steps) {
  const { Trainer } = await import('../web/src/core/training.js');
  return core.scope(() => {
    const trainer = Trainer.create(core, text, lecture);
    trainer.run(warmupSteps);
    const start = performance.now();
    const { error } = trainer.run(steps);
    const ms = (performance.now() - start) / steps;
    if (error) throw new Error(`WASM in Node: ${error}`);
    return { label: `WASM in Node ${process.versions.node}`, ms, vocab: trainer.info().vocabSize };
  });
}

/**
 * Runs in the page: starts the site's training worker, creates a model of `kind` (the MLP when
 * undefined), trains `warmup` steps, then `steps` more, timed from the train command to the
 * `finished` answer. Also sums the worker's own time per chunk of steps (`elapsedMs` of its
 * progress answers) and counts its answers. A worker that does not know `kind` (its `created`
 * answer names none) gives { unsupported: true }.
 */
async function trainInWorker({ wasmBase64, kind, text, config, warmup, steps }) {
  const worker = new Worker('training-worker.js');
  let waiting = null, chunkMs = 0, progress = 0, evaluated = 0;
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') { chunkMs += data.elapsedMs; progress += 1; }
    if (data.type === 'evaluated') evaluated += 1;
    if (data.type === 'error' || data.type === 'stopped') waiting?.reject(new Error(`${data.command ?? 'train'}: ${data.message}`));
    else if (data.type === waiting?.type) waiting.resolve(data);
  };
  const send = (message, answer) => new Promise((resolve, reject) => {
    waiting = { type: answer, resolve, reject };
    worker.postMessage(message);
  });
  try {
    const wasmBinary = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)).buffer;
    await send({ type: 'start', wasmBinary }, 'ready');
    const created = await send({ type: 'create', kind, text, config }, 'created');
    if (kind !== undefined && created.kind !== kind) return { unsupported: true };
    if (warmup > 0) await send({ type: 'train', until: warmup }, 'finished');
    [chunkMs, progress, evaluated] = [0, 0, 0];
    const start = performance.now();
    await send({ type: 'train', until: warmup + steps }, 'finished');
    return { wallMs: performance.now() - start, chunkMs, progress, evaluated, info: created.info, browser: navigator.userAgent.match(/Chrome\/([\d.]+)/)[1] };
  } finally {
    worker.terminate();
  }
}

/** trainInWorker(run) in the site's page in headless Chromium. */
async function trainInChromium(run) {
  const { launchBrowser, serveSite } = await import('../tests/browser/harness.mjs');
  const server = await serveSite();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('embedding-lab[ready]').waitFor({ timeout: 30000 });
    return await page.evaluate(trainInWorker, { wasmBase64: readFileSync(paths.wasm, 'base64'), ...run });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runChromium(lecture, text, steps) {
  const run = await trainInChromium({ text, config: lecture, warmup: warmupSteps, steps });
  return {
      label: `WASM in Chromium ${run.browser.split('.')[0]}, training worker`,
      ms: run.wallMs / steps,
      note: [`from the train command to "finished": ${run.progress} chunks of steps, each with a progress answer (a snapshot`,
        `and its 2-D projection) and a yield to its message queue, ${run.evaluated} dev loss${run.evaluated === 1 ? '' : 'es'}, and the final train/dev/test losses;`,
        `the steps alone (elapsedMs of the chunks) took ${ms(run.chunkMs / steps)}`],
  };
}

/**
 * The word model's corpus: WordNet's synsets as build/corpus/wordnet.txt (scripts/wordnet_corpus.mjs
 * writes it) where that script is, else the glosses of WordNet's nouns; null without WordNet.
 */
async function loadWordCorpus() {
  if (existsSync(paths.wordnetScript)) {
    const { wordnetCorpus, wordnetCorpusPath } = await import(paths.wordnetScript);
    return { text: wordnetCorpus(), source: relative(root, wordnetCorpusPath) };
  }
  if (!existsSync(paths.wordnetNouns)) return null;
  const glosses = readFileSync(paths.wordnetNouns, 'utf8').split('\n').filter((line) => !line.startsWith('  ') && line.includes(' | '))
    .map((line) => line.slice(line.indexOf(' | ') + 3).trim());
  return { text: `${glosses.join('\n')}\n`, source: `the glosses of ${paths.wordnetNouns}` };
}

/** Words per second of `embedlab train-words` on the corpus file, over its own timing of the steps. */
function runNativeWords(corpusFile, steps, work) {
  const result = lastJsonLine(execFileSync(paths.cli, ['train-words', '--data', corpusFile, '--out', join(work, 'word-vectors.txt'), '--steps', String(steps)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 }));
  return { wordsPerSecond: result.words_per_second, msPerStep: result.ms_per_step, vocabulary: result.vocabulary_size };
}

/**
 * Words per second of the word model in Chromium's training worker, over the worker's own time of
 * the steps (elapsedMs of its chunks, as natively).
 */
async function runChromiumWords(text, steps) {
  const run = await trainInChromium({ kind: 'words', text, config: { steps }, warmup: 0, steps });
  if (run.unsupported) return null;
  return { wordsPerSecond: (steps * run.info.batch) / (run.chunkMs / 1000), msPerStep: run.chunkMs / steps };
}

// Debian's torch calls libblas.so.3, which Debian's packages put in one folder per library; the
// loader takes the one LD_LIBRARY_PATH names first. OpenBLAS is the BLAS PyTorch is normally built
// with (the aim compares with it); the reference BLAS shows what a slow BLAS costs.
const blasFolders = [
  { name: 'OpenBLAS', folder: '/usr/lib/x86_64-linux-gnu/openblas-pthread', package: 'libopenblas0-pthread' },
  { name: 'reference BLAS (netlib)', folder: '/usr/lib/x86_64-linux-gnu/blas', package: 'libblas3' },
];

/** PyTorch on each BLAS that is installed, OpenBLAS first; [] without torch. */
function runTorch(dataFile, steps) {
  const probe = existsSync(paths.python) && spawnSync(paths.python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  if (!probe) return [];
  return blasFolders.map((blas) => {
    if (!existsSync(`${blas.folder}/libblas.so.3`)) return { blas: blas.name, missing: `${blas.name} is not installed (Debian's ${blas.package}; scripts/benchmark.sh installs it)` };
    const env = { ...process.env, LD_LIBRARY_PATH: blas.folder, OPENBLAS_NUM_THREADS: '1' };
    const result = lastJsonLine(execFileSync(paths.python, [paths.torchScript, '--data', dataFile, '--steps', String(steps)], { encoding: 'utf8', env }));
    if (result.blas !== blas.name) fail(`PyTorch was to run on ${blas.name} from ${blas.folder} but loaded ${result.blas}`);
    return { blas: blas.name, label: `PyTorch ${result.torch} eager, ${result.threads} thread, ${result.blas}`, ms: result.ms_per_step };
  });
}

async function runTfjs(text, steps) {
  const { timeTfjsWasm } = await import('./benchmark_tfjs.mjs');
  const timed = Math.min(steps, tfjsMaxSteps);
  const result = await timeTfjsWasm(text, timed, warmupSteps);
  return { label: `TensorFlow.js ${result.version}, wasm backend in Node, ${result.threads}${result.simd ? ', SIMD' : ''}`, ms: result.ms,
    note: timed < steps ? [`${timed.toLocaleString('en-US')} steps`] : [] };
}

// Multiply-adds of the three products of a step, each 2 flops: x W1, h W2, and their two
// backward products each (B = 32 examples, T*d = 30, H = 200, V).
const productFlops = (vocab) => 3 * 2 * 32 * 200 * (30 + vocab);

/**
 * One core's FMA limit, from /proc/cpuinfo: its clock times 2 FMA pipes times the floats of the
 * widest vector the native build uses times 2 flops. The assumptions: AMD Zen 2 to 5 and Intel
 * since Haswell issue two FMAs a cycle; they are 256 bits wide (8 floats) unless the build uses
 * AVX-512 (-march=native on a CPU with avx512f: Eigen's packets are then 16 floats) on a CPU whose
 * two pipes are 512 bits wide, taken to be any but AMD's Zen 4 (family 25), which splits a 512-bit
 * FMA over both. The clock is the one /proc/cpuinfo states (in a virtual machine, the nominal one;
 * a boost clock would raise the limit). Null without FMA or a clock figure.
 */
function fmaLimit(marchNative) {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const field = (name) => info.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm'))?.[1];
  const mhz = Number(field('cpu MHz')), flags = ` ${field('flags') ?? ''} `;
  if (!flags.includes(' fma ') || !(mhz > 0)) return null;
  const zen4 = field('vendor_id') === 'AuthenticAMD' && field('cpu family') === '25';
  const floats = marchNative && flags.includes(' avx512f ') && !zen4 ? 16 : 8;
  return { gflops: (mhz / 1000) * 2 * floats * 2, ghz: mhz / 1000, floats,
    model: `${field('model name') ?? 'unknown CPU'} (family ${field('cpu family')}, model ${field('model')})` };
}

const ms = (value) => `${value.toFixed(3)} ms/step`;
const times = (a, b) => `${(a / b).toFixed(a / b < 10 ? 2 : 1)}x`;

function printResults({ steps, vocab, source, names, load }, rows, torchRuns, tfjs, limit) {
  const width = Math.max(...[...rows, ...reference.map(([label]) => ({ label }))].map((row) => row.label.length)) + 2;
  const [native, node, chromium] = rows;
  const torch = torchRuns.find((run) => run.blas === 'OpenBLAS' && run.ms);
  console.log(`\nTraining the lecture model (V ${vocab}, T 3, d 10, H 200, batch 32, lr 0.1), ${steps.toLocaleString('en-US')} steps`);
  console.log(`on ${names.toLocaleString('en-US')} ${source}; ${os.cpus().length} cores, load average ${load.toFixed(2)} before the run`);
  for (const row of rows) {
    console.log(`  ${row.label.padEnd(width)}${ms(row.ms)}${row === native ? '' : `   (${times(row.ms, native.ms)} native)`}`);
    for (const line of row.note ?? []) console.log(`      ${line}`);
  }
  if (!torchRuns.length) console.log('  PyTorch: not installed (Debian\'s python3-torch; scripts/benchmark.sh installs it), skipped');
  for (const { missing } of torchRuns) if (missing) console.log(`  PyTorch on ${missing}, skipped`);
  if (!tfjs) console.log('  TensorFlow.js: not installed (npm ci), skipped');
  const ratios = [`WASM in Chromium / WASM in Node = ${times(chromium.ms, node.ms)}`];
  if (torch) {
    ratios.unshift(`PyTorch (OpenBLAS) / native = ${times(torch.ms, native.ms)}`, `PyTorch (OpenBLAS) / WASM in Node = ${times(torch.ms, node.ms)}`,
      `PyTorch (OpenBLAS) / WASM in Chromium = ${times(torch.ms, chromium.ms)}`);
  }
  if (tfjs) ratios.push(`TensorFlow.js wasm / WASM in Node = ${times(tfjs.ms, node.ms)}`, `TensorFlow.js wasm / WASM in Chromium = ${times(tfjs.ms, chromium.ms)}`);
  console.log(`Ratios: ${ratios.join('; ')}`);
  const flops = productFlops(vocab);
  if (limit) {
    const floor = flops / (limit.gflops * 1e6);  // ms
    const against = (gflops) => `${gflops.toFixed(1)} GFLOP/s, ${times(limit.gflops, gflops)} below the limit`;
    console.log(`Native against the FMA limit: one core of this ${limit.model} at ${limit.ghz.toFixed(2)} GHz does at most`);
    console.log(`  ${limit.gflops.toFixed(0)} GFLOP/s (2 FMA pipes x ${limit.floats} floats x 2 flops x the clock; the assumptions are in fmaLimit()).`);
    console.log(`  The six products of a step (${(flops / 1e6).toFixed(2)} MFLOP; Eigen's, timed alone): ${against(native.stepProducts)};`);
    console.log(`  one 256 x 256 x 256 product: ${against(native.squareProduct)};`);
    console.log(`  the whole step (products, tanh, softmax, lookup, update) took ${ms(native.ms)} = ${times(native.ms, floor)} the products' floor of ${floor.toFixed(4)} ms.`);
  } else {
    console.log('Native against the FMA limit: no FMA flag or clock in /proc/cpuinfo, not computed');
  }
  printAims([
    ['Chromium within 2x of native', times(chromium.ms, native.ms), chromium.ms <= 2 * native.ms],
    ['a 200,000-step run in a tab under 12 s', `${(chromium.ms * 200).toFixed(1)} s`, chromium.ms * 200 < 12],  // ms/step x 200,000 steps / 1,000
    ['native within 1.3x of the FMA limit (the step\'s products)', limit ? times(limit.gflops, native.stepProducts) : null, limit && limit.gflops <= 1.3 * native.stepProducts],
    ['native at least 4x faster than PyTorch eager with OpenBLAS', torch ? times(torch.ms, native.ms) : null, torch && torch.ms >= 4 * native.ms],
    ['WASM in Chromium at least 10x faster than tfjs-wasm', tfjs ? times(tfjs.ms, chromium.ms) : null, tfjs && tfjs.ms >= 10 * chromium.ms],
  ]);
  console.log('Reference figures from issue 5 (measured before, on this machine kind; not measured now):');
  for (const [label, value] of reference) console.log(`  ${label.padEnd(width)}${ms(value)}`);
}

/** The issue's aims, each with this run's figure and whether it is met (not measured: a runtime is missing). */
function printAims(aims) {
  console.log('Aims (this run):');
  const width = Math.max(...aims.map(([aim]) => aim.length)) + 2;
  for (const [aim, figure, met] of aims) console.log(`  ${aim.padEnd(width)}${figure === null ? 'not measured' : `${figure.padEnd(8)}${met ? 'met' : 'not met'}`}`);
}

function printWords(corpus, steps, native, chromium) {
  if (!corpus) {
    console.log('Word model: no WordNet (/usr/share/wordnet), not measured');
    return;
  }
  const rate = (run) => `${Math.round(run.wordsPerSecond).toLocaleString('en-US')} words/s (${run.msPerStep.toFixed(2)} ms/step)`;
  console.log(`Word model (CBOW, the core's default settings, vocabulary ${native.vocabulary}) on ${corpus.source}, ${steps} steps:`);
  console.log(`  native, embedlab train-words        ${rate(native)}`);
  console.log(`  WASM in Chromium, training worker   ${rate(chromium)}   (${times(native.wordsPerSecond, chromium.wordsPerSecond)} slower than native)`);
}

const { steps, wordSteps } = readSteps();
checkBuildOutputs();
const { text, source } = loadNames();
const load = os.loadavg()[0];
const work = mkdtempSync(join(os.tmpdir(), 'embedlab-benchmark-'));
try {
  const dataFile = join(work, 'names.txt');
  writeFileSync(dataFile, text);
  console.log(`Timing ${steps.toLocaleString('en-US')} steps in each runtime...`);
  const { loadWasmCore } = await import('../tests/node/load_core.mjs');
  const core = await loadWasmCore();
  const lecture = lectureSettings(core);
  const native = runNative(dataFile, steps);
  const node = await runNode(core, lecture, text, steps);
  const chromium = await runChromium(lecture, text, steps);
  const torchRuns = runTorch(dataFile, steps);
  const torch = torchRuns.find((run) => run.blas === 'OpenBLAS' && run.ms);
  const tfjs = existsSync(paths.tfjs) ? await runTfjs(text, steps) : null;
  const corpus = await loadWordCorpus();
  let nativeWords = null, chromiumWords = null;
  if (corpus) {
    const corpusFile = join(work, 'corpus.txt');
    writeFileSync(corpusFile, corpus.text);
    nativeWords = runNativeWords(corpusFile, wordSteps, work);
    chromiumWords = await runChromiumWords(corpus.text, wordSteps);
  }
  const rows = [native, node, chromium, ...torchRuns.filter((run) => run.ms), tfjs].filter(Boolean);
  const limit = fmaLimit(native.marchNative);
  printResults({ steps, vocab: node.vocab, source, names: text.split('\n').filter(Boolean).length, load }, rows, torchRuns, tfjs, limit);
  printWords(corpus, wordSteps, nativeWords, chromiumWords);
  console.log(`Load average after the run: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 minutes)`);
  const figure = (row) => (row ? Number(row.ms.toFixed(4)) : null);
  const words = (run) => (run ? Math.round(run.wordsPerSecond) : null);
  console.log(JSON.stringify({ native_ms: figure(native), node_wasm_ms: figure(node), chromium_ms: figure(chromium), pytorch_ms: figure(torch),
    pytorch_netlib_ms: figure(torchRuns.find((run) => run.blas !== 'OpenBLAS' && run.ms)), tfjs_wasm_ms: figure(tfjs),
    native_words_per_s: words(nativeWords), chromium_words_per_s: words(chromiumWords), native_step_products_gflops: Number(native.stepProducts.toFixed(1)),
    fma_limit_gflops: limit ? Math.round(limit.gflops) : null, load_average: Number(load.toFixed(2)) }));
} catch (error) {
  // caught here: the Emscripten loader turns an unhandled rejection into a dump of its own code
  console.error(`benchmark: ${error.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
