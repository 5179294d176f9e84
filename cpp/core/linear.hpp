// A linear layer without bias: out = x W.
//
// Shapes: B = rows of x (a batch), m = input width, n = output width.
// With one-hot rows as x (m = V) and the embedding table as W (n = d) this is the lookup.
#pragma once

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
  out.noalias() = x * W;
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
  dx.noalias() = dout * W.transpose();
  dW.noalias() += x.transpose() * dout;
  return {};
}

}  // namespace embedlab
