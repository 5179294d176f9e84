// The tanh nonlinearity and its backward.
#include "tanh.hpp"

#include <cmath>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE_TEMPLATE("tanh squashes into -1 to 1 and is odd", S, float, double) {
  Matrix<S> a(1, 4), h;
  a << 0, 1, -1, 100;
  tanh_forward(h, a);
  CHECK(h(0, 0) == 0);
  CHECK(h(0, 1) == doctest::Approx(std::tanh(1.0)));
  CHECK(h(0, 2) == -h(0, 1));
  CHECK(h(0, 3) == doctest::Approx(1));
}

TEST_CASE("the tanh backward is dout (1 - tanh^2) and matches central finite differences") {
  Matrix<double> a = random_matrix(3, 4, 21);
  const Matrix<double> G = random_matrix(3, 4, 22);
  auto loss = [&] {
    Matrix<double> h;
    tanh_forward(h, a);
    return (h.array() * G.array()).sum();
  };
  Matrix<double> h, da;
  tanh_forward(h, a);
  expect_ok(tanh_backward(da, G, h));
  CHECK(da(0, 0) == doctest::Approx(G(0, 0) * (1 - std::tanh(a(0, 0)) * std::tanh(a(0, 0)))));
  check_gradient("tanh backward", da, a, loss);
}

TEST_CASE("the tanh backward rejects a gradient of the wrong shape") {
  Matrix<double> da;
  const Matrix<double> h = Matrix<double>::Zero(2, 3), dout = Matrix<double>::Zero(3, 2);
  CHECK(tanh_backward(da, dout, h).message() == "dout has shape (3, 2) but (2, 3) is needed");
}
