// Loads and stores of the 4 float lanes of a WASM SIMD128 vector that stop at the end of a row:
// the edge blocks of the kernels in this folder use them.
#pragma once

#include <wasm_simd128.h>

#include "../tensor.hpp"

namespace embedlab::simd {

// The 4 floats at p, or only the first `count` of them (1 to 3) and zeros after.
inline v128_t load_first(const float* p, Index count) {
  if (count >= 4) return wasm_v128_load(p);
  return wasm_f32x4_make(p[0], count > 1 ? p[1] : 0.0f, count > 2 ? p[2] : 0.0f, 0.0f);
}

// Stores the 4 lanes of v at p, or only the first `count` of them (1 to 3).
inline void store_first(float* p, v128_t v, Index count) {
  if (count >= 4) return wasm_v128_store(p, v);
  p[0] = wasm_f32x4_extract_lane(v, 0);
  if (count > 1) p[1] = wasm_f32x4_extract_lane(v, 1);
  if (count > 2) p[2] = wasm_f32x4_extract_lane(v, 2);
}

}  // namespace embedlab::simd
