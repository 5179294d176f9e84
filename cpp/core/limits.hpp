// The limits on what a reader may ask for, in one place: they keep memory and time sane in a
// browser tab, the page offers them as the ranges of its inputs, and the command line obeys them
// too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

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
inline constexpr Range page_steps_range{"steps", 1, 200'000};     // ... that the page offers: the lecture's run, ~25 s in a tab

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

// A model file of the largest sizes above (V 501, B 16, d 64, H 1024: 1.6 million numbers of at
// most 15 characters) takes about 24 MB; 64 MB leaves room for indented JSON.
inline constexpr std::size_t max_model_file_bytes = 64u * 1024 * 1024;

// A GloVe file (scripts/glove.mjs): the page's 20,000 words of width 100 take 4 MB; 64 MB holds
// the whole 400,000 words of GloVe 6B 100d in float16 (80 MB as float32 in memory).
inline constexpr std::size_t max_glove_file_bytes = 64u * 1024 * 1024;
inline constexpr Range glove_width_range{"vector width", 1, 1024};  // d of a GloVe file

// A model file nests three deep (the object, a matrix, a row); a reader stops at this depth
// rather than follow a file of a million '[' into a stack overflow.
inline constexpr std::size_t max_json_depth = 8;

// The largest |value| a model may compute anywhere (a pre-activation x W1 + b1, a logit
// h W2 + b2): float32 ends at 3.4e38, and this margin covers the rounding of the sums.
inline constexpr double max_activation = 1e38;

// Characters of a bad value that a message quotes (the rest is cut off with "…").
inline constexpr std::size_t max_quoted_chars = 40;

// V: the symbols of a text and the boundary.
inline constexpr Range vocab_range{"vocabulary size", 2, max_symbols + 1};

// The word model: its vocabulary keeps the most frequent words of a corpus, at most max_words
// (the full softmax scores every one at every step), plus the boundary and the unknown word.
inline constexpr Index max_words = 5000;
inline constexpr Range words_range{"words", 1, max_words};                          // words kept
inline constexpr Range word_vocab_range{"vocabulary size", 3, max_words + 2};       // V of a word model
inline constexpr Range window_range{"window", 1, 8};                                // k words on each side
inline constexpr Range min_count_range{"min count", 1, 1'000'000'000};              // times a kept word occurs
inline constexpr std::size_t max_corpus_bytes = 16u * 1024 * 1024;                  // 16 MB: about 2.5 million words
inline constexpr RealRange subsample_range{"subsample", 0.0f, 1.0f};                // t of frequent-word subsampling; 0 keeps every word

// "hidden 2000 is out of range: it must be from 1 to 1024"; `value` as the reader wrote it.
template <class Value>
Error out_of_range(const Range& range, const Value& value) {
  return error(range.name, " ", value, " is out of range: it must be from ", range.min, " to ", range.max);
}

inline Status check_range(const Range& range, std::int64_t value) {
  if (value >= range.min && value <= range.max) return {};
  return out_of_range(range, value);
}

// "names.txt is larger than 5 MB (5242880 bytes), the limit for a text": what a reader says
// when it stops at byte max_bytes + 1 of `what`, a `kind` of file.
inline Error too_large(const std::string& what, std::size_t max_bytes, const char* kind) {
  return error(what, " is larger than ", max_bytes / (1024 * 1024), " MB (", max_bytes, " bytes), the limit for ",
               kind);
}

}  // namespace embedlab
