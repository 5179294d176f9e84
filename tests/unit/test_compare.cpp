// Comparing two matrices entry by entry.
#include "compare.hpp"

#include <limits>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
Matrix<float> two_by_two(float a, float b, float c, float d) { return (Matrix<float>(2, 2) << a, b, c, d).finished(); }
const float inf = std::numeric_limits<float>::infinity();
const float not_a_number = std::numeric_limits<float>::quiet_NaN();
}  // namespace

TEST_CASE("equal matrices have no differing entry and are bit-identical") {
  const auto same = expect_ok(compare(two_by_two(0.1f, -0.2f, inf, 3), two_by_two(0.1f, -0.2f, inf, 3)));
  CHECK(same.differing == 0);
  CHECK(same.first_row == -1);
  CHECK(same.max_abs_difference == 0);
  CHECK(same.bit_identical);
}

TEST_CASE("the first differing entry and the largest difference are found") {
  const auto found = expect_ok(compare(two_by_two(1, 2, 3, 4), two_by_two(1, 2.5f, 3, 2)));
  CHECK(found.differing == 2);
  CHECK(found.first_row == 0);
  CHECK(found.first_col == 1);
  CHECK(found.max_abs_difference == 2);  // |4 - 2|
  CHECK_FALSE(found.bit_identical);
}

TEST_CASE("NaN never equals, not even NaN, and makes the largest difference NaN") {
  // one_hot x W with inf in an unused row gives 0 * inf = nan where the lookup gives a number.
  const auto found = expect_ok(compare(two_by_two(not_a_number, 2, 3, 4), two_by_two(0.1f, 2, 3, 4)));
  CHECK(found.differing == 1);
  CHECK(std::isnan(found.max_abs_difference));
  const auto both_nan = expect_ok(compare(two_by_two(not_a_number, 2, 3, 4), two_by_two(not_a_number, 2, 3, 4)));
  CHECK(both_nan.differing == 1);
  CHECK(both_nan.bit_identical);  // the same bits, though NaN != NaN
}

TEST_CASE("0 and -0 are equal but not bit-identical") {
  const auto found = expect_ok(compare(two_by_two(0, 1, 1, 1), two_by_two(-0.0f, 1, 1, 1)));
  CHECK(found.differing == 0);
  CHECK_FALSE(found.bit_identical);
}

TEST_CASE("matrices of different shapes cannot be compared") {
  CHECK(compare(two_by_two(1, 2, 3, 4), Matrix<float>(1, 2)).message() == "b has shape (1, 2) but (2, 2) is needed");
}
