// A seeded random number generator of the project's own, so that the same seed gives the same
// stream natively and in WebAssembly (std::normal_distribution and friends differ between
// standard libraries, so they are not used).
//
// The integer stream is PCG32 (O'Neill, "PCG: A Family of Simple Fast Space-Efficient
// Statistically Good Algorithms for Random Number Generation", 2014): 64-bit state, 32-bit output.
#pragma once

#include <cstdint>

#include "tensor.hpp"

namespace embedlab {

class Rng {
 public:
  // seed picks the starting point, stream one of 2^63 independent sequences.
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);

  std::uint32_t next_u32();

  // Uniform in [0, 1), a multiple of 2^-24 (every such float is equally likely).
  float uniform();

  // Uniform integer in [0, n), without modulo bias. n must be at least 1.
  Result<std::uint32_t> below(std::uint32_t n);

  // Standard normal (mean 0, variance 1), by the Box-Muller transform computed in double.
  float normal();

  // An id drawn with probability probs[id] / sum(probs). Entries must be finite and >= 0 with
  // a positive sum; they need not sum to exactly 1.
  Result<Id> categorical(const RowVector<float>& probs);

 private:
  std::uint64_t state_ = 0;
  std::uint64_t increment_ = 0;
};

// A (rows, cols) matrix of independent normal draws with standard deviation `scale`, filled
// row by row: the random start from which an embedding table is learned.
template <class S>
Matrix<S> normal_matrix(Index rows, Index cols, Rng& rng, S scale = S(1)) {
  Matrix<S> m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = scale * static_cast<S>(rng.normal());
  return m;
}

}  // namespace embedlab
