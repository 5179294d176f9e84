// Builds the static site into build/site/: the page, its stylesheet and icon, and one classic
// script (embedding-lab.js) that defines the <embedding-lab> element, with the lab's modules,
// its stylesheet and the WASM core bundled in. A classic script, not a module, so the page also
// works when opened from file://.
// Formulas in the sections' HTML, marked data-tex (inline) or data-tex-display (block), are
// typeset here, once, by KaTeX as MathML, which browsers draw natively: the site ships no KaTeX
// code or fonts.
//   node web/build.mjs
import * as esbuild from 'esbuild';
import katex from 'katex';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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

await mkdir(site, { recursive: true });
await esbuild.build({
  entryPoints: [`${root}web/src/main.js`],
  outfile: `${site}/embedding-lab.js`,
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: {
    'embedlab-wasm': `${root}build/wasm/embedlab_core.cjs`,
    'embedlab-wasm-binary': `${root}build/wasm/embedlab_core.wasm`,  // embedded as bytes
  },
  // The Emscripten loader requires fs and path only when it runs under Node; never in a browser.
  external: ['fs', 'path'],
  loader: { '.css': 'text', '.wasm': 'binary' },
  plugins: [sectionFiles],
});
await mkdir(`${site}/examples`, { recursive: true });
for (const file of ['index.html', 'embed.html', 'page.css', 'favicon.svg', 'examples/course.html', 'examples/course.js', 'examples/course.css']) {
  await copyFile(`${root}web/${file}`, `${site}/${file}`);
}
console.log(`site built in ${site}`);
