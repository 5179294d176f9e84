// The core against PyTorch: tests/golden/golden.json holds inputs and float64 results written by
// tests/golden/make_golden.py (torch 1.13). The inputs are float32 numbers, so each check runs in
// float and in double. Each reports its worst difference (relative above 1, absolute below).
//
// Tolerance 1e-6: float carries about 7 digits (epsilon 1.2e-7) and these small products and
// sums round a few times; double agrees to about 1e-15, so a real bug cannot hide under 1e-6.
#include <string>

#include "check.hpp"
#include "embedding.hpp"
#include "fixture.hpp"
#include "linear.hpp"
#include "loss.hpp"
#include "one_hot.hpp"
#include "softmax.hpp"
#include "unembedding.hpp"
#include "word_model.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {
constexpr double tolerance = 1e-6;

const nlohmann::json& golden() {
  static const nlohmann::json fixture = read_fixture("golden.json", "embedlab-golden");
  return fixture;
}

template <class S>
Matrix<S> zeros_like(const Matrix<S>& m) {
  return Matrix<S>::Zero(m.rows(), m.cols());
}
}  // namespace

TEST_CASE_TEMPLATE("embedding lookup and its backward match PyTorch", S, float, double) {
  const auto& g = golden().at("embedding");
  const Matrix<S> table = to_matrix<S>(g.at("table"));
  const Ids ids = g.at("ids").get<Ids>();
  Matrix<S> out, dtable = zeros_like(table);
  expect_ok(embedding_forward(out, table, ids));
  expect_ok(embedding_backward(dtable, to_matrix<S>(g.at("dout")), ids));
  check_close("embedding out", out, to_matrix<double>(g.at("out")), tolerance);
  check_close("embedding dtable", dtable, to_matrix<double>(g.at("dtable")), tolerance);
}

TEST_CASE_TEMPLATE("one-hot times W and the linear backward match PyTorch", S, float, double) {
  const auto& g = golden().at("one_hot_linear");
  const Matrix<S> W = to_matrix<S>(g.at("W")), dout = to_matrix<S>(g.at("dout"));
  const Matrix<S> x = to_matrix<S>(g.at("x"));
  Matrix<S> one_hots, out, out_x, dx, dW = zeros_like(W), unused_dx, unused_dW = zeros_like(W);
  expect_ok(one_hot(one_hots, g.at("ids").get<Ids>(), g.at("V").get<Index>()));
  expect_ok(linear_forward(out, one_hots, W));
  expect_ok(linear_backward(unused_dx, dW, dout, one_hots, W));
  expect_ok(linear_forward(out_x, x, W));
  expect_ok(linear_backward(dx, unused_dW, dout, x, W));
  check_close("one_hot", one_hots, to_matrix<double>(g.at("one_hot")), 0.0);
  check_close("one_hot @ W", out, to_matrix<double>(g.at("out")), tolerance);
  check_close("dW", dW, to_matrix<double>(g.at("dW")), tolerance);
  check_close("x @ W", out_x, to_matrix<double>(g.at("out_x")), tolerance);
  check_close("dx", dx, to_matrix<double>(g.at("dx")), tolerance);
}

TEST_CASE_TEMPLATE("softmax at several temperatures matches PyTorch", S, float, double) {
  const auto& g = golden().at("softmax");
  const Matrix<S> logits = to_matrix<S>(g.at("logits"));
  for (const auto& c : g.at("cases")) {
    const S T = c.at("temperature").get<S>();
    Matrix<S> probs;
    expect_ok(softmax_forward(probs, logits, T));
    check_close("softmax at T = " + std::to_string(T), probs, to_matrix<double>(c.at("probs")), tolerance);
  }
}

TEST_CASE_TEMPLATE("cross-entropy and its gradient match PyTorch", S, float, double) {
  const auto& g = golden().at("cross_entropy");
  const Matrix<S> logits = to_matrix<S>(g.at("logits"));
  const Ids targets = g.at("targets").get<Ids>();
  Matrix<S> probs, dlogits;
  const S loss = expect_ok(cross_entropy_forward(probs, logits, targets));
  expect_ok(cross_entropy_backward(dlogits, probs, targets));
  const double expected_loss = g.at("loss").get<double>();
  MESSAGE("cross-entropy loss: " << loss << " vs PyTorch " << expected_loss);
  CHECK(std::abs(loss - expected_loss) <= tolerance * std::max(1.0, std::abs(expected_loss)));
  check_close("dlogits", dlogits, to_matrix<double>(g.at("dlogits")), tolerance);
}

TEST_CASE_TEMPLATE("tied and separate unembeddings and their gradients match PyTorch", S, float, double) {
  const auto& g = golden().at("unembedding");
  const Matrix<S> h = to_matrix<S>(g.at("h")), E = to_matrix<S>(g.at("E")), W_U = to_matrix<S>(g.at("W_U"));
  const Matrix<S> dlogits = to_matrix<S>(g.at("dlogits"));
  Matrix<S> tied, untied, dh_tied, dh_untied, dE = zeros_like(E), dW_U = zeros_like(W_U);
  expect_ok(unembed_tied_forward(tied, h, E));
  expect_ok(unembed_tied_backward(dh_tied, dE, dlogits, h, E));
  expect_ok(unembed_forward(untied, h, W_U));
  expect_ok(unembed_backward(dh_untied, dW_U, dlogits, h, W_U));
  check_close("logits tied", tied, to_matrix<double>(g.at("logits_tied")), tolerance);
  check_close("dh tied", dh_tied, to_matrix<double>(g.at("dh_tied")), tolerance);
  check_close("dE", dE, to_matrix<double>(g.at("dE")), tolerance);
  check_close("logits untied", untied, to_matrix<double>(g.at("logits_untied")), tolerance);
  check_close("dh untied", dh_untied, to_matrix<double>(g.at("dh_untied")), tolerance);
  check_close("dW_U", dW_U, to_matrix<double>(g.at("dW_U")), tolerance);
}

namespace {
// The golden word model's loss and gradients, checked against PyTorch's; `tied` picks the output.
template <class S>
void check_word_model_against_pytorch(bool tied) {
  const auto& g = golden().at("word_model");
  const std::string form = tied ? " tied" : "";
  WordModel<S> m{g.at("window").get<Index>(), to_matrix<S>(g.at("E")), tied ? Matrix<S>() : to_matrix<S>(g.at("W_U")),
                 to_matrix<S>(nlohmann::json::array({g.at("b")}))};
  const Ids contexts = g.at("contexts").get<Ids>(), centres = g.at("centres").get<Ids>();
  WordScratch<S> s;
  expect_ok(m.forward(s, contexts));
  const S loss = expect_ok(m.loss(s, centres));
  WordModel<S> grads = zeros_like(m);
  expect_ok(m.backward(grads, s, contexts, centres));
  const double expected_loss = g.at(tied ? "loss_tied" : "loss").get<double>();
  MESSAGE("word model" << form << " loss: " << loss << " vs PyTorch " << expected_loss);
  CHECK(std::abs(loss - expected_loss) <= tolerance * std::max(1.0, std::abs(expected_loss)));
  check_close("h", s.h, to_matrix<double>(g.at("h")), tolerance);
  check_close("logits" + form, s.logits, to_matrix<double>(g.at(tied ? "logits_tied" : "logits")), tolerance);
  check_close("dE" + form, grads.E, to_matrix<double>(g.at(tied ? "dE_tied" : "dE")), tolerance);
  if (!tied) check_close("dW_U", grads.W_U, to_matrix<double>(g.at("dW_U")), tolerance);
  check_close("db" + form, grads.b, to_matrix<double>(nlohmann::json::array({g.at(tied ? "db_tied" : "db")})), tolerance);
}
}  // namespace

TEST_CASE_TEMPLATE("the word model's forward, loss and gradients match PyTorch with a separate output", S, float, double) {
  check_word_model_against_pytorch<S>(false);
}

TEST_CASE_TEMPLATE("the word model's forward, loss and gradients match PyTorch with the output tied to E", S, float, double) {
  check_word_model_against_pytorch<S>(true);
}
