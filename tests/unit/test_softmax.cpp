// Softmax with temperature, including its edge cases.
#include "softmax.hpp"

#include <cmath>
#include <limits>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
template <class S>
Matrix<S> row(std::initializer_list<S> values) {
  Matrix<S> m(1, static_cast<Index>(values.size()));
  Index i = 0;
  for (S v : values) m(0, i++) = v;
  return m;
}
}  // namespace

TEST_CASE_TEMPLATE("equal logits give a uniform distribution", S, float, double) {
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({3, 3, 3, 3}), S(1)));
  for (Index i = 0; i < 4; ++i) CHECK(probs(0, i) == doctest::Approx(0.25));
}

TEST_CASE_TEMPLATE("logits of plus and minus 1e4 neither overflow nor give NaN", S, float, double) {
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({S(1e4), S(-1e4), S(1e4)}), S(1)));
  CHECK(probs(0, 0) == doctest::Approx(0.5));  // exp(0) / (exp(0) + exp(-2e4) + exp(0))
  CHECK(probs(0, 1) == 0);                      // exp(-2e4) underflows to exactly 0
  CHECK(probs(0, 2) == doctest::Approx(0.5));
}

TEST_CASE_TEMPLATE("temperature 0 puts all probability on the largest logit", S, float, double) {
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({S(0.1), S(2.5), S(-1), S(2.4)}), S(0)));
  CHECK(probs == row<S>({0, 1, 0, 0}));
}

TEST_CASE_TEMPLATE("temperature 0 shares the probability evenly over tied largest logits", S, float, double) {
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({1, 7, 3, 7}), S(0)));
  CHECK(probs == row<S>({0, 0.5, 0, 0.5}));  // the limit of T -> 0: e^(0/T) / (e^(0/T) + e^(0/T))
  expect_ok(softmax_forward(probs, row<S>({7, 7, 7}), S(0)));
  CHECK(probs == row<S>({S(1) / 3, S(1) / 3, S(1) / 3}));
}

TEST_CASE_TEMPLATE("temperature 0 agrees with a tiny temperature when all logits tie", S, float, double) {
  Matrix<S> at_zero, near_zero;
  expect_ok(softmax_forward(at_zero, row<S>({0, 0, 0, 0, 0}), S(0)));
  expect_ok(softmax_forward(near_zero, row<S>({0, 0, 0, 0, 0}), S(0.05)));
  CHECK(at_zero == near_zero);  // 1/5 each: h = [0, 0] in the page's section 5
  CHECK(at_zero(0, 0) == doctest::Approx(0.2));
}

TEST_CASE_TEMPLATE("a logit of -inf gets probability exactly 0 at every temperature", S, float, double) {
  const S inf = std::numeric_limits<S>::infinity();
  Matrix<S> probs;
  for (const S T : {S(0), S(0.5), S(1), S(5)}) {
    expect_ok(softmax_forward(probs, row<S>({1, -inf, 1}), T));
    CHECK(probs == row<S>({0.5, 0, 0.5}));  // exp(-inf) = 0: a masked symbol
  }
}

TEST_CASE_TEMPLATE("the largest finite logits have a softmax: the largest is subtracted first", S, float, double) {
  const S big = std::numeric_limits<S>::max();
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({big, -big, big}), S(1)));
  CHECK(probs == row<S>({0.5, 0, 0.5}));  // -big - big overflows to -inf, whose exp is 0: still right
  expect_ok(softmax_forward(probs, row<S>({big, big / 2}), S(0.01)));
  CHECK(probs == row<S>({1, 0}));
}

TEST_CASE_TEMPLATE("a +inf or NaN logit or a row of only -inf has no softmax and says why", S, float, double) {
  const S inf = std::numeric_limits<S>::infinity();
  Matrix<S> probs = row<S>({9});
  CHECK(softmax_forward(probs, row<S>({1, inf}), S(1)).message() == "logits: inf at row 0, column 1 makes the softmax undefined (inf / inf)");
  CHECK(softmax_forward(probs, row<S>({-std::numeric_limits<S>::quiet_NaN(), 1}), S(1)).message() ==
        "logits: nan at row 0, column 0 is not a number: the softmax is undefined");  // never "-nan"
  CHECK(softmax_forward(probs, row<S>({-inf, -inf}), S(0)).message() ==
        "logits: every logit of row 0 is -inf: the softmax is undefined (0 / 0)");
  // a NaN behind larger logits, in a row longer than one SIMD vector, on the second row
  Matrix<S> logits = Matrix<S>::Zero(2, 9);
  logits(1, 0) = 50;
  logits(1, 6) = std::numeric_limits<S>::quiet_NaN();
  CHECK(softmax_forward(probs, logits, S(1)).message() == "logits: nan at row 1, column 6 is not a number: the softmax is undefined");
  CHECK(probs == row<S>({9}));  // the output is untouched
}

TEST_CASE_TEMPLATE("a tiny positive temperature approaches the argmax without overflow", S, float, double) {
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({S(0.1), S(0.2), S(0.15)}), S(1e-30)));
  CHECK(probs == row<S>({0, 1, 0}));  // (z - max) / T is -1e29 or less: exp gives exactly 0
}

TEST_CASE_TEMPLATE("temperature 1e6 is nearly uniform", S, float, double) {
  Matrix<S> probs;
  expect_ok(softmax_forward(probs, row<S>({-5, 0, 5, 10}), S(1e6)));
  for (Index i = 0; i < 4; ++i) CHECK(probs(0, i) == doctest::Approx(0.25).epsilon(1e-4));
}

TEST_CASE_TEMPLATE("a larger temperature gives a flatter distribution", S, float, double) {
  const Matrix<S> logits = row<S>({1, 2, 4});
  Matrix<S> sharp, plain, flat;
  expect_ok(softmax_forward(sharp, logits, S(0.5)));
  expect_ok(softmax_forward(plain, logits, S(1)));
  expect_ok(softmax_forward(flat, logits, S(5)));
  CHECK(sharp(0, 2) > plain(0, 2));
  CHECK(plain(0, 2) > flat(0, 2));
  CHECK(plain(0, 2) == doctest::Approx(0.8437947));  // e^4 / (e^1 + e^2 + e^4)
}

TEST_CASE("every row of a softmax sums to one") {
  const Matrix<double> logits = random_matrix(8, 27, 3) * 4.0;
  Matrix<double> probs;
  for (const double T : {0.1, 1.0, 3.0}) {
    expect_ok(softmax_forward(probs, logits, T));
    for (Index b = 0; b < 8; ++b) CHECK(probs.row(b).sum() == doctest::Approx(1.0).epsilon(1e-12));
  }
}

TEST_CASE_TEMPLATE("a negative or NaN or infinite temperature is an error naming it", S, float, double) {
  Matrix<S> probs = row<S>({9});
  const Matrix<S> logits = row<S>({1, 2});
  CHECK(softmax_forward(probs, logits, S(-0.5)).message() == "temperature -0.5 is negative: it must be 0 or more");
  CHECK(softmax_forward(probs, logits, std::numeric_limits<S>::quiet_NaN()).message() ==
        "temperature nan is not a number");
  CHECK(softmax_forward(probs, logits, std::numeric_limits<S>::infinity()).message() ==
        "temperature inf is not finite");
  CHECK(probs == row<S>({9}));  // the output is untouched
}

TEST_CASE("a +inf logit is an error naming its position") {
  Matrix<float> probs;
  const Matrix<float> logits = row<float>({1, std::numeric_limits<float>::infinity()});
  CHECK(softmax_forward(probs, logits, 1.0f).message() ==
        "logits: inf at row 0, column 1 makes the softmax undefined (inf / inf)");
  CHECK(softmax_forward(probs, Matrix<float>(2, 0), 1.0f).message() ==
        "logits have no columns: the vocabulary is empty");
}
