// Softmax with temperature: from scores (logits) to probabilities.
//
// Shapes: B = number of rows, V = vocabulary size; logits, probs and log-probs are (B, V).
//
//   softmax(z / T)_i = exp(z_i / T) / sum_j exp(z_j / T)
//
// T = 1 is the plain softmax; a small T sharpens the distribution towards the largest logit, a
// large T flattens it towards uniform. T = 0 is the limit as T -> 0: all probability on the
// largest logit, shared evenly when several logits tie for the largest. T must be finite and not
// negative.
//
// A logit of -inf gets probability exactly 0 (that is how masking works). A logit of +inf or NaN
// has no softmax (subtracting the largest logit gives inf - inf), and neither has a row whose
// logits are all -inf (0 / 0): those are errors.
#pragma once

#include <cmath>
#include <limits>

#include "simd/simd.hpp"
#include "tensor.hpp"

namespace embedlab {

// e^x entry by entry with std::exp, which gives exactly 0 for very negative x and for -inf.
// (Eigen's vectorised exp clamps its input and returns about 1e-308 there instead, which would
// leave a sliver of probability on symbols that a T = 0 softmax must rule out.)
template <class Derived>
auto exp_exact(const Eigen::ArrayBase<Derived>& x) {
  return x.unaryExpr([](typename Derived::Scalar v) { return std::exp(v); });
}

// m = e^m entry by entry, as exp_exact gives it (the WebAssembly build: 4 at a time, see
// simd/exp_tanh_simd128.hpp for its accuracy).
template <class S>
void exp_in_place(Matrix<S>& m) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    simd::exp(m.data(), m.data(), m.size());
    return;
  }
#endif
  m = exp_exact(m.array());
}

// The sum of e^x over the n entries from x.
template <class S>
S sum_exp(const S* x, Index n) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    return simd::sum_exp(x, n);
  }
#endif
  return exp_exact(Eigen::Map<const Eigen::Array<S, 1, Eigen::Dynamic>>(x, n)).sum();
}

template <class S>
Status check_temperature(S T) {
  if (std::isnan(T)) return error("temperature ", T, " is not a number");
  if (std::isinf(T)) return error("temperature ", T, " is not finite");
  if (T < 0) return error("temperature ", T, " is negative: it must be 0 or more");
  return {};
}

// Every logit (B, V) is finite or -inf, and every row has at least one finite logit.
template <class S>
Status check_logits(const Matrix<S>& logits) {
  if (logits.cols() == 0) return error("logits have no columns: the vocabulary is empty");
  for (Index r = 0; r < logits.rows(); ++r) {
    bool possible = false;
    for (Index c = 0; c < logits.cols(); ++c) {
      const S z = logits(r, c);
      if (std::isnan(z)) return error("logits: nan at row ", r, ", column ", c, " is not a number: the softmax is undefined");
      if (z == std::numeric_limits<S>::infinity()) {
        return error("logits: inf at row ", r, ", column ", c, " makes the softmax undefined (inf / inf)");
      }
      possible = possible || std::isfinite(z);
    }
    if (!possible) return error("logits: every logit of row ", r, " is -inf: the softmax is undefined (0 / 0)");
  }
  return {};
}

// log_probs (B, V) = log softmax(logits / T), row by row.
//
// Computed as (z_i - m) / T - log sum_j exp((z_j - m) / T) with m the largest logit of the row:
// every exponent is <= 0, so nothing overflows, and the largest term is exp(0) = 1, so the sum
// never underflows to 0. A -inf logit gives exp(-inf) = 0. With T = 0 the row is -log(n) at the
// n logits that tie for the largest and -inf elsewhere.
template <class S>
Status log_softmax_forward(Matrix<S>& log_probs, const Matrix<S>& logits, S T) {
  if (Status s = check_temperature(T); !s.ok()) return s;
  if (Status s = check_logits(logits); !s.ok()) return s;
  log_probs.resize(logits.rows(), logits.cols());
  for (Index b = 0; b < logits.rows(); ++b) {
    const S m = logits.row(b).maxCoeff();
    if (T == S(0)) {
      const auto tied = (logits.row(b).array() == m).eval();
      const S share = -std::log(static_cast<S>(tied.count()));
      for (Index i = 0; i < logits.cols(); ++i) log_probs(b, i) = tied[i] ? share : -std::numeric_limits<S>::infinity();
      continue;
    }
    log_probs.row(b) = (logits.row(b).array() - m) / T;  // every entry <= 0, the largest = 0
    log_probs.row(b).array() -= std::log(sum_exp(&log_probs(b, 0), logits.cols()));
  }
  return {};
}

// probs (B, V) = softmax(logits / T), row by row: the exponential of the log-softmax above.
template <class S>
Status softmax_forward(Matrix<S>& probs, const Matrix<S>& logits, S T) {
  if (Status s = log_softmax_forward(probs, logits, T); !s.ok()) return s;
  exp_in_place(probs);
  return {};
}

}  // namespace embedlab
