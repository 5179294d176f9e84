// Training the MLP by minibatch gradient descent, one step per call, so that a page can run a
// few steps, draw, and come back.
//
// Shapes: N = examples of a split, b = minibatch size, B = context length, V = vocabulary size,
// d = embedding width.
#pragma once

#include <cstdint>

#include "dataset.hpp"
#include "mlp.hpp"
#include "rng.hpp"

namespace embedlab {

// The settings of a run; the defaults are the lecture's.
struct TrainConfig {
  Index context = 3;               // B
  Index embed = 10;                // d
  Index hidden = 200;              // H
  Index batch = 32;                // b
  float lr = 0.1f;                 // learning rate of the steps before decay_at
  float lr_final = 0.01f;          // ... and from decay_at on
  std::int64_t decay_at = 100000;  // the first step that uses lr_final (steps count from 0)
  std::uint64_t seed = 42;         // the initial weights and the minibatches
  Init init = Init::scaled;
};

// Every setting is within its limits; the learning rates are finite and positive.
Status check_config(const TrainConfig& config);

class Trainer {
 public:
  // A model initialised from Rng(config.seed), to be trained on data. data must have been made
  // with context config.context.
  static Result<Trainer> create(Dataset data, const TrainConfig& config);

  // One step of plain SGD on b examples drawn uniformly (with replacement) from the training
  // split: returns the minibatch loss before the update. A loss that is not finite (a learning
  // rate too large, say) is an error, and the weights go back to those of the last step whose
  // loss was finite. Allocates nothing after the first step.
  Result<float> step();

  // Runs `steps` steps (1 or more) and returns the mean of their minibatch losses: the loss
  // curve's point for them. Stops at the first step whose loss is not finite, with step()'s error.
  Result<float> run(std::int64_t steps);

  // The mean loss over a whole split, computed in chunks so that memory stays small.
  Result<float> loss(Split split) const;

  std::int64_t steps() const { return steps_; }  // steps taken
  float learning_rate() const { return steps_ < config_.decay_at ? config_.lr : config_.lr_final; }  // of the next step
  const Mlp<float>& model() const { return model_; }
  const Dataset& data() const { return data_; }
  const TrainConfig& config() const { return config_; }

  // The last step opened up: its minibatch and the gradient of the embedding table, in which
  // only the rows of symbols that occur in the minibatch's contexts are non-zero.
  const Ids& batch_contexts() const { return batch_contexts_; }  // (b, B), row-major
  const Ids& batch_targets() const { return batch_targets_; }    // (b)
  const Matrix<float>& embedding_gradient() const { return grads_.C; }  // dC (V, d)

 private:
  Trainer(Dataset data, const TrainConfig& config, Rng rng, Mlp<float> model);

  Dataset data_;
  TrainConfig config_;
  Rng rng_;
  Mlp<float> model_;     // the weights
  Mlp<float> previous_;  // the weights before the last step, to go back to
  std::int64_t previous_steps_ = 0;  // steps taken to reach previous_
  Mlp<float> grads_;     // of the last step
  MlpScratch<float> scratch_;
  Ids batch_contexts_;  // (b, B)
  Ids batch_targets_;   // (b)
  std::int64_t steps_ = 0;
};

}  // namespace embedlab
