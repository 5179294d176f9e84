// The parameters of a model as a list that an optimiser loops over, whatever the model's kind
// (llm.c's ParameterTensors: one name and one block of numbers per tensor). Each model answers
// parameters() with a view of each of its matrices, so SGD, zeroing the gradients and the checks
// of a model file are written once for every kind.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "simd/simd.hpp"
#include "tensor.hpp"

namespace embedlab {

// One named tensor of a model seen as its entries one after another (row-major).
template <class S>
struct Parameter {
  const char* name;               // "E", "W_U", "b", ...
  Eigen::Map<RowVector<S>> values;  // (size)
};

template <class S>
using Parameters = std::vector<Parameter<S>>;

// The view of matrix or vector m under `name`.
template <class S, class M>
Parameter<S> parameter(const char* name, M& m) {
  return {name, Eigen::Map<RowVector<S>>(m.data(), m.size())};
}

// next = current - lr * grads, tensor by tensor: the three lists are views of three models of
// the same shapes (the trainer writes the new weights beside the old ones, to go back to them).
template <class S>
void sgd_update(Parameters<S> next, const Parameters<S>& current, const Parameters<S>& grads, S lr) {
  for (size_t i = 0; i < next.size(); ++i) {
#ifdef __wasm_simd128__
    if constexpr (use_simd128<S>) {
      simd::sgd_update(next[i].values.data(), current[i].values.data(), grads[i].values.data(), lr, next[i].values.size());
      continue;
    }
#endif
    next[i].values.noalias() = current[i].values - lr * grads[i].values;
  }
}

// Every entry 0 (the lists are taken by value: views of a model, made for the call): the gradients, before a step adds to them.
// std::fill_n of zeros is a memset, also in the WebAssembly build, where Eigen's setZero is a scalar loop.
template <class S>
void set_zero(Parameters<S> grads) {
  for (Parameter<S>& p : grads) std::fill_n(p.values.data(), p.values.size(), S(0));
}

// Every entry of every parameter is finite; the first that is not is named with its tensor.
template <class S>
Status check_finite(const Parameters<S>& params) {
  for (const Parameter<S>& p : params) {
    if (Status s = check_finite(p.name, p.values); !s.ok()) return s;
  }
  return {};
}

}  // namespace embedlab
