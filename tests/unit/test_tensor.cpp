// The shared checks on ids and matrices: the messages name the bad value and where it is.
#include "tensor.hpp"

#include <cmath>
#include <limits>

#include "check.hpp"

using namespace embedlab;

TEST_CASE("shape prints a matrix's shape as (rows, cols)") {
  CHECK(shape(Matrix<float>(3, 2)) == "(3, 2)");
  CHECK(shape(RowVector<double>(5)) == "(1, 5)");
}

TEST_CASE("check_id accepts 0 to rows - 1 and names an id out of range") {
  CHECK(check_id(0, 5).ok());
  CHECK(check_id(4, 5).ok());
  CHECK(check_id(5, 5).message() == "id 5 is out of range for a vocabulary of 5");
  CHECK(check_id(-1, 5).message() == "id -1 is out of range for a vocabulary of 5");
}

TEST_CASE("check_ids names the first bad id by its position, and refuses no ids at all") {
  CHECK(check_ids({0, 4, 2}, 5).ok());
  CHECK(check_ids({0, 7, 9}, 5).message() == "id 7 at position 1 of the context is out of range for a vocabulary of 5");
  CHECK(check_ids({1, -2}, 5, "targets").message() == "id -2 at position 1 of the targets is out of range for a vocabulary of 5");
  CHECK(check_ids({}, 5).message() == "empty context: at least one id is needed");
}

TEST_CASE("check_shape names the argument, its shape and the shape needed") {
  const Matrix<float> W(5, 2);
  CHECK(check_shape("W", W, 5, 2).ok());
  CHECK(check_shape("W", W, 2, 5).message() == "W has shape (5, 2) but (2, 5) is needed");
}

TEST_CASE_TEMPLATE("check_finite names the first entry that is not finite by row and column", S, float, double) {
  Matrix<S> m = Matrix<S>::Zero(2, 3);
  CHECK(check_finite("C", m).ok());
  m(1, 2) = std::numeric_limits<S>::infinity();
  m(1, 0) = std::numeric_limits<S>::quiet_NaN();  // first in row-major order
  CHECK(check_finite("C", m).message() == "C: nan at row 1, column 0 is not finite");
}
