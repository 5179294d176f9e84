// Finding a word's row in a table of words and vectors.
#include "word_table.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("a word's row is its place in the table's word list") {
  const WordTable table{{"the", "cat", "dog"}, Matrix<float>::Zero(3, 2)};
  CHECK(expect_ok(word_id(table, "the")) == 0);
  CHECK(expect_ok(word_id(table, "dog")) == 2);
}

TEST_CASE("a word the table does not hold is an error that names it, quoted") {
  const WordTable table{{"the", "cat"}, Matrix<float>::Zero(2, 2)};
  CHECK(word_id(table, "Cat").message() == R"(the word "Cat" is not among the table's 2 words)");
  CHECK(word_id(table, "a\nb").message() == R"(the word "a\nb" is not among the table's 2 words)");
}
