// Unembedding: logits as dot products with every row of the table, tied or separate.
#include "unembedding.hpp"

#include "check.hpp"
#include "worked_example.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("tied logits are the dot products of h with every row of C") {
  Matrix<double> h(1, 2), logits;
  h << 1.0, 2.0;
  expect_ok(unembed_tied_forward(logits, h, worked_table<double>()));
  REQUIRE(logits.cols() == 5);
  CHECK(logits(0, 0) == doctest::Approx(-0.30));  // '@': 1*0.10 + 2*(-0.20)
  CHECK(logits(0, 1) == doctest::Approx(0.60));   // 'a': 1*0.00 + 2*0.30
  CHECK(logits(0, 2) == doctest::Approx(0.00));   // 'b': 1*(-0.40) + 2*0.20
  CHECK(logits(0, 3) == doctest::Approx(0.30));   // 'c': 1*0.50 + 2*(-0.10)
  CHECK(logits(0, 4) == doctest::Approx(0.60));   // '.': 1*(-0.20) + 2*0.40
}

TEST_CASE("the tied unembedding backward matches central finite differences for dh and dE") {
  Matrix<double> h = random_matrix(3, 4, 21), E = random_matrix(6, 4, 22);
  const Matrix<double> G = random_matrix(3, 6, 23);  // L = sum(logits * G)
  auto loss = [&] {
    Matrix<double> logits;
    expect_ok(unembed_tied_forward(logits, h, E));
    return (logits.array() * G.array()).sum();
  };
  Matrix<double> dh, dE = Matrix<double>::Zero(6, 4);
  expect_ok(unembed_tied_backward(dh, dE, G, h, E));
  const double error_h = relative_error(dh, numerical_gradient(h, loss));
  const double error_E = relative_error(dE, numerical_gradient(E, loss));
  MESSAGE("tied unembedding backward: relative error dh " << error_h << ", dE " << error_E);
  CHECK(error_h < 1e-6);
  CHECK(error_E < 1e-6);
}

TEST_CASE("the separate unembedding backward matches central finite differences for dh and dW_U") {
  Matrix<double> h = random_matrix(3, 4, 31), W_U = random_matrix(4, 6, 32);
  const Matrix<double> G = random_matrix(3, 6, 33);
  auto loss = [&] {
    Matrix<double> logits;
    expect_ok(unembed_forward(logits, h, W_U));
    return (logits.array() * G.array()).sum();
  };
  Matrix<double> dh, dW_U = Matrix<double>::Zero(4, 6);
  expect_ok(unembed_backward(dh, dW_U, G, h, W_U));
  const double error_h = relative_error(dh, numerical_gradient(h, loss));
  const double error_W = relative_error(dW_U, numerical_gradient(W_U, loss));
  MESSAGE("separate unembedding backward: relative error dh " << error_h << ", dW_U " << error_W);
  CHECK(error_h < 1e-6);
  CHECK(error_W < 1e-6);
}

TEST_CASE("h of the wrong width is an error naming both widths") {
  Matrix<float> h = Matrix<float>::Ones(1, 3), logits;
  CHECK(unembed_tied_forward(logits, h, worked_table<float>()).message() ==
        "h has width 3 but the embedding table (5, 2) has width 2");
}
