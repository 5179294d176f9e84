// Softmax with temperature: from scores (logits) to probabilities.
//
// Shapes: B = number of rows, V = vocabulary size; logits, probs and log-probs are (B, V).
//
//   softmax(z / T)_i = exp(z_i / T) / sum_j exp(z_j / T)
//
// T = 1 is the plain softmax; a small T sharpens the distribution towards the largest logit, a
// large T flattens it towards uniform. T = 0 is the limit: all probability on the largest logit,
// and when several logits tie for the largest, on the first of them (the lowest id), as
// torch.argmax picks it. T must be finite and not negative.
#pragma once

#include <cmath>
#include <limits>

#include "tensor.hpp"

namespace embedlab {

// e^x entry by entry with std::exp, which gives exactly 0 for very negative x and for -inf.
// (Eigen's vectorised exp clamps its input and returns about 1e-308 there instead, which would
// leave a sliver of probability on symbols that a T = 0 softmax must rule out.)
template <class Derived>
auto exp_exact(const Eigen::ArrayBase<Derived>& x) {
  return x.unaryExpr([](typename Derived::Scalar v) { return std::exp(v); });
}

template <class S>
Status check_temperature(S T) {
  if (std::isnan(T)) return error("temperature ", T, " is not a number");
  if (std::isinf(T)) return error("temperature ", T, " is not finite");
  if (T < 0) return error("temperature ", T, " is negative: it must be 0 or more");
  return {};
}

// log_probs (B, V) = log softmax(logits / T), row by row.
//
// Computed as (z_i - m) / T - log sum_j exp((z_j - m) / T) with m the largest logit of the row:
// every exponent is <= 0, so nothing overflows, and the largest term is exp(0) = 1, so the sum
// never underflows to 0. With T = 0 the row is 0 at the first largest logit and -inf elsewhere.
template <class S>
Status log_softmax_forward(Matrix<S>& log_probs, const Matrix<S>& logits, S T) {
  if (Status s = check_temperature(T); !s.ok()) return s;
  if (logits.cols() == 0) return error("logits have no columns: the vocabulary is empty");
  if (Status s = check_finite("logits", logits); !s.ok()) return s;
  log_probs.resize(logits.rows(), logits.cols());
  for (Index b = 0; b < logits.rows(); ++b) {
    Index first_max = 0;
    const S m = logits.row(b).maxCoeff(&first_max);  // Eigen returns the first of tied maxima
    if (T == S(0)) {
      log_probs.row(b).setConstant(-std::numeric_limits<S>::infinity());
      log_probs(b, first_max) = S(0);
      continue;
    }
    auto shifted = (logits.row(b).array() - m) / T;  // every entry <= 0, the largest = 0
    log_probs.row(b) = shifted - std::log(exp_exact(shifted).sum());
  }
  return {};
}

// probs (B, V) = softmax(logits / T), row by row: the exponential of the log-softmax above.
template <class S>
Status softmax_forward(Matrix<S>& probs, const Matrix<S>& logits, S T) {
  if (Status s = log_softmax_forward(probs, logits, T); !s.ok()) return s;
  probs = exp_exact(probs.array());
  return {};
}

}  // namespace embedlab
