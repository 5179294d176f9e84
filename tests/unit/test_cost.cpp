// The cost table of the batched-form section.
#include "cost.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("the worked example's 5 x 2 table read by a context of 3") {
  const auto cost = expect_ok(embedding_cost(5, 2, 3));
  CHECK(cost.weights == 10);          // 5 * 2
  CHECK(cost.table_bytes == 40);      // 10 * 4 bytes
  CHECK(cost.one_hot_entries == 15);  // 3 * 5
  CHECK(cost.one_hot_macs == 30);     // 3 * 5 * 2
  CHECK(cost.lookup_copies == 6);     // 3 * 2
}

TEST_CASE("GPT-3's embedding matrix holds 617,558,016 weights") {
  const auto cost = expect_ok(embedding_cost(50257, 12288, 2048));
  CHECK(cost.weights == 617558016);              // 50,257 * 12,288
  CHECK(cost.table_bytes == 2470232064);         // about 2.5 GB in float32
  CHECK(cost.one_hot_macs == 1264758816768LL);   // 2048 * 617,558,016
  CHECK(cost.lookup_copies == 25165824);         // 2048 * 12,288
}

TEST_CASE("sizes out of range are errors naming them") {
  CHECK(embedding_cost(0, 2, 3).message() == "vocabulary size V = 0 must be from 1 to 10,000,000");
  CHECK(embedding_cost(5, -1, 3).message() == "embedding width d = -1 must be from 1 to 1,000,000");
  CHECK(embedding_cost(5, 2, 100001).message() == "context length B = 100001 must be from 1 to 100,000");
}
