// The matrix products of a linear layer in WASM SIMD128, for float: x W, x^T dout and dout W^T.
// Only the WebAssembly build includes this file (matmul.hpp chooses); natively Eigen's packet
// math is faster.
//
// Shapes of the lecture's model (B = 32 examples, T*d = 30, H = 200, V = 27), per step:
//   h      (32, 200) = x (32, 30) W1 (30, 200)        logits (32, 27) = h (32, 200) W2 (200, 27)
//   dW2   (200, 27) += h^T (200, 32) dlogits (32, 27)  dW1 (30, 200) += x^T (30, 32) dh (32, 200)
//   dh    (32, 200)  = dlogits (32, 27) W2^T (27, 200) dx (32, 30)    = dh (32, 200) W1^T (200, 30)
//
// Blocking scheme. All three are C (rows, n) = A' (rows, depth) B (depth, n) with B row-major,
// where A'(r, k) = A[r * row_stride + k * depth_stride] is A or a transposed A, read in place.
// C is cut into blocks of 4 rows by 8 columns (two vectors of 4 floats). A block's 8 vectors of
// sums stay in registers over the whole depth: at each k it loads the 8 entries of row k of B
// (two vectors), splats the 4 entries of column k of A' and does 8 multiply-adds; 8 sums + 2 + 1
// vectors fit in the 16 SIMD registers V8 has on x86-64. The last 1 to 7 columns make one more
// block of 1 or 2 vectors whose loads and stores stop at the edge (zeros past it); the last
// 1 to 3 rows make blocks of one row.
//
// Packing: B = W^T of dout W^T is not row-major in memory (W is). Its columns are copied, 8 at a
// time and at most `panel_depth` deep, into a zero-padded panel on the stack (depth, 8), which
// the same blocks then read. The copy is depth * 8 floats for rows * depth * 8 multiply-adds:
// it pays for any batch of more than a few rows. x W and x^T dout are read in place: their B is
// row-major already and W1, W2 fit in the first-level cache.
//
// Multiply and add are two instructions (no relaxed-SIMD FMA: V8 rejects the opcode that
// Emscripten 3.1.6 emits), so every entry is rounded as the scalar `sum += a * b` rounds it, with
// k in the same order.
#pragma once

#include <wasm_simd128.h>

#include <algorithm>

#include "../tensor.hpp"
#include "lanes_simd128.hpp"

namespace embedlab::simd {

// Where a product reads and writes: C (rows, n) with row stride ldc, A' as above, B (depth, n)
// with row stride ldb.
struct ProductArgs {
  float* C;
  Index ldc;
  const float* A;
  Index row_stride, depth_stride;
  const float* B;
  Index ldb;
  Index depth;
  bool add;  // C += A' B instead of C = A' B
};

// One block of C: R rows from r0, `width` columns from c0 (at most 4 * Vectors), summed over
// the depth in R * Vectors vector registers. Always inlined, so that the main loop's block is
// compiled for width 8 with every edge test folded away.
template <int R, int Vectors>
__attribute__((always_inline)) inline void product_block(const ProductArgs& p, Index r0, Index c0, Index width) {
  v128_t sum[R][Vectors];
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < Vectors; ++v) {
      sum[r][v] = p.add ? load_first(p.C + (r0 + r) * p.ldc + c0 + 4 * v, width - 4 * v) : wasm_f32x4_splat(0.0f);
    }
  }
  for (Index k = 0; k < p.depth; ++k) {
    const float* b_row = p.B + k * p.ldb + c0;  // row k of B from column c0
    v128_t b[Vectors];
    for (int v = 0; v < Vectors; ++v) b[v] = load_first(b_row + 4 * v, width - 4 * v);
    for (int r = 0; r < R; ++r) {
      const v128_t a = wasm_f32x4_splat(p.A[(r0 + r) * p.row_stride + k * p.depth_stride]);  // A'(r0 + r, k)
      for (int v = 0; v < Vectors; ++v) sum[r][v] = wasm_f32x4_add(sum[r][v], wasm_f32x4_mul(a, b[v]));
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int v = 0; v < Vectors; ++v) store_first(p.C + (r0 + r) * p.ldc + c0 + 4 * v, sum[r][v], width - 4 * v);
  }
}

// R rows of C from r0: blocks of 8 columns, then one block of the last 1 to 7.
template <int R>
inline void product_rows(const ProductArgs& p, Index r0, Index n) {
  Index c0 = 0;
  for (; c0 + 8 <= n; c0 += 8) product_block<R, 2>(p, r0, c0, 8);
  const Index rest = n - c0;
  if (rest > 4) product_block<R, 2>(p, r0, c0, rest);
  else if (rest > 0) product_block<R, 1>(p, r0, c0, rest);
}

// C (rows, n) = A' (rows, depth) B (depth, n), or C += A' B: blocks of 4 rows, then single rows.
inline void blocked_product(const ProductArgs& p, Index rows, Index n) {
  Index r0 = 0;
  for (; r0 + 4 <= rows; r0 += 4) product_rows<4>(p, r0, n);
  for (; r0 < rows; ++r0) product_rows<1>(p, r0, n);
}

// out (N, n) = x (N, m) W (m, n), all row-major.
inline void product(float* out, const float* x, const float* W, Index N, Index m, Index n) {
  blocked_product({out, n, x, m, 1, W, n, m, false}, N, n);
}

// dW (m, n) += x^T (m, N) dout (N, n), where x is (N, m).
inline void add_transposed_product(float* dW, const float* x, const float* dout, Index N, Index m, Index n) {
  blocked_product({dW, n, x, 1, m, dout, n, N, true}, m, n);
}

// dx (N, m) = dout (N, n) W^T (n, m), where W is (m, n): 8 columns of dx at a time, each from a
// panel (depth, 8) of W^T packed on the stack, panel_depth rows of it at a time.
inline void product_transposed(float* dx, const float* dout, const float* W, Index N, Index n, Index m) {
  constexpr Index panel_depth = 256;  // a panel is 256 * 8 floats = 8 KiB
  alignas(16) float panel[panel_depth * 8];
  for (Index c0 = 0; c0 < m; c0 += 8) {
    const Index width = std::min<Index>(8, m - c0);
    for (Index k0 = 0; k0 < n; k0 += panel_depth) {
      const Index depth = std::min(panel_depth, n - k0);
      for (Index k = 0; k < depth; ++k) {
        for (Index c = 0; c < 8; ++c) panel[k * 8 + c] = c < width ? W[(c0 + c) * n + k0 + k] : 0.0f;  // W^T(k0 + k, c0 + c)
      }
      blocked_product({dx + c0, m, dout + k0, n, 1, panel, 8, depth, k0 > 0}, N, width);
    }
  }
}

}  // namespace embedlab::simd
