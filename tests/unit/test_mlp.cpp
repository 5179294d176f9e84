// The MLP: its forward against the formula, its whole backward against finite differences, its
// two initialisations, and its errors.
#include "mlp.hpp"

#include <cmath>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
// A small double model, V = 7, B = 3, d = 4, H = 5, with entries of size about 0.5 so that
// tanh is neither saturated nor linear.
Mlp<double> small_model() {
  return {3, random_matrix(7, 4, 1) * 0.5, random_matrix(12, 5, 2) * 0.5, random_matrix(1, 5, 3) * 0.5,
          random_matrix(5, 7, 4) * 0.5, random_matrix(1, 7, 5) * 0.5};
}
const Ids contexts{0, 0, 3,  3, 6, 1,  2, 2, 2,  5, 0, 4};  // N = 4 contexts of B = 3
const Ids targets{3, 0, 6, 2};
}  // namespace

TEST_CASE("the forward concatenates the context's rows and applies tanh(x W1 + b1) W2 + b2") {
  const Mlp<double> m = small_model();
  MlpScratch<double> s;
  expect_ok(mlp_forward(s, m, contexts));
  REQUIRE(s.logits.rows() == 4);
  RowVector<double> x(12);
  x << m.C.row(5), m.C.row(0), m.C.row(4);  // context 3 is "5 0 4"
  const RowVector<double> h = (x * m.W1 + m.b1).array().tanh().matrix();
  check_close("logits of context 3", s.logits.row(3), h * m.W2 + m.b2, 1e-12);
  CHECK(s.x.row(3) == x);
}

TEST_CASE("the loss is the mean cross-entropy of the logits") {
  const Mlp<double> m = small_model();
  MlpScratch<double> s;
  expect_ok(mlp_forward(s, m, contexts));
  const double loss = expect_ok(mlp_loss(s, targets));
  double expected = 0;
  for (Index n = 0; n < 4; ++n) {
    const double log_sum = std::log(s.logits.row(n).array().exp().sum());
    expected += (log_sum - s.logits(n, targets[static_cast<size_t>(n)])) / 4;  // -log softmax at the target
  }
  CHECK(loss == doctest::Approx(expected).epsilon(1e-12));
}

TEST_CASE("the whole MLP backward matches central finite differences for every parameter") {
  Mlp<double> m = small_model();
  auto loss = [&] {
    MlpScratch<double> s;
    expect_ok(mlp_forward(s, m, contexts));
    return expect_ok(mlp_loss(s, targets));
  };
  Mlp<double> grads = zeros_like(m);
  MlpScratch<double> s;
  expect_ok(mlp_forward(s, m, contexts));
  expect_ok(mlp_loss(s, targets));
  expect_ok(mlp_backward(grads, s, m, contexts, targets));
  check_gradient("MLP backward, dC", grads.C, m.C, loss);
  check_gradient("MLP backward, dW1", grads.W1, m.W1, loss);
  check_gradient("MLP backward, db1", grads.b1, m.b1, loss);
  check_gradient("MLP backward, dW2", grads.W2, m.W2, loss);
  check_gradient("MLP backward, db2", grads.b2, m.b2, loss);
}

TEST_CASE("the backward adds to the gradients, so two calls give twice one") {
  const Mlp<double> m = small_model();
  Mlp<double> once = zeros_like(m), twice = zeros_like(m);
  MlpScratch<double> s;
  expect_ok(mlp_forward(s, m, contexts));
  expect_ok(mlp_loss(s, targets));
  expect_ok(mlp_backward(once, s, m, contexts, targets));
  expect_ok(mlp_backward(twice, s, m, contexts, targets));
  expect_ok(mlp_backward(twice, s, m, contexts, targets));
  check_close("dW1 after two calls", twice.W1, 2 * once.W1, 1e-15);
  check_close("dC after two calls", twice.C, 2 * once.C, 1e-15);
}

TEST_CASE("the model's own forward gives the training forward's logits") {
  const Mlp<float> m = mlp_cast<float>(small_model());
  MlpScratch<float> s;
  Matrix<float> logits;
  expect_ok(mlp_forward(s, m, contexts));
  expect_ok(m.forward(logits, contexts));
  CHECK(logits == s.logits);
  CHECK(m.context_size() == 3);
}

TEST_CASE("both inits draw the same numbers and scale them differently") {
  Rng a(9), b(9);
  const Mlp<float> lecture = expect_ok(init_mlp(27, 3, 10, 200, Init::lecture, a));
  const Mlp<float> scaled = expect_ok(init_mlp(27, 3, 10, 200, Init::scaled, b));
  CHECK(lecture.C == scaled.C);
  const float gain = (5.0f / 3.0f) / std::sqrt(30.0f);  // (5/3) / sqrt(B*d)
  check_close("scaled W1", scaled.W1, lecture.W1 * gain, 1e-6);
  check_close("scaled W2", scaled.W2, lecture.W2 * 0.01f, 1e-6);
  check_close("scaled b1", scaled.b1, lecture.b1 * 0.01f, 1e-6);
  check_close("scaled b2", scaled.b2, lecture.b2 * 0.01f, 1e-6);
  CHECK(lecture.W1.rows() == 30);
  CHECK(lecture.W1.cols() == 200);
  CHECK(lecture.W2.cols() == 27);
}

TEST_CASE("the scaled init starts near log V and the lecture init far above it") {
  Rng a(3), b(3), draw(4);
  const Mlp<float> lecture = expect_ok(init_mlp(27, 3, 10, 200, Init::lecture, a));
  const Mlp<float> scaled = expect_ok(init_mlp(27, 3, 10, 200, Init::scaled, b));
  Ids batch(3 * 256), next(256);
  for (Id& id : batch) id = static_cast<Id>(draw.below(27).value());
  for (Id& id : next) id = static_cast<Id>(draw.below(27).value());
  MlpScratch<float> s;
  expect_ok(mlp_forward(s, scaled, batch));
  const float scaled_loss = expect_ok(mlp_loss(s, next));
  expect_ok(mlp_forward(s, lecture, batch));
  const float lecture_loss = expect_ok(mlp_loss(s, next));
  MESSAGE("initial loss: scaled " << scaled_loss << ", lecture " << lecture_loss << ", log 27 = " << std::log(27.0f));
  CHECK(std::abs(scaled_loss - std::log(27.0f)) < 0.05f);  // logits within about 0.03 of 0
  CHECK(lecture_loss > 10);  // logits of size ~sqrt(H) = 14: confidently wrong
}

TEST_CASE("init names parse and unknown ones are errors") {
  CHECK(expect_ok(parse_init("lecture")) == Init::lecture);
  CHECK(std::string(init_name(expect_ok(parse_init("scaled")))) == "scaled");
  CHECK(parse_init("xavier").message() == "init \"xavier\" is unknown: it must be lecture or scaled");
}

TEST_CASE("sizes out of range are errors naming the setting") {
  Rng rng(1);
  CHECK(init_mlp(27, 17, 10, 200, Init::scaled, rng).message() == "context 17 is out of range: it must be from 1 to 16");
  CHECK(init_mlp(27, 3, 0, 200, Init::scaled, rng).message() == "embed 0 is out of range: it must be from 1 to 64");
  CHECK(init_mlp(27, 3, 10, 2000, Init::scaled, rng).message() == "hidden 2000 is out of range: it must be from 1 to 1024");
  CHECK(init_mlp(1, 3, 10, 20, Init::scaled, rng).message() == "vocabulary size 1 is out of range: it must be from 2 to 501");
}

TEST_CASE("contexts that do not fit the model are errors naming the bad value") {
  const Mlp<double> m = small_model();
  MlpScratch<double> s;
  CHECK(mlp_forward(s, m, {0, 1, 2, 3}).message() == "4 context ids do not make whole contexts of 3");
  CHECK(mlp_forward(s, m, {0, 1, 7}).message() == "id 7 at position 2 of the context is out of range for a vocabulary of 7");
  Mlp<double> broken = small_model();
  broken.W1.resize(11, 5);
  CHECK(mlp_forward(s, broken, {0, 1, 2}).message() == "W1 has shape (11, 5) but (12, 5) is needed");
}
