// Comparing two matrices entry by entry: do two ways of computing the same thing (one-hot x W
// and the lookup W[ids], say) give the same numbers?
//
// Shapes: a and b are (R, C), the same shape.
#pragma once

#include <cmath>
#include <cstring>

#include "tensor.hpp"

namespace embedlab {

template <class S>
struct Comparison {
  Index differing = 0;          // entries where a != b; NaN equals nothing, not even NaN
  Index first_row = -1;         // the first differing entry in row-major order, -1 if none
  Index first_col = -1;
  S max_abs_difference = 0;     // the largest |a - b| of differing entries; NaN if one involves a NaN
  bool bit_identical = true;    // every entry has the same bits: 0 and -0 differ, a NaN matches its copy
};

template <class S>
Result<Comparison<S>> compare(const Matrix<S>& a, const Matrix<S>& b) {
  if (Status s = check_shape("b", b, a.rows(), a.cols()); !s.ok()) return Error{s.message()};
  Comparison<S> result;
  for (Index r = 0; r < a.rows(); ++r) {
    for (Index c = 0; c < a.cols(); ++c) {
      const S x = a(r, c), y = b(r, c);
      result.bit_identical = result.bit_identical && std::memcmp(&x, &y, sizeof(S)) == 0;
      if (x == y) continue;  // inf == inf too: no difference, where inf - inf would say NaN
      const S difference = std::abs(x - y);
      if (!std::isnan(result.max_abs_difference) && !(difference <= result.max_abs_difference)) {
        result.max_abs_difference = difference;  // a NaN difference sticks
      }
      if (result.differing++ == 0) {
        result.first_row = r;
        result.first_col = c;
      }
    }
  }
  return result;
}

}  // namespace embedlab
