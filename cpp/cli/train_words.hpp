// embedlab train-words: trains the CBOW word model on a corpus (one text a line) and writes its
// model file ("embedlab-words", word_model_file.hpp), which `embedlab similar --model`, `analogy
// --model` and `export` read.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "status.hpp"
#include "word_training.hpp"

namespace embedlab::cli {

struct TrainWordsOptions {
  std::string data, out;
  WordConfig config;
};

CLI::App* add_train_words_command(CLI::App& app, TrainWordsOptions& options);

// Progress on stderr; stdout ends with one JSON line {"steps", "train_loss", "dev_loss",
// "test_loss", "seconds", "ms_per_step", "words_per_second", "vocabulary_size"}.
Status train_words(const TrainWordsOptions& options);

}  // namespace embedlab::cli
