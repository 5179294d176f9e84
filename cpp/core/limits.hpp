// The limits on what a reader may ask for, in one place: they keep memory and time sane in a
// browser tab, the page offers them as the ranges of its inputs, and the command line obeys them
// too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "tensor.hpp"

namespace embedlab {

// A whole-number setting and the values it may take, from min to max.
struct Range {
  const char* name;
  Index min;
  Index max;
};

inline constexpr Range context_range{"context", 1, 16};  // B, symbols the model reads
inline constexpr Range embed_range{"embed", 1, 64};      // d, the width of an embedding
inline constexpr Range hidden_range{"hidden", 1, 1024};  // H, tanh units
inline constexpr Range batch_range{"batch", 1, 1024};    // examples in a minibatch
inline constexpr Range max_length_range{"max length", 1, 1000};  // symbols of one sample
inline constexpr Range steps_range{"steps", 1, 1'000'000'000};   // SGD steps of one run

// A learning rate: a finite float32 above 0, from the smallest such number to the largest.
struct RealRange {
  const char* name;
  float min;
  float max;
};
inline constexpr RealRange learning_rate_range{"learning rate", std::numeric_limits<float>::denorm_min(),
                                               std::numeric_limits<float>::max()};

inline constexpr Index max_symbols = 500;                         // distinct symbols of a text
inline constexpr std::size_t max_text_bytes = 5u * 1024 * 1024;  // 5 MB of text

// V: the symbols of a text and the boundary.
inline constexpr Range vocab_range{"vocabulary size", 2, max_symbols + 1};

// "hidden 2000 is out of range: it must be from 1 to 1024".
inline Status check_range(const Range& range, std::int64_t value) {
  if (value >= range.min && value <= range.max) return {};
  return error(range.name, " ", value, " is out of range: it must be from ", range.min, " to ", range.max);
}

}  // namespace embedlab
