// Loads the WASM build of the core through the same wrapper the page uses (web/src/core/).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/src/core/core.js';

const require = createRequire(import.meta.url);
const build = (name) => fileURLToPath(new URL(`../../build/wasm/${name}`, import.meta.url));

export function loadWasmCore() {
  return loadCore(require(build('embedlab_core.cjs')), readFileSync(build('embedlab_core.wasm')));
}
