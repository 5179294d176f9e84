// The mean of a context's vectors: how a bag-of-words model (CBOW) reads the words around a
// centre word as one vector, whatever their order.
//
// Shapes: B = contexts, n = words of a context, d = embedding width.
//
//   h[b] = (1/n) sum_{i < n} emb[b*n + i]     emb is (B*n, d), h is (B, d)
#pragma once

#include "tensor.hpp"

namespace embedlab {

// h (B, d) = the mean of each run of n rows of emb (B*n, d).
template <class S>
Status context_mean_forward(Matrix<S>& h, const Matrix<S>& emb, Index n) {
  if (n < 1 || emb.rows() % n != 0) return error(emb.rows(), " rows do not make whole contexts of ", n);
  const Index B = emb.rows() / n;
  h.setZero(B, emb.cols());
  for (Index b = 0; b < B; ++b) {
    for (Index i = 0; i < n; ++i) h.row(b) += emb.row(b * n + i);
  }
  h *= S(1) / static_cast<S>(n);
  return {};
}

// Backward of `h[b] = (1/n) sum_i emb[b*n + i]`, given dh (B, d): every row of context b gets
// the same share, demb[b*n + i] = dh[b] / n (written; demb is (B*n, d)).
template <class S>
Status context_mean_backward(Matrix<S>& demb, const Matrix<S>& dh, Index n) {
  if (n < 1) return error("a context of ", n, " words cannot be averaged");
  demb.resize(dh.rows() * n, dh.cols());
  const S share = S(1) / static_cast<S>(n);
  for (Index b = 0; b < dh.rows(); ++b) {
    for (Index i = 0; i < n; ++i) demb.row(b * n + i) = share * dh.row(b);
  }
  return {};
}

}  // namespace embedlab
