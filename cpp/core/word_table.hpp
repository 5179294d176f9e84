// A table of words and their vectors: what word similarity, analogies and directions search.
// Two things fill one: pre-trained GloVe vectors read from a file, and the rows of E of a word
// model trained on a corpus.
//
// Shapes: V = words, d = vector width.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"
#include "utf8.hpp"

namespace embedlab {

struct WordTable {
  std::vector<std::string> words;  // V words, none repeated
  Matrix<float> vectors;           // (V, d): row i is the vector of words[i]
};

// The row of `word` in the table; a word the table does not hold is an error that names it.
inline Result<Id> word_id(const WordTable& table, std::string_view word) {
  const auto found = std::find(table.words.begin(), table.words.end(), word);
  if (found == table.words.end()) return error("the word ", quote(word), " is not among the table's ", table.words.size(), " words");
  return static_cast<Id>(found - table.words.begin());
}

}  // namespace embedlab
