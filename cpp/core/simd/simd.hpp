// Which matrices go through the WASM SIMD128 kernels of this folder: float ones, in the
// WebAssembly build (where __wasm_simd128__ is defined). Natively, and for double, the core keeps
// Eigen, whose packet math is faster there; Eigen 3.4.0 has none for WebAssembly.
#pragma once

#ifdef __wasm_simd128__
#include <type_traits>

#include "exp_tanh_simd128.hpp"
#include "product_simd128.hpp"
#include "softmax_simd128.hpp"
#include "update_simd128.hpp"

namespace embedlab {

template <class S>
constexpr bool use_simd128 = std::is_same_v<S, float>;

}  // namespace embedlab
#endif
