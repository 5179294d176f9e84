// embedlab similar and embedlab analogy: questions asked of a table of word vectors.
//   similar (--model FILE | --vectors FILE) --word W [--top N]
//                                                {"word": W, "neighbours": [[word, cosine], ...]}
//   analogy (--model FILE | --vectors FILE) --a A --b B --c C [--top N] [--keep-inputs]
//                                                {"query": {"a": A, "b": B, "c": C}, "answers": [[word, cosine], ...]}
// The table comes from one place, load_word_table(): the rows of E of a word model file (from
// embedlab train-words, without "." and "<unk>"), or a GloVe file (scripts/glove.mjs).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "status.hpp"
#include "word_table.hpp"

namespace embedlab::cli {

// Where the word vectors come from: exactly one of the two.
struct WordSource {
  std::string model;    // a word model file
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

// The table the source names, read and checked; messages start with the file's path. A model
// file of characters is an error that says so.
Result<WordTable> load_word_table(const WordSource& source);

Status print_similar(const SimilarOptions& options);
Status print_analogy(const AnalogyOptions& options);

// Add the two subcommands to app, reading their options into `options`.
CLI::App* add_similar_command(CLI::App& app, SimilarOptions& options);
CLI::App* add_analogy_command(CLI::App& app, AnalogyOptions& options);

}  // namespace embedlab::cli
