// What the word tests share. A table of five words in three dimensions, small enough to work
// every cosine by hand:
//   man (1, 0, 0), woman (0, 1, 0), king (1, 0, 1), queen (0, 1, 1), apple (0, 0, -1).
// As unit vectors king is (s, 0, s) and queen (0, s, s), with s = 1/sqrt(2) = 0.707107.
// And the sources' tiny corpus with settings that train a word model on it in a moment.
#pragma once

#include "word_table.hpp"
#include "word_training.hpp"

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

// The sources' corpus: cat and dog share their contexts (feed the _, pet the _), car does not.
inline constexpr const char* tiny_corpus =
    "feed the cat\nfeed the dog\npet the cat\npet the dog\nthe cat sleeps\nthe dog sleeps\n"
    "drive the car\npark the car\nthe car stops\nwash the car\n";

inline WordConfig tiny_config() {
  WordConfig c;
  c.data.words = 100;
  c.data.min_count = 1;
  c.data.window = 2;
  c.data.subsample = 0;
  c.embed = 8;
  c.tied = false;  // a separate W_U: cat and dog then come together by their contexts alone
  c.batch = 16;
  c.lr = 0.5f;
  c.steps = 2000;
  c.seed = 3;
  return c;
}

}  // namespace embedlab::testing
