// Loads the WASM build of the core through the same wrapper the page uses (web/src/core.js).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/src/core.js';

const require = createRequire(import.meta.url);
export const wasmPath = fileURLToPath(new URL('../../build/wasm/embedlab_core.cjs', import.meta.url));

export function loadWasmCore() {
  return loadCore(require(wasmPath));
}
