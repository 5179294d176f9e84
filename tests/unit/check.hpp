// Helpers the unit tests share: comparing matrices with a stated tolerance, and gradients by
// central finite differences.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>

#include "rng.hpp"
#include "tensor.hpp"

namespace embedlab::testing {

// Unwraps a Result the test expects to succeed, failing the test with its message otherwise.
template <class T>
const T& expect_ok(const Result<T>& result) {
  REQUIRE_MESSAGE(result.ok(), result.message());
  return result.value();
}
inline void expect_ok(const Status& status) { REQUIRE_MESSAGE(status.ok(), status.message()); }

// The largest |actual - expected| / max(1, |expected|) over all entries: an absolute difference
// for entries of size up to 1, a relative one beyond.
template <class A, class E>
double worst_difference(const Eigen::MatrixBase<A>& actual, const Eigen::MatrixBase<E>& expected) {
  REQUIRE(actual.rows() == expected.rows());
  REQUIRE(actual.cols() == expected.cols());
  double worst = 0;
  for (Index r = 0; r < actual.rows(); ++r) {
    for (Index c = 0; c < actual.cols(); ++c) {
      const double e = static_cast<double>(expected(r, c));
      const double a = static_cast<double>(actual(r, c));
      worst = std::max(worst, std::abs(a - e) / std::max(1.0, std::abs(e)));
    }
  }
  return worst;
}

// Checks actual against expected within tolerance and reports the worst difference by name.
template <class A, class E>
void check_close(const std::string& label, const Eigen::MatrixBase<A>& actual,
                 const Eigen::MatrixBase<E>& expected, double tolerance) {
  const double worst = worst_difference(actual, expected);
  MESSAGE(label << ": worst difference " << worst << " (tolerance " << tolerance << ")");
  CHECK_MESSAGE(worst <= tolerance, label << " differs by " << worst);
}

// dL/dparam by central differences, (L(p + h) - L(p - h)) / 2h for each entry of param, in
// double precision; param is restored afterwards. The truncation error is O(h^2) and the
// rounding error O(eps / h), so h = 1e-6 leaves about 1e-10 of either.
// param is any double matrix or vector.
template <class Param, class Loss>
Matrix<double> numerical_gradient(Param& param, Loss loss, double h = 1e-6) {
  Matrix<double> grad(param.rows(), param.cols());
  for (Index i = 0; i < param.size(); ++i) {
    const double saved = param.data()[i];
    param.data()[i] = saved + h;
    const double up = loss();
    param.data()[i] = saved - h;
    const double down = loss();
    param.data()[i] = saved;
    grad.data()[i] = (up - down) / (2 * h);
  }
  return grad;
}

// |a - n| / (|a| + |n|) over the whole gradient, the measure gradient checks usually report.
inline double relative_error(const Matrix<double>& analytic, const Matrix<double>& numeric) {
  const double scale = analytic.norm() + numeric.norm();
  return scale == 0 ? 0 : (analytic - numeric).norm() / scale;
}

// Checks an analytic gradient of loss() with respect to param against central differences and
// reports the relative error by name; 1e-6 leaves room above the ~1e-10 the method achieves.
template <class Param, class Loss>
double check_gradient(const std::string& label, const Matrix<double>& analytic, Param& param, Loss loss) {
  const double error = relative_error(analytic, numerical_gradient(param, loss));
  MESSAGE(label << ": relative error " << error);
  CHECK(error < 1e-6);
  return error;
}

// Checks the backward of a layer out = f(x, W) against central differences of L = sum(out * G),
// so that dL/dout = G. forward(out, x, W) and backward(dx, dW, G, x, W) follow the core's order.
template <class Forward, class Backward>
void check_backward(const std::string& label, Matrix<double> x, Matrix<double> W, const Matrix<double>& G,
                    Forward forward, Backward backward) {
  auto loss = [&] {
    Matrix<double> out;
    expect_ok(forward(out, x, W));
    return (out.array() * G.array()).sum();
  };
  Matrix<double> dx, dW = Matrix<double>::Zero(W.rows(), W.cols());
  expect_ok(backward(dx, dW, G, x, W));
  check_gradient(label + ", input gradient", dx, x, loss);
  check_gradient(label + ", weight gradient", dW, W, loss);
}

// A row vector of the given entries: row_vector({0.25, 0.75}).
template <class S>
RowVector<S> row_vector(std::initializer_list<S> values) {
  return Eigen::Map<const RowVector<S>>(values.begin(), static_cast<Index>(values.size()));
}

// A (rows, cols) matrix of standard normal numbers from the project's seeded generator.
inline Matrix<double> random_matrix(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  return normal_matrix<double>(rows, cols, rng);
}

}  // namespace embedlab::testing
