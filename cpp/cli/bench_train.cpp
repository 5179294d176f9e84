// embedlab_bench: how long one SGD step of the lecture's model takes natively. Not part of the
// tests; run build/native/cpp/cli/embedlab_bench [--steps 20000] [--data FILE].
//
// The model and batch are makemore part 2's (V 27, B 3, d 10, H 200, batch 32, lecture init) on
// the bundled names. After 100 steps of warm-up (first-touch of the buffers), it times --steps
// steps and prints a line for people on stderr and one JSON object on stdout.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <string>

#include "arguments.hpp"
#include "files.hpp"
#include "limits.hpp"
#include "trainer.hpp"

using namespace embedlab;

namespace {

Status bench(const std::string& path, std::int64_t steps) {
  auto text = cli::read_file(path, max_text_bytes, "a text");
  if (!text.ok()) return text.status();
  TrainConfig config;  // the lecture's defaults
  config.init = Init::lecture;
  auto data = make_dataset(text.value(), config.context, config.seed);
  if (!data.ok()) return error(path, ": ", data.message());
  auto trainer = Trainer::create(std::move(data.value()), config);
  if (!trainer.ok()) return trainer.status();
  for (int i = 0; i < 100; ++i) {
    if (auto loss = trainer.value().step(); !loss.ok()) return loss.status();
  }
  const auto start = std::chrono::steady_clock::now();
  for (std::int64_t i = 0; i < steps; ++i) {
    if (auto loss = trainer.value().step(); !loss.ok()) return loss.status();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double ms_per_step = seconds * 1000 / static_cast<double>(steps);
  std::cerr << "native: " << ms_per_step << " ms/step (" << steps << " steps in " << seconds << " s, vocabulary "
            << trainer.value().data().vocab.size() << ")\n";
  std::cout << R"({"runtime": "native", "steps": )" << steps << R"(, "seconds": )" << seconds << R"(, "ms_per_step": )"
            << ms_per_step << "}\n";
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times SGD steps of the lecture's MLP natively"};
  std::string data = EMBEDLAB_BENCH_DATA;
  std::int64_t steps = 20000;
  app.add_option("--data", data, "text file, one example a line")->capture_default_str();
  cli::add_number(&app, "--steps", steps, "steps to time", cli::whole(1, 100000000));
  CLI11_PARSE(app, argc, argv);
  if (Status s = bench(data, steps); !s.ok()) {
    std::cerr << "embedlab_bench: " << s.message() << '\n';
    return 1;
  }
  return 0;
}
