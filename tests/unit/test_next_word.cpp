// The next word after a typed context: how the context is read, a hand-built model's numbers
// worked by hand, and what a word model trained on the sources' tiny corpus predicts.
#include "next_word.hpp"

#include <string>
#include <vector>

#include "check.hpp"
#include "word_fixture.hpp"
#include "word_training.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// A hand-built model: V = 4 (".", "<unk>", "a", "b"), k = 1 (2 context words), d = 2.
//   E = . (0, 0), <unk> (1, 1), a (2, 0), b (0, 2)
const Vocabulary& four_words() {
  static const Vocabulary vocab = expect_ok(Vocabulary::from_symbols({".", "<unk>", "a", "b"}));
  return vocab;
}
WordModel<float> four_word_model(bool tied) {
  WordModel<float> m;
  m.window = 1;
  m.E.resize(4, 2);
  m.E << 0, 0,  //
      1, 1,     //
      2, 0,     //
      0, 2;
  if (!tied) {
    m.W_U.resize(2, 4);  // (d, V): word v's output vector is column v
    m.W_U << 1, 0, 2, -1,  //
        0, 1, 0, 3;
  }
  m.b.resize(4);
  if (tied) m.b << 0, 0.25f, 0, 0;
  else m.b << 0, 0, 0.5f, 0;
  return m;
}

std::vector<std::string> top_words(const NextWords& next) {
  std::vector<std::string> words;
  for (const ScoredWord& w : next.top) words.push_back(w.word);
  return words;
}

const WordTrainer& tiny_trained() {
  static const WordTrainer trainer = [] {
    WordTrainer t = expect_ok(make_word_trainer(tiny_corpus, tiny_config()));
    expect_ok(t.run(2000));
    return t;
  }();
  return trainer;
}
NextWords tiny_next(std::string_view text, float T, Index top) {
  return expect_ok(next_words(tiny_trained().model(), tiny_trained().data().vocab, text, T, top));
}
}  // namespace

TEST_CASE("a hand-built model's h, logits and probabilities are h W_U + b and its softmax, worked by hand") {
  const NextWords next = expect_ok(next_words(four_word_model(false), four_words(), "a", 1.0f, 4));
  CHECK(next.read == std::vector<std::string>{"a", "."});
  check_close("h", next.h, RowVector<float>{{1, 0}}, 1e-7);  // ((2, 0) + (0, 0)) / 2
  // logits = h W_U + b = (1, 0, 2, -1) + (0, 0, 0.5, 0) = (1, 0, 2.5, -1), best first
  CHECK(top_words(next) == std::vector<std::string>{"a", ".", "<unk>", "b"});
  const std::vector<float> logits{2.5f, 1, 0, -1};
  // p = e^z / (e^1 + e^0 + e^2.5 + e^-1) = e^z / 16.2692 (float rounding: 1e-6)
  const std::vector<float> probabilities{0.748832266f, 0.167087063f, 0.061467896f, 0.022612775f};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(next.top[i].logit == doctest::Approx(logits[i]).epsilon(1e-6));
    CHECK(next.top[i].probability == doctest::Approx(probabilities[i]).epsilon(1e-6));
  }
  check_close("a's output vector, W_U's column 2", next.top[0].output, RowVector<float>{{2, 0}}, 0);
  CHECK(next.top[0].bias == 0.5f);
  CHECK(next.entropy_bits == doctest::Approx(1.114749).epsilon(1e-5));  // -sum p log2 p
}

TEST_CASE("a tied model scores by h E^T + b, and equal logits keep the lower id first") {
  const NextWords next = expect_ok(next_words(four_word_model(true), four_words(), "b", 1.0f, 4));
  check_close("h", next.h, RowVector<float>{{0, 1}}, 1e-7);  // ((0, 2) + (0, 0)) / 2
  // logits = h E^T + b = (0, 1, 0, 2) + (0, 0.25, 0, 0) = (0, 1.25, 0, 2): "." and a tie at 0
  CHECK(top_words(next) == std::vector<std::string>{"b", "<unk>", ".", "a"});
  CHECK(next.top[0].logit == 2.0f);
  CHECK(next.top[1].logit == 1.25f);
  CHECK(next.top[0].probability == doctest::Approx(0.573711247f).epsilon(1e-6));  // e^2 / (2 + e^1.25 + e^2)
  check_close("b's output vector, its row of E", next.top[0].output, RowVector<float>{{0, 2}}, 0);
}

TEST_CASE("the last k typed words fill the places before the gap, with \".\" around them as at a line's ends") {
  const Vocabulary& vocab = tiny_trained().data().vocab;  // k = 2
  const NextWords two = expect_ok(read_next_word_context(vocab, 2, "Feed  the"));
  CHECK(two.read == std::vector<std::string>{"feed", "the", ".", "."});
  CHECK(two.left_out.empty());
  const NextWords one = expect_ok(read_next_word_context(vocab, 2, "the"));
  CHECK(one.read == std::vector<std::string>{".", "the", ".", "."});
  const NextWords three = expect_ok(read_next_word_context(vocab, 2, "wash, feed the"));
  CHECK(three.read == std::vector<std::string>{"feed", "the", ".", "."});
  CHECK(three.left_out == std::vector<std::string>{"wash"});
}

TEST_CASE("a word the vocabulary does not hold is read as <unk> and named") {
  const NextWords next = expect_ok(read_next_word_context(tiny_trained().data().vocab, 2, "zebra the"));
  CHECK(next.read == std::vector<std::string>{"<unk>", "the", ".", "."});
  CHECK(next.unknown == std::vector<std::string>{"zebra"});
}

TEST_CASE("a context with no words, only unknown words, too many bytes or invalid UTF-8 is an error naming it") {
  const Vocabulary& vocab = tiny_trained().data().vocab;
  CHECK(read_next_word_context(vocab, 2, " , ").message() == "the context \" , \" has no words: type one or more, e.g. \"feed the\"");
  CHECK(read_next_word_context(vocab, 2, "feed zebra qux").message() ==
        "no word the model reads is in its vocabulary (\"zebra\", \"qux\" would all be \"<unk>\"): try words of its corpus");
  CHECK(read_next_word_context(vocab, 2, std::string(1001, 'a')).message() == "the context is 1001 bytes long: at most 1000 are read");
  CHECK(read_next_word_context(vocab, 2, "feed \xC3").message().rfind("the context: invalid UTF-8 at byte offset 5", 0) == 0);
}

TEST_CASE("a negative temperature or a top of 0 is an error naming it") {
  const WordTrainer& t = tiny_trained();
  CHECK(next_words(t.model(), t.data().vocab, "feed the", -1.0f, 10).message() == "temperature -1 is negative: it must be 0 or more");
  CHECK(next_words(t.model(), t.data().vocab, "feed the", 1.0f, 0).message() == "top 0 must be 1 or more");
}

TEST_CASE("after training on feed the cat, feed the dog, \"feed the\" puts cat and dog at the top") {
  const NextWords next = tiny_next("feed the", 1.0f, 10);
  REQUIRE(next.top.size() == 10);
  const std::vector<std::string> best{next.top[0].word, next.top[1].word};
  CHECK((best == std::vector<std::string>{"cat", "dog"} || best == std::vector<std::string>{"dog", "cat"}));
  CHECK(next.top[0].probability + next.top[1].probability > 0.5f);
}

TEST_CASE("at T = 0 the largest logit gets probability 1 and every other word 0") {
  const NextWords next = tiny_next("feed the", 0.0f, 3);
  CHECK(next.top[0].probability == 1.0f);
  CHECK(next.top[1].probability == 0.0f);
  CHECK(next.entropy_bits == 0.0f);
}

TEST_CASE("the probabilities of all V words sum to 1 at every temperature") {
  const Index V = tiny_trained().data().vocab.size();
  for (float T : {0.0f, 0.5f, 1.0f, 5.0f}) {
    const NextWords next = tiny_next("pet the", T, V + 5);  // more than V gives all V
    REQUIRE(static_cast<Index>(next.top.size()) == V);
    double sum = 0;
    for (const ScoredWord& w : next.top) sum += w.probability;
    CHECK_MESSAGE(sum == doctest::Approx(1.0).epsilon(1e-5), "T = " << T);  // V float32 terms
  }
}
