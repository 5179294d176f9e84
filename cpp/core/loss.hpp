// Cross-entropy: how surprised the model is by the symbols that really came next.
//
// Shapes: B = batch size, V = vocabulary size; logits and probs are (B, V), targets (B).
//
//   loss = -(1/B) sum_b log softmax(logits_b)[targets_b]
//
// Softmax and cross-entropy share one backward: dloss/dlogits = (probs - onehot(targets)) / B.
#pragma once

#include "softmax.hpp"
#include "tensor.hpp"

namespace embedlab {

// The mean loss of the batch. Also fills probs (B, V) = softmax(logits), which the backward
// uses. Each row's loss is read from its log-softmax at the target, log s - (z_t - m) (see
// softmax_row), so a probability that underflows to 0 still gives a finite loss.
template <class S>
Result<S> cross_entropy_forward(Matrix<S>& probs, const Matrix<S>& logits, const Ids& targets) {
  if (static_cast<Index>(targets.size()) != logits.rows()) {
    return error(targets.size(), " targets for ", logits.rows(), " rows of logits ",
                 shape(logits), ": one target per row is needed");
  }
  if (Status s = check_ids(targets, logits.cols(), "targets"); !s.ok()) return Error{s.message()};
  if (Status s = check_logits(logits); !s.ok()) return Error{s.message()};
  probs.resize(logits.rows(), logits.cols());
  S total = 0;
  for (Index b = 0; b < logits.rows(); ++b) {
    const RowSoftmax<S> row = softmax_row(&probs(b, 0), &logits(b, 0), logits.cols(), S(1));
    total += row.log_sum - (logits(b, targets[b]) - row.max);
  }
  return total / static_cast<S>(logits.rows());
}

// Backward of the loss above, given dloss (1 when the loss is what is minimised):
//   dlogits (B, V) = (probs - onehot(targets)) * dloss / B   (written)
template <class S>
Status cross_entropy_backward(Matrix<S>& dlogits, const Matrix<S>& probs, const Ids& targets,
                              S dloss = S(1)) {
  if (static_cast<Index>(targets.size()) != probs.rows()) {
    return error(targets.size(), " targets for ", probs.rows(), " rows of probabilities");
  }
  if (Status s = check_ids(targets, probs.cols(), "targets"); !s.ok()) return s;
  const S scale = dloss / static_cast<S>(probs.rows());
  dlogits.noalias() = probs * scale;
  for (Index b = 0; b < probs.rows(); ++b) dlogits(b, targets[b]) -= scale;
  return {};
}

}  // namespace embedlab
