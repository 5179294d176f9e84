// A trained model as text: the JSON model file that the page and the command line save and
// load, and the two TSV files that the TensorFlow Embedding Projector reads. A model file is of
// one of two kinds, named by its "format": "embedlab-mlp", the character MLP below, or
// "embedlab-words", the word model (word_model_file.hpp). read_any_model reads either.
//
// Shapes: V = vocabulary size, B = context length, d = embedding width, H = hidden units.
//
// The model file, version 1 (matrices as arrays of rows; x W1 where x is the concatenated
// context, so row b*d + j of W1 weighs entry j of the embedding of context position b):
//   {"format": "embedlab-mlp", "version": 1, "vocab": [V symbols in id order],
//    "context": B, "embed": d, "hidden": H,
//    "C": V x d, "W1": (B*d) x H, "b1": H, "W2": H x V, "b2": V}
// Numbers are float32, written in the shortest form that reads back to the same float.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mlp.hpp"
#include "vocab.hpp"
#include "word_model_file.hpp"

namespace embedlab {

struct SavedModel {
  Vocabulary vocab;
  Mlp<float> mlp;
};

// The model file of mlp with its vocabulary. The shapes must agree and every number be finite.
Result<std::string> write_model(const Vocabulary& vocab, const Mlp<float>& mlp);

// Every pre-activation (x W1 + b1) and every logit (h W2 + b2) that mlp can compute, for any
// context, stays within max_activation, so that none overflows float32. The bounds hold for
// every input: tanh keeps h in [-1, 1], so |logit v| <= sum_k |W2[k][v]| + |b2[v]|; entry i of
// the concatenated context x is an entry of column i % d of C, so
// |pre-activation k| <= sum_i max_v |C[v][i % d]| |W1[i][k]| + |b1[k]|. The shapes of mlp must
// agree (check_mlp) and V be the vocabulary's size.
Status check_activations(const Vocabulary& vocab, const Mlp<float>& mlp);

// A model file of either kind.
using AnyModel = std::variant<SavedModel, SavedWordModel>;

// A model file read back, of the kind its "format" names. Everything is checked: at most
// max_model_file_bytes, valid JSON nested at most max_json_depth deep, the format and version,
// the vocabulary (no duplicates), the sizes and their limits, the shape of every matrix, that
// every number is finite in float32 and that no activation can overflow (check_activations,
// check_word_activations). The message names what is wrong and quotes at most a short prefix of
// a bad value.
Result<AnyModel> read_any_model(std::string_view text);

// A model file that must hold the character MLP: read_any_model, and a word model is an error
// that names both kinds.
Result<SavedModel> read_model(std::string_view text);

// A model file that must hold the word model: read_any_model, and a character MLP is an error
// that names both kinds.
Result<SavedWordModel> read_word_model(std::string_view text);

// The Embedding Projector's vectors file: row i of the table (V, d) on line i, entries separated
// by tabs.
std::string projector_vectors(const Matrix<float>& table);

// Its metadata file: symbol i on line i, no header (one column). Tabs, line breaks and
// backslashes in a symbol are written \t, \n, \r and \\ so that each symbol stays on its line.
std::string projector_metadata(const std::vector<std::string>& symbols);
std::string projector_metadata(const Vocabulary& vocab);

}  // namespace embedlab
