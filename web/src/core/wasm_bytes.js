// The core's WASM bytes, found beside embedding-lab.js in one of two forms:
//   embedlab-core.wasm     the bytes themselves, fetched when the page and the lab share an
//                          origin: the smallest download (a host compresses them well)
//   embedlab-core-wasm.js  the same bytes as base64 in a script that sets one global: for a page
//                          opened from file:// or a lab on another origin, where no fetch reaches
//                          them, and for a Content-Security-Policy that allows no connection
// Either way the Emscripten loader is handed the bytes and never fetches anything itself.
import { siteBase } from '../site_base.js';
import { loadSiteScript } from '../site_script.js';

const sameOrigin = () => siteBase !== '' && location.protocol !== 'file:' && new URL(siteBase).origin === location.origin;

async function fetched() {
  const response = await fetch(`${siteBase}embedlab-core.wasm`);
  if (!response.ok) throw new Error(`embedlab-core.wasm: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fromScript() {
  const base64 = await loadSiteScript('embedlab-core-wasm.js', 'embeddingLabCoreWasm', 'the core');
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

let bytes;
/** The core's bytes (a Uint8Array), loaded once. */
export function wasmBytes() {
  bytes ??= (sameOrigin() ? fetched().catch(fromScript) : fromScript()).catch((error) => {
    bytes = undefined;  // a later call tries again
    throw error;
  });
  return bytes;
}
