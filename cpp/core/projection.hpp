// The embedding table seen from above: every symbol's vector as a point in 2-D, for a scatter
// plot in which similar symbols sit close together.
//
// Shapes: V = vocabulary size, d = embedding width; the table is (V, d), the points (V, 2).
#pragma once

#include <Eigen/Eigenvalues>

#include "tensor.hpp"

namespace embedlab {

// The points (V, 2) of the table (V, d):
//   d = 1   the one column, and 0
//   d = 2   the two columns themselves, as the lecture plots them
//   d > 2   principal component analysis: the rows, centred on their mean, projected on the two
//           directions in which they vary most (the eigenvectors of their covariance with the
//           largest eigenvalues), the first direction in column 0
// A direction and its opposite describe the same axis; each projected column is turned so that
// its entry of largest magnitude (the first of tied ones) is positive, so the picture does not
// flip from one call to the next.
template <class S>
Result<Matrix<S>> project_2d(const Matrix<S>& table) {
  if (table.rows() == 0 || table.cols() == 0) return error("the table ", shape(table), " is empty: nothing to project");
  if (Status s = check_finite("the table", table); !s.ok()) return Error{s.message()};
  Matrix<S> points = Matrix<S>::Zero(table.rows(), 2);
  if (table.cols() <= 2) {
    points.leftCols(table.cols()) = table;
    return points;
  }
  const Matrix<double> centred = table.template cast<double>().rowwise() - table.template cast<double>().colwise().mean();
  const Matrix<double> covariance = centred.transpose() * centred;  // (d, d); the 1/(V-1) does not change the directions
  const Eigen::SelfAdjointEigenSolver<Matrix<double>> solver(covariance);  // eigenvalues in increasing order
  const Index d = table.cols();
  for (Index k = 0; k < 2; ++k) {
    Eigen::VectorXd column = centred * solver.eigenvectors().col(d - 1 - k);
    Index largest = 0;
    column.cwiseAbs().maxCoeff(&largest);  // Eigen gives the first of tied maxima
    if (column[largest] < 0) column = -column;
    points.col(k) = column.cast<S>();
  }
  return points;
}

}  // namespace embedlab
