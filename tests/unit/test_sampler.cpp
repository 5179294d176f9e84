// Sampling: top-k and top-p filters, determinism, greedy decoding, the length limit, and the
// next-symbol probabilities after a text.
#include "sampler.hpp"

#include "bundled_names.hpp"
#include "check.hpp"
#include "trainer.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
RowVector<float> probs(std::initializer_list<float> values) { return row_vector(values); }

// Any model will do: this one reads one symbol and looks its logits up in a table, row = the
// symbol read (a bigram model).
struct BigramModel {
  Matrix<float> table;  // (V, V)
  Index context_size() const { return 1; }
  Status forward(Matrix<float>& logits, const Ids& contexts) const {
    logits.resize(static_cast<Index>(contexts.size()), table.cols());
    for (size_t n = 0; n < contexts.size(); ++n) logits.row(static_cast<Index>(n)) = table.row(contexts[n]);
    return {};
  }
};

// Vocabulary . a b: after . most likely a, after a most likely b, after b most likely the end.
Vocabulary abc() { return expect_ok(Vocabulary::from_symbols({".", "a", "b"})); }
BigramModel ab_model() {
  Matrix<float> table(3, 3);
  table << 0, 2, 1,   // after .
           0, 1, 2,   // after a
           2, 1, 0;   // after b
  return {table};
}
}  // namespace

TEST_CASE("top-k keeps the k most probable symbols and rescales them") {
  RowVector<float> p = probs({0.125f, 0.5f, 0.125f, 0.25f});
  top_k_filter(p, 2);
  CHECK(p == probs({0, 0.5f / 0.75f, 0, 0.25f / 0.75f}));
  RowVector<float> tied = probs({0.25f, 0.25f, 0.25f, 0.25f});
  top_k_filter(tied, 1);
  CHECK(tied == probs({1, 0, 0, 0}));  // a tie goes to the lower id
  RowVector<float> all = probs({0.5f, 0.5f});
  top_k_filter(all, 0);
  top_k_filter(all, 5);
  CHECK(all == probs({0.5f, 0.5f}));
}

TEST_CASE("top-p keeps the fewest most probable symbols that reach p") {
  RowVector<float> p = probs({0.125f, 0.5f, 0.125f, 0.25f});
  top_p_filter(p, 0.5f);  // 0.5 alone reaches 0.5
  CHECK(p == probs({0, 1, 0, 0}));
  p = probs({0.125f, 0.5f, 0.125f, 0.25f});
  top_p_filter(p, 0.75f);  // 0.5 + 0.25
  CHECK(p == probs({0, 0.5f / 0.75f, 0, 0.25f / 0.75f}));
  p = probs({0.125f, 0.5f, 0.125f, 0.25f});
  top_p_filter(p, 0.8f);  // 0.5 + 0.25 + 0.125 of id 0, the lower of the tied ids
  CHECK(p == probs({0.125f / 0.875f, 0.5f / 0.875f, 0, 0.25f / 0.875f}));
  p = probs({0.9f, 0.1f});
  top_p_filter(p, 0.01f);  // the most probable symbol always stays
  CHECK(p == probs({1, 0}));
}

TEST_CASE("temperature 0 samples greedily, the same text every time") {
  Rng rng(1);
  for (int i = 0; i < 3; ++i) {
    const Sample s = expect_ok(sample(ab_model(), abc(), rng, {0.0f, 0, 1.0f, 50}));
    CHECK(s.text == "ab");  // . -> a -> b -> .
    REQUIRE(s.steps.size() == 3);
    CHECK(s.steps[1].context == Ids{1});
    CHECK(s.steps[2].drawn == 0);
  }
}

TEST_CASE("at temperature 0 tied symbols share the probability and greedy decoding picks the lowest id") {
  Matrix<float> table(3, 3);
  table << 0, 5, 5,   // after ., a and b tie
           9, 0, 0,   // after a, the end
           9, 0, 0;
  Rng rng(4);
  const Sample s = expect_ok(sample(BigramModel{table}, abc(), rng, {0.0f, 0, 1.0f, 50}));
  CHECK(s.text == "a");
  CHECK(s.steps[0].probs == probs({0, 0.5f, 0.5f}));  // the softmax's limit as T -> 0
  CHECK(s.steps[0].kept == probs({0, 1, 0}));         // the greedy convention
}

TEST_CASE("the same seed gives the same samples and another seed others") {
  auto draw = [](std::uint64_t seed) {
    Rng rng(seed);
    std::string texts;
    for (int i = 0; i < 20; ++i) texts += expect_ok(sample(ab_model(), abc(), rng, SampleOptions{})).text + ",";
    return texts;
  };
  CHECK(draw(5) == draw(5));
  CHECK(draw(5) != draw(6));
}

TEST_CASE("filtered-out symbols get 0 and are never drawn") {
  Rng rng(2);
  for (int i = 0; i < 50; ++i) {
    const Sample s = expect_ok(sample(ab_model(), abc(), rng, {2.0f, 2, 1.0f, 50}));
    for (const SampleStep& step : s.steps) {
      CHECK((step.kept.array() == 0).count() == 1);  // top-2 of 3
      CHECK(step.kept[step.drawn] > 0);
      CHECK(step.probs.sum() == doctest::Approx(1));
      CHECK(step.kept.sum() == doctest::Approx(1));
    }
  }
}

TEST_CASE("a sample stops at the maximum length") {
  Matrix<float> table(3, 3);
  table << 0, 5, 0,
           0, 5, 0,   // after a, a again: the end never comes at T = 0
           0, 5, 0;
  Rng rng(3);
  const Sample s = expect_ok(sample(BigramModel{table}, abc(), rng, {0.0f, 0, 1.0f, 7}));
  CHECK(s.text == "aaaaaaa");
  CHECK(s.steps.size() == 7);
}

TEST_CASE("the next-symbol probabilities read the last B symbols padded with the boundary") {
  TrainConfig config;
  config.hidden = 16;
  Trainer trainer = expect_ok(Trainer::create(expect_ok(make_dataset(bundled_names(), 3, 1)), config));
  const Mlp<float>& model = trainer.model();
  const Vocabulary& vocab = trainer.data().vocab;
  auto expected = [&](const Ids& context) { return expect_ok(next_probs(model, context, vocab.size(), 1.0f)); };
  const Id e = expect_ok(vocab.id_of("e")), m = expect_ok(vocab.id_of("m")), a = expect_ok(vocab.id_of("a"));
  CHECK(expect_ok(next_symbol_probs(model, vocab, "")) == expected({0, 0, 0}));
  CHECK(expect_ok(next_symbol_probs(model, vocab, "em")) == expected({0, e, m}));
  CHECK(expect_ok(next_symbol_probs(model, vocab, "emma")) == expected({m, m, a}));
  CHECK(expect_ok(next_symbol_probs(model, vocab, "emma")).sum() == doctest::Approx(1));
  CHECK(next_symbol_probs(model, vocab, "eMma").message() == "symbol 'M' (U+004D) at byte offset 1 is not in the vocabulary");
}

TEST_CASE("an MLP samples the same names from the same seed") {
  TrainConfig config;
  config.hidden = 16;
  Trainer trainer = expect_ok(Trainer::create(expect_ok(make_dataset(bundled_names(), 3, 1)), config));
  for (int i = 0; i < 100; ++i) expect_ok(trainer.step());
  Rng a(11), b(11);
  for (int i = 0; i < 10; ++i) {
    const Sample x = expect_ok(sample(trainer.model(), trainer.data().vocab, a, SampleOptions{}));
    CHECK(x.text == expect_ok(sample(trainer.model(), trainer.data().vocab, b, SampleOptions{})).text);
    CHECK(x.steps.back().context.size() == 3);
  }
}

TEST_CASE("bad sampling options and a model that does not fit the vocabulary are errors") {
  Rng rng(1);
  CHECK(sample(ab_model(), abc(), rng, {-1.0f, 0, 1.0f, 50}).message() == "temperature -1 is negative: it must be 0 or more");
  CHECK(sample(ab_model(), abc(), rng, {1.0f, -2, 1.0f, 50}).message() == "top-k -2 is negative: it must be 0 (all symbols) or more");
  CHECK(sample(ab_model(), abc(), rng, {1.0f, 0, 0.0f, 50}).message() == "top-p 0 is out of range: it must be more than 0 and at most 1");
  CHECK(sample(ab_model(), abc(), rng, {1.0f, 0, 1.0f, 0}).message() == "max length 0 is out of range: it must be from 1 to 1000");
  const Vocabulary four = expect_ok(Vocabulary::from_symbols({".", "a", "b", "c"}));
  CHECK(sample(ab_model(), four, rng, SampleOptions{}).message() == "the model scores 3 symbols but the vocabulary has 4");
}
