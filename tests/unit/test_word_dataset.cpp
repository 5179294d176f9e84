// Words from a corpus: the cutting rules, the vocabulary, the examples and subsampling.
#include "word_dataset.hpp"

#include <string>
#include <vector>

#include "check.hpp"
#include "word_vocab.hpp"

using namespace embedlab;
using namespace embedlab::testing;

using Words = std::vector<std::string>;

TEST_CASE("words are lower-cased runs of letters and digits, keeping inner apostrophes and hyphens") {
  CHECK(line_words("The cat's well-known toy, 'ball'; -x- 2nd café.") ==
        Words{"the", "cat's", "well-known", "toy", "ball", "x", "2nd", "café"});
  CHECK(line_words("  ...  ").empty());
}

TEST_CASE("the vocabulary is the boundary, the unknown word, then the most frequent words") {
  const std::vector<Words> lines{{"b", "a", "b", "c"}, {"b", "a", "d"}};
  const Vocabulary vocab = expect_ok(make_word_vocab(lines, 2, 1));
  CHECK(vocab.symbols() == Words{".", "<unk>", "b", "a"});  // b 3 times, a 2; c and d left out
  CHECK(encode_line(vocab, {"a", "c", "b"}) == Ids{3, 1, 2});
  CHECK(make_word_vocab(lines, 2, 4).message() == "no word occurs at least 4 times (min count) among the text's 4 distinct words");
  CHECK(make_word_vocab(lines, 0, 1).message() == "words 0 is out of range: it must be from 1 to 5000");
}

TEST_CASE("the examples of a line are each word with k words on each side, padded with the boundary") {
  // feed = 2, the = 3, cat = 4; <unk> = 1 is read in contexts but is never a centre
  const Examples e = make_word_examples({{2, 3, 1, 4}}, 1);
  CHECK(e.context == 2);
  CHECK(e.targets == Ids{2, 3, 4});
  CHECK(e.contexts == Ids{0, 3,  2, 1,  1, 0});
}

TEST_CASE("subsampling keeps a rare word always and a very frequent one seldom") {
  CHECK(keep_probability(1e-4, 1e-3) == 1.0);
  CHECK(keep_probability(0.2, 1e-3) == doctest::Approx((std::sqrt(0.2 / 1e-3) + 1) * 1e-3 / 0.2));  // about 0.076
  CHECK(keep_probability(0.2, 0) == 1.0);
}

TEST_CASE("a corpus with fewer than two lines of words is an error") {
  CHECK(make_word_dataset("just one line\n...\n", WordDataConfig{}, 1).message() ==
        "the corpus has 1 lines with words: at least two are needed to split it into training and evaluation sets");
}

TEST_CASE("the table of a word model leaves out the boundary and the unknown word") {
  const Vocabulary vocab = expect_ok(Vocabulary::from_symbols({".", "<unk>", "cat", "dog"}));
  Matrix<float> E(4, 2);
  E << 0, 0, 1, 1, 2, 3, 4, 5;
  const WordTable table = expect_ok(word_table_of(vocab, E));
  CHECK(table.words == Words{"cat", "dog"});
  CHECK(table.vectors == E.bottomRows(2));
  CHECK(expect_ok(word_id(table, "dog")) == 1);
}
