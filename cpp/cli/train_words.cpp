#include "train_words.hpp"

#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "arguments.hpp"
#include "files.hpp"
#include "limits.hpp"
#include "progress.hpp"
#include "word_model_file.hpp"

namespace embedlab::cli {


CLI::App* add_train_words_command(CLI::App& app, TrainWordsOptions& options) {
  WordConfig& c = options.config;
  CLI::App* command = app.add_subcommand("train-words", "train the CBOW word model on a corpus; progress on stderr, a JSON summary on stdout");
  command->add_option("--data", options.data, "corpus, one text a line (UTF-8)")->required();
  command->add_option("--out", options.out, "word model file to write (JSON, \"embedlab-words\")")->required();
  add_number(command, "--embed", c.embed, "embedding width d", whole(embed_range));
  add_number(command, "--window", c.data.window, "context words on each side k", whole(window_range));
  add_number(command, "--words", c.data.words, "the most frequent words kept", whole(words_range));
  add_number(command, "--min-count", c.data.min_count, "times a kept word occurs at least", whole(min_count_range));
  add_number(command, "--batch", c.batch, "minibatch size", whole(batch_range));
  add_number(command, "--steps", c.steps, "SGD steps (the learning rate falls to 0 over them)", whole(steps_range));
  add_number(command, "--lr", c.lr, "learning rate of the first step", parse_float);
  add_number(command, "--seed", c.seed, "seed of subsampling, the split, the initial weights and the minibatches", seed);
  add_number(command, "--subsample", c.data.subsample, "t of frequent-word subsampling; 0 keeps every word", parse_float);
  command->add_flag("--tied,!--untied", c.tied, "logits h E^T + b (the default) or, with --untied, h W_U + b with a separate output matrix");
  return command;
}

Status train_words(const TrainWordsOptions& options) {
  const WordConfig& config = options.config;
  if (Status s = check_config(config); !s.ok()) return s;
  if (Status s = check_distinct("--data", options.data, "--out", options.out); !s.ok()) return s;
  auto text = read_file(options.data, max_corpus_bytes, "a corpus");
  if (!text.ok()) return text.status();
  auto created = make_word_trainer(text.value(), config);
  if (!created.ok()) return error(shown(options.data), ": ", created.message());
  auto out = OutputFile::open(options.out);  // before the run, not after it
  if (!out.ok()) return out.status();
  WordTrainer& trainer = created.value();
  std::cerr << "training on " << trainer.data().train.size() << " examples of " << shown(options.data) << " (vocabulary "
            << trainer.data().vocab.size() << " with \".\" and \"<unk>\")\n";
  auto took = run_with_progress(trainer, config.steps);
  if (!took.ok()) return took.status();
  const double seconds = took.value();

  auto file = write_word_model(trainer.data().vocab, trainer.model());
  if (!file.ok()) return file.status();
  if (Status s = out.value().commit(file.value()); !s.ok()) return s;
  auto summary = run_summary(trainer, config.steps, seconds);
  if (!summary.ok()) return summary.status();
  Json& result = summary.value();
  result["words_per_second"] = static_cast<float>(static_cast<double>(config.steps * config.batch) / seconds);
  result["vocabulary_size"] = trainer.data().vocab.size();
  std::cout << result.dump() << '\n';
  return {};
}

}  // namespace embedlab::cli
