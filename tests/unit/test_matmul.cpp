// The blocked product that the WASM build uses for x W and x^T dout, against Eigen's, on shapes
// that exercise every block size and remainder; and the two products the linear layer calls.
#include "matmul.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("the blocked product equals Eigen's for every remainder of rows and columns") {
  // rows 1..9 cover 4-row blocks and single rows; n 1..19 blocks of 8, 4 and 1 columns.
  for (Index rows = 1; rows <= 9; ++rows) {
    for (Index n = 1; n <= 19; ++n) {
      const Index depth = 1 + (rows + n) % 5;
      const Matrix<double> A = random_matrix(rows, depth, 1), B = random_matrix(depth, n, 2);
      Matrix<double> C(rows, n);
      blocked_product(C.data(), A.data(), depth, Index{1}, B.data(), rows, depth, n, false);
      const double worst = worst_difference(C, Matrix<double>(A * B));
      CHECK_MESSAGE(worst < 1e-14, rows << " x " << depth << " times " << depth << " x " << n << ": " << worst);
    }
  }
}

TEST_CASE("the blocked product adds A transposed times B to C") {
  const Matrix<double> A = random_matrix(7, 5, 3), B = random_matrix(7, 11, 4);  // A^T is (5, 7)
  Matrix<double> C = random_matrix(5, 11, 5);
  const Matrix<double> expected = C + A.transpose() * B;
  blocked_product(C.data(), A.data(), Index{1}, Index{5}, B.data(), 5, 7, 11, true);
  check_close("C + A^T B", C, expected, 1e-14);
}

TEST_CASE_TEMPLATE("the layer's products are x W and x^T dout", S, float, double) {
  const Matrix<S> x = random_matrix(32, 30, 6).cast<S>(), W = random_matrix(30, 27, 7).cast<S>();
  Matrix<S> out, dW = Matrix<S>::Ones(30, 27);
  product(out, x, W);
  check_close("x W", out, Matrix<S>(x * W), 1e-5);
  add_transposed_product(dW, x, out);
  check_close("1 + x^T (x W)", dW, Matrix<S>(Matrix<S>::Ones(30, 27) + x.transpose() * out), 1e-4);
}
