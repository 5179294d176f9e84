// embedlab: the command line over the core. It trains the character-level MLP on a text with one
// example a line, samples from a trained model, gives the next-symbol probabilities after a text,
// exports the embedding table (of either kind of model) for the TensorFlow Embedding Projector,
// cuts a text into tokens, trains the word model, and asks word vectors (a word model's, or
// GloVe's) for a word's neighbours and for analogies.
//
// Every failure is one line on stderr, "embedlab: <message>" quoting at most a short prefix of a
// bad value, and exit status 2 for a bad command line, 1 for anything else. Files are read with a
// size limit and written whole or not at all (cli::OutputFile).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>

#include "arguments.hpp"
#include "files.hpp"
#include "progress.hpp"
#include "limits.hpp"
#include "model_file.hpp"
#include "sampler.hpp"
#include "tokens.hpp"
#include "trainer.hpp"
#include "train_words.hpp"
#include "utf8.hpp"
#include "word_vocab.hpp"
#include "words.hpp"

namespace {

using namespace embedlab;

using cli::Json;

struct TrainOptions {
  std::string data, out, init = "scaled";
  std::int64_t steps = 200000;
  TrainConfig config;
};

struct SampleCommand {
  std::string model;
  std::int64_t count = 20;
  std::uint64_t seed = 1;
  SampleOptions options;
};

struct ProbsOptions {
  std::string model, context;
  float temperature = 1.0f;
};

struct ExportOptions {
  std::string model, vectors = "vectors.tsv", metadata = "metadata.tsv";
};

// A character model's file read and checked; messages start with its path.
Result<SavedModel> load_model(const std::string& path) {
  auto model = cli::read_model_file(path);
  if (!model.ok()) return Error{model.message()};
  if (auto* mlp = std::get_if<SavedModel>(&model.value())) return std::move(*mlp);
  return error(cli::shown(path), ": this file holds a word model (\"embedlab-words\"): sample and probs need a model of "
               "characters (\"embedlab-mlp\", from embedlab train)");
}

// The rows the projector shows and their labels: a character model's C with every symbol, or a
// word model's E without "." and "<unk>" (word_table_of), which are not words to look at.
Result<WordTable> projected_rows(AnyModel model) {
  if (auto* mlp = std::get_if<SavedModel>(&model)) return WordTable{mlp->vocab.symbols(), std::move(mlp->mlp.C)};
  const SavedWordModel& words = std::get<SavedWordModel>(model);
  return word_table_of(words.vocab, words.model.E);
}

Status train(const TrainOptions& options) {
  TrainConfig config = options.config;
  auto init = parse_init(options.init);
  if (!init.ok()) return init.status();
  config.init = init.value();
  if (Status s = check_config(config); !s.ok()) return s;
  if (Status s = cli::check_distinct("--data", options.data, "--out", options.out); !s.ok()) return s;
  auto text = cli::read_file(options.data, max_text_bytes, "a text");
  if (!text.ok()) return text.status();
  auto data = make_dataset(text.value(), config.context, config.seed);
  if (!data.ok()) return error(cli::shown(options.data), ": ", data.message());
  auto created = Trainer::create(std::move(data.value()), config);
  if (!created.ok()) return created.status();
  auto out = cli::OutputFile::open(options.out);  // before the run, not after it
  if (!out.ok()) return out.status();
  Trainer& trainer = created.value();
  std::cerr << "training on " << trainer.data().train.size() << " examples of " << cli::shown(options.data)
            << " (vocabulary " << trainer.data().vocab.size() << ", " << init_name(config.init) << " init)\n";

  auto took = cli::run_with_progress(trainer, options.steps);
  if (!took.ok()) return took.status();
  const double seconds = took.value();

  auto file = write_model(trainer.data().vocab, trainer.model());
  if (!file.ok()) return file.status();
  if (Status s = out.value().commit(file.value()); !s.ok()) return s;
  auto summary = cli::run_summary(trainer, options.steps, seconds);
  if (!summary.ok()) return summary.status();
  std::cout << summary.value().dump() << '\n';
  return {};
}

Status sample_names(const SampleCommand& command) {
  if (Status s = check_sample_options(command.options); !s.ok()) return s;
  auto saved = load_model(command.model);
  if (!saved.ok()) return saved.status();
  Rng rng(command.seed);
  for (std::int64_t i = 0; i < command.count; ++i) {
    auto drawn = sample(saved.value().mlp, saved.value().vocab, rng, command.options);
    if (!drawn.ok()) return drawn.status();
    std::cout << drawn.value().text << '\n';
  }
  return {};
}

Status probs(const ProbsOptions& options) {
  if (Status s = check_temperature(options.temperature); !s.ok()) return s;
  auto saved = load_model(options.model);
  if (!saved.ok()) return saved.status();
  const Vocabulary& vocab = saved.value().vocab;
  auto next = next_symbol_probs(saved.value().mlp, vocab, options.context, options.temperature);
  if (!next.ok()) return error("context ", quote(options.context), ": ", next.message());
  Json result;
  result["context"] = options.context;
  result["probs"] = Json::object();
  for (Index id = 0; id < vocab.size(); ++id) result["probs"][vocab.symbols()[static_cast<size_t>(id)]] = next.value()[id];
  std::cout << result.dump() << '\n';
  return {};
}

// Both files or neither: both are opened (so a bad folder fails before anything is written),
// then written.
Status export_projector(const ExportOptions& options) {
  if (Status s = cli::check_distinct("--model", options.model, "--vectors", options.vectors); !s.ok()) return s;
  if (Status s = cli::check_distinct("--model", options.model, "--metadata", options.metadata); !s.ok()) return s;
  if (Status s = cli::check_distinct("--vectors", options.vectors, "--metadata", options.metadata); !s.ok()) return s;
  auto model = cli::read_model_file(options.model);
  if (!model.ok()) return model.status();
  auto rows = projected_rows(std::move(model.value()));
  if (!rows.ok()) return rows.status();
  const WordTable& table = rows.value();
  auto vectors = cli::OutputFile::open(options.vectors);
  if (!vectors.ok()) return vectors.status();
  auto metadata = cli::OutputFile::open(options.metadata);
  if (!metadata.ok()) return metadata.status();
  if (Status s = vectors.value().commit(projector_vectors(table.vectors)); !s.ok()) return s;
  if (Status s = metadata.value().commit(projector_metadata(table.words)); !s.ok()) return s;
  std::cerr << "wrote " << table.vectors.rows() << " vectors of width " << table.vectors.cols() << " to "
            << cli::shown(options.vectors) << " and their symbols to " << cli::shown(options.metadata)
            << ": load both at https://projector.tensorflow.org\n";
  return {};
}

// The first argument that no command or option took, or "".
std::string first_unexpected(const CLI::App& app) {
  if (!app.remaining().empty()) return app.remaining().front();
  for (const CLI::App* command : app.get_subcommands()) {
    if (!command->remaining().empty()) return command->remaining().front();
  }
  return "";
}

// A parse error in words: a bad number as add_number says it, an unknown argument or an option
// given twice named, anything else as CLI11 says it, on one line and cut short.
std::string explain(const CLI::App& app, const CLI::ParseError& failure) {
  if (dynamic_cast<const CLI::ValidationError*>(&failure) != nullptr) return failure.what();
  const CLI::App* command = app.get_subcommands().empty() ? &app : app.get_subcommands().front();
  const std::string name = command == &app ? "embedlab" : "embedlab " + command->get_name();
  if (dynamic_cast<const CLI::ExtrasError*>(&failure) != nullptr) {
    return quote(first_unexpected(app)) + " is not an option of " + name + " (see " + name + " --help)";
  }
  for (const CLI::Option* option : command->get_options()) {
    if (option->count() > 1) return option->get_name() + " is given " + std::to_string(option->count()) + " times: give it once";
  }
  return clip(failure.what(), 200);
}

int run(int argc, char** argv) {
  CLI::App app{"Embedding Lab: train a character-level MLP language model (Bengio et al. 2003, makemore part 2) "
               "on a text with one example a line, sample from it, and export its embeddings."};
  app.require_subcommand(1);

  TrainOptions train_options;
  TrainConfig& config = train_options.config;
  CLI::App* train_command = app.add_subcommand("train", "train a model; progress on stderr, a JSON summary on stdout");
  train_command->add_option("--data", train_options.data, "text file, one example a line (UTF-8)")->required();
  train_command->add_option("--out", train_options.out, "model file to write (JSON)")->required();
  cli::add_number(train_command, "--context", config.context, "symbols of context B", cli::whole(context_range));
  cli::add_number(train_command, "--embed", config.embed, "embedding width d", cli::whole(embed_range));
  cli::add_number(train_command, "--hidden", config.hidden, "hidden tanh units H", cli::whole(hidden_range));
  cli::add_number(train_command, "--batch", config.batch, "minibatch size", cli::whole(batch_range));
  cli::add_number(train_command, "--steps", train_options.steps, "SGD steps", cli::whole(steps_range));
  cli::add_number(train_command, "--lr", config.lr, "learning rate", cli::parse_float);
  cli::add_number(train_command, "--lr-final", config.lr_final, "learning rate from --decay-at on", cli::parse_float);
  cli::add_number(train_command, "--decay-at", config.decay_at, "first step with --lr-final (default: half of --steps)",
             cli::whole(0, std::numeric_limits<std::int64_t>::max()));
  cli::add_number(train_command, "--seed", config.seed, "seed of the split, the initial weights and the minibatches", cli::seed);
  train_command->add_option("--init", train_options.init, "lecture (standard normal) or scaled")->capture_default_str();

  SampleCommand sample_command;
  SampleOptions& sampling = sample_command.options;
  CLI::App* sample_app = app.add_subcommand("sample", "print samples from a model, one a line");
  sample_app->add_option("--model", sample_command.model, "model file (JSON)")->required();
  cli::add_number(sample_app, "--count", sample_command.count, "how many samples", cli::whole(0, 1000000));
  cli::add_number(sample_app, "--temperature", sampling.temperature, "0 = greedy", cli::parse_float);
  cli::add_number(sample_app, "--seed", sample_command.seed, "seed of the draws", cli::seed);
  cli::add_number(sample_app, "--top-k", sampling.top_k, "keep the k most probable symbols; 0 = all",
             cli::whole(0, std::numeric_limits<Index>::max()));
  cli::add_number(sample_app, "--top-p", sampling.top_p, "keep the most probable symbols up to this mass", cli::parse_float);
  cli::add_number(sample_app, "--max-length", sampling.max_length, "symbols of one sample at most", cli::whole(max_length_range));

  ProbsOptions probs_options;
  CLI::App* probs_command = app.add_subcommand("probs", "print the next-symbol probabilities after a text as JSON");
  probs_command->add_option("--model", probs_options.model, "model file (JSON)")->required();
  probs_command->add_option("--context", probs_options.context, "the text so far; its last B symbols are read")->required();
  cli::add_number(probs_command, "--temperature", probs_options.temperature, "0 = all on the most probable", cli::parse_float);

  ExportOptions export_options;
  CLI::App* export_command = app.add_subcommand("export", "write the embedding table as the Embedding Projector's two TSV files");
  export_command->add_option("--model", export_options.model, "model file (JSON): a character model, or a word model")->required();
  export_command->add_option("--vectors", export_options.vectors, "vectors file to write")->capture_default_str();
  export_command->add_option("--metadata", export_options.metadata, "symbols file to write")->capture_default_str();

  cli::TrainWordsOptions words_options;
  CLI::App* words_command = cli::add_train_words_command(app, words_options);

  cli::TokensOptions tokens_options;
  CLI::App* tokens_command = cli::add_tokens_command(app, tokens_options);

  cli::SimilarOptions similar_options;
  CLI::App* similar_command = cli::add_similar_command(app, similar_options);
  cli::AnalogyOptions analogy_options;
  CLI::App* analogy_command = cli::add_analogy_command(app, analogy_options);

  // No command, or a first argument that is neither an option nor a command (a mistyped command).
  const std::string commands = "train, train-words, sample, probs, export, tokens, similar and analogy (see embedlab --help)";
  if (argc == 1) {
    std::cerr << "embedlab: A subcommand is required: " << commands << '\n';
    return 2;
  }
  auto named = [&](const CLI::App* command) { return command->check_name(argv[1]); };
  if (argv[1][0] != '-' && app.get_subcommands(named).empty()) {
    std::cerr << "embedlab: " << quote(argv[1]) << " is not a command: the commands are " << commands << '\n';
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& failure) {
    std::cerr << "embedlab: " << explain(app, failure) << '\n';
    return 2;
  }
  // The lecture decays halfway (step 100,000 of 200,000), and so does a run of any length here.
  if (train_command->count("--decay-at") == 0) config.decay_at = train_options.steps / 2;
  Status status = train_command->parsed()   ? train(train_options)
                  : sample_app->parsed()    ? sample_names(sample_command)
                  : probs_command->parsed() ? probs(probs_options)
                  : tokens_command->parsed() ? cli::print_tokens(tokens_options)
                  : similar_command->parsed() ? cli::print_similar(similar_options)
                  : analogy_command->parsed() ? cli::print_analogy(analogy_options)
                  : words_command->parsed() ? cli::train_words(words_options)
                                            : export_projector(export_options);
  std::cout.flush();
  if (status.ok() && !std::cout) status = error("cannot write the output: ", std::strerror(errno));
  if (status.ok()) return 0;
  std::cerr << "embedlab: " << status.message() << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  // A write beyond `ulimit -f` would end the program with SIGXFSZ before it could remove its
  // temporary file; ignored, the write fails with EFBIG and the command says so.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const std::exception& failure) {  // out of memory, say: still one line, no crash
    std::cerr << "embedlab: " << clip(failure.what(), 200) << '\n';
    return 1;
  }
}
