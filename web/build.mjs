// Builds the static site into build/site/: the page, its stylesheet, and one classic script
// (embedding-lab.js) that bundles the page's modules with the WASM core embedded in it.
// A classic script, not a module, so the page also works when opened from file://.
//   node web/build.mjs
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}build/site`;

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
  alias: { 'embedlab-wasm': `${root}build/wasm/embedlab_core.cjs` },
  // The Emscripten loader requires fs and path only when it runs under Node; never in a browser.
  external: ['fs', 'path'],
});
for (const file of ['index.html', 'style.css', 'favicon.svg']) await copyFile(`${root}web/${file}`, `${site}/${file}`);
console.log(`site built in ${site}`);
