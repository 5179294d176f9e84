// Reading pre-trained word vectors (GloVe 6B 100d, as scripts/glove.mjs stores them) into a
// WordTable. The file, little-endian:
//   embedlab glove 1\n
//   words V width d\n
//   V lines, one word each (UTF-8, no spaces or control characters, none repeated)
//   V*d float16 numbers, row i the vector of word i
// float16 halves the file; scripts/glove.mjs measures that no cosine moves by 0.001 or more.
//
// Shapes: V = words, d = vector width.
#pragma once

#include <cstdint>
#include <string_view>

#include "status.hpp"
#include "word_table.hpp"

namespace embedlab {

// The value of an IEEE 754 half-precision number: 1 sign bit, 5 exponent bits, 10 mantissa bits.
float float_from_half(std::uint16_t half);

// The words and vectors of a GloVe file; anything wrong (the header, a size, a word, a number
// that is not finite, bytes missing or left over) is an error that names it.
Result<WordTable> read_glove(std::string_view file);

}  // namespace embedlab
