// e^x and tanh(x) on 4 floats at a time in WASM SIMD128: the softmax's exponentials
// (softmax_simd128.hpp) and the hidden layer's tanh, over an array (tanh.hpp chooses). The
// polynomials are Cephes's expf and tanhf (S. L. Moshier).
//
// Accuracy against double-precision exp and tanh, over a million evenly spaced floats of
// [-87.3, 88.7] and of [-10, 10] (tests/wasm/test_simd.cpp prints the worst case and holds both
// to 2 ulp):
//   exp   worst 0.97 ulp where e^x is a normal float; exactly 0 for x < -103.98 and for -inf (as
//         std::exp, which the softmax's masking relies on), inf for x > 88.73, NaN for NaN
//   tanh  worst 1.28 ulp; +-1 for large |x|, -0 for -0, NaN for NaN
#pragma once

#include <wasm_simd128.h>

#include "../tensor.hpp"
#include "lanes_simd128.hpp"

namespace embedlab::simd {

// e^x = 2^n e^r with n = round(x / ln 2) and |r| <= ln(2) / 2, e^r = 1 + r + r^2 p(r), where p is
// Cephes's degree-5 polynomial. 2^n is applied as 2^(n/2) 2^(n - n/2), two normal floats even
// where 2^n alone is not (n from -150 to 128), so subnormal results round once, at the end.
inline v128_t exp4(v128_t x) {
  // pmax(x, c) is x < c ? c : x and pmin(x, c) is c < x ? c : x: one x86 instruction each (max
  // and min, which order -0 before +0 and propagate NaN, take several), and NaN stays NaN
  x = wasm_f32x4_pmin(wasm_f32x4_pmax(x, wasm_f32x4_splat(-104.0f)), wasm_f32x4_splat(88.8f));
  const v128_t n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504088896341f)));
  // r = x - n ln 2, with ln 2 = 0.693359375 - 2.12194440e-4 split so that n * 0.693359375 is exact
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(-2.12194440e-4f)));
  v128_t p = wasm_f32x4_splat(1.9875691500e-4f);
  for (const float c : {1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f}) {
    p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(c));
  }
  const v128_t er = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(p, wasm_f32x4_mul(r, r)), r), wasm_f32x4_splat(1.0f));
  // n as an integer: n + 1.5 * 2^23 is exact for a whole n from -150 to 128, and its low bits are
  // 2^22 + n (two instructions; trunc_sat's guards for NaN and overflow take several)
  const v128_t magic = wasm_f32x4_splat(12582912.0f);
  const v128_t k = wasm_i32x4_sub(wasm_f32x4_add(n, magic), magic);
  const v128_t half = wasm_i32x4_shr(k, 1);
  // 2^j as the bits of a float: the biased exponent j + 127 in bits 23 to 30
  const auto power_of_two = [](v128_t j) { return wasm_i32x4_shl(wasm_i32x4_add(j, wasm_i32x4_splat(127)), 23); };
  return wasm_f32x4_mul(wasm_f32x4_mul(er, power_of_two(half)), power_of_two(wasm_i32x4_sub(k, half)));
}

// tanh x: the sign of x times tanh |x|, which is Cephes's odd polynomial |x| + |x|^3 q(x^2) for
// |x| < 0.625, and 1 - 2 / (e^(2|x|) + 1) above (no cancellation there: the result is over 0.55).
inline v128_t tanh4(v128_t x) {
  const v128_t ax = wasm_f32x4_abs(x);
  const v128_t z = wasm_f32x4_mul(x, x);
  v128_t q = wasm_f32x4_splat(-5.70498872745e-3f);
  for (const float c : {2.06390887954e-2f, -5.37397155531e-2f, 1.33314422036e-1f, -3.33332819422e-1f}) {
    q = wasm_f32x4_add(wasm_f32x4_mul(q, z), wasm_f32x4_splat(c));
  }
  const v128_t small_abs = wasm_f32x4_add(ax, wasm_f32x4_mul(wasm_f32x4_mul(q, z), ax));
  const v128_t e = exp4(wasm_f32x4_add(ax, ax));
  const v128_t large_abs = wasm_f32x4_sub(wasm_f32x4_splat(1.0f),
                                          wasm_f32x4_div(wasm_f32x4_splat(2.0f), wasm_f32x4_add(e, wasm_f32x4_splat(1.0f))));
  // NaN: `small_abs` is NaN, and the comparison is false for NaN, so NaN is what comes out
  const v128_t abs = wasm_v128_bitselect(large_abs, small_abs, wasm_f32x4_ge(ax, wasm_f32x4_splat(0.625f)));
  return wasm_v128_or(abs, wasm_v128_and(x, wasm_f32x4_splat(-0.0f)));  // the sign of x, also for -0
}

// out[i] = tanh(x[i]) for i < n, 4 at a time; out may be x.
inline void tanh(float* out, const float* x, Index n) {
  for (Index i = 0; i < n; i += 4) store_first(out + i, tanh4(load_first(x + i, n - i)), n - i);
}

}  // namespace embedlab::simd
