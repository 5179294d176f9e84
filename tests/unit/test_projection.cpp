// The 2-D points of an embedding table: its columns for d <= 2, PCA beyond.
#include "projection.hpp"

#include <limits>

#include "check.hpp"
#include "worked_example.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE_TEMPLATE("a table of width 2 is its own picture", S, float, double) {
  CHECK(expect_ok(project_2d(worked_table<S>())) == worked_table<S>());
}

TEST_CASE("a table of width 1 lies on the first axis") {
  Matrix<float> table(3, 1), expected(3, 2);
  table << 1, -2, 3;
  expected << 1, 0,
              -2, 0,
              3, 0;
  CHECK(expect_ok(project_2d(table)) == expected);
}

TEST_CASE("points on a line in 3-D project to their positions along it") {
  // Row t is (5, 5, 5) + t (1, 2, 2) / 3, a unit direction; t = -2, -1, 0, 1, 3 has mean 0.2,
  // so the first coordinate is t - 0.2 and the second, across the line, 0.
  const double ts[] = {-2, -1, 0, 1, 3};
  Matrix<double> table(5, 3);
  for (Index r = 0; r < 5; ++r) table.row(r) = RowVector<double>::Constant(3, 5) + ts[r] * row_vector({1.0, 2.0, 2.0}) / 3.0;
  const Matrix<double> points = expect_ok(project_2d(table));
  check_close("first coordinate", points.col(0), Eigen::VectorXd::LinSpaced(5, 0, 4).unaryExpr([&](double i) {
    return ts[static_cast<int>(i)] - 0.2;
  }), 1e-12);  // -2.2 -1.2 -0.2 0.8 2.8: the largest, 2.8, is positive
  check_close("second coordinate", points.col(1), Eigen::VectorXd::Zero(5), 1e-12);
}

TEST_CASE("the first axis is the direction of largest spread") {
  Matrix<double> table(4, 3);
  table << 10, 1, 0,
           -10, -1, 0,
           0, 0, 3,
           0, 0, -3;
  const Matrix<double> points = expect_ok(project_2d(table));
  // spread along (10, 1, 0) is 2 * 101, along z 2 * 9: x-y first, z second
  CHECK(points(0, 0) == doctest::Approx(std::sqrt(101.0)));
  CHECK(points(2, 0) == doctest::Approx(0).epsilon(1e-12));
  CHECK(std::abs(points(2, 1)) == doctest::Approx(3));
}

TEST_CASE("the sign convention gives a table and its negative the same picture") {
  const Matrix<double> table = random_matrix(27, 10, 8);
  const Matrix<double> points = expect_ok(project_2d(table));
  check_close("projection of -table", expect_ok(project_2d(Matrix<double>(-table))), points, 1e-10);
  for (Index k = 0; k < 2; ++k) {
    Index largest = 0;
    points.col(k).cwiseAbs().maxCoeff(&largest);
    CHECK(points(largest, k) > 0);
  }
}

TEST_CASE("the axes of an earlier picture keep a moved table from mirroring") {
  // Two rows far out on opposite sides of the first axis, +-(4, 0, 0) and +-(0, 1, 0) across it:
  // moving the outlier from +x to -x turns the sign rule's axis around, but the picture that
  // follows the earlier axes keeps +x to the right.
  Matrix<double> before(4, 3), after(4, 3);
  before << 4, 0, 0,   -3.9, 0, 0,   0, 1, 0,   0, -1, 0;
  after << 3.9, 0, 0,  -4, 0, 0,     0, 1, 0,   0, -1, 0;
  Matrix<double> axes;
  const Matrix<double> first = expect_ok(project_2d(before, axes));
  CHECK(first(0, 0) == doctest::Approx(3.975));  // 4 minus the mean 0.025, the largest |x|, kept positive
  REQUIRE(axes.rows() == 3);
  REQUIRE(axes.cols() == 2);
  CHECK(expect_ok(project_2d(after))(0, 0) == doctest::Approx(-3.925));  // alone, -3.975 is the largest |x|, turned +: row 0 flips
  const Matrix<double> followed = expect_ok(project_2d(after, axes));
  CHECK(followed(0, 0) == doctest::Approx(3.925));  // 3.9 minus the mean -0.025: still on the right
  CHECK(followed(1, 0) == doctest::Approx(-3.975));
}

TEST_CASE("a projection returns the axes it used, unit length and perpendicular") {
  const Matrix<double> table = random_matrix(27, 10, 8);
  Matrix<double> axes;
  const Matrix<double> points = expect_ok(project_2d(table, axes));
  check_close("axes^T axes", Matrix<double>(axes.transpose() * axes), Matrix<double>::Identity(2, 2), 1e-12);
  const Matrix<double> centred = table.rowwise() - table.colwise().mean();
  check_close("points = centred table times axes", Matrix<double>(centred * axes), points, 1e-12);
}

TEST_CASE("an empty table or one with a non-finite entry is an error") {
  CHECK(project_2d(Matrix<float>(0, 3)).message() == "the table (0, 3) is empty: nothing to project");
  Matrix<float> table = Matrix<float>::Zero(2, 3);
  table(1, 2) = std::numeric_limits<float>::infinity();
  CHECK(project_2d(table).message() == "the table: inf at row 1, column 2 is not finite");
}
