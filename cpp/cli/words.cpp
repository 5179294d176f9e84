#include "words.hpp"

#include <iostream>
#include <nlohmann/json.hpp>
#include <variant>

#include "arguments.hpp"
#include "files.hpp"
#include "glove_file.hpp"
#include "limits.hpp"
#include "model_json.hpp"
#include "word_queries.hpp"
#include "word_vocab.hpp"

namespace embedlab::cli {

namespace {

using model_json::Json;  // numbers as the shortest float32 that reads back the same, keys in order

Json scores_json(const std::vector<WordScore>& scores) {
  Json list = Json::array();
  for (const WordScore& s : scores) list.push_back(Json::array({s.word, s.score}));
  return list;
}

// --model and --vectors, of which the command line must give exactly one.
void add_source(CLI::App* command, WordSource& source) {
  CLI::Option* model = command->add_option("--model", source.model, "word model file (from embedlab train-words)");
  CLI::Option* vectors =
      command->add_option("--vectors", source.vectors, "word vectors file (build/glove/glove-20k.bin, from scripts/glove.mjs)");
  command->callback([model, vectors] {
    const bool has_model = model->count() > 0, has_vectors = vectors->count() > 0;
    if (!has_model && !has_vectors) {
      throw CLI::ValidationError("--model or --vectors is required: a word model file (from embedlab train-words) or a GloVe file",
                                 CLI::ExitCodes::ValidationError);
    }
    if (has_model && has_vectors) {
      throw CLI::ValidationError("--model and --vectors are both given: give one of them, a word model file or a GloVe file",
                                 CLI::ExitCodes::ValidationError);
    }
  });
}

void add_top(CLI::App* command, std::int64_t& top) {
  add_number(command, "--top", top, "how many words to print", whole(1, 1000));
}

}  // namespace

Result<WordTable> load_word_table(const WordSource& source) {
  if (source.vectors.empty()) {  // --model (or --vectors "", which no path opens)
    auto model = read_model_file(source.model);
    if (!model.ok()) return Error{model.message()};
    const auto* words = std::get_if<SavedWordModel>(&model.value());
    if (words == nullptr) {
      return error(shown(source.model), ": this file holds a model of characters (\"embedlab-mlp\"): its vectors are "
                   "letters, not words; train a word model with embedlab train-words");
    }
    auto table = word_table_of(words->vocab, words->model.E);
    if (!table.ok()) return error(shown(source.model), ": ", table.message());
    return table;
  }
  auto bytes = read_file(source.vectors, max_glove_file_bytes, "a GloVe file");
  if (!bytes.ok()) return Error{bytes.message()};
  auto table = read_glove(bytes.value());
  if (!table.ok()) return error(shown(source.vectors), ": ", table.message());
  return table;
}

Status print_similar(const SimilarOptions& options) {
  auto table = load_word_table(options.source);
  if (!table.ok()) return table.status();
  auto neighbours = similar_words(table.value(), options.word, options.top);
  if (!neighbours.ok()) return neighbours.status();
  Json result;
  result["word"] = options.word;
  result["neighbours"] = scores_json(neighbours.value());
  std::cout << result.dump() << '\n';
  return {};
}

Status print_analogy(const AnalogyOptions& options) {
  auto table = load_word_table(options.source);
  if (!table.ok()) return table.status();
  auto answers = analogy_answers(table.value(), options.a, options.b, options.c, options.top, options.keep_inputs);
  if (!answers.ok()) return answers.status();
  Json result;
  result["query"] = {{"a", options.a}, {"b", options.b}, {"c", options.c}};
  result["answers"] = scores_json(answers.value());
  std::cout << result.dump() << '\n';
  return {};
}

CLI::App* add_similar_command(CLI::App& app, SimilarOptions& options) {
  CLI::App* command = app.add_subcommand("similar", "print the words nearest to a word by cosine as JSON");
  add_source(command, options.source);
  command->add_option("--word", options.word, "the word")->required();
  add_top(command, options.top);
  return command;
}

CLI::App* add_analogy_command(CLI::App& app, AnalogyOptions& options) {
  CLI::App* command = app.add_subcommand("analogy", "print the answers of a - b + c (3CosAdd on unit vectors) as JSON");
  add_source(command, options.source);
  command->add_option("--a", options.a, "a, as in king - man + woman")->required();
  command->add_option("--b", options.b, "b, the word taken away")->required();
  command->add_option("--c", options.c, "c, the word added")->required();
  add_top(command, options.top);
  command->add_flag("--keep-inputs", options.keep_inputs, "let a, b and c be answers too (the standard evaluations leave them out)");
  return command;
}

}  // namespace embedlab::cli
