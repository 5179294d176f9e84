// Cross-entropy of a batch and its shared softmax backward.
#include "loss.hpp"

#include <cmath>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("two equal logits cost log 2 whichever is the target") {
  Matrix<double> logits(2, 2), probs;
  logits << 0, 0,
            5, 5;
  const double loss = expect_ok(cross_entropy_forward(probs, logits, {0, 1}));
  CHECK(loss == doctest::Approx(std::log(2.0)));  // -log(1/2) for each row
  CHECK(probs(1, 1) == doctest::Approx(0.5));
}

TEST_CASE("a confident wrong answer costs its margin and stays finite") {
  Matrix<float> logits(1, 2), probs;
  logits << 1e4f, -1e4f;
  const float loss = expect_ok(cross_entropy_forward(probs, logits, {1}));
  CHECK(loss == doctest::Approx(2e4));  // -log softmax = logsumexp - z_target = 1e4 + 1e4
  CHECK(probs(0, 1) == 0);                // the probability itself underflowed to 0
}

TEST_CASE("the cross-entropy backward is (probs - onehot) / B") {
  Matrix<double> logits(2, 3), probs, dlogits;
  logits << 1, 2, 3,
            0, 0, 0;
  expect_ok(cross_entropy_forward(probs, logits, {2, 0}));
  expect_ok(cross_entropy_backward(dlogits, probs, {2, 0}));
  CHECK(dlogits(0, 2) == doctest::Approx((probs(0, 2) - 1) / 2));
  CHECK(dlogits(1, 0) == doctest::Approx((1.0 / 3 - 1) / 2));
  CHECK(dlogits(1, 1) == doctest::Approx(1.0 / 6));
  for (Index b = 0; b < 2; ++b) CHECK(dlogits.row(b).sum() == doctest::Approx(0).epsilon(1e-15));
}

TEST_CASE("the softmax and cross-entropy backward matches central finite differences") {
  Matrix<double> logits = random_matrix(5, 7, 41) * 2.0;
  const Ids targets{0, 6, 5, 1, 5};
  auto loss = [&] {
    Matrix<double> probs;
    return expect_ok(cross_entropy_forward(probs, logits, targets));
  };
  Matrix<double> probs, dlogits;
  expect_ok(cross_entropy_forward(probs, logits, targets));
  expect_ok(cross_entropy_backward(dlogits, probs, targets));
  check_gradient("softmax + cross-entropy backward", dlogits, logits, loss);
}

TEST_CASE("targets that do not match the logits are errors naming the bad value") {
  Matrix<float> logits = Matrix<float>::Zero(2, 3), probs;
  CHECK(cross_entropy_forward(probs, logits, {0}).message() ==
        "1 targets for 2 rows of logits (2, 3): one target per row is needed");
  CHECK(cross_entropy_forward(probs, logits, {0, 3}).message() ==
        "id 3 at position 1 of the targets is out of range for a vocabulary of 3");
}
