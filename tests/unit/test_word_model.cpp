// The word model: its forward against the formula, its backward against finite differences
// (separate and tied output), and what the sources claim training does to the vectors.
#include "word_model.hpp"

#include <cmath>
#include <string>

#include "check.hpp"
#include "similarity.hpp"
#include "word_fixture.hpp"
#include "word_training.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// A small double model: V = 6, k = 1 (2 context words), d = 3.
WordModel<double> small_model(bool tied) {
  WordModel<double> m{1, random_matrix(6, 3, 1) * 0.5, tied ? Matrix<double>() : Matrix<double>(random_matrix(3, 6, 2) * 0.5),
                      random_matrix(1, 6, 3) * 0.5};
  return m;
}
const Ids contexts{0, 3,  5, 5,  2, 4};  // B = 3 contexts of 2 words
const Ids centres{1, 4, 3};

double cosine(const Matrix<float>& E, Id a, Id b) {
  return expect_ok(cosine_similarity<double>(E.row(a).cast<double>(), E.row(b).cast<double>()));
}
}  // namespace

TEST_CASE("the forward averages the context's rows of E and scores every word by h W_U + b") {
  const WordModel<double> m = small_model(false);
  WordScratch<double> s;
  expect_ok(word_forward(s, m, contexts));
  const RowVector<double> h = (m.E.row(2) + m.E.row(4)) / 2;  // context 2 is "2 4"
  check_close("logits of context 2", s.logits.row(2), h * m.W_U + m.b, 1e-12);
}

TEST_CASE("the tied forward scores every word by h E^T + b") {
  const WordModel<double> m = small_model(true);
  WordScratch<double> s;
  expect_ok(word_forward(s, m, contexts));
  const RowVector<double> h = (m.E.row(5) + m.E.row(5)) / 2;  // context 1 is "5 5"
  check_close("logits of context 1", s.logits.row(1), h * m.E.transpose() + m.b, 1e-12);
}

TEST_CASE_TEMPLATE("the word model's backward matches central finite differences for every parameter", Tied, std::true_type,
                   std::false_type) {
  WordModel<double> m = small_model(Tied::value);
  auto loss = [&] {
    WordScratch<double> s;
    expect_ok(m.forward(s, contexts));
    return expect_ok(m.loss(s, centres));
  };
  WordModel<double> grads = zeros_like(m);
  WordScratch<double> s;
  expect_ok(m.forward(s, contexts));
  expect_ok(m.loss(s, centres));
  expect_ok(m.backward(grads, s, contexts, centres));
  check_gradient("dE", grads.E, m.E, loss);
  if (!Tied::value) check_gradient("dW_U", grads.W_U, m.W_U, loss);
  check_gradient("db", grads.b, m.b, loss);
}

TEST_CASE("a context that is not whole is an error naming the sizes") {
  const WordModel<double> m = small_model(false);
  WordScratch<double> s;
  CHECK(word_forward(s, m, Ids{0, 1, 2}).message() == "3 context ids do not make whole contexts of 2");
}

TEST_CASE("the parameters are named E, W_U and b, and a tied model has no W_U") {
  WordModel<double> separate = small_model(false), tied = small_model(true);
  const auto p = separate.parameters(), q = tied.parameters();
  REQUIRE(p.size() == 3);
  CHECK(std::string(p[0].name) + p[1].name + p[2].name == "EW_Ub");
  CHECK(p[1].values.size() == 18);  // W_U is (3, 6)
  REQUIRE(q.size() == 2);
  CHECK(std::string(q[0].name) + q[1].name == "Eb");
}

TEST_CASE("training on feed the cat, feed the dog brings cat and dog together and not cat and car") {
  WordTrainer trainer = expect_ok(make_word_trainer(tiny_corpus, tiny_config()));
  const Vocabulary& vocab = trainer.data().vocab;
  const Id cat = expect_ok(vocab.id_of("cat")), dog = expect_ok(vocab.id_of("dog")), car = expect_ok(vocab.id_of("car"));
  const double before = cosine(trainer.model().E, cat, dog);
  const TrainingRun run = expect_ok(trainer.run(2000));
  REQUIRE(run.stopped.ok());
  const double after = cosine(trainer.model().E, cat, dog), unrelated = cosine(trainer.model().E, cat, car);
  MESSAGE("cos(cat, dog) " << before << " -> " << after << "; cos(cat, car) " << unrelated);
  CHECK(after > before);
  CHECK(after > unrelated);
  CHECK(after > 0.5);  // 0.72 at this seed: the two words now point roughly the same way
}

TEST_CASE("two words that start with identical vectors are pushed apart when their contexts differ") {
  WordTrainer trainer = expect_ok(make_word_trainer(tiny_corpus, tiny_config()));
  const Vocabulary& vocab = trainer.data().vocab;
  const Id cat = expect_ok(vocab.id_of("cat")), car = expect_ok(vocab.id_of("car"));
  expect_ok(trainer.copy_embedding_row(cat, car));
  CHECK(cosine(trainer.model().E, cat, car) == 1.0);
  expect_ok(trainer.run(500));
  const double after = cosine(trainer.model().E, cat, car);
  MESSAGE("cos(cat, car) 1 -> " << after);
  CHECK(after < 0.9);
}

TEST_CASE("copying a row of an id beyond the vocabulary names the id") {
  WordTrainer trainer = expect_ok(make_word_trainer(tiny_corpus, tiny_config()));
  CHECK(trainer.copy_embedding_row(2, 99).message() == "id 99 is out of range for a vocabulary of " +
                                                       std::to_string(trainer.data().vocab.size()));
}
