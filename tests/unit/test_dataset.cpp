// Lines of text -> (context, next symbol) pairs, and the seeded split of the lines.
#include "dataset.hpp"

#include <algorithm>
#include <string>

#include "bundled_names.hpp"
#include "check.hpp"
#include "limits.hpp"
#include "utf8.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// Examples whose target is the boundary: one per line.
Index lines_in(const Examples& examples) {
  return std::count(examples.targets.begin(), examples.targets.end(), 0);
}
}  // namespace

TEST_CASE("emma with a context of 3 gives the lecture's five pairs") {
  // vocabulary of "emma": . a e m -> ids 0 1 2 3
  const Examples examples = expect_ok(make_examples({{2, 3, 3, 1}}, 3));
  CHECK(examples.context == 3);
  CHECK(examples.contexts == Ids{0, 0, 0,    // . . . -> e
                                 0, 0, 2,    // . . e -> m
                                 0, 2, 3,    // . e m -> m
                                 2, 3, 3,    // e m m -> a
                                 3, 3, 1});  // m m a -> .
  CHECK(examples.targets == Ids{2, 3, 3, 1, 0});
}

TEST_CASE("a context longer than the line stays padded with the boundary") {
  const Examples examples = expect_ok(make_examples({{5}, {7, 8}}, 4));
  CHECK(examples.contexts == Ids{0, 0, 0, 0,    // . . . . -> 5
                                 0, 0, 0, 5,    // . . . 5 -> .
                                 0, 0, 0, 0,    // the next line starts afresh
                                 0, 0, 0, 7,
                                 0, 0, 7, 8});
  CHECK(examples.targets == Ids{5, 0, 7, 8, 0});
}

TEST_CASE("a context of 1 gives the bigram pairs") {
  const Examples examples = expect_ok(make_examples({{2, 3}}, 1));
  CHECK(examples.contexts == Ids{0, 2, 3});
  CHECK(examples.targets == Ids{2, 3, 0});
}

TEST_CASE("the text is split 80 10 10 by lines and every line lands in one split") {
  const Dataset data = expect_ok(make_dataset(bundled_names(), 3, 42));
  CHECK(data.vocab.size() == 27);
  // 597 lines: train up to 8 * 597 / 10 = 477, dev up to 9 * 597 / 10 = 537, test the last 60
  CHECK(lines_in(data.train) == 477);
  CHECK(lines_in(data.dev) == 60);
  CHECK(lines_in(data.test) == 60);
  const std::string text = bundled_names();
  const Index letters = static_cast<Index>(text.size()) - 597;  // less the line ends
  CHECK(data.train.size() + data.dev.size() + data.test.size() == letters + 597);  // + one boundary a line
}

TEST_CASE("the same seed gives the same split and another seed another") {
  const Dataset a = expect_ok(make_dataset(bundled_names(), 3, 7));
  const Dataset b = expect_ok(make_dataset(bundled_names(), 3, 7));
  const Dataset c = expect_ok(make_dataset(bundled_names(), 3, 8));
  CHECK(a.train.contexts == b.train.contexts);
  CHECK(a.dev.targets == b.dev.targets);
  CHECK(a.test.targets == b.test.targets);
  CHECK(a.dev.targets != c.dev.targets);
  CHECK(&a.split(Split::dev) == &a.dev);
  CHECK(std::string(split_name(Split::test)) == "test");
}

TEST_CASE("windows line ends and empty lines are not examples") {
  const Dataset data = expect_ok(make_dataset("ab\r\n\r\n\nba\r\n", 2, 1));
  CHECK(data.vocab.symbols() == std::vector<std::string>{".", "a", "b"});
  CHECK(data.train.size() + data.dev.size() + data.test.size() == 6);  // two lines of 2 symbols + 1 boundary
}

TEST_CASE("a text that cannot make a dataset is an error naming why") {
  CHECK(make_dataset("", 3, 1).message() == "the text is empty: give one example per line");
  CHECK(make_dataset("\n\n", 3, 1).message() == "the text has no symbols: every line is empty");
  CHECK(make_dataset("anna\n\n", 3, 1).message() ==
        "the text has a single line: at least two are needed to split it into training and evaluation sets");
  CHECK(make_dataset("anna\nbo\xC3(", 3, 1).message() == "invalid UTF-8 at byte offset 7 (byte 0xC3)");
  CHECK(make_dataset("ann.a\nbob", 3, 1).message() ==
        "the boundary symbol '.' (U+002E) occurs in the text at byte offset 3: it marks where "
        "every line starts and ends, so remove it from the text or replace it");
  CHECK(make_dataset("anna\nbob", 0, 1).message() == "context 0 is out of range: it must be from 1 to 16");
  CHECK(make_dataset("a\rb\nbob", 3, 1).message() == "line 1: symbol U+000D at byte offset 1 is not in the vocabulary");
}

TEST_CASE("more than 500 distinct symbols is an error") {
  std::string text;
  for (char32_t point = 0x4E00; point < 0x4E00 + 501; ++point) text += encode_utf8(point) + "\n";
  CHECK(make_dataset(text, 3, 1).message() == "the text has 501 distinct symbols: at most 500 are allowed");
}

TEST_CASE("a text over 5 MB is an error") {
  const std::string text(max_text_bytes + 1, 'a');
  CHECK(make_dataset(text, 3, 1).message() == "the text is 5242881 bytes: at most 5242880 (5 MB) are allowed");
}
