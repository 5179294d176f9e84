// What an embedding costs: the size of the table, and the work of the two ways to pick rows
// from it for a context of B ids.
//
// Shapes: V = vocabulary size, d = embedding width, B = ids in the context.
#pragma once

#include <cstdint>

#include "tensor.hpp"

namespace embedlab {

struct EmbeddingCost {
  std::int64_t weights;          // V * d numbers in the table
  std::int64_t table_bytes;      // 4 bytes each as float32
  std::int64_t one_hot_entries;  // B * V numbers in the one-hot input, all but B of them zero
  std::int64_t one_hot_macs;     // B * V * d multiply-adds for one_hot (B, V) x W (V, d)
  std::int64_t lookup_copies;    // B * d numbers copied by the lookup W[ids]
};

// The cost of a (V, d) table read by a context of B ids. GPT-3: V = 50,257, d = 12,288 gives
// 617,558,016 weights. The limits keep B * V * d (at most 10^18) inside a 64-bit count.
inline Result<EmbeddingCost> embedding_cost(std::int64_t V, std::int64_t d, std::int64_t B) {
  if (V < 1 || V > 10'000'000) return error("vocabulary size V = ", V, " must be from 1 to 10,000,000");
  if (d < 1 || d > 1'000'000) return error("embedding width d = ", d, " must be from 1 to 1,000,000");
  if (B < 1 || B > 100'000) return error("context length B = ", B, " must be from 1 to 100,000");
  return EmbeddingCost{V * d, 4 * V * d, B * V, B * V * d, B * d};
}

}  // namespace embedlab
