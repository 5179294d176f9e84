// The next word after a typed context, as a trained word model (word_model.hpp) scores it: the
// question section 5 asks of section 8's model, with the same softmax at temperature T.
//
// Shapes: k = window, n = 2k context words, d = embedding width, V = vocabulary, N = top words.
//
// The context. The model was trained on a word's k neighbours before it and k after it, with "."
// (boundary_word) in every place beyond the ends of a line (make_word_examples in
// word_dataset.cpp). A next word has nothing after it, like the last word of a line, so:
//   - the last k typed words fill the k places before the gap, "." before them when fewer than k
//     were typed (as at the start of a line); words typed before those k are left out;
//   - the k places after the gap are ".", as at the end of a line.
// With k = 2, "feed the" is read as "feed the . .", which is the context of "cat" in the training
// line "feed the cat". (h is a mean, which forgets order: only which words are read counts.)
// A typed word the vocabulary does not hold is read as "<unk>", as training read the rare words
// it left out, and is listed in `unknown` so that a page can say "unknown word -> <unk>".
//
//   h      = mean of the n context rows of E                (d)
//   logits = h W_U + b    (W_U (d, V): word v's column)     (V)
//          = h E^T + b    (tied: word v's row of E)
//   probs  = softmax(logits / T), T = 0 all on the largest  (V)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"
#include "vocab.hpp"
#include "word_model.hpp"

namespace embedlab {

inline constexpr std::size_t max_context_bytes = 1000;  // of a typed context

// One scored word: its id, the vector its logit is the dot product of h with (W_U's column, or
// its row of E when tied), its bias, its logit = h . output + bias, and its probability at T.
struct ScoredWord {
  Id id;
  std::string word;
  RowVector<float> output;  // (d)
  float bias;
  float logit;
  float probability;
};

struct NextWords {
  std::vector<std::string> read;      // (n) the context as the model reads it: k before the gap, then k after
  Ids ids;                            // (n) their ids
  std::vector<std::string> unknown;   // typed words not in the vocabulary, read as "<unk>"
  std::vector<std::string> left_out;  // typed words before the last k, which the model does not read
  RowVector<float> h;                 // (d)
  std::vector<ScoredWord> top;        // (N) the highest logits, best first (ties: the lower id first)
  float entropy_bits;                 // of all V probabilities
};

// The context ids (n) of a typed text for a window of k, as above. Errors: more than
// max_context_bytes, invalid UTF-8, no word, or every word read unknown.
Result<NextWords> read_next_word_context(const Vocabulary& vocab, Index window, std::string_view text);

// The `top` best next words of m after the typed text (top above V gives all V) at temperature T
// (0 or more), with h and the entropy. vocab is the model's: V words, "." and "<unk>" first.
Result<NextWords> next_words(const WordModel<float>& m, const Vocabulary& vocab, std::string_view text, float T, Index top);

}  // namespace embedlab
