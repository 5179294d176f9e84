// The WebAssembly interface of the next word (next_word.hpp): what a word model says of the word
// after a typed context, for section 5. The model is a holder's handle (handles.hpp's
// word_model_of): a word trainer's current weights (0) or a model read from its file (1). Words cross as JSON (UTF-8).
// Shapes: k = window, n = 2k context words, d = embed, N = top words.
#include <emscripten/emscripten.h>

#include "handles.hpp"
#include "next_word.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

Json vector_json(const RowVector<float>& v) {
  Json list = Json::array();
  for (float x : v) list.push_back(exact(x));
  return list;
}

}  // namespace

extern "C" {

// The top next words after a context (UTF-8 text, length bytes) at temperature T (0 or more), as
// JSON: { read (n words, "." as padding), ids (n), unknown (typed words read as "<unk>"),
// leftOut (typed words before the last k), window (k), tied, vocabSize, h (d), entropyBits (of
// all V), rows: [[word, logit, probability, output (d), bias], ...] (N, best first) }, where
// logit = h . output + bias and output is W_U's column (the word's row of E when tied). Null, with
// an error that names the bad value, otherwise.
EMSCRIPTEN_KEEPALIVE const char* el_word_model_next_words(int holder, int handle, const char* context, int length, double T, double top) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    const std::optional<WordModelOf> m = word_model_of(holder, handle);
    if (!m) return nullptr;
    auto N = whole_number("top", top, 1, max_words + 2);
    if (!N.ok()) return fail_with<const char*>(nullptr, N.message());
    auto temperature = to_float("temperature", T);
    if (!temperature.ok()) return fail_with<const char*>(nullptr, temperature.message());
    auto next = next_words(m->model, m->vocab, to_text(context, length), temperature.value(), N.value());
    if (!next.ok()) return fail_with<const char*>(nullptr, next.message());
    const NextWords& w = next.value();
    Json rows = Json::array();
    for (const ScoredWord& s : w.top) rows.push_back(Json::array({s.word, exact(s.logit), exact(s.probability), vector_json(s.output), exact(s.bias)}));
    return keep_json({{"read", w.read}, {"ids", w.ids}, {"unknown", w.unknown}, {"leftOut", w.left_out},
                      {"window", m->model.window}, {"tied", m->model.tied()}, {"vocabSize", m->model.E.rows()},
                      {"h", vector_json(w.h)}, {"entropyBits", exact(w.entropy_bits)}, {"rows", rows}});
  });
}

}  // extern "C"
