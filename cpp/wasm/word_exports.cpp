// The WebAssembly interface of word vectors: GloVe's table, loaded once when section 6's real
// vectors are opened, and the questions the page asks of it. Words cross as UTF-8 C strings;
// answers cross as JSON lists of [word, score] pairs.
#include <emscripten/emscripten.h>

#include <memory>

#include "glove_file.hpp"
#include "handles.hpp"
#include "word_direction.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

std::unique_ptr<WordTable> words;  // null until el_words_load succeeds

Json scores_json(const std::vector<WordScore>& scores) {
  Json list = Json::array();
  for (const WordScore& s : scores) list.push_back(Json::array({s.word, exact(s.score)}));
  return list;
}

// Runs query(table) -> Result<Json> on the loaded table: its JSON, or null with its error.
template <class Query>
const char* ask(Query query) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    if (!words) return fail_with<const char*>(nullptr, "no word vectors are loaded yet");
    Result<Json> answer = query(*words);
    if (!answer.ok()) return fail_with<const char*>(nullptr, answer.message());
    return keep_json(answer.value());
  });
}

}  // namespace

extern "C" {

// Loads a GloVe file (bytes, length of them, as scripts/glove.mjs writes it) as the table of
// words. Returns a status; a table loaded before stays on failure.
EMSCRIPTEN_KEEPALIVE int el_words_load(const char* bytes, int length) {
  return guarded(failed, [&] {
    auto table = read_glove(to_text(bytes, length));
    if (!table.ok()) return fail(table.message());
    words = std::make_unique<WordTable>(std::move(table.value()));
    return ok;
  });
}

// The loaded table's words as a JSON list, most frequent first.
EMSCRIPTEN_KEEPALIVE const char* el_words_list() {
  return ask([](const WordTable& table) -> Result<Json> { return Json(table.words); });
}

// The answers of a - b + c (3CosAdd): top of them, best first, leaving out a, b and c unless
// keep_inputs is 1. JSON [[word, cosine], ...].
EMSCRIPTEN_KEEPALIVE const char* el_words_analogy(const char* a, const char* b, const char* c, double top, int keep_inputs) {
  return ask([&](const WordTable& table) -> Result<Json> {
    auto k = whole_number("top", top, 1, 1000);
    if (!k.ok()) return Error{k.message()};
    auto answers = analogy_answers(table, a, b, c, k.value(), keep_inputs != 0);
    if (!answers.ok()) return Error{answers.message()};
    return scores_json(answers.value());
  });
}

// The direction from `from` to `to` and where words lie on it: JSON {"to": [[word, projection],
// ...] the top words most on the `to` side, "from": the top most on the `from` side, largest
// projection first for "to", most negative first for "from"}.
EMSCRIPTEN_KEEPALIVE const char* el_words_direction(const char* to, const char* from, double top) {
  return ask([&](const WordTable& table) -> Result<Json> {
    auto k = whole_number("top", top, 1, 1000);
    if (!k.ok()) return Error{k.message()};
    auto direction = word_direction(table, to, from);
    if (!direction.ok()) return Error{direction.message()};
    auto scores = projections(table, direction.value());
    if (!scores.ok()) return Error{scores.message()};
    std::vector<WordScore> from_end = top_words(table, -scores.value(), k.value());
    for (WordScore& s : from_end) s.score = -s.score;
    return Json{{"to", scores_json(top_words(table, scores.value(), k.value()))}, {"from", scores_json(from_end)}};
  });
}

// One word's projection on the direction from `from` to `to`, as JSON [word, projection].
EMSCRIPTEN_KEEPALIVE const char* el_words_projection(const char* to, const char* from, const char* word) {
  return ask([&](const WordTable& table) -> Result<Json> {
    auto direction = word_direction(table, to, from);
    if (!direction.ok()) return Error{direction.message()};
    auto projection = projection_of(table, word, direction.value());
    if (!projection.ok()) return Error{projection.message()};
    return Json::array({word, exact(projection.value())});
  });
}

}  // extern "C"
