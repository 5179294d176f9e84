// embedlab: the command line over the core. It trains the character-level MLP on a text with one
// example a line, samples from a trained model, gives the next-symbol probabilities after a text,
// exports the embedding table for the TensorFlow Embedding Projector, and cuts a text into tokens.
//
// Every failure is one line on stderr, "embedlab: <message>", and a non-zero exit status.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "files.hpp"
#include "model_file.hpp"
#include "sampler.hpp"
#include "tokens.hpp"
#include "trainer.hpp"

namespace {

using namespace embedlab;

// JSON whose numbers print as the shortest float32 that reads back the same, keys in order.
using Json = nlohmann::basic_json<nlohmann::ordered_map, std::vector, std::string, bool, std::int64_t,
                                  std::uint64_t, float>;

struct TrainOptions {
  std::string data, out, init = "scaled";
  std::int64_t steps = 200000;
  TrainConfig config;
};

struct SampleCommand {
  std::string model;
  int count = 20;
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

// A model file read and checked; messages start with its path.
Result<SavedModel> load_model(const std::string& path) {
  auto text = cli::read_file(path);
  if (!text.ok()) return Error{text.message()};
  auto saved = read_model(text.value());
  if (!saved.ok()) return error(path, ": ", saved.message());
  return saved;
}

// The loss of a whole split, or null when the split has no examples (a text of few lines).
Result<Json> split_loss(const Trainer& trainer, Split split) {
  if (trainer.data().split(split).size() == 0) return Json(nullptr);
  auto loss = trainer.loss(split);
  if (!loss.ok()) return Error{loss.message()};
  return Json(loss.value());
}

Status train(const TrainOptions& options) {
  TrainConfig config = options.config;
  auto init = parse_init(options.init);
  if (!init.ok()) return init.status();
  config.init = init.value();
  auto text = cli::read_file(options.data);
  if (!text.ok()) return text.status();
  auto data = make_dataset(text.value(), config.context, config.seed);
  if (!data.ok()) return error(options.data, ": ", data.message());
  auto created = Trainer::create(std::move(data.value()), config);
  if (!created.ok()) return created.status();
  Trainer& trainer = created.value();
  std::cerr << "training on " << trainer.data().train.size() << " examples of " << options.data << " (vocabulary "
            << trainer.data().vocab.size() << ", " << init_name(config.init) << " init)\n";

  const auto start = std::chrono::steady_clock::now();
  const std::int64_t report_every = std::max<std::int64_t>(1, options.steps / 20);
  double recent = 0;  // minibatch losses since the last report
  for (std::int64_t step = 1; step <= options.steps; ++step) {
    auto loss = trainer.step();
    if (!loss.ok()) return loss.status();
    recent += loss.value();
    if (step % report_every == 0 || step == options.steps) {
      const std::int64_t since = step % report_every == 0 ? report_every : step % report_every;
      std::cerr << "step " << step << " of " << options.steps << ": mean minibatch loss " << recent / static_cast<double>(since) << '\n';
      recent = 0;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  auto file = write_model(trainer.data().vocab, trainer.model());
  if (!file.ok()) return file.status();
  if (Status s = cli::write_file(options.out, file.value()); !s.ok()) return s;
  Json result;
  result["steps"] = options.steps;
  for (Split split : {Split::train, Split::dev, Split::test}) {
    auto loss = split_loss(trainer, split);
    if (!loss.ok()) return loss.status();
    result[std::string(split_name(split)) + "_loss"] = loss.value();
  }
  result["seconds"] = static_cast<float>(seconds);
  result["ms_per_step"] = static_cast<float>(seconds * 1000 / static_cast<double>(options.steps));
  std::cout << result.dump() << '\n';
  return {};
}

Status sample_names(const SampleCommand& command) {
  auto saved = load_model(command.model);
  if (!saved.ok()) return saved.status();
  Rng rng(command.seed);
  for (int i = 0; i < command.count; ++i) {
    auto drawn = sample(saved.value().mlp, saved.value().vocab, rng, command.options);
    if (!drawn.ok()) return drawn.status();
    std::cout << drawn.value().text << '\n';
  }
  return {};
}

Status probs(const ProbsOptions& options) {
  auto saved = load_model(options.model);
  if (!saved.ok()) return saved.status();
  const Vocabulary& vocab = saved.value().vocab;
  auto next = next_symbol_probs(saved.value().mlp, vocab, options.context, options.temperature);
  if (!next.ok()) return error("context \"", options.context, "\": ", next.message());
  Json result;
  result["context"] = options.context;
  result["probs"] = Json::object();
  for (Index id = 0; id < vocab.size(); ++id) result["probs"][vocab.symbols()[static_cast<size_t>(id)]] = next.value()[id];
  std::cout << result.dump() << '\n';
  return {};
}

Status export_projector(const ExportOptions& options) {
  auto saved = load_model(options.model);
  if (!saved.ok()) return saved.status();
  if (Status s = cli::write_file(options.vectors, projector_vectors(saved.value().mlp.C)); !s.ok()) return s;
  if (Status s = cli::write_file(options.metadata, projector_metadata(saved.value().vocab)); !s.ok()) return s;
  std::cerr << "wrote " << saved.value().mlp.C.rows() << " vectors of width " << saved.value().mlp.C.cols() << " to "
            << options.vectors << " and their symbols to " << options.metadata
            << ": load both at https://projector.tensorflow.org\n";
  return {};
}

int run(int argc, char** argv) {
  CLI::App app{"Embedding Lab: train a character-level MLP language model (Bengio et al. 2003, makemore part 2) "
               "on a text with one example a line, sample from it, and export its embeddings."};
  app.require_subcommand(1);
  Status status;

  TrainOptions train_options;
  TrainConfig& config = train_options.config;
  CLI::App* train_command = app.add_subcommand("train", "train a model; progress on stderr, a JSON summary on stdout");
  train_command->add_option("--data", train_options.data, "text file, one example a line (UTF-8)")->required();
  train_command->add_option("--out", train_options.out, "model file to write (JSON)")->required();
  train_command->add_option("--context", config.context, "symbols of context B")->capture_default_str();
  train_command->add_option("--embed", config.embed, "embedding width d")->capture_default_str();
  train_command->add_option("--hidden", config.hidden, "hidden tanh units H")->capture_default_str();
  train_command->add_option("--batch", config.batch, "minibatch size")->capture_default_str();
  train_command->add_option("--steps", train_options.steps, "SGD steps")->capture_default_str()->check(CLI::Range(1, 1000000000));
  train_command->add_option("--lr", config.lr, "learning rate")->capture_default_str();
  train_command->add_option("--lr-final", config.lr_final, "learning rate from --decay-at on")->capture_default_str();
  train_command->add_option("--decay-at", config.decay_at, "first step with --lr-final")->capture_default_str();
  train_command->add_option("--seed", config.seed, "seed of the split, the initial weights and the minibatches")->capture_default_str();
  train_command->add_option("--init", train_options.init, "lecture (standard normal) or scaled")->capture_default_str();
  train_command->callback([&] { status = train(train_options); });

  SampleCommand sample_command;
  SampleOptions& sampling = sample_command.options;
  CLI::App* sample_app = app.add_subcommand("sample", "print samples from a model, one a line");
  sample_app->add_option("--model", sample_command.model, "model file (JSON)")->required();
  sample_app->add_option("--count", sample_command.count, "how many samples")->capture_default_str()->check(CLI::Range(0, 1000000));
  sample_app->add_option("--temperature", sampling.temperature, "0 = greedy")->capture_default_str();
  sample_app->add_option("--seed", sample_command.seed, "seed of the draws")->capture_default_str();
  sample_app->add_option("--top-k", sampling.top_k, "keep the k most probable symbols; 0 = all")->capture_default_str();
  sample_app->add_option("--top-p", sampling.top_p, "keep the most probable symbols up to this mass")->capture_default_str();
  sample_app->add_option("--max-length", sampling.max_length, "symbols of one sample at most")->capture_default_str();
  sample_app->callback([&] { status = sample_names(sample_command); });

  ProbsOptions probs_options;
  CLI::App* probs_command = app.add_subcommand("probs", "print the next-symbol probabilities after a text as JSON");
  probs_command->add_option("--model", probs_options.model, "model file (JSON)")->required();
  probs_command->add_option("--context", probs_options.context, "the text so far; its last B symbols are read")->required();
  probs_command->add_option("--temperature", probs_options.temperature, "0 = all on the most probable")->capture_default_str();
  probs_command->callback([&] { status = probs(probs_options); });

  ExportOptions export_options;
  CLI::App* export_command = app.add_subcommand("export", "write the embedding table as the Embedding Projector's two TSV files");
  export_command->add_option("--model", export_options.model, "model file (JSON)")->required();
  export_command->add_option("--vectors", export_options.vectors, "vectors file to write")->capture_default_str();
  export_command->add_option("--metadata", export_options.metadata, "symbols file to write")->capture_default_str();
  export_command->callback([&] { status = export_projector(export_options); });

  cli::TokensOptions tokens_options;
  cli::add_tokens_command(app, tokens_options, status);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& failure) {
    std::cerr << "embedlab: " << failure.what() << '\n';
    return failure.get_exit_code();
  }
  if (status.ok()) return 0;
  std::cerr << "embedlab: " << status.message() << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& failure) {  // out of memory, say: still one line, no crash
    std::cerr << "embedlab: " << failure.what() << '\n';
    return 1;
  }
}
