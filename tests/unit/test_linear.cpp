// The linear layer without bias, out = x W, and its backward.
#include "linear.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("x W multiplies rows of x by the columns of W") {
  Matrix<double> x(1, 2), W(2, 2), out;
  x << 1, 2;
  W << 3, 4,
       5, 6;
  expect_ok(linear_forward(out, x, W));
  CHECK(out(0, 0) == 13);  // 1*3 + 2*5
  CHECK(out(0, 1) == 16);  // 1*4 + 2*6
}

TEST_CASE("multiplying mismatched shapes is an error naming both shapes") {
  Matrix<float> x = Matrix<float>::Ones(3, 5), W = Matrix<float>::Ones(4, 2), out;
  CHECK(linear_forward(out, x, W).message() ==
        "cannot multiply x of shape (3, 5) by W of shape (4, 2): x has 5 columns but W has 4 rows");
}

TEST_CASE("the linear backward matches central finite differences for dx and dW") {
  check_backward("linear backward", random_matrix(4, 5, 11), random_matrix(5, 3, 12), random_matrix(4, 3, 13),
                 linear_forward<double>, linear_backward<double>);
}

TEST_CASE("the one-hot linear backward sends gradient only to the selected rows of W") {
  Matrix<double> x(2, 3), W = random_matrix(3, 2, 5), dx;
  x << 0, 1, 0,   // one_hot(1)
       0, 1, 0;   // one_hot(1) again
  Matrix<double> G(2, 2), dW = Matrix<double>::Zero(3, 2);
  G << 1, 2,
       3, 4;
  expect_ok(linear_backward(dx, dW, G, x, W));
  Matrix<double> expected(3, 2);
  expected << 0, 0,
              4, 6,  // 1 + 3, 2 + 4: the same scatter-add as the lookup's backward
              0, 0;
  CHECK(dW == expected);
}

TEST_CASE("the linear backward rejects a gradient of the wrong shape") {
  Matrix<double> x = random_matrix(2, 3, 1), W = random_matrix(3, 2, 2), dx;
  Matrix<double> dW = Matrix<double>::Zero(3, 2);
  const Matrix<double> G = Matrix<double>::Ones(2, 4);
  CHECK(linear_backward(dx, dW, G, x, W).message() == "dout has shape (2, 4) but (2, 2) is needed");
}

TEST_CASE("the bias is added to every row") {
  Matrix<double> out(2, 2);
  out << 1, 2,
         3, 4;
  RowVector<double> b(2);
  b << 10, 20;
  expect_ok(bias_forward(out, b));
  Matrix<double> expected(2, 2);
  expected << 11, 22,
              13, 24;
  CHECK(out == expected);
}

TEST_CASE("the bias backward adds up the rows of the gradient") {
  Matrix<double> dout(3, 2);
  dout << 1, 2,
          3, 4,
          5, 6;
  RowVector<double> db = RowVector<double>::Ones(2);
  expect_ok(bias_backward(db, dout));
  CHECK(db(0) == 10);  // 1 + (1 + 3 + 5): accumulated
  CHECK(db(1) == 13);  // 1 + (2 + 4 + 6)
}

TEST_CASE("a bias of the wrong size is an error") {
  Matrix<double> out = Matrix<double>::Zero(2, 3);
  RowVector<double> b = RowVector<double>::Zero(2);
  CHECK(bias_forward(out, b).message() == "a bias of size 2 cannot be added to rows of width 3");
  CHECK(bias_backward(b, out).message() == "db has shape (1, 2) but (1, 3) is needed");
}
