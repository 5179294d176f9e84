// The matrix products of the linear layers, x W and x^T dout.
//
// Natively Eigen computes them with its packet math (SSE, AVX, NEON). Eigen 3.4.0 has no packet
// math for WebAssembly, where its products run one float at a time; there these two products go
// through blocked_product below instead: plain loops over 4 x 8 blocks of the output whose rows
// clang's autovectorizer turns into WASM SIMD. (A training step of the lecture's model took
// 0.165 ms with Eigen's products and 0.123 ms with these, under Node 20.) The two helpers are
// declared inline so that clang inlines them where the block sizes and `add` are known: without
// it the step took 0.150 ms.
#pragma once

#include "tensor.hpp"

namespace embedlab {

// One R x W block of C = A' B at rows r0.., columns c0.., summed over k in registers.
template <int R, int W, class S>
inline void product_block(S* C, const S* A, Index row_stride, Index depth_stride, const S* B, Index depth, Index n,
                   Index r0, Index c0, bool add) {
  S sum[R][W];
  for (int r = 0; r < R; ++r) {
    for (int c = 0; c < W; ++c) sum[r][c] = add ? C[(r0 + r) * n + c0 + c] : S(0);
  }
  for (Index k = 0; k < depth; ++k) {
    const S* b = B + k * n + c0;  // W contiguous entries of row k of B
    for (int r = 0; r < R; ++r) {
      const S a = A[(r0 + r) * row_stride + k * depth_stride];
      for (int c = 0; c < W; ++c) sum[r][c] += a * b[c];
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int c = 0; c < W; ++c) C[(r0 + r) * n + c0 + c] = sum[r][c];
  }
}

// R rows of C, in blocks of 8 columns, then 4, then 1.
template <int R, class S>
inline void product_rows(S* C, const S* A, Index row_stride, Index depth_stride, const S* B, Index depth, Index n, Index r0,
                  bool add) {
  Index c0 = 0;
  for (; c0 + 8 <= n; c0 += 8) product_block<R, 8>(C, A, row_stride, depth_stride, B, depth, n, r0, c0, add);
  for (; c0 + 4 <= n; c0 += 4) product_block<R, 4>(C, A, row_stride, depth_stride, B, depth, n, r0, c0, add);
  for (; c0 < n; ++c0) product_block<R, 1>(C, A, row_stride, depth_stride, B, depth, n, r0, c0, add);
}

// C (rows, n) = A' (rows, depth) B (depth, n), or C += A' B when add, all row-major, where
// A'(r, k) = A[r * row_stride + k * depth_stride]: A itself (row_stride = depth, depth_stride = 1)
// or the transpose of a (depth, rows) matrix (row_stride = 1, depth_stride = rows).
template <class S>
void blocked_product(S* C, const S* A, Index row_stride, Index depth_stride, const S* B, Index rows, Index depth,
                     Index n, bool add) {
  Index r0 = 0;
  for (; r0 + 4 <= rows; r0 += 4) product_rows<4>(C, A, row_stride, depth_stride, B, depth, n, r0, add);
  for (; r0 < rows; ++r0) product_rows<1>(C, A, row_stride, depth_stride, B, depth, n, r0, add);
}

// out (N, n) = x (N, m) W (m, n).
template <class S>
void product(Matrix<S>& out, const Matrix<S>& x, const Matrix<S>& W) {
#ifdef __wasm_simd128__
  out.resize(x.rows(), W.cols());
  blocked_product(out.data(), x.data(), x.cols(), Index{1}, W.data(), x.rows(), x.cols(), W.cols(), false);
#else
  out.noalias() = x * W;
#endif
}

// dW (m, n) += x^T (m, N) dout (N, n).
template <class S>
void add_transposed_product(Matrix<S>& dW, const Matrix<S>& x, const Matrix<S>& dout) {
#ifdef __wasm_simd128__
  blocked_product(dW.data(), x.data(), Index{1}, x.cols(), dout.data(), x.cols(), x.rows(), dout.cols(), true);
#else
  dW.noalias() += x.transpose() * dout;
#endif
}

}  // namespace embedlab
