// Nearest words and 3CosAdd analogies over a table of words, worked by hand on five words.
#include "word_queries.hpp"

#include "check.hpp"
#include "word_fixture.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {

// Cosines are float32 sums of three products: 1e-6 covers their rounding.
constexpr float tolerance = 1e-6f;

void check_scores(const std::vector<WordScore>& actual, const std::vector<WordScore>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    CHECK(actual[i].word == expected[i].word);
    CHECK(actual[i].score == doctest::Approx(expected[i].score).epsilon(tolerance));
  }
}

}  // namespace

TEST_CASE("unit rows have length 1 and a zero row stays zero") {
  Matrix<float> m(2, 2);
  m << 3, 4, 0, 0;
  Matrix<float> expected(2, 2);
  expected << 0.6f, 0.8f, 0, 0;  // (3, 4) / 5
  CHECK(unit_rows(m) == expected);
}

TEST_CASE("a word's nearest words leave the word itself out") {
  // unit(king) = (s, 0, s): . man = s = 0.707107, . queen = s*s = 0.5, . woman = 0, . apple = -s.
  check_scores(expect_ok(similar_words(five_words(), "king", 3)), {{"man", 0.707107f}, {"queen", 0.5f}, {"woman", 0.0f}});
}

TEST_CASE("king - man + woman ranks queen first with the inputs left out") {
  // q = unit(king) - man + woman = (s - 1, 1, s) = (-0.292893, 1, 0.707107), |q| = sqrt(1.585786) = 1.259280.
  // cos(q, queen) = (s + s*s) / |q| = 1.207107 / 1.259280 = 0.958569; cos(q, apple) = -s / |q| = -0.561516.
  check_scores(expect_ok(analogy_answers(five_words(), "king", "man", "woman", 2, false)),
               {{"queen", 0.958569f}, {"apple", -0.561516f}});
}

TEST_CASE("keeping the inputs lets an input word rank among the answers") {
  // cos(q, woman) = 1 / |q| = 0.794104 beats apple, and is now allowed.
  check_scores(expect_ok(analogy_answers(five_words(), "king", "man", "woman", 2, true)),
               {{"queen", 0.958569f}, {"woman", 0.794104f}});
}

TEST_CASE("an unknown word of a query is named") {
  CHECK(similar_words(five_words(), "pear", 1).message() == R"(the word "pear" is not among the table's 5 words)");
  CHECK(analogy_answers(five_words(), "king", "Man", "woman", 1, false).message() ==
        R"(the word "Man" is not among the table's 5 words)");
}

TEST_CASE("asking for more answers than there are words says how many can be given") {
  CHECK(analogy_answers(five_words(), "king", "man", "woman", 3, false).message() ==
        R"("king" - "man" + "woman": k = 3 but only 2 rows can be compared)");
  CHECK(similar_words(five_words(), "king", 0).message() == R"(the words nearest to "king": k = 0: ask for at least one neighbour)");
}
