// embedlab similar and embedlab analogy: questions asked of a table of word vectors.
//   similar --vectors FILE --word W [--top N]    {"word": W, "neighbours": [[word, cosine], ...]}
//   analogy --vectors FILE --a A --b B --c C [--top N] [--keep-inputs]
//                                                {"query": {"a": A, "b": B, "c": C}, "answers": [[word, cosine], ...]}
// The table comes from one place, load_word_table(): a GloVe file (scripts/glove.mjs).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "status.hpp"
#include "word_table.hpp"

namespace embedlab::cli {

// Where the word vectors come from.
struct WordSource {
  std::string vectors;  // a GloVe file
};

struct SimilarOptions {
  WordSource source;
  std::string word;
  std::int64_t top = 10;
};

struct AnalogyOptions {
  WordSource source;
  std::string a, b, c;
  std::int64_t top = 10;
  bool keep_inputs = false;
};

// The table the source names, read and checked; messages start with the file's path.
Result<WordTable> load_word_table(const WordSource& source);

Status print_similar(const SimilarOptions& options);
Status print_analogy(const AnalogyOptions& options);

// Add the two subcommands to app, reading their options into `options`.
CLI::App* add_similar_command(CLI::App& app, SimilarOptions& options);
CLI::App* add_analogy_command(CLI::App& app, AnalogyOptions& options);

}  // namespace embedlab::cli
