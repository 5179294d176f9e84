// A linear layer: out = x W, and the bias that x W + b adds.
//
// Shapes: B = rows of x (a batch), m = input width, n = output width.
// With one-hot rows as x (m = V) and the embedding table as W (n = d) this is the lookup.
#pragma once

#include "matmul.hpp"
#include "tensor.hpp"

namespace embedlab {

// x (B, m) can multiply W (m, n): the inner widths agree.
template <class S>
Status check_product(const Matrix<S>& x, const Matrix<S>& W) {
  if (x.cols() == W.rows()) return {};
  return error("cannot multiply x of shape ", shape(x), " by W of shape ", shape(W), ": x has ",
               x.cols(), " columns but W has ", W.rows(), " rows");
}

// out (B, n) = x (B, m) W (m, n).
template <class S>
Status linear_forward(Matrix<S>& out, const Matrix<S>& x, const Matrix<S>& W) {
  if (Status s = check_product(x, W); !s.ok()) return s;
  product(out, x, W);
  return {};
}

// Backward of `out = x W`, given dout (B, n):
//   dx (B, m)  = dout W^T   (written)
//   dW (m, n) += x^T dout   (accumulated; dW must already be (m, n))
template <class S>
Status linear_backward(Matrix<S>& dx, Matrix<S>& dW, const Matrix<S>& dout, const Matrix<S>& x,
                       const Matrix<S>& W) {
  if (Status s = check_product(x, W); !s.ok()) return s;
  if (Status s = check_shape("dout", dout, x.rows(), W.cols()); !s.ok()) return s;
  if (Status s = check_shape("dW", dW, W.rows(), W.cols()); !s.ok()) return s;
  product_transposed(dx, dout, W);
  add_transposed_product(dW, x, dout);
  return {};
}

// out (B, n) += b (n) on every row: the bias of a layer x W + b.
template <class S>
Status bias_forward(Matrix<S>& out, const RowVector<S>& b) {
  if (out.cols() != b.size()) {
    return error("a bias of size ", b.size(), " cannot be added to rows of width ", out.cols());
  }
  out.rowwise() += b;
  return {};
}

// Backward of `out += b`, given dout (B, n): db (n) += the sum of the rows of dout
// (accumulated; db must already be (n)).
template <class S>
Status bias_backward(RowVector<S>& db, const Matrix<S>& dout) {
  if (Status s = check_shape("db", db, 1, dout.cols()); !s.ok()) return s;
  for (Index r = 0; r < dout.rows(); ++r) db += dout.row(r);
  return {};
}

}  // namespace embedlab
