// The tokenizers, seen from JavaScript: a thin wrapper over cpp/wasm/tokenizer_exports.cpp.
// GPT-2's merges (gpt2-bpe.js beside embedding-lab.js, about 200 KB gzipped) are loaded into the
// core the first time the GPT-2 tokenizer is chosen.
import { loadSiteScript } from './site_script.js';

const loaded = new WeakMap();  // core -> promise that GPT-2's tokenizer is in it

/** Loads GPT-2's tokenizer into the core (once per core). */
export function loadGpt2(core) {
  if (!loaded.has(core)) {
    loaded.set(core, loadSiteScript('gpt2-bpe.js', 'embeddingLabGpt2Merges', "GPT-2's vocabulary").then((merges) => {
      core.withText(merges, (pointer, length) => core.check(core.module._el_gpt2_load(pointer, length)));
    }));
    loaded.get(core).catch(() => loaded.delete(core));  // a later call tries again
  }
  return loaded.get(core);
}

/**
 * The tokens of text: { tokens, ids, vocabularySize }, each token the text it stands for.
 * kind: 'characters' or 'words' (numbering the text's own symbols) or 'gpt2' (after loadGpt2).
 */
export function tokenize(core, kind, text) {
  return core.withText(kind, (kindPointer) => core.withText(text, (pointer, length) => {
    const json = core.module._el_tokenize(kindPointer, pointer, length);
    if (json === 0) core.throwLastError();
    const { tokens, ids, vocabulary_size: vocabularySize } = JSON.parse(core.module.UTF8ToString(json));
    return { tokens, ids, vocabularySize };
  }));
}
