// The shared checks of tensor.hpp: each names the argument and the bad value in its message.
#include <doctest/doctest.h>

#include <limits>

#include "tensor.hpp"

using namespace embedlab;

TEST_CASE("shape prints rows and columns as messages show them") {
  CHECK(shape(Matrix<float>(3, 2)) == "(3, 2)");
  CHECK(shape(RowVector<double>(7)) == "(1, 7)");
}

TEST_CASE("check_id accepts the rows of the table and names an id outside them") {
  CHECK(check_id(0, 5).ok());
  CHECK(check_id(4, 5).ok());
  CHECK(check_id(5, 5).message() == "id 5 is out of range for a vocabulary of 5");
  CHECK(check_id(-1, 5).message() == "id -1 is out of range for a vocabulary of 5");
}

TEST_CASE("check_ids names the first bad id with its position, and refuses no ids at all") {
  CHECK(check_ids({0, 1, 2}, 3).ok());
  CHECK(check_ids({0, 7, 9}, 5).message() == "id 7 at position 1 of the context is out of range for a vocabulary of 5");
  CHECK(check_ids({}, 5, "targets").message() == "empty targets: at least one id is needed");
}

TEST_CASE("check_shape names the argument, its shape and the shape needed") {
  const Matrix<float> W(2, 3);
  CHECK(check_shape("W", W, 2, 3).ok());
  CHECK(check_shape("W", W, 3, 2).message() == "W has shape (2, 3) but (3, 2) is needed");
}

TEST_CASE("check_finite names the first entry that is infinite or not a number by row and column") {
  Matrix<float> m = Matrix<float>::Zero(2, 2);
  CHECK(check_finite("C", m).ok());
  m(1, 0) = std::numeric_limits<float>::infinity();
  m(1, 1) = std::numeric_limits<float>::quiet_NaN();
  CHECK(check_finite("C", m).message() == "C: inf at row 1, column 0 is not finite");
  m(1, 0) = 0;
  CHECK(check_finite("C", m).message() == "C: nan at row 1, column 1 is not finite");
}
