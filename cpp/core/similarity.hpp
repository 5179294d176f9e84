// Directions and dot products: how aligned two vectors are, and which rows of a table are
// nearest to a vector.
//
// Shapes: V = vocabulary size, d = embedding width; table is (V, d), vectors are (d).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "tensor.hpp"

namespace embedlab {

// a . b = sum_i a_i b_i: positive when a and b point the same way, 0 when perpendicular,
// negative when opposed.
template <class S>
Result<S> dot(const RowVector<S>& a, const RowVector<S>& b) {
  if (a.size() != b.size()) return error("cannot take the dot product of vectors of sizes ", a.size(), " and ", b.size());
  return a.dot(b);
}

// a . b / (|a| |b|), clamped to [-1, 1]: rounding can carry it a hair past 1 for parallel vectors.
template <class S>
S cosine_from(S dot_product, S norm_a, S norm_b) {
  return std::clamp(dot_product / (norm_a * norm_b), S(-1), S(1));
}

// cos(a, b) = a . b / (|a| |b|), in [-1, 1]: the alignment of the directions alone.
template <class S>
Result<S> cosine_similarity(const RowVector<S>& a, const RowVector<S>& b) {
  Result<S> ab = dot(a, b);
  if (!ab.ok()) return ab;
  if (a.norm() == S(0) || b.norm() == S(0)) return error("a zero vector has no direction: its cosine similarity is undefined");
  return cosine_from(ab.value(), a.norm(), b.norm());
}

// The angle between a and b in degrees, from 0 (same direction) through 90 (perpendicular) to
// 180 (opposite).
template <class S>
Result<S> angle_degrees(const RowVector<S>& a, const RowVector<S>& b) {
  Result<S> cosine = cosine_similarity(a, b);
  if (!cosine.ok()) return cosine;
  return static_cast<S>(std::acos(static_cast<double>(cosine.value())) * 180.0 / 3.14159265358979323846);
}

// One row of a table and how similar it is to a query.
template <class S>
struct Neighbour {
  Id id;
  S cosine;
};

// The k rows of table most similar to query by cosine, best first; ties go to the lower id.
// Rows listed in `exclude` are left out, and so are zero rows, which have no direction.
template <class S>
Result<std::vector<Neighbour<S>>> nearest_rows(const Matrix<S>& table, const RowVector<S>& query,
                                              Index k, const Ids& exclude = {}) {
  if (query.size() != table.cols()) {
    return error("the query has width ", query.size(), " but the table ", shape(table), " has width ", table.cols());
  }
  if (k < 1) return error("k = ", k, ": ask for at least one neighbour");
  if (Status s = check_finite("the table", table); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("the query", query); !s.ok()) return Error{s.message()};
  if (query.norm() == S(0)) return error("the query is a zero vector: it has no direction to compare");
  for (Id id : exclude) {
    if (Status s = check_id(id, table.rows()); !s.ok()) return Error{s.message()};
  }
  std::vector<Neighbour<S>> candidates;
  for (Index row = 0; row < table.rows(); ++row) {
    const bool excluded = std::find(exclude.begin(), exclude.end(), row) != exclude.end();
    const S row_norm = table.row(row).norm();
    if (excluded || row_norm == S(0)) continue;
    candidates.push_back({static_cast<Id>(row), cosine_from(table.row(row).dot(query), row_norm, query.norm())});
  }
  if (static_cast<Index>(candidates.size()) < k) {
    return error("k = ", k, " but only ", candidates.size(), " rows can be compared");
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Neighbour<S>& x, const Neighbour<S>& y) { return x.cosine > y.cosine; });
  candidates.resize(static_cast<size_t>(k));
  return candidates;
}

// The analogy "a is to b as ? is to c", read as the vector a - b + c: king - man + woman lands
// near queen. Returns the row nearest to it by cosine, leaving out a, b and c themselves.
template <class S>
Result<Neighbour<S>> analogy(const Matrix<S>& table, Id a, Id b, Id c) {
  for (Id id : {a, b, c}) {
    if (Status s = check_id(id, table.rows()); !s.ok()) return Error{s.message()};
  }
  const RowVector<S> target = table.row(a) - table.row(b) + table.row(c);
  auto nearest = nearest_rows(table, target, 1, {a, b, c});
  if (!nearest.ok()) return Error{nearest.message()};
  return nearest.value().front();
}

}  // namespace embedlab
