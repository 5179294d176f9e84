#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "word_training.hpp"

namespace embedlab {

float Schedule::at(std::int64_t step) const {
  if (decay == Decay::step) return step < decay_at ? lr : lr_final;
  if (step >= decay_at) return lr_final;
  const float done = static_cast<float>(static_cast<double>(step) / static_cast<double>(decay_at));  // in [0, 1)
  return lr + (lr_final - lr) * done;
}

Status check_learning_rate(const char* name, float lr) {
  if (lr >= learning_rate_range.min && lr <= learning_rate_range.max) return {};
  return error(name, " ", lr, " must be a finite number > 0");
}

Status check_config(const TrainConfig& config) {
  if (Status s = check_mlp_sizes(vocab_range.min, config.context, config.embed, config.hidden); !s.ok()) return s;
  if (Status s = check_range(batch_range, config.batch); !s.ok()) return s;
  if (Status s = check_learning_rate("learning rate", config.lr); !s.ok()) return s;
  if (Status s = check_learning_rate("final learning rate", config.lr_final); !s.ok()) return s;
  if (config.decay_at < 0) return error("decay step ", config.decay_at, " must be 0 or more");
  return {};
}

Schedule schedule_of(const TrainConfig& config) { return {Decay::step, config.lr, config.lr_final, config.decay_at}; }

Result<Mlp<float>> init_model(const Dataset& data, const TrainConfig& config, Rng& rng) {
  if (data.train.context != config.context) {
    return error("the dataset was made with context ", data.train.context, " but the model reads ", config.context);
  }
  return init_mlp(data.vocab.size(), config.context, config.embed, config.hidden, config.init, rng);
}

template <class Model, class Config>
TrainerOf<Model, Config>::TrainerOf(Dataset data, const Config& config, Rng rng, Model model)
    : data_(std::move(data)),
      config_(config),
      schedule_(schedule_of(config)),
      rng_(rng),
      model_(std::move(model)),
      previous_(model_),
      grads_(zeros_like(model_)),
      batch_contexts_(static_cast<size_t>(config.batch * model_.context_size())),
      batch_targets_(static_cast<size_t>(config.batch)) {}

template <class Model, class Config>
Result<TrainerOf<Model, Config>> TrainerOf<Model, Config>::create(Dataset data, const Config& config) {
  if (Status s = check_config(config); !s.ok()) return Error{s.message()};
  if (data.train.size() == 0) return error("the training split has no examples");
  Rng rng(config.seed);
  auto model = init_model(data, config, rng);
  if (!model.ok()) return Error{model.message()};
  return TrainerOf(std::move(data), config, rng, std::move(model.value()));
}

template <class Model, class Config>
Result<float> TrainerOf<Model, Config>::step() {
  const Examples& train = data_.train;
  const auto T = static_cast<size_t>(model_.context_size());
  for (size_t i = 0; i < batch_targets_.size(); ++i) {
    const size_t n = rng_.below(static_cast<std::uint32_t>(train.size())).value();
    std::copy_n(&train.contexts[n * T], T, &batch_contexts_[i * T]);  // context n is row i of the batch
    batch_targets_[i] = train.targets[n];
  }
  const Status forward = model_.forward(scratch_, batch_contexts_);
  const Result<float> loss = forward.ok() ? model_.loss(scratch_, batch_targets_) : Result<float>(Error{forward.message()});
  if (!loss.ok() || !std::isfinite(loss.value())) {
    const std::int64_t failed = steps_ + 1;
    const float lr = learning_rate();
    model_ = previous_;
    steps_ = previous_steps_;
    return error("step ", failed, ": the loss is not finite (", loss.ok() ? std::to_string(loss.value()) : loss.message(),
                 ") with learning rate ", lr, "; the weights are back to those after step ", steps_);
  }
  set_zero(grads_.parameters());
  if (Status s = model_.backward(grads_, scratch_, batch_contexts_, batch_targets_); !s.ok()) return Error{s.message()};
  sgd_update(previous_.parameters(), model_.parameters(), grads_.parameters(), learning_rate());
  std::swap(model_, previous_);  // the new weights, and the ones they came from
  previous_steps_ = steps_++;
  return loss;
}

template <class Model, class Config>
Status TrainerOf<Model, Config>::copy_embedding_row(Id from, Id to) {
  const Index V = model_.embedding().rows();
  if (Status s = check_id(from, V); !s.ok()) return s;
  if (Status s = check_id(to, V); !s.ok()) return s;
  model_.embedding().row(to) = model_.embedding().row(from);
  previous_.embedding().row(to) = previous_.embedding().row(from);
  return {};
}

template <class Model, class Config>
Result<TrainingRun> TrainerOf<Model, Config>::run(std::int64_t steps) {
  if (Status s = check_range(steps_range, steps); !s.ok()) return Error{s.message()};
  TrainingRun run;
  double total = 0;
  for (; run.steps < steps; ++run.steps) {
    const Result<float> loss = step();
    if (!loss.ok()) {
      run.stopped = loss.status();
      break;
    }
    total += static_cast<double>(loss.value());
  }
  if (run.steps > 0) run.mean_loss = static_cast<float>(total / static_cast<double>(run.steps));
  return run;
}

template <class Model, class Config>
Result<float> TrainerOf<Model, Config>::loss(Split split) const {
  const Examples& examples = data_.split(split);
  const Index N = examples.size(), T = examples.context;
  if (N == 0) return error("the ", split_name(split), " split has no examples: the text has too few lines");
  constexpr Index chunk = 1024;  // examples per forward: the logits are at most (1024, V)
  typename Model::Scratch scratch;
  Ids contexts, targets;
  double total = 0;
  for (Index first = 0; first < N; first += chunk) {
    const Index last = std::min(N, first + chunk);
    contexts.assign(examples.contexts.begin() + first * T, examples.contexts.begin() + last * T);
    targets.assign(examples.targets.begin() + first, examples.targets.begin() + last);
    if (Status s = model_.forward(scratch, contexts); !s.ok()) return Error{s.message()};
    const Result<float> chunk_loss = model_.loss(scratch, targets);
    if (!chunk_loss.ok()) return chunk_loss;
    total += static_cast<double>(chunk_loss.value()) * static_cast<double>(last - first);
  }
  return static_cast<float>(total / static_cast<double>(N));
}

template class TrainerOf<Mlp<float>, TrainConfig>;
template class TrainerOf<WordModel<float>, WordConfig>;

}  // namespace embedlab
