// A training run on the command line: the steps in twenty pieces, each reported on stderr, and
// the JSON line a training command's stdout ends with.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>

#include "dataset.hpp"
#include "model_json.hpp"
#include "status.hpp"

namespace embedlab::cli {

using model_json::Json;  // numbers as the shortest float32 that reads back the same, keys in order

// Runs `steps` steps of trainer (any TrainerOf) and returns the seconds they took.
template <class Trainer>
Result<double> run_with_progress(Trainer& trainer, std::int64_t steps) {
  const auto start = std::chrono::steady_clock::now();
  const std::int64_t report_every = std::max<std::int64_t>(1, steps / 20);
  while (trainer.steps() < steps) {
    auto run = trainer.run(std::min(report_every, steps - trainer.steps()));
    if (!run.ok()) return Error{run.message()};
    if (!run.value().stopped.ok()) return Error{run.value().stopped.message()};
    std::cerr << "step " << trainer.steps() << " of " << steps << ": mean minibatch loss " << run.value().mean_loss << '\n';
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What a run of `steps` steps that took `seconds` gives: {"steps", "train_loss", "dev_loss",
// "test_loss" (each null for a split without examples, as a text of few lines has), "seconds",
// "ms_per_step"}. A command adds its own figures after these.
template <class Trainer>
Result<Json> run_summary(const Trainer& trainer, std::int64_t steps, double seconds) {
  Json result;
  result["steps"] = steps;
  for (Split split : {Split::train, Split::dev, Split::test}) {
    Json loss = nullptr;
    if (trainer.data().split(split).size() > 0) {
      auto value = trainer.loss(split);
      if (!value.ok()) return Error{value.message()};
      loss = value.value();
    }
    result[std::string(split_name(split)) + "_loss"] = loss;
  }
  result["seconds"] = static_cast<float>(seconds);
  result["ms_per_step"] = static_cast<float>(seconds * 1000 / static_cast<double>(steps));
  return result;
}

}  // namespace embedlab::cli
