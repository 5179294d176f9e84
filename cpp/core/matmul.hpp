// The matrix products of the linear layers: x W, x^T dout and dout W^T.
//
// Natively Eigen computes them with its packet math (SSE, AVX, NEON). Eigen 3.4.0 has no packet
// math for WebAssembly, where its products run one float at a time; there the float products go
// through the hand-written SIMD128 kernels of simd/product_simd128.hpp instead. (A training step
// of the lecture's model under Node 20: 0.165 ms with Eigen's products, 0.155 ms with
// autovectorized loops for two of the three, about 0.09 ms with the kernels for all three.)
#pragma once

#include "simd/simd.hpp"
#include "tensor.hpp"

namespace embedlab {

// out (N, n) = x (N, m) W (m, n).
template <class S>
void product(Matrix<S>& out, const Matrix<S>& x, const Matrix<S>& W) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    out.resize(x.rows(), W.cols());
    simd::product(out.data(), x.data(), W.data(), x.rows(), x.cols(), W.cols());
    return;
  }
#endif
  out.noalias() = x * W;
}

// dW (m, n) += x^T (m, N) dout (N, n).
template <class S>
void add_transposed_product(Matrix<S>& dW, const Matrix<S>& x, const Matrix<S>& dout) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    simd::add_transposed_product(dW.data(), x.data(), dout.data(), x.rows(), x.cols(), dout.cols());
    return;
  }
#endif
  dW.noalias() += x.transpose() * dout;
}

// dx (N, m) = dout (N, n) W^T (n, m).
template <class S>
void product_transposed(Matrix<S>& dx, const Matrix<S>& dout, const Matrix<S>& W) {
#ifdef __wasm_simd128__
  if constexpr (use_simd128<S>) {
    dx.resize(dout.rows(), W.rows());
    simd::product_transposed(dx.data(), dout.data(), W.data(), dout.rows(), dout.cols(), W.rows());
    return;
  }
#endif
  dx.noalias() = dout * W.transpose();
}

}  // namespace embedlab
