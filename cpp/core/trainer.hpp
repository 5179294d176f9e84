// Training a model by minibatch gradient descent, one step per call, so that a page can run a
// few steps, draw, and come back. One trainer serves every model kind (the character MLP, the
// word model): it asks a model only what the interface below gives.
//
// The model interface (Mlp<float> and WordModel<float> answer it):
//   using Scratch = ...;                                   what a forward keeps for the backward
//   Index context_size() const;                            ids per example (T, or 2k words)
//   const Matrix<S>& embedding() const;                    the table (V, d) the page shows (and a
//   Matrix<S>& embedding();                                writable one)
//   Parameters<S> parameters();                            named views of every tensor (parameters.hpp)
//   Status forward(Scratch&, const Ids& contexts) const;   logits (B, V) of B contexts, kept in Scratch
//   Result<S> loss(Scratch&, const Ids& targets) const;    mean cross-entropy of those logits
//   Status backward(Model& grads, Scratch&, const Ids& contexts, const Ids& targets) const;
// and each kind's settings (Config, with members batch and seed) the free functions
//   check_config(const Config&), schedule_of(const Config&), init_model(const Dataset&, const Config&, Rng&).
//
// Shapes: N = examples of a split, B = minibatch size, T = ids per example, V = vocabulary size,
// d = embedding width.
#pragma once

#include <cstdint>

#include "dataset.hpp"
#include "mlp.hpp"
#include "parameters.hpp"
#include "rng.hpp"

namespace embedlab {

// How the learning rate moves over a run (steps count from 0).
//   step    lr before step decay_at, lr_final from it on (makemore part 2)
//   linear  from lr at step 0 in a straight line down to lr_final at step decay_at, then
//           lr_final (word2vec's schedule, which ends at lr / 10,000)
enum class Decay { step, linear };
struct Schedule {
  Decay decay = Decay::step;
  float lr = 0.1f;
  float lr_final = 0.01f;
  std::int64_t decay_at = 0;

  float at(std::int64_t step) const;
};

// A learning rate is a finite number > 0; `name` names it in the message.
Status check_learning_rate(const char* name, float lr);

// The settings of an MLP run; the defaults are the lecture's, but for decay_at (the lecture's is
// 100,000 of 200,000 steps; the page's default run is 20,000 steps).
struct TrainConfig {
  Index context = 3;               // T
  Index embed = 10;                // d
  Index hidden = 200;              // H
  Index batch = 32;                // B
  float lr = 0.1f;                 // learning rate of the steps before decay_at
  float lr_final = 0.01f;          // ... and from decay_at on
  std::int64_t decay_at = 10000;   // the first step that uses lr_final (steps count from 0): half the page's run
  std::uint64_t seed = 42;         // the initial weights and the minibatches
  Init init = Init::scaled;
};

// Every setting is within its limits; the learning rates are finite and positive.
Status check_config(const TrainConfig& config);
Schedule schedule_of(const TrainConfig& config);
// An MLP initialised for data, which must have been made with context config.context.
Result<Mlp<float>> init_model(const Dataset& data, const TrainConfig& config, Rng& rng);

// What TrainerOf::run did.
struct TrainingRun {
  std::int64_t steps = 0;  // steps taken: fewer than asked when a loss was not finite
  float mean_loss = 0;     // the mean minibatch loss of those steps (0 when none was taken)
  Status stopped;          // why the run stopped early; ok when it took every step
};

template <class Model, class Config>
class TrainerOf {
 public:
  // A model initialised from Rng(config.seed), to be trained on data.
  static Result<TrainerOf> create(Dataset data, const Config& config);

  // One step of plain SGD on B examples drawn uniformly (with replacement) from the training
  // split: returns the minibatch loss before the update. A loss that is not finite (a learning
  // rate too large, say) is an error, and the weights go back to those of the last step whose
  // loss was finite. The matrices take their shapes on the first step and keep them.
  Result<float> step();

  // `steps` steps (within steps_range), one after another: the mean of their minibatch losses
  // is the loss curve's point for them. A step whose loss is not finite ends the run early, with
  // the weights of the last good step (see step()). An error only for a count out of range.
  Result<TrainingRun> run(std::int64_t steps);

  // The mean loss over a whole split, computed in chunks so that memory stays small.
  Result<float> loss(Split split) const;

  std::int64_t steps() const { return steps_; }  // steps taken
  float learning_rate() const { return schedule_.at(steps_); }  // of the next step
  const Model& model() const { return model_; }
  const Dataset& data() const { return data_; }
  const Config& config() const { return config_; }

  // The last step opened up: its minibatch and the gradient of the embedding table, in which
  // only the rows of symbols that occur in the minibatch's contexts are non-zero.
  const Ids& batch_contexts() const { return batch_contexts_; }  // (B, T), row-major
  const Ids& batch_targets() const { return batch_targets_; }    // (B)
  const Matrix<float>& embedding_gradient() const { return grads_.embedding(); }  // (V, d)

  // Gives symbol `to` the vector of symbol `from` in the embedding table: the start of "what if
  // two words had identical vectors?".
  Status copy_embedding_row(Id from, Id to);

 private:
  TrainerOf(Dataset data, const Config& config, Rng rng, Model model);

  Dataset data_;
  Config config_;
  Schedule schedule_;
  Rng rng_;
  Model model_;     // the weights
  Model previous_;  // the weights before the last step, to go back to
  std::int64_t previous_steps_ = 0;  // steps taken to reach previous_
  Model grads_;     // of the last step
  typename Model::Scratch scratch_;
  Ids batch_contexts_;  // (B, T)
  Ids batch_targets_;   // (B)
  std::int64_t steps_ = 0;
};

using Trainer = TrainerOf<Mlp<float>, TrainConfig>;
extern template class TrainerOf<Mlp<float>, TrainConfig>;  // compiled once, in trainer.cpp

}  // namespace embedlab
