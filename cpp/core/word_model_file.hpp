// The word model (word_model.hpp) as a file, the second kind of model file beside the character
// MLP's "embedlab-mlp" (model_file.hpp, whose read_any_model reads either kind).
//
// Shapes: V = vocabulary size (the boundary, the unknown word, then the words), k = window,
// d = embedding width.
//
// The file, version 1 (matrices as arrays of rows, numbers float32 in the shortest form that reads
// back to the same float):
//   {"format": "embedlab-words", "version": 1,
//    "vocab": [".", "<unk>", then V - 2 words, the most frequent first],
//    "window": k, "embed": d, "tied": false,
//    "E": V x d, "W_U": d x V, "b": V}
// With "tied": true the logits are h E^T + b and "W_U" is absent (a file that has one anyway is
// refused, so that no number in it is silently ignored).
#pragma once

#include <string>
#include <string_view>

#include "model_json.hpp"
#include "vocab.hpp"
#include "word_model.hpp"

namespace embedlab {

inline constexpr const char* word_model_format = "embedlab-words";

struct SavedWordModel {
  Vocabulary vocab;
  WordModel<float> model;
};

// The vocabulary is a word model's: "." then "<unk>", then words that are each one word under
// word_vocab.hpp's rules (lower case, no spaces or punctuation), so a corpus can reach each one.
Status check_word_vocab(const Vocabulary& vocab);

// Every logit (h W_U + b, or h E^T + b) that m can compute, for any context, stays within
// max_activation, so that none overflows float32. h is the mean of rows of E, so each entry
// |h_j| <= max_v |E[v][j]|, and |logit v| <= sum_j max_v' |E[v'][j]| |W[j][v]| + |b[v]| with W
// the output matrix (W_U, or E^T when tied). The shapes of m must agree with the vocabulary.
Status check_word_activations(const Vocabulary& vocab, const WordModel<float>& m);

// The file of m with its vocabulary. The shapes must agree and every number be finite.
Result<std::string> write_word_model(const Vocabulary& vocab, const WordModel<float>& m);

// The word model of a parsed file whose format is "embedlab-words" (read_any_model calls it):
// the version, the vocabulary (check_word_vocab), the sizes and their limits, the shape of every
// matrix, finite float32 numbers and no overflowing logit (check_word_activations) are checked.
Result<SavedWordModel> word_model_from_json(const model_json::Json& model);

}  // namespace embedlab
