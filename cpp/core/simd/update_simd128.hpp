// The entry-by-entry steps of training in WASM SIMD128, 4 floats at a time: the SGD update of the
// parameters (parameters.hpp) and the tanh's backward (tanh.hpp). Each lane does the float
// operations of the scalar formula, in its order and with no fused multiply-add, so the results
// are the same bits as Eigen's.
#pragma once

#include <wasm_simd128.h>

#include "../tensor.hpp"
#include "lanes_simd128.hpp"

namespace embedlab::simd {

// next[i] = current[i] - lr * grads[i] for i < n.
inline void sgd_update(float* next, const float* current, const float* grads, float lr, Index n) {
  const v128_t rate = wasm_f32x4_splat(lr);
  for (Index i = 0; i < n; i += 4) {
    const v128_t step = wasm_f32x4_mul(rate, load_first(grads + i, n - i));
    store_first(next + i, wasm_f32x4_sub(load_first(current + i, n - i), step), n - i);
  }
}

// da[i] = dout[i] * (1 - out[i]^2) for i < n; da may be dout.
inline void tanh_backward(float* da, const float* dout, const float* out, Index n) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  for (Index i = 0; i < n; i += 4) {
    const v128_t o = load_first(out + i, n - i);
    store_first(da + i, wasm_f32x4_mul(load_first(dout + i, n - i), wasm_f32x4_sub(one, wasm_f32x4_mul(o, o))), n - i);
  }
}

}  // namespace embedlab::simd
