// The embedding table: look up rows by id, and send gradients back to the rows they came from.
//
// Shapes: V = vocabulary size, d = embedding width, N = number of ids looked up (T of a context,
// B*T of a batch of contexts).
// table is (V, d): row i is the vector of the symbol with id i.
#pragma once

#include "tensor.hpp"

namespace embedlab {

// The vector (d) of one id: table[id].
template <class S>
Result<RowVector<S>> embedding_lookup(const Matrix<S>& table, Id id) {
  if (Status s = check_id(id, table.rows()); !s.ok()) return Error{s.message()};
  return RowVector<S>(table.row(id));
}

// out (N, d): row b is table[ids[b]]. This is PyTorch's `emb = C[Xb]`.
template <class S>
Status embedding_forward(Matrix<S>& out, const Matrix<S>& table, const Ids& ids) {
  if (Status s = check_ids(ids, table.rows()); !s.ok()) return s;
  out.resize(static_cast<Index>(ids.size()), table.cols());
  for (size_t b = 0; b < ids.size(); ++b) out.row(b) = table.row(ids[b]);
  return {};
}

// Backward of `out[b] = table[ids[b]]`: row b of dout (N, d) is added into row ids[b] of
// dtable (V, d). Rows of ids that were not looked up get nothing; an id looked up twice
// collects both gradients (a scatter-add).
template <class S>
Status embedding_backward(Matrix<S>& dtable, const Matrix<S>& dout, const Ids& ids) {
  if (Status s = check_ids(ids, dtable.rows()); !s.ok()) return s;
  const auto N = static_cast<Index>(ids.size());
  if (Status s = check_shape("dout", dout, N, dtable.cols()); !s.ok()) return s;
  for (Index b = 0; b < N; ++b) dtable.row(ids[b]) += dout.row(b);
  return {};
}

// The (N, d) context as one (N*d) vector, rows one after another: the "concatenation" that a
// makemore MLP reads (PyTorch's `x = emb.view(-1)`). Row-major storage makes it a plain copy.
template <class S>
RowVector<S> flatten(const Matrix<S>& m) {
  return Eigen::Map<const RowVector<S>>(m.data(), m.size());
}

}  // namespace embedlab
