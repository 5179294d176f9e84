// Which matrices go through the WASM SIMD128 kernels of this folder: float ones, in the
// WebAssembly build. Natively (and for double) the core keeps Eigen, whose packet math is faster
// there; Eigen 3.4.0 has none for WebAssembly.
#pragma once

#include <type_traits>

#ifdef __wasm_simd128__
#include "exp_tanh_simd128.hpp"
#include "product_simd128.hpp"
#endif

namespace embedlab {

template <class S>
constexpr bool use_simd128 =
#ifdef __wasm_simd128__
    std::is_same_v<S, float>;
#else
    false;
#endif

}  // namespace embedlab
