// Word vectors, seen from JavaScript: a thin wrapper over cpp/wasm/word_exports.cpp. GloVe's
// table is loaded into the core once (wordsLoad); every answer is the core's, as
// [[word, score], ...] lists.

/** Loads a GloVe file's bytes (a Uint8Array, as scripts/glove.mjs writes it) into the core. */
export function wordsLoad(core, bytes) {
  core.withText(bytes, (pointer, length) => core.check(core.module._el_words_load(pointer, length)), 'GloVe’s vectors');
}

/** The loaded words, most frequent first. */
export const wordsList = (core) => core.json(core.module._el_words_list());

/** The top answers of a - b + c by 3CosAdd, best first; a, b and c left out unless keepInputs. */
export function wordsAnalogy(core, { a, b, c }, top, keepInputs) {
  return core.withText(a, (pa) => core.withText(b, (pb) => core.withText(c, (pc) =>
    core.json(core.module._el_words_analogy(pa, pb, pc, top, keepInputs ? 1 : 0)), 'c'), 'b'), 'a');
}

/** The top words at each end of the direction from `from` to `to`: { to: [[word, p], ...], from: [...] }. */
export function wordsDirection(core, to, from, top) {
  return core.withText(to, (pt) => core.withText(from, (pf) => core.json(core.module._el_words_direction(pt, pf, top)), 'from'), 'to');
}

/** One word's projection on the direction from `from` to `to`: [word, p]. */
export function wordsProjection(core, to, from, word) {
  return core.withText(to, (pt) => core.withText(from, (pf) => core.withText(word, (pw) =>
    core.json(core.module._el_words_projection(pt, pf, pw)), 'word'), 'from'), 'to');
}
