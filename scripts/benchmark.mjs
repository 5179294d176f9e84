// How long one SGD step of the lecture's model takes (makemore part 2: V 27, T 3, d 10, H 200
// tanh, batch 32, lr 0.1, lecture init) in five runtimes, in one run on the same names:
//   1. natively: build/native/cpp/cli/embedlab_bench (its own 100 steps of warm-up);
//   2. WASM under Node, through web/src/core/training.js;
//   3. WASM in headless Chromium, in the site's training worker (build/site/training-worker.js),
//      timed from the `train` command to its `finished` answer;
//   4. PyTorch eager on one thread (scripts/benchmark_torch.py), where Debian's python3-torch is;
//   5. TensorFlow.js with its WASM backend under Node, one thread (scripts/benchmark_tfjs.mjs;
//      at most 5,000 steps: it is the slowest).
// Each runtime warms up, then times --steps steps; it prints ms per step, the ratios, how the
// native step compares with the CPU's FMA limit, and last one JSON line of the figures (null
// where a runtime is missing). Not part of the tests. Needs the build outputs of a first
// `bash scripts/test.sh`.
//   node scripts/benchmark.mjs [--steps 20000]
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
    const { values } = parseArgs({ options: { steps: { type: 'string', default: '20000' } } });
    const steps = Number(values.steps);
    if (!Number.isInteger(steps) || steps < 1) throw new Error(`--steps ${values.steps} is not a whole number of 1 or more`);
    return steps;
  } catch (error) {
    fail(`${error.message} (usage: node scripts/benchmark.mjs [--steps 20000])`);
  }
}

/** Stops with one line if a build output is missing, or the site bundles an older WASM glue than build/wasm's. */
function checkBuildOutputs() {
  for (const key of ['bench', 'wasm', 'glue', 'worker', 'page', 'playwright']) {
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
  const { ms_per_step } = lastJsonLine(execFileSync(paths.bench, ['--data', dataFile, '--steps', String(steps)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const marchNative = /^EMBEDLAB_NATIVE_ARCH:BOOL=ON$/m.test(readFileSync(paths.cmake, 'utf8'));
  return { label: `native (Eigen${marchNative ? ', -march=native' : ''})`, ms: ms_per_step };
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
 * Runs in the page: starts the site's training worker, trains `warmup` steps, then `steps` more,
 * timed from the train command to the `finished` answer. Also sums the worker's own time per
 * chunk of steps (`elapsedMs` of its progress answers) and counts its answers.
 */
async function trainInWorker({ wasmBase64, text, config, warmup, steps }) {
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
    await send({ type: 'create', text, config }, 'created');
    await send({ type: 'train', until: warmup }, 'finished');
    [chunkMs, progress, evaluated] = [0, 0, 0];
    const start = performance.now();
    await send({ type: 'train', until: warmup + steps }, 'finished');
    return { wallMs: performance.now() - start, chunkMs, progress, evaluated, browser: navigator.userAgent.match(/Chrome\/([\d.]+)/)[1] };
  } finally {
    worker.terminate();
  }
}

async function runChromium(lecture, text, steps) {
  const { launchBrowser, serveSite } = await import('../tests/browser/harness.mjs');
  const server = await serveSite();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('embedding-lab[ready]').waitFor({ timeout: 30000 });
    const run = await page.evaluate(trainInWorker, { wasmBase64: readFileSync(paths.wasm, 'base64'), text, config: lecture, warmup: warmupSteps, steps });
    return {
      label: `WASM in Chromium ${run.browser.split('.')[0]}, training worker`,
      ms: run.wallMs / steps,
      note: [`from the train command to "finished": ${run.progress} chunks of steps, each with a progress answer (a snapshot`,
        `and its 2-D projection) and a yield to its message queue, ${run.evaluated} dev loss${run.evaluated === 1 ? '' : 'es'}, and the final train/dev/test losses;`,
        `the steps alone (elapsedMs of the chunks) took ${ms(run.chunkMs / steps)}`],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function runTorch(dataFile, steps) {
  const probe = existsSync(paths.python) && spawnSync(paths.python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  if (!probe) return null;
  const result = lastJsonLine(execFileSync(paths.python, [paths.torchScript, '--data', dataFile, '--steps', String(steps)], { encoding: 'utf8' }));
  const note = result.blas === 'OpenBLAS' ? [] : ['not the OpenBLAS of the reference figure below: its matrix products are slower'];
  return { label: `PyTorch ${result.torch} eager, ${result.threads} thread, ${result.blas} (BLAS_INFO=${result.blas_config})`, ms: result.ms_per_step, note };
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
 * One core's FMA limit, from /proc/cpuinfo: its clock times 2 FMA pipes times the floats of a
 * 256-bit vector (8) times 2 flops. (AMD Zen 2 to 4 and Intel since Haswell issue two 256-bit FMAs
 * a cycle; an AVX-512 FMA takes both of Zen 4's pipes, and Intel's server parts with two 512-bit
 * units would double this.) Null without FMA or a clock figure.
 */
function fmaLimit() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const mhz = Number(info.match(/^cpu MHz\s*:\s*([\d.]+)/m)?.[1]);
  if (!/^flags\s*:.*\bfma\b/m.test(info) || !(mhz > 0)) return null;
  return { gflops: (mhz / 1000) * 2 * 8 * 2, ghz: mhz / 1000, model: info.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown CPU' };
}

const ms = (value) => `${value.toFixed(3)} ms/step`;
const times = (a, b) => `${(a / b).toFixed(a / b < 10 ? 2 : 1)}x`;

function printResults({ steps, vocab, source, names, load }, rows, torch, tfjs) {
  const width = Math.max(...[...rows, ...reference.map(([label]) => ({ label }))].map((row) => row.label.length)) + 2;
  const [native, node, chromium] = rows;
  console.log(`\nTraining the lecture model (V ${vocab}, T 3, d 10, H 200, batch 32, lr 0.1), ${steps.toLocaleString('en-US')} steps`);
  console.log(`on ${names.toLocaleString('en-US')} ${source}; ${os.cpus().length} cores, load average ${load.toFixed(2)} before the run`);
  for (const row of rows) {
    console.log(`  ${row.label.padEnd(width)}${ms(row.ms)}${row === native ? '' : `   (${times(row.ms, native.ms)} native)`}`);
    for (const line of row.note ?? []) console.log(`      ${line}`);
  }
  if (!torch) console.log('  PyTorch: not installed, skipped');
  if (!tfjs) console.log('  TensorFlow.js: not installed (npm ci), skipped');
  console.log('  word model (CBOW) words/s, natively and in Chromium: not yet measured (the word model is not in the core yet)');
  const ratios = [`WASM in Chromium / WASM in Node = ${times(chromium.ms, node.ms)}`];
  if (torch) {
    ratios.unshift(`PyTorch / native = ${times(torch.ms, native.ms)}`, `PyTorch / WASM in Node = ${times(torch.ms, node.ms)}`,
      `PyTorch / WASM in Chromium = ${times(torch.ms, chromium.ms)}`);
  }
  if (tfjs) ratios.push(`TensorFlow.js wasm / WASM in Node = ${times(tfjs.ms, node.ms)}`, `TensorFlow.js wasm / WASM in Chromium = ${times(tfjs.ms, chromium.ms)}`);
  console.log(`Ratios: ${ratios.join('; ')}`);
  const limit = fmaLimit();
  const flops = productFlops(vocab);
  if (limit) {
    const floor = flops / (limit.gflops * 1e6);  // ms
    console.log(`Native against the FMA limit: the products of a step are ${(flops / 1e6).toFixed(2)} MFLOP; one core of this ${limit.model}`);
    console.log(`  at ${limit.ghz.toFixed(2)} GHz does at most ${limit.gflops.toFixed(0)} GFLOP/s (2 FMA pipes x 8 floats x 2), so they take at least ${floor.toFixed(4)} ms;`);
    console.log(`  the whole native step (products, tanh, softmax, lookup, update) took ${ms(native.ms)} = ${times(native.ms, floor)} that floor`);
    console.log(`  (${(flops / (native.ms * 1e6)).toFixed(1)} GFLOP/s of products over the whole step)`);
  } else {
    console.log('Native against the FMA limit: no FMA flag or clock in /proc/cpuinfo, not computed');
  }
  console.log('Reference figures from issue 5 (measured before, on this machine kind; not measured now):');
  for (const [label, value] of reference) console.log(`  ${label.padEnd(width)}${ms(value)}`);
}

const steps = readSteps();
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
  const torch = runTorch(dataFile, steps);
  const tfjs = existsSync(paths.tfjs) ? await runTfjs(text, steps) : null;
  const rows = [native, node, chromium, torch, tfjs].filter(Boolean);
  printResults({ steps, vocab: node.vocab, source, names: text.split('\n').filter(Boolean).length, load }, rows, torch, tfjs);
  const figure = (row) => (row ? Number(row.ms.toFixed(4)) : null);
  console.log(JSON.stringify({ native_ms: figure(native), node_wasm_ms: figure(node), chromium_ms: figure(chromium), pytorch_ms: figure(torch), tfjs_wasm_ms: figure(tfjs) }));
} catch (error) {
  // caught here: the Emscripten loader turns an unhandled rejection into a dump of its own code
  console.error(`benchmark: ${error.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
