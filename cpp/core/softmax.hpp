// Softmax with temperature: from scores (logits) to probabilities.
//
// Shapes: B = number of rows, V = vocabulary size; logits and probs are (B, V).
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

// The passes a softmax makes over one row of n entries from x. In the WebAssembly build they go
// 4 at a time (simd/softmax_simd128.hpp; see simd/exp_tanh_simd128.hpp for exp's accuracy).
template <class S>
using RowOf = Eigen::Map<Eigen::Array<S, 1, Eigen::Dynamic>>;
template <class S>
using ConstRowOf = Eigen::Map<const Eigen::Array<S, 1, Eigen::Dynamic>>;

// The largest entry, or NaN if one of them is NaN (n >= 1).
template <class S>
S row_max(const S* x, Index n) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) return simd::max(x, n);
#endif
  return ConstRowOf<S>(x, n).template maxCoeff<Eigen::PropagateNaN>();
}

// out = e^((x - m) / T) (out may be x), and the sum of those n exponentials.
template <class S>
S exp_shifted(S* out, const S* x, Index n, S m, S T) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) return simd::exp_shifted(out, x, n, m, T);
#endif
  RowOf<S> e(out, n);
  e = exp_exact((ConstRowOf<S>(x, n) - m) / T);
  return e.sum();
}

// x = x / divisor.
template <class S>
void divide(S* x, Index n, S divisor) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) return simd::divide(x, n, divisor);
#endif
  RowOf<S>(x, n) /= divisor;
}

template <class S>
Status check_temperature(S T) {
  if (std::isnan(T)) return error("temperature ", T, " is not a number");
  if (std::isinf(T)) return error("temperature ", T, " is not finite");
  if (T < 0) return error("temperature ", T, " is negative: it must be 0 or more");
  return {};
}

// Every logit (B, V) is finite or -inf, and every row has at least one finite logit: then and
// only then is each row's largest logit finite (it is NaN if the row has a NaN).
template <class S>
Status check_logits(const Matrix<S>& logits) {
  if (logits.cols() == 0) return error("logits have no columns: the vocabulary is empty");
  for (Index r = 0; r < logits.rows(); ++r) {
    if (std::isfinite(row_max(&logits(r, 0), logits.cols()))) continue;
    for (Index c = 0; c < logits.cols(); ++c) {  // the first logit of the row that has no softmax
      const S z = logits(r, c);
      if (std::isnan(z)) return error("logits: nan at row ", r, ", column ", c, " is not a number: the softmax is undefined");
      if (z == std::numeric_limits<S>::infinity()) {
        return error("logits: inf at row ", r, ", column ", c, " makes the softmax undefined (inf / inf)");
      }
    }
    return error("logits: every logit of row ", r, " is -inf: the softmax is undefined (0 / 0)");
  }
  return {};
}

// What softmax_row gives back: the row's largest logit m, and log s, where s is the sum of the
// exponentials. The row's log-probabilities are (z - m) / T - log s.
template <class S>
struct RowSoftmax {
  S max;
  S log_sum;
};

// One row of V checked logits z at T > 0: probs = e^((z - m) / T) / s. Every exponent is <= 0,
// so nothing overflows, and the largest term is e^0 = 1, so s never underflows to 0. A -inf
// logit gives e^(-inf) = 0.
template <class S>
RowSoftmax<S> softmax_row(S* probs, const S* z, Index V, S T) {
  const S m = row_max(z, V);
  const S sum = exp_shifted(probs, z, V, m, T);
  divide(probs, V, sum);
  return {m, std::log(sum)};
}

// probs (B, V) = softmax(logits / T), row by row. With T = 0 each row shares its probability
// evenly over the n logits that tie for the largest, 1/n each, and 0 elsewhere. On an error
// probs is left as it was.
template <class S>
Status softmax_forward(Matrix<S>& probs, const Matrix<S>& logits, S T) {
  if (Status s = check_temperature(T); !s.ok()) return s;
  if (Status s = check_logits(logits); !s.ok()) return s;
  probs.resize(logits.rows(), logits.cols());
  for (Index b = 0; b < logits.rows(); ++b) {
    if (T == S(0)) {
      const auto tied = (logits.row(b).array() == logits.row(b).maxCoeff()).eval();
      probs.row(b) = tied.template cast<S>() / static_cast<S>(tied.count());
      continue;
    }
    softmax_row(&probs(b, 0), &logits(b, 0), logits.cols(), T);
  }
  return {};
}

}  // namespace embedlab
