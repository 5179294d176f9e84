// Embedding lookup, its flattening and its backward: the source's numbers exactly, the errors,
// and the gradient against finite differences.
#include "embedding.hpp"

#include "check.hpp"
#include "worked_example.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE_TEMPLATE("looking up b (id 2) gives the row [-0.40, 0.20]", S, float, double) {
  const RowVector<S> b = expect_ok(embedding_lookup(worked_table<S>(), 2));
  REQUIRE(b.size() == 2);
  CHECK(b[0] == S(-0.40));
  CHECK(b[1] == S(0.20));
}

TEST_CASE_TEMPLATE("the context @ a b stacks rows 0 1 2 into a (3 x 2) matrix", S, float, double) {
  Matrix<S> emb;
  expect_ok(embedding_forward(emb, worked_table<S>(), {0, 1, 2}));  // emb = C[Xb]
  Matrix<S> expected(3, 2);
  expected << S(0.10), S(-0.20),  // '@'
              S(0.00), S(0.30),   // 'a'
              S(-0.40), S(0.20);  // 'b'
  CHECK(emb == expected);
}

TEST_CASE_TEMPLATE("flattening the context gives the source's concatenated 6-vector", S, float, double) {
  Matrix<S> emb;
  expect_ok(embedding_forward(emb, worked_table<S>(), {0, 1, 2}));
  const RowVector<S> x = flatten(emb);  // x = emb.view(-1), shape (6,)
  RowVector<S> expected(6);
  expected << S(0.10), S(-0.20), S(0.00), S(0.30), S(-0.40), S(0.20);
  CHECK(x == expected);
}

TEST_CASE("an id out of range is an error that names it") {
  Matrix<float> emb(1, 1);
  emb << 7;
  const Status s = embedding_forward(emb, worked_table<float>(), {0, 5});
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "id 5 at position 1 of the context is out of range for a vocabulary of 5");
  CHECK(emb(0, 0) == 7);  // the output is untouched
  CHECK(embedding_lookup(worked_table<float>(), -1).message() ==
        "id -1 is out of range for a vocabulary of 5");
}

TEST_CASE("an empty context is an error") {
  Matrix<float> emb;
  CHECK(embedding_forward(emb, worked_table<float>(), {}).message() ==
        "empty context: at least one id is needed");
}

TEST_CASE("the backward scatter-adds: a repeated id accumulates and unused rows stay zero") {
  Matrix<double> dtable = Matrix<double>::Zero(5, 2);
  Matrix<double> dout(3, 2);
  dout << 1, 2,     // gradient for id 3
          10, 20,   // gradient for id 1
          100, 200; // gradient for id 3 again
  expect_ok(embedding_backward(dtable, dout, {3, 1, 3}));
  Matrix<double> expected(5, 2);
  expected << 0, 0,
              10, 20,
              0, 0,
              101, 202,  // 1 + 100, 2 + 200
              0, 0;
  CHECK(dtable == expected);
}

TEST_CASE("the embedding backward matches central finite differences") {
  Matrix<double> table = random_matrix(6, 4, 1);
  const Ids ids{3, 1, 3, 5, 0};
  const Matrix<double> G = random_matrix(5, 4, 2);  // L = sum(out * G), so dL/dout = G
  auto loss = [&] {
    Matrix<double> out;
    expect_ok(embedding_forward(out, table, ids));
    return (out.array() * G.array()).sum();
  };
  Matrix<double> dtable = Matrix<double>::Zero(6, 4);
  expect_ok(embedding_backward(dtable, G, ids));
  check_gradient("embedding backward", dtable, table, loss);
}

TEST_CASE("the embedding backward rejects a gradient of the wrong shape") {
  Matrix<double> dtable = Matrix<double>::Zero(5, 2);
  const Matrix<double> dout = Matrix<double>::Ones(2, 3);
  CHECK(embedding_backward(dtable, dout, {0, 1}).message() == "dout has shape (2, 3) but (2, 2) is needed");
  CHECK(dtable.isZero());
}
