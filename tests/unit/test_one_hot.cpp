// One-hot rows and the claim of the source: one_hot(ids) W equals the lookup W[ids].
#include "one_hot.hpp"

#include <cstring>
#include <limits>

#include "check.hpp"
#include "embedding.hpp"
#include "linear.hpp"
#include "worked_example.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("the one-hot rows of @ a b c . are the rows of the 5 x 5 identity") {
  Matrix<float> x;
  expect_ok(one_hot(x, {0, 1, 2, 3, 4}, 5));
  CHECK(x == Matrix<float>::Identity(5, 5));  // '@' -> [1, 0, 0, 0, 0] ... '.' -> [0, 0, 0, 0, 1]
}

TEST_CASE_TEMPLATE("one_hot([0 1 2]) times W equals the lookup C[[0 1 2]]", S, float, double) {
  const Matrix<S> W = worked_table<S>();
  Matrix<S> x, product, lookup;
  expect_ok(one_hot(x, {0, 1, 2}, 5));        // (3, 5)
  expect_ok(linear_forward(product, x, W));    // (3, 5) x (5, 2) = (3, 2)
  expect_ok(embedding_forward(lookup, W, {0, 1, 2}));
  CHECK(product == lookup);
  CHECK(product.row(2) == (RowVector<S>(2) << S(-0.40), S(0.20)).finished());  // [0, 0, 1, 0, 0] @ W
}

TEST_CASE_TEMPLATE("one-hot times W equals the lookup bit for bit for every id of random finite tables",
                   S, float, double) {
  // Each product entry is 1 * w (exact) plus zeros (0 * w' = +-0, exact), so no rounding can
  // happen; tables of wildly different magnitudes must all come through unchanged.
  Rng rng(7);
  for (const double magnitude : {1.0, 1e-30, 1e30}) {
    Matrix<S> W(11, 3);
    for (Index i = 0; i < W.size(); ++i) W.data()[i] = static_cast<S>(rng.normal() * magnitude);
    Ids every_id(11);
    for (Id id = 0; id < 11; ++id) every_id[id] = id;
    Matrix<S> x, product, lookup;
    expect_ok(one_hot(x, every_id, 11));
    expect_ok(linear_forward(product, x, W));
    expect_ok(embedding_forward(lookup, W, every_id));
    CHECK(std::memcmp(product.data(), lookup.data(), sizeof(S) * lookup.size()) == 0);
  }
}

TEST_CASE("a -0.0 entry comes back as +0.0 through the product: equal as numbers but not as bits") {
  // 1 * (-0) + 0 * 0.5 = (-0) + (+0) = +0 in IEEE arithmetic; the lookup copies -0 unchanged.
  Matrix<float> W(2, 1);
  W << -0.0f, 0.5f;
  Matrix<float> x, product, lookup;
  expect_ok(one_hot(x, {0}, 2));
  expect_ok(linear_forward(product, x, W));
  expect_ok(embedding_forward(lookup, W, {0}));
  CHECK(product(0, 0) == lookup(0, 0));
  CHECK_FALSE(std::signbit(product(0, 0)));
  CHECK(std::signbit(lookup(0, 0)));
}

TEST_CASE("inf or NaN in a row that is not selected makes the product differ from the lookup") {
  for (const float bad : {std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN()}) {
    Matrix<float> W = worked_table<float>();
    W(3, 0) = bad;  // row of 'c', which the context @ a b never selects
    Matrix<float> x, product, lookup;
    expect_ok(one_hot(x, {0, 1, 2}, 5));
    expect_ok(linear_forward(product, x, W));
    expect_ok(embedding_forward(lookup, W, {0, 1, 2}));
    CHECK(lookup == worked_table<float>().topRows(3));  // the lookup never reads row 3
    for (Index b = 0; b < 3; ++b) {
      CHECK(std::isnan(product(b, 0)));      // 0 * inf = NaN, and 0 * NaN = NaN, in every row
      CHECK(product(b, 1) == lookup(b, 1));  // column 1 of row 3 is finite: still exact
    }
  }
}

TEST_CASE("one_hot rejects an id out of range and a vocabulary of size 0") {
  Matrix<float> x;
  CHECK(one_hot(x, {0, 9}, 5).message() ==
        "id 9 at position 1 of the context is out of range for a vocabulary of 5");
  CHECK(one_hot(x, {0}, 0).message() == "vocabulary size 0 must be at least 1");
  CHECK(one_hot(x, {}, 5).message() == "empty context: at least one id is needed");
}
