// Questions asked of a WordTable by word: its nearest words, and analogies by 3CosAdd (Mikolov et
// al. 2013; Levy and Goldberg 2014 named it): "a is to b as ? is to c" is answered by the words
// whose unit vectors are nearest by cosine to unit(a) - unit(b) + unit(c). king - man + woman
// lands near queen. The standard evaluations leave a, b and c out of the answers, because the
// nearest word to that sum is most often a itself (king): keep_inputs shows that.
//
// Shapes: V = words, d = vector width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "similarity.hpp"
#include "word_table.hpp"

namespace embedlab {

// A word and how close it is to a query (a cosine, or a projection for a direction).
struct WordScore {
  std::string word;
  float score;
};

// The rows of m scaled to length 1; a zero row stays zero (it has no direction). m is (V, d).
inline Matrix<float> unit_rows(const Matrix<float>& m) {
  const Eigen::VectorXf norms = m.rowwise().norm();                          // (V)
  const Eigen::VectorXf scale = (norms.array() > 0).select(norms.cwiseInverse(), 0.0f);
  return scale.asDiagonal() * m;                                              // (V, d)
}

// Neighbours as words.
inline std::vector<WordScore> named(const WordTable& table, const std::vector<Neighbour<float>>& neighbours) {
  std::vector<WordScore> words;
  for (const Neighbour<float>& n : neighbours) words.push_back({table.words[static_cast<size_t>(n.id)], n.cosine});
  return words;
}

// The k words nearest to `word` by cosine, best first, the word itself left out.
inline Result<std::vector<WordScore>> similar_words(const WordTable& table, std::string_view word, Index k) {
  auto id = word_id(table, word);
  if (!id.ok()) return Error{id.message()};
  const RowVector<float> query = table.vectors.row(id.value());  // (d)
  auto nearest = nearest_rows(table.vectors, query, k, {id.value()});
  if (!nearest.ok()) return error("the words nearest to ", quote(word), ": ", nearest.message());
  return named(table, nearest.value());
}

// The k best answers of "a is to b as ? is to c" by 3CosAdd, best first: the words nearest by
// cosine to unit(a) - unit(b) + unit(c), leaving out a, b and c unless keep_inputs.
inline Result<std::vector<WordScore>> analogy_answers(const WordTable& table, std::string_view a, std::string_view b,
                                                      std::string_view c, Index k, bool keep_inputs) {
  Ids inputs;
  for (std::string_view word : {a, b, c}) {
    auto id = word_id(table, word);
    if (!id.ok()) return Error{id.message()};
    inputs.push_back(id.value());
  }
  const Matrix<float> units = unit_rows(table.vectors);                                   // (V, d)
  const RowVector<float> query = units.row(inputs[0]) - units.row(inputs[1]) + units.row(inputs[2]);  // (d)
  auto nearest = nearest_rows(units, query, k, keep_inputs ? Ids{} : inputs);
  if (!nearest.ok()) return error(quote(a), " - ", quote(b), " + ", quote(c), ": ", nearest.message());
  return named(table, nearest.value());
}

}  // namespace embedlab
