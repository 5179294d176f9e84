// Where the built site lives: the folder of embedding-lab.js, read while the script runs. The
// training worker and the datasets are loaded from there, and the embed snippets point there.

export const siteBase = (() => {
  const src = globalThis.document?.currentScript?.src ?? '';
  return src ? src.slice(0, src.lastIndexOf('/') + 1) : '';
})();
