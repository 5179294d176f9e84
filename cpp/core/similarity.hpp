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

// cos(a, b) for finite vectors that are not zero, computed on a / max|a_i| and b / max|b_i|:
// the same directions with entries in [-1, 1], so no square or product overflows (vectors of
// 1e20 in float) or underflows (1e-30). Clamped to [-1, 1]: rounding can carry it a hair past 1
// for parallel vectors.
template <class S>
S cosine_of_nonzero(const RowVector<S>& a, const RowVector<S>& b) {
  const RowVector<S> u = a / a.cwiseAbs().maxCoeff(), v = b / b.cwiseAbs().maxCoeff();
  return std::clamp(u.dot(v) / (u.norm() * v.norm()), S(-1), S(1));
}

// Whether v is all zeros: it has no direction.
template <class S>
bool is_zero(const RowVector<S>& v) {
  return v.size() == 0 || v.cwiseAbs().maxCoeff() == S(0);
}

// cos(a, b) = a . b / (|a| |b|), in [-1, 1]: the alignment of the directions alone.
template <class S>
Result<S> cosine_similarity(const RowVector<S>& a, const RowVector<S>& b) {
  if (a.size() != b.size()) return error("cannot compare the directions of vectors of sizes ", a.size(), " and ", b.size());
  if (Status s = check_finite("a", a); !s.ok()) return Error{s.message()};
  if (Status s = check_finite("b", b); !s.ok()) return Error{s.message()};
  if (is_zero(a) || is_zero(b)) return error("a zero vector has no direction: its cosine similarity is undefined");
  return cosine_of_nonzero(a, b);
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
  if (is_zero(query)) return error("the query is a zero vector: it has no direction to compare");
  for (Id id : exclude) {
    if (Status s = check_id(id, table.rows()); !s.ok()) return Error{s.message()};
  }
  std::vector<Neighbour<S>> candidates;
  for (Index row = 0; row < table.rows(); ++row) {
    const bool excluded = std::find(exclude.begin(), exclude.end(), row) != exclude.end();
    const RowVector<S> vector = table.row(row);
    if (excluded || is_zero(vector)) continue;
    candidates.push_back({static_cast<Id>(row), cosine_of_nonzero(vector, query)});
  }
  if (static_cast<Index>(candidates.size()) < k) {
    return error("k = ", k, " but only ", candidates.size(), " rows can be compared");
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Neighbour<S>& x, const Neighbour<S>& y) { return x.cosine > y.cosine; });
  candidates.resize(static_cast<size_t>(k));
  return candidates;
}

// An analogy's answer: the query vector a - b + c and the row nearest to it.
template <class S>
struct Analogy {
  RowVector<S> query;  // (d) table[a] - table[b] + table[c]
  Id id;               // the nearest row by cosine, other than a, b and c
  S cosine;            // cos(query, table[id])
};

// The analogy "a is to b as ? is to c", read as the vector a - b + c: king - man + woman lands
// near queen. Returns that vector and the row nearest to it by cosine, leaving out a, b and c
// themselves.
template <class S>
Result<Analogy<S>> analogy(const Matrix<S>& table, Id a, Id b, Id c) {
  for (Id id : {a, b, c}) {
    if (Status s = check_id(id, table.rows()); !s.ok()) return Error{s.message()};
  }
  RowVector<S> query = table.row(a) - table.row(b) + table.row(c);
  auto nearest = nearest_rows(table, query, 1, {a, b, c});
  if (!nearest.ok()) return Error{nearest.message()};
  return Analogy<S>{std::move(query), nearest.value().front().id, nearest.value().front().cosine};
}

}  // namespace embedlab
