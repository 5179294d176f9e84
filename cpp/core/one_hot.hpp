// One-hot rows: the other way to pick a row of a table, by multiplying.
//
// Shapes: V = vocabulary size, B = number of ids.
#pragma once

#include "tensor.hpp"

namespace embedlab {

// x (B, V): row b is all zeros but a one in column ids[b].
//
// one_hot(ids) W, with linear_forward, equals the lookup W[ids] exactly (each output entry is
// one product 1 * w plus products 0 * w' that are zero) as long as every entry of W is finite.
// Where another row of W holds inf or NaN, 0 * inf = NaN and 0 * NaN = NaN leak into every
// output row: the lookup never reads that row, the product does.
template <class S>
Status one_hot(Matrix<S>& x, const Ids& ids, Index V) {
  if (V <= 0) return error("vocabulary size ", V, " must be at least 1");
  if (Status s = check_ids(ids, V); !s.ok()) return s;
  x.setZero(static_cast<Index>(ids.size()), V);
  for (size_t b = 0; b < ids.size(); ++b) x(static_cast<Index>(b), ids[b]) = S(1);
  return {};
}

}  // namespace embedlab
