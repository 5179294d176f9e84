// The tanh nonlinearity of the MLP's hidden layer, squashing each entry into (-1, 1).
//
// Shapes: N = rows (a batch), H = hidden units; every matrix here is (N, H).
#pragma once

#include "simd/simd.hpp"
#include "tensor.hpp"

namespace embedlab {

// out = tanh(a), entry by entry. out may be a itself.
template <class S>
void tanh_forward(Matrix<S>& out, const Matrix<S>& a) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    out.resize(a.rows(), a.cols());  // keeps a's numbers when out is a
    simd::tanh(out.data(), a.data(), a.size());
    return;
  }
#endif
  out = a.array().tanh();
}

// Backward of `out = tanh(a)`, given dout: da = dout * (1 - out^2) (written; da may be dout
// itself). Only the output is needed, since tanh'(a) = 1 - tanh(a)^2.
template <class S>
Status tanh_backward(Matrix<S>& da, const Matrix<S>& dout, const Matrix<S>& out) {
  if (Status s = check_shape("dout", dout, out.rows(), out.cols()); !s.ok()) return s;
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    da.resize(out.rows(), out.cols());  // keeps dout's numbers when da is dout
    simd::tanh_backward(da.data(), dout.data(), out.data(), out.size());
    return {};
  }
#endif
  da = dout.array() * (S(1) - out.array().square());
  return {};
}

}  // namespace embedlab
