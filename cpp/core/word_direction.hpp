// A direction between two opposed words, and where every word lies along it: the difference
// woman - man (or cats - cat) points from one meaning to the other, and a word's dot product with
// it says how far along that way the word sits (3Blue1Brown's plurality direction). Words are
// taken as unit vectors, so a long vector does not count for more.
//
// Shapes: V = words, d = vector width.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "word_queries.hpp"

namespace embedlab {

// unit(to) - unit(from), scaled to length 1: the direction from `from` to `to`. (d)
inline Result<RowVector<float>> word_direction(const WordTable& table, std::string_view to, std::string_view from) {
  auto to_id = word_id(table, to);
  if (!to_id.ok()) return Error{to_id.message()};
  auto from_id = word_id(table, from);
  if (!from_id.ok()) return Error{from_id.message()};
  if (Status s = check_finite("the table", table.vectors); !s.ok()) return Error{s.message()};
  // normalized() leaves a zero vector as it is.
  const RowVector<float> difference = table.vectors.row(to_id.value()).normalized() - table.vectors.row(from_id.value()).normalized();
  if (is_zero(difference)) return error(quote(to), " and ", quote(from), " point the same way: they give no direction");
  return RowVector<float>(difference / difference.norm());
}

// unit(word_i) . direction for every word: > 0 on the `to` side, < 0 on the `from` side. (V)
inline Result<Eigen::VectorXf> projections(const WordTable& table, const RowVector<float>& direction) {
  if (direction.size() != table.vectors.cols()) {
    return error("the direction has width ", direction.size(), " but the table's vectors have width ", table.vectors.cols());
  }
  return Eigen::VectorXf(unit_rows(table.vectors) * direction.transpose());  // (V, d) x (d) -> (V)
}

// unit(word) . direction: where one word lies along the direction.
inline Result<float> projection_of(const WordTable& table, std::string_view word, const RowVector<float>& direction) {
  auto id = word_id(table, word);
  if (!id.ok()) return Error{id.message()};
  if (direction.size() != table.vectors.cols()) {
    return error("the direction has width ", direction.size(), " but the table's vectors have width ", table.vectors.cols());
  }
  return table.vectors.row(id.value()).normalized().dot(direction);
}

// The k words with the largest scores, largest first (ties to the earlier word); k is cut to V.
inline std::vector<WordScore> top_words(const WordTable& table, const Eigen::VectorXf& scores, Index k) {
  std::vector<Index> order(static_cast<size_t>(scores.size()));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<Index>(i);
  const size_t kept = static_cast<size_t>(std::clamp<Index>(k, 0, scores.size()));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept), order.end(),
                    [&](Index x, Index y) { return scores[x] > scores[y] || (scores[x] == scores[y] && x < y); });
  std::vector<WordScore> top;
  for (size_t i = 0; i < kept; ++i) top.push_back({table.words[static_cast<size_t>(order[i])], scores[order[i]]});
  return top;
}

}  // namespace embedlab
