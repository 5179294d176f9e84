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
  // h (3, 4), E (6, 4), so logits and G are (3, 6)
  check_backward("tied unembedding backward", random_matrix(3, 4, 21), random_matrix(6, 4, 22),
                 random_matrix(3, 6, 23), unembed_tied_forward<double>, unembed_tied_backward<double>);
}

TEST_CASE("the separate unembedding backward matches central finite differences for dh and dW_U") {
  // h (3, 4), W_U (4, 6), so logits and G are (3, 6)
  check_backward("separate unembedding backward", random_matrix(3, 4, 31), random_matrix(4, 6, 32),
                 random_matrix(3, 6, 33), unembed_forward<double>, unembed_backward<double>);
}

TEST_CASE("h of the wrong width is an error naming both widths") {
  Matrix<float> h = Matrix<float>::Ones(1, 3), logits;
  CHECK(unembed_tied_forward(logits, h, worked_table<float>()).message() ==
        "h has width 3 but the embedding table (5, 2) has width 2");
}
