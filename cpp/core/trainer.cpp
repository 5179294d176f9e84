#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace embedlab {

namespace {

Status check_learning_rate(const char* name, float lr) {
  if (std::isfinite(lr) && lr > 0) return {};
  return error(name, " ", lr, " must be a finite number > 0");
}

// next = current - lr * grads, parameter by parameter.
void sgd_update(Mlp<float>& next, const Mlp<float>& current, const Mlp<float>& grads, float lr) {
  next.C = current.C - lr * grads.C;
  next.W1 = current.W1 - lr * grads.W1;
  next.b1 = current.b1 - lr * grads.b1;
  next.W2 = current.W2 - lr * grads.W2;
  next.b2 = current.b2 - lr * grads.b2;
}

void set_zero(Mlp<float>& grads) {
  grads.C.setZero();
  grads.W1.setZero();
  grads.b1.setZero();
  grads.W2.setZero();
  grads.b2.setZero();
}

}  // namespace

Status check_config(const TrainConfig& config) {
  if (Status s = check_mlp_sizes(vocab_range.min, config.context, config.embed, config.hidden); !s.ok()) return s;
  if (Status s = check_range(batch_range, config.batch); !s.ok()) return s;
  if (Status s = check_learning_rate("learning rate", config.lr); !s.ok()) return s;
  if (Status s = check_learning_rate("final learning rate", config.lr_final); !s.ok()) return s;
  if (config.decay_at < 0) return error("decay step ", config.decay_at, " must be 0 or more");
  return {};
}

Trainer::Trainer(Dataset data, const TrainConfig& config, Rng rng, Mlp<float> model)
    : data_(std::move(data)),
      config_(config),
      rng_(rng),
      model_(std::move(model)),
      previous_(model_),
      grads_(zeros_like(model_)),
      batch_contexts_(static_cast<size_t>(config.batch * config.context)),
      batch_targets_(static_cast<size_t>(config.batch)) {}

Result<Trainer> Trainer::create(Dataset data, const TrainConfig& config) {
  if (Status s = check_config(config); !s.ok()) return Error{s.message()};
  if (data.train.size() == 0) return error("the training split has no examples");
  if (data.train.context != config.context) {
    return error("the dataset was made with context ", data.train.context, " but the model reads ", config.context);
  }
  Rng rng(config.seed);
  auto model = init_mlp(data.vocab.size(), config.context, config.embed, config.hidden, config.init, rng);
  if (!model.ok()) return Error{model.message()};
  return Trainer(std::move(data), config, rng, std::move(model.value()));
}

Result<float> Trainer::step() {
  const Examples& train = data_.train;
  const auto B = static_cast<size_t>(config_.context);
  for (size_t i = 0; i < batch_targets_.size(); ++i) {
    const size_t n = rng_.below(static_cast<std::uint32_t>(train.size())).value();
    std::copy_n(&train.contexts[n * B], B, &batch_contexts_[i * B]);  // context n is row i of the batch
    batch_targets_[i] = train.targets[n];
  }
  const Status forward = mlp_forward(scratch_, model_, batch_contexts_);
  const Result<float> loss = forward.ok() ? mlp_loss(scratch_, batch_targets_) : Result<float>(Error{forward.message()});
  if (!loss.ok() || !std::isfinite(loss.value())) {
    const std::int64_t failed = steps_ + 1;
    const float lr = learning_rate();
    model_ = previous_;
    steps_ = previous_steps_;
    return error("step ", failed, ": the loss is not finite (", loss.ok() ? std::to_string(loss.value()) : loss.message(),
                 ") with learning rate ", lr, "; the weights are back to those after step ", steps_);
  }
  set_zero(grads_);
  if (Status s = mlp_backward(grads_, scratch_, model_, batch_contexts_, batch_targets_); !s.ok()) return Error{s.message()};
  sgd_update(previous_, model_, grads_, learning_rate());
  std::swap(model_, previous_);  // the new weights, and the ones they came from
  previous_steps_ = steps_++;
  return loss;
}

Result<float> Trainer::run(std::int64_t steps) {
  if (steps < 1) return error("steps ", steps, " must be 1 or more");
  double total = 0;
  for (std::int64_t i = 0; i < steps; ++i) {
    const Result<float> loss = step();
    if (!loss.ok()) return loss;
    total += loss.value();
  }
  return static_cast<float>(total / static_cast<double>(steps));
}

Result<float> Trainer::loss(Split split) const {
  const Examples& examples = data_.split(split);
  const Index N = examples.size(), B = examples.context;
  if (N == 0) return error("the ", split_name(split), " split has no examples: the text has too few lines");
  constexpr Index chunk = 1024;  // examples per forward: h is at most (1024, H)
  MlpScratch<float> scratch;
  Ids contexts, targets;
  double total = 0;
  for (Index first = 0; first < N; first += chunk) {
    const Index last = std::min(N, first + chunk);
    contexts.assign(examples.contexts.begin() + first * B, examples.contexts.begin() + last * B);
    targets.assign(examples.targets.begin() + first, examples.targets.begin() + last);
    if (Status s = mlp_forward(scratch, model_, contexts); !s.ok()) return Error{s.message()};
    const Result<float> chunk_loss = mlp_loss(scratch, targets);
    if (!chunk_loss.ok()) return chunk_loss;
    total += static_cast<double>(chunk_loss.value()) * static_cast<double>(last - first);
  }
  return static_cast<float>(total / static_cast<double>(N));
}

}  // namespace embedlab
