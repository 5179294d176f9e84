// Dot products, cosine similarity, nearest rows and analogies.
#include "similarity.hpp"

#include <limits>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
RowVector<double> vec(double x, double y) { return (RowVector<double>(2) << x, y).finished(); }

// A hand-made table with two meaningful directions: column 0 is "royal", column 1 "female",
// column 2 "plural".
Matrix<double> royals() {
  Matrix<double> table(7, 3);
  table << 1, 0, 0,   // 0 king
           1, 1, 0,   // 1 queen
           0, 0, 0.1, // 2 man
           0, 1, 0.1, // 3 woman
           1, 0, 1,   // 4 kings
           1, 1, 1,   // 5 queens
           0.2, 0.2, 0.2;  // 6 thing
  return table;
}
}  // namespace

TEST_CASE("the dot product is positive for aligned, zero for perpendicular and negative for opposed vectors") {
  CHECK(expect_ok(dot(vec(1, 2), vec(2, 1))) == 4);    // 1*2 + 2*1
  CHECK(expect_ok(dot(vec(1, 2), vec(-2, 1))) == 0);   // 1*(-2) + 2*1
  CHECK(expect_ok(dot(vec(1, 2), vec(-1, -1))) == -3);
}

TEST_CASE("cosine similarity measures direction only") {
  CHECK(expect_ok(cosine_similarity(vec(1, 0), vec(5, 0))) == doctest::Approx(1));
  CHECK(expect_ok(cosine_similarity(vec(1, 0), vec(1, 1))) == doctest::Approx(0.7071067811865476));
  CHECK(expect_ok(cosine_similarity(vec(1, 0), vec(-3, 0))) == doctest::Approx(-1));
}

TEST_CASE("cosine similarity never leaves [-1 1] even when rounding would push it past") {
  RowVector<float> a(3);
  a << 0.1f, 0.7f, 0.3f;
  CHECK(expect_ok(cosine_similarity<float>(a, a * 3.0f)) <= 1.0f);
  CHECK(expect_ok(cosine_similarity<float>(a, a * -3.0f)) >= -1.0f);
}

TEST_CASE("the angle is 0 for aligned and 90 for perpendicular and 180 for opposed vectors") {
  CHECK(expect_ok(angle_degrees(vec(1, 0), vec(2, 0))) == doctest::Approx(0));
  CHECK(expect_ok(angle_degrees(vec(1, 0), vec(1, 1))) == doctest::Approx(45));
  CHECK(expect_ok(angle_degrees(vec(1, 2), vec(-2, 1))) == doctest::Approx(90));
  CHECK(expect_ok(angle_degrees(vec(1, 0), vec(-3, 0))) == doctest::Approx(180));
}

TEST_CASE("the angle of vectors whose dot product and norms overflow float is still right") {
  RowVector<float> a(2), b(2);
  a << 3e20f, 4e20f;  // a . b = 2.4e41 and |a|^2 = 2.5e41: both past float's largest, 3.4e38
  b << 4e20f, 3e20f;
  CHECK(expect_ok(cosine_similarity<float>(a, b)) == doctest::Approx(0.96));  // (12 + 12) / 25
  a << 100.0f, 0.5f;  // the page's example a = [100, 0.5], b = [1, 2], scaled to 1e38
  b << 1.0f, 2.0f;
  CHECK(expect_ok(angle_degrees<float>(a * 1e36f, b)) == doctest::Approx(63.15).epsilon(1e-3));
}

TEST_CASE("the angle of tiny vectors whose squares underflow float is still right") {
  RowVector<float> a(2), b(2);
  a << 1e-30f, 0;  // |a|^2 = 1e-60 underflows to 0, yet a has a direction
  b << 1e-30f, 1e-30f;
  CHECK(expect_ok(angle_degrees<float>(a, b)) == doctest::Approx(45));
}

TEST_CASE("a non-finite vector has no direction to compare") {
  RowVector<float> a(2);
  a << std::numeric_limits<float>::infinity(), 1;
  CHECK(angle_degrees<float>(a, a).message() == "a: inf at row 0, column 0 is not finite");
}

TEST_CASE("a zero vector or vectors of different sizes are errors") {
  CHECK(cosine_similarity(vec(0, 0), vec(1, 0)).message() ==
        "a zero vector has no direction: its cosine similarity is undefined");
  CHECK(dot(vec(1, 0), RowVector<double>(RowVector<double>::Ones(3))).message() ==
        "cannot take the dot product of vectors of sizes 2 and 3");
}

TEST_CASE("the nearest rows come best first and leave out excluded and zero rows") {
  Matrix<double> table(4, 2);
  table << 1, 0,
           0, 0,   // a zero row has no direction
           1, 1,
           -1, 0;
  const auto nearest = expect_ok(nearest_rows(table, vec(1, 0.1), 3));
  REQUIRE(nearest.size() == 3);
  CHECK(nearest[0].id == 0);
  CHECK(nearest[1].id == 2);
  CHECK(nearest[2].id == 3);
  const auto without_0 = expect_ok(nearest_rows(table, vec(1, 0.1), 1, {0}));
  CHECK(without_0[0].id == 2);
  CHECK(nearest_rows(table, vec(1, 0), 4).message() == "k = 4 but only 3 rows can be compared");
}

TEST_CASE("king - man + woman is nearest to queen") {
  const auto answer = expect_ok(analogy(royals(), 0, 2, 3));
  CHECK(answer.id == 1);
  CHECK(answer.query == RowVector<double>((RowVector<double>(3) << 1, 1, 0).finished()));  // carries a - b + c
  CHECK(answer.cosine == doctest::Approx(1));  // (1, 0, 0) - (0, 0, 0.1) + (0, 1, 0.1) = (1, 1, 0)
  CHECK(expect_ok(analogy(royals(), 1, 0, 4)).id == 5);  // queen - king + kings = queens
}

TEST_CASE("an analogy or a search with a bad id or a non-finite table is an error") {
  CHECK(analogy(royals(), 0, 2, 9).message() == "id 9 is out of range for a vocabulary of 7");
  Matrix<double> table = royals();
  table(6, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK(analogy(table, 0, 2, 3).message() == "the table: nan at row 6, column 1 is not finite");
}
