// The matrix and id types every core file shares, and the checks on them.
//
// Shapes, used in comments across the core:
//   V = vocabulary size, d = embedding width, B = batch size (examples in a minibatch),
//   T = context length (the block size: symbols a model reads), N = a number of ids.
// Matrices are row-major, so one row (one symbol's vector) is contiguous in memory, and a
// (N, d) matrix read in order is already its flattened (N*d) vector.
//
// Gradient convention: gradients of parameters (tables, weights) are accumulated with +=, so a
// caller zeroes them before a step; gradients of inputs are written with =.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "status.hpp"

namespace embedlab {

template <class S>
using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class S>
using RowVector = Eigen::Matrix<S, 1, Eigen::Dynamic>;

using Index = Eigen::Index;
using Id = int;
using Ids = std::vector<Id>;

// "(3, 2)": the shape of a matrix, as messages print it.
template <class Derived>
std::string shape(const Eigen::EigenBase<Derived>& m) {
  std::ostringstream text;
  text << '(' << m.rows() << ", " << m.cols() << ')';
  return text.str();
}

// id is a row of a table with `rows` rows.
inline Status check_id(Id id, Index rows) {
  if (id >= 0 && id < rows) return {};
  return error("id ", id, " is out of range for a vocabulary of ", rows);
}

// Every id is a row of a table with `rows` rows, and there is at least one id. `what` names the
// ids in messages: "id 7 at position 2 of the context is out of range for a vocabulary of 5".
inline Status check_ids(const Ids& ids, Index rows, const char* what = "context") {
  if (ids.empty()) return error("empty ", what, ": at least one id is needed");
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] < 0 || ids[i] >= rows) {
      return error("id ", ids[i], " at position ", i, " of the ", what,
                   " is out of range for a vocabulary of ", rows);
    }
  }
  return {};
}

// m has the expected shape; `name` says which argument it is.
template <class Derived>
Status check_shape(const char* name, const Eigen::EigenBase<Derived>& m, Index rows, Index cols) {
  if (m.rows() == rows && m.cols() == cols) return {};
  return error(name, " has shape ", shape(m), " but (", rows, ", ", cols, ") is needed");
}

// Every entry of m is finite; the first one that is not is named by row and column.
template <class Derived>
Status check_finite(const char* name, const Eigen::MatrixBase<Derived>& m) {
  for (Index r = 0; r < m.rows(); ++r) {
    for (Index c = 0; c < m.cols(); ++c) {
      if (!std::isfinite(m(r, c))) {
        return error(name, ": ", m(r, c), " at row ", r, ", column ", c, " is not finite");
      }
    }
  }
  return {};
}

}  // namespace embedlab
