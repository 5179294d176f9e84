// The passes of a softmax over one row in WASM SIMD128, 4 floats at a time (softmax.hpp chooses;
// natively Eigen makes them): the row's largest entry, the exponentials e^((z - m) / T) with
// their sum, and the division by that sum.
#pragma once

#include <wasm_simd128.h>

#include <cmath>

#include "../tensor.hpp"
#include "exp_tanh_simd128.hpp"
#include "lanes_simd128.hpp"

namespace embedlab::simd {

// The largest of x[0] to x[n - 1] (n >= 1), or NaN if one of them is NaN. The vectors' maximum
// is pmax (a < b ? b : a, one x86 instruction; f32x4.max, which propagates NaN, takes several),
// with the NaNs found apart: x != x only for NaN.
inline float max(const float* x, Index n) {
  float m = x[0];
  Index i = 1;
  if (n >= 4) {
    v128_t lanes = wasm_v128_load(x), nan = wasm_f32x4_ne(lanes, lanes);
    for (i = 4; i + 4 <= n; i += 4) {
      const v128_t v = wasm_v128_load(x + i);
      lanes = wasm_f32x4_pmax(lanes, v);
      nan = wasm_v128_or(nan, wasm_f32x4_ne(v, v));
    }
    if (wasm_v128_any_true(nan)) return std::nanf("");
    lanes = wasm_f32x4_pmax(lanes, wasm_i32x4_shuffle(lanes, lanes, 2, 3, 0, 1));  // lanes 0, 1 against 2, 3
    lanes = wasm_f32x4_pmax(lanes, wasm_i32x4_shuffle(lanes, lanes, 1, 0, 3, 2));  // lane 0 against 1
    m = wasm_f32x4_extract_lane(lanes, 0);
  }
  for (; i < n; ++i) {
    if (std::isnan(x[i]) || x[i] > m) m = x[i];  // a NaN m stays NaN: no comparison with it is true
  }
  return m;
}

// out[i] = e^((x[i] - m) / T) for i < n (out may be x), and the sum of those n exponentials,
// summed in 4 lanes and then across them. T = 1 skips the division, which would change nothing.
inline float exp_shifted(float* out, const float* x, Index n, float m, float T) {
  const v128_t shift = wasm_f32x4_splat(m), temperature = wasm_f32x4_splat(T);
  v128_t sum = wasm_f32x4_splat(0.0f);
  for (Index i = 0; i < n; i += 4) {
    const Index count = n - i;
    v128_t z = wasm_f32x4_sub(load_first(x + i, count), shift);
    if (T != 1.0f) z = wasm_f32x4_div(z, temperature);
    const v128_t e = exp4(z);
    store_first(out + i, e, count);
    // lanes past the end were loaded as 0, and their e^(-m / T) must not count
    sum = wasm_f32x4_add(sum, count >= 4 ? e : wasm_v128_and(e, wasm_i32x4_gt(wasm_i32x4_splat(static_cast<int>(count)),
                                                                             wasm_i32x4_make(0, 1, 2, 3))));
  }
  return wasm_f32x4_extract_lane(sum, 0) + wasm_f32x4_extract_lane(sum, 1) + wasm_f32x4_extract_lane(sum, 2) +
         wasm_f32x4_extract_lane(sum, 3);
}

// x[i] = x[i] / divisor for i < n.
inline void divide(float* x, Index n, float divisor) {
  const v128_t d = wasm_f32x4_splat(divisor);
  for (Index i = 0; i < n; i += 4) store_first(x + i, wasm_f32x4_div(load_first(x + i, n - i), d), n - i);
}

}  // namespace embedlab::simd
