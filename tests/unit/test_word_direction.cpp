// The direction between two opposed words and every word's place along it, on five words.
#include "word_direction.hpp"

#include "check.hpp"
#include "word_fixture.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("woman - man is the unit vector from man to woman") {
  RowVector<float> expected(3);
  expected << -0.707107f, 0.707107f, 0;  // (woman - man) / |woman - man| = (-1, 1, 0) / sqrt(2)
  check_close("direction", expect_ok(word_direction(five_words(), "woman", "man")), expected, 1e-6);
}

TEST_CASE("each word's projection on woman - man says which side it is on") {
  const WordTable table = five_words();
  const Eigen::VectorXf scores = expect_ok(projections(table, expect_ok(word_direction(table, "woman", "man"))));
  Eigen::VectorXf expected(5);
  // man -s, woman s, king (s, 0, s) . (-s, s, 0) = -0.5, queen 0.5, apple 0.
  expected << -0.707107f, 0.707107f, -0.5f, 0.5f, 0.0f;
  check_close("projections", scores, expected, 1e-6);
}

TEST_CASE("one word's projection is its entry among all the projections") {
  const WordTable table = five_words();
  const RowVector<float> direction = expect_ok(word_direction(table, "woman", "man"));
  CHECK(expect_ok(projection_of(table, "queen", direction)) == doctest::Approx(0.5f));  // (0, s, s) . (-s, s, 0) = s*s
  CHECK(projection_of(table, "pear", direction).message() == R"(the word "pear" is not among the table's 5 words)");
}

TEST_CASE("the top words of a direction are its most extreme, largest first") {
  const WordTable table = five_words();
  const Eigen::VectorXf scores = expect_ok(projections(table, expect_ok(word_direction(table, "woman", "man"))));
  const auto top = top_words(table, scores, 2);
  REQUIRE(top.size() == 2);
  CHECK(top[0].word == "woman");
  CHECK(top[1].word == "queen");
  const auto bottom = top_words(table, -scores, 2);
  CHECK(bottom[0].word == "man");
  CHECK(bottom[1].word == "king");
  CHECK(top_words(table, scores, 9).size() == 5);  // cut to V
}

TEST_CASE("a direction needs two known words that point different ways") {
  CHECK(word_direction(five_words(), "woman", "boy").message() == R"(the word "boy" is not among the table's 5 words)");
  CHECK(word_direction(five_words(), "king", "king").message() == R"("king" and "king" point the same way: they give no direction)");
}

TEST_CASE("a direction of the wrong width is refused") {
  CHECK(projections(five_words(), RowVector<float>::Ones(2)).message() ==
        "the direction has width 2 but the table's vectors have width 3");
}
