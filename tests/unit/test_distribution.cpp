// Entropy and the top entry of a distribution.
#include "distribution.hpp"

#include <cmath>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
RowVector<double> probs(std::initializer_list<double> values) { return row_vector(values); }
}  // namespace

TEST_CASE("a one-hot distribution has 0 bits of entropy and a uniform one log2 V") {
  CHECK(expect_ok(entropy_bits(probs({0, 1, 0, 0}))) == 0);
  CHECK(expect_ok(entropy_bits(probs({0.25, 0.25, 0.25, 0.25}))) == doctest::Approx(2));  // log2 4
  CHECK(expect_ok(entropy_bits(probs({0.2, 0.2, 0.2, 0.2, 0.2}))) == doctest::Approx(std::log2(5.0)));
}

TEST_CASE("the entropy of a fair coin with a sure third outcome removed is 1 bit") {
  CHECK(expect_ok(entropy_bits(probs({0.5, 0.5, 0}))) == doctest::Approx(1));  // -2 * 0.5 log2 0.5
}

TEST_CASE("the top entry is the most probable id and ties go to the lowest id") {
  const auto top = expect_ok(top_entry(probs({0.1, 0.6, 0.3})));
  CHECK(top.id == 1);
  CHECK(top.probability == 0.6);
  CHECK(expect_ok(top_entry(probs({0.4, 0.2, 0.4}))).id == 0);
}

TEST_CASE("the top entry counts the ids tied with it") {
  CHECK(expect_ok(top_entry(probs({0.1, 0.6, 0.3}))).ties == 1);
  CHECK(expect_ok(top_entry(probs({0.4, 0.2, 0.4}))).ties == 2);
  CHECK(expect_ok(top_entry(probs({0.2, 0.2, 0.2, 0.2, 0.2}))).ties == 5);
}

TEST_CASE("a distribution with zeros from -inf logits has a finite entropy and a top entry") {
  // softmax([1, -inf, 1]) = [0.5, 0, 0.5]: the masked symbol adds nothing.
  CHECK(expect_ok(entropy_bits(probs({0.5, 0, 0.5}))) == doctest::Approx(1));
  CHECK(expect_ok(top_entry(probs({0, 1, 0}))).id == 1);
}

TEST_CASE("an infinite probability has no entropy and says where it is") {
  CHECK(entropy_bits(probs({0.5, INFINITY})).message() == "probs: inf at row 0, column 1 is not finite");
  CHECK(entropy_bits(probs({-INFINITY, 1})).message() == "probs: -inf at row 0, column 0 is not finite");
}

TEST_CASE("an empty or negative or non-finite distribution is an error") {
  CHECK(entropy_bits(RowVector<double>()).message() == "the distribution is empty");
  CHECK(entropy_bits(probs({0.5, -0.5})).message() == "probability -0.5 at id 1 is negative");
  CHECK(top_entry(probs({0.5, NAN})).message() == "probs: nan at row 0, column 1 is not finite");
}
