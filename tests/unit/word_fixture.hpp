// A table of five words in three dimensions, small enough to work every cosine by hand:
//   man (1, 0, 0), woman (0, 1, 0), king (1, 0, 1), queen (0, 1, 1), apple (0, 0, -1).
// As unit vectors king is (s, 0, s) and queen (0, s, s), with s = 1/sqrt(2) = 0.707107.
#pragma once

#include "word_table.hpp"

namespace embedlab::testing {

inline WordTable five_words() {
  Matrix<float> vectors(5, 3);  // (V, d) = (5, 3)
  vectors << 1, 0, 0,  //
      0, 1, 0,         //
      1, 0, 1,         //
      0, 1, 1,         //
      0, 0, -1;
  return {{"man", "woman", "king", "queen", "apple"}, vectors};
}

}  // namespace embedlab::testing
