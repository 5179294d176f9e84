// The WebAssembly interface of the word model: a word trainer made from a corpus and settings,
// word models read from their files, and what the page asks of a word model whatever holds it
// (cosines of word pairs, a word's nearest neighbours, a 2-D picture of chosen words, its file and
// the Embedding Projector's files) and the one thing it does to a trainer's vectors (give a word
// the vector of another). Running, the losses and the facts of a trainer are el_trainer_run,
// el_trainer_loss and el_trainer_info of training_exports.cpp, which take a trainer of either kind.
//
// The questions take a holder and a handle (handles.hpp's word_model_of): held_by_trainer (0) for
// a word trainer's current weights, held_by_file (1) for a model that el_word_model_from_json read.
// Words cross as JSON (UTF-8); a word the vocabulary does not hold, "." and "<unk>" included, is an
// error that names it. Shapes: V = vocabulary (".", "<unk>", then the kept words), d = embed,
// k = words asked about.
#include <emscripten/emscripten.h>

#include "handles.hpp"
#include "model_file.hpp"
#include "projection.hpp"
#include "similarity.hpp"
#include "trainer_settings.hpp"
#include "word_queries.hpp"
#include "word_model_file.hpp"
#include "word_vocab.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

// The kept words and their rows of E (V - 2, d): what every question below searches.
Result<WordTable> table_of(const WordModelOf& m) { return word_table_of(m.vocab, m.model.E); }

// Words from a JSON array of text (length bytes); `what` names it in messages.
Result<std::vector<std::string>> read_words(std::string_view text, const char* what) {
  auto value = read_json<Json>(text, what);
  if (!value.ok()) return Error{value.message()};
  if (!value.value().is_array()) return error(what, " must be a JSON array of words, not ", quote(text));
  std::vector<std::string> words;
  for (const Json& word : value.value()) {
    if (!word.is_string()) return error(what, " must hold words, not ", word.dump());
    words.push_back(word.get<std::string>());
  }
  return words;
}

// The rows (k) of words in the table, or an error naming the first word it does not hold.
Result<Ids> rows_of(const WordTable& table, const std::vector<std::string>& words) {
  Ids rows;
  for (const std::string& word : words) {
    auto row = word_id(table, word);
    if (!row.ok()) return Error{row.message()};
    rows.push_back(row.value());
  }
  return rows;
}

// Runs question(model, table) -> Result<Json> on the word model of a holder's handle: its JSON,
// or null with its error.
template <class Question>
const char* ask(int holder, int handle, Question question) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    const std::optional<WordModelOf> m = word_model_of(holder, handle);
    if (!m) return nullptr;
    auto table = table_of(*m);
    if (!table.ok()) return fail_with<const char*>(nullptr, table.message());
    Result<Json> answer = question(*m, table.value());
    if (!answer.ok()) return fail_with<const char*>(nullptr, answer.message());
    return keep_json(answer.value());
  });
}

// Runs text(model) -> Result<std::string> on the word model of a holder's handle: the text
// (valid until the next call that returns text), or null with its error.
template <class Text>
const char* text_of(int holder, int handle, Text text) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    const std::optional<WordModelOf> m = word_model_of(holder, handle);
    if (!m) return nullptr;
    Result<std::string> made = text(*m);
    if (!made.ok()) return fail_with<const char*>(nullptr, made.message());
    return keep_text(std::move(made.value()));
  });
}

}  // namespace

extern "C" {

// ---- A word model, held by a trainer or read from a file ----------------------------------------

// A word model read from its "embedlab-words" file (length bytes), every field checked
// (read_word_model: a character model's file is refused, naming both kinds); returns its handle
// in the table of word models, or 0.
EMSCRIPTEN_KEEPALIVE int el_word_model_from_json(const char* text, int length) {
  return guarded(0, [&] {
    auto model = read_word_model(to_text(text, length));
    if (!model.ok()) return fail_with(0, model.message());
    return word_models.add(std::move(model.value()));
  });
}

// Frees a word model read from a file.
EMSCRIPTEN_KEEPALIVE int el_word_model_free(int handle) { return word_models.remove(handle); }

// The word model's sizes as JSON {"vocabSize" (V, with "." and "<unk>"), "window", "embed", "tied"}.
EMSCRIPTEN_KEEPALIVE const char* el_word_model_info(int holder, int handle) {
  return ask(holder, handle, [](const WordModelOf& m, const WordTable&) -> Result<Json> {
    return Json{{"vocabSize", m.vocab.size()}, {"window", m.model.window}, {"embed", m.model.E.cols()}, {"tied", m.model.tied()}};
  });
}

// The kept words as a JSON array, the most frequent first ("." and "<unk>" left out).
EMSCRIPTEN_KEEPALIVE const char* el_word_model_words(int holder, int handle) {
  return ask(holder, handle, [](const WordModelOf&, const WordTable& table) -> Result<Json> { return Json(table.words); });
}

// cos(a, b) of each pair of a JSON array [[a, b], ...] (length bytes), as a JSON array of numbers.
EMSCRIPTEN_KEEPALIVE const char* el_word_model_cosines(int holder, int handle, const char* pairs, int length) {
  return ask(holder, handle, [&](const WordModelOf&, const WordTable& table) -> Result<Json> {
    auto value = read_json<Json>(to_text(pairs, length), "the pairs");
    if (!value.ok()) return Error{value.message()};
    if (!value.value().is_array()) return error("the pairs must be a JSON array of [word, word], not ", quote(to_text(pairs, length)));
    Json cosines = Json::array();
    for (const Json& pair : value.value()) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        return error("a pair must be [word, word], not ", quote(pair.dump()));
      }
      auto rows = rows_of(table, {pair[0].get<std::string>(), pair[1].get<std::string>()});
      if (!rows.ok()) return Error{rows.message()};
      const RowVector<float> a = table.vectors.row(rows.value()[0]), b = table.vectors.row(rows.value()[1]);  // (d)
      auto cosine = cosine_similarity(a, b);
      if (!cosine.ok()) return Error{cosine.message()};
      cosines.push_back(exact(cosine.value()));
    }
    return cosines;
  });
}

// The `top` words nearest to `word` (a NUL-terminated UTF-8 string) by cosine, best first, the
// word itself left out: JSON [[word, cosine], ...].
EMSCRIPTEN_KEEPALIVE const char* el_word_model_similar(int holder, int handle, const char* word, double top) {
  return ask(holder, handle, [&](const WordModelOf&, const WordTable& table) -> Result<Json> {
    auto k = whole_number("top", top, 1, 1000);
    if (!k.ok()) return Error{k.message()};
    auto nearest = similar_words(table, word, std::min<Index>(k.value(), static_cast<Index>(table.words.size()) - 1));
    if (!nearest.ok()) return Error{nearest.message()};
    Json list = Json::array();
    for (const WordScore& s : nearest.value()) list.push_back(Json::array({s.word, exact(s.score)}));
    return list;
  });
}

// out (k, 2) = the vectors of k words (a JSON array, length bytes) projected to 2-D by
// project_2d: the principal directions of those k vectors. axes (d, 2) are the axes of the
// previous picture, which the new ones follow so that the picture does not mirror between
// updates, or any other shape for none; they are replaced by the axes used.
EMSCRIPTEN_KEEPALIVE int el_word_model_projection(int out, int axes, int holder, int handle, const char* words, int length) {
  return guarded(failed, [&] {
    const std::optional<WordModelOf> m = word_model_of(holder, handle);
    if (!m) return failed;
    FloatMatrix* a = matrices.find(axes);
    if (!a) return failed;
    auto table = table_of(*m);
    if (!table.ok()) return fail(table.message());
    auto chosen = read_words(to_text(words, length), "the words");
    if (!chosen.ok()) return fail(chosen.message());
    if (chosen.value().size() < 2) return fail("a picture needs at least 2 words, not " + std::to_string(chosen.value().size()));
    auto rows = rows_of(table.value(), chosen.value());
    if (!rows.ok()) return fail(rows.message());
    Matrix<float> vectors(static_cast<Index>(rows.value().size()), table.value().vectors.cols());  // (k, d)
    for (Index i = 0; i < vectors.rows(); ++i) vectors.row(i) = table.value().vectors.row(rows.value()[static_cast<size_t>(i)]);
    Matrix<double> followed = a->cast<double>();
    const int status = into(out, [&](FloatMatrix& o) {
      auto projected = project_2d(vectors, followed);
      if (projected.ok()) o = std::move(projected.value());
      return projected.status();
    });
    if (status == ok) *a = followed.cast<float>();
    return status;
  });
}

// The word model's file ("embedlab-words" JSON, word_model_file.hpp) of its weights and
// vocabulary: text valid until the next call that returns text, or null.
EMSCRIPTEN_KEEPALIVE const char* el_word_model_json(int holder, int handle) {
  return text_of(holder, handle, [](const WordModelOf& m) { return write_word_model(m.vocab, m.model); });
}

// The Embedding Projector's vectors file: one row of E a line, entries separated by tabs, for
// the kept words only. "." (the boundary that pads a context) and "<unk>" (every rare word at
// once) are left out: they are not words, and the page's questions leave them out too, so the
// Projector's neighbours are the page's. Text valid until the next call that returns text, or null.
EMSCRIPTEN_KEEPALIVE const char* el_word_model_projector_vectors(int holder, int handle) {
  return text_of(holder, handle, [](const WordModelOf& m) -> Result<std::string> {
    auto table = table_of(m);
    if (!table.ok()) return Error{table.message()};
    return projector_vectors(table.value().vectors);
  });
}

// The Embedding Projector's metadata file: the kept words, one a line, in the rows' order.
EMSCRIPTEN_KEEPALIVE const char* el_word_model_projector_metadata(int holder, int handle) {
  return text_of(holder, handle, [](const WordModelOf& m) -> Result<std::string> {
    auto table = table_of(m);
    if (!table.ok()) return Error{table.message()};
    return projector_metadata(table.value().words);
  });
}

// ---- A word trainer ---------------------------------------------------------------------------

// A word trainer for a corpus of UTF-8 text (length bytes, one text a line; word_vocab.hpp has
// the rules) with the settings in a JSON object (config_length bytes; trainer_settings.hpp names
// them; a field left out keeps WordConfig's default). Returns its handle in the table of
// trainers, or 0.
EMSCRIPTEN_KEEPALIVE int el_word_trainer_new(const char* text, int length, const char* config, int config_length) {
  return guarded(0, [&] {
    auto settings = read_word_config(to_text(config, config_length));
    if (!settings.ok()) return fail_with(0, settings.message());
    auto trainer = make_word_trainer(to_text(text, length), settings.value());
    if (!trainer.ok()) return fail_with(0, trainer.message());
    return trainers.add(std::move(trainer.value()));
  });
}

// Gives word `to` the vector (row of E) of word `from`, both NUL-terminated UTF-8: the start of
// "what if two words had identical vectors?". The rest of the model stays as it is.
EMSCRIPTEN_KEEPALIVE int el_word_trainer_copy_vector(int handle, const char* from, const char* to) {
  return guarded(failed, [&] {
    WordTrainer* t = trainer_of<WordTrainer>(handle);
    if (!t) return failed;
    auto table = word_table_of(t->data().vocab, t->model().E);
    if (!table.ok()) return fail(table.message());
    auto rows = rows_of(table.value(), {from, to});
    if (!rows.ok()) return fail(rows.message());
    const Id first_word = unknown_word + 1;  // the table's row r is the vocabulary's id r + 2, after "." and "<unk>"
    return report(t->copy_embedding_row(rows.value()[0] + first_word, rows.value()[1] + first_word));
  });
}

}  // extern "C"
