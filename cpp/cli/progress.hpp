// A training run on the command line: the steps in twenty pieces, each reported on stderr.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>

#include "status.hpp"

namespace embedlab::cli {

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

}  // namespace embedlab::cli
