// The tokenizers, seen from JavaScript: a thin wrapper over cpp/wasm/tokenizer_exports.cpp.
// Characters and words number the text's own symbols; GPT-2's byte-level BPE needs its merges
// loaded into the core first (gpt2Load).
import { oneOf } from './check.js';

const kinds = { characters: 'chars', words: 'words', gpt2: 'gpt2' };

/** Loads GPT-2's tokenizer into the core from its merges file's text (scripts/gpt2_bpe.mjs). */
export function gpt2Load(core, merges) {
  core.withText(merges, (pointer, length) => core.check(core.module._el_gpt2_load(pointer, length)), 'GPT-2’s merges');
}

/**
 * The tokens of text: { tokens, ids, vocabularySize }, each token the text it stands for.
 * kind: 'characters', 'words' or 'gpt2' (after gpt2Load).
 */
export function tokenize(core, kind, text) {
  return core.withText(oneOf('tokenizer', kind, kinds), (kindPointer) => core.withText(text, (pointer, length) => {
    const { tokens, ids, vocabulary_size: vocabularySize } = core.json(core.module._el_tokenize(kindPointer, pointer, length));
    return { tokens, ids, vocabularySize };
  }));
}
