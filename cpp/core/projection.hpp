// The embedding table seen from above: every symbol's vector as a point in 2-D, for a scatter
// plot in which similar symbols sit close together.
//
// Shapes: V = vocabulary size, d = embedding width; the table is (V, d), the points (V, 2), the
// axes (d, 2).
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
// A direction and its opposite describe the same axis, so each axis's sign is a choice. `axes`
// carries it from one picture to the next: when it holds the (d, 2) axes of an earlier picture
// (of a table that has since moved a little), each new axis is turned to point the way the old
// one did (a positive dot product), so the picture does not mirror between frames; otherwise each
// axis is turned so that the projected coordinate of largest magnitude (the first of tied ones)
// is positive, which gives a table and its negative the same picture.
// On return `axes` holds the axes used (d > 2) or is left as it was (d <= 2).
template <class S>
Result<Matrix<S>> project_2d(const Matrix<S>& table, Matrix<double>& axes) {
  if (table.rows() == 0 || table.cols() == 0) return error("the table ", shape(table), " is empty: nothing to project");
  if (Status s = check_finite("the table", table); !s.ok()) return Error{s.message()};
  Matrix<S> points = Matrix<S>::Zero(table.rows(), 2);
  if (table.cols() <= 2) {
    points.leftCols(table.cols()) = table;
    return points;
  }
  const Index d = table.cols();
  const bool follow = axes.rows() == d && axes.cols() == 2;
  const Matrix<double> centred = table.template cast<double>().rowwise() - table.template cast<double>().colwise().mean();
  const Matrix<double> covariance = centred.transpose() * centred;  // (d, d); the 1/(V-1) does not change the directions
  const Eigen::SelfAdjointEigenSolver<Matrix<double>> solver(covariance);  // eigenvalues in increasing order
  Matrix<double> chosen(d, 2);
  for (Index k = 0; k < 2; ++k) {
    Eigen::VectorXd axis = solver.eigenvectors().col(d - 1 - k);  // (d)
    const Eigen::VectorXd coordinates = centred * axis;             // (V)
    Index largest = 0;
    coordinates.cwiseAbs().maxCoeff(&largest);  // Eigen gives the first of tied maxima
    const double sign = follow ? axis.dot(axes.col(k)) : coordinates[largest];
    chosen.col(k) = sign < 0 ? Eigen::VectorXd(-axis) : axis;
  }
  axes = chosen;
  points = (centred * chosen).cast<S>();  // (V, d) (d, 2) = (V, 2)
  return points;
}

// The same picture with no earlier one to follow.
template <class S>
Result<Matrix<S>> project_2d(const Matrix<S>& table) {
  Matrix<double> axes;
  return project_2d(table, axes);
}

}  // namespace embedlab
