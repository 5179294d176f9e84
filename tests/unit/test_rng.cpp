// The seeded generator: a known reference stream, determinism, and the distributions it draws.
#include "rng.hpp"

#include <array>
#include <cmath>

#include "check.hpp"
#include "fixture.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("pcg32 reproduces its author's reference stream for seed 42 and stream 54") {
  // The first outputs printed by pcg32-demo of the PCG reference implementation.
  Rng rng(42, 54);
  for (std::uint32_t expected : {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u, 0x83d2f293u, 0xbfa4784bu, 0xcbed606eu}) {
    CHECK(rng.next_u32() == expected);
  }
}

TEST_CASE("the stream matches the independent Python implementation shared with the WASM tests") {
  const auto fixture = read_fixture("rng_stream.json", "embedlab-rng-stream");
  const auto seed = fixture.at("seed").get<std::uint64_t>();
  Rng ints(seed), uniforms(seed), normals(seed), draws(seed);
  for (const auto& expected : fixture.at("u32")) CHECK(ints.next_u32() == expected.get<std::uint32_t>());
  for (const auto& expected : fixture.at("uniform")) CHECK(uniforms.uniform() == expected.get<float>());
  for (const auto& expected : fixture.at("normal")) CHECK(normals.normal() == expected.get<float>());
  const RowVector<float> probs = to_matrix<float>(nlohmann::json::array({fixture.at("categorical_probs")}));
  for (const auto& expected : fixture.at("categorical")) CHECK(expect_ok(draws.categorical(probs)) == expected.get<Id>());
}

TEST_CASE("the same seed gives the same stream and another seed another stream") {
  Rng a(123), b(123), c(124);
  bool all_same_as_c = true;
  for (int i = 0; i < 100; ++i) {
    const float x = a.normal();
    CHECK(x == b.normal());
    all_same_as_c = all_same_as_c && (x == c.normal());
  }
  CHECK_FALSE(all_same_as_c);
}

TEST_CASE("uniform draws lie between 0 and 1 with mean one half") {
  Rng rng(5);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const float u = rng.uniform();
    REQUIRE(u >= 0.0f);
    REQUIRE(u < 1.0f);
    sum += u;
  }
  CHECK(sum / 100000 == doctest::Approx(0.5).epsilon(0.01));  // standard error ~0.0009
}

TEST_CASE("normal draws have mean 0 and variance 1") {
  Rng rng(6);
  const int n = 200000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double z = rng.normal();
    sum += z;
    sum_sq += z * z;
  }
  const double mean = sum / n, variance = sum_sq / n - mean * mean;
  CHECK(std::abs(mean) < 0.01);             // standard error 1/sqrt(n) ~ 0.0022
  CHECK(std::abs(variance - 1.0) < 0.015);  // standard error sqrt(2/n) ~ 0.0032
}

TEST_CASE("categorical draws follow the probabilities and never pick a zero") {
  Rng rng(8);
  RowVector<float> probs(4);
  probs << 0.2f, 0.0f, 0.5f, 0.3f;
  std::array<int, 4> counts{};
  const int n = 100000;
  for (int i = 0; i < n; ++i) counts[static_cast<size_t>(expect_ok(rng.categorical(probs)))]++;
  CHECK(counts[1] == 0);
  CHECK(counts[0] / double(n) == doctest::Approx(0.2).epsilon(0.03));  // standard error ~0.0013
  CHECK(counts[2] / double(n) == doctest::Approx(0.5).epsilon(0.03));
  CHECK(counts[3] / double(n) == doctest::Approx(0.3).epsilon(0.03));
}

TEST_CASE("below draws every value of its range") {
  Rng rng(9);
  std::array<int, 3> counts{};
  for (int i = 0; i < 3000; ++i) counts[expect_ok(rng.below(3))]++;
  for (int count : counts) CHECK(count > 900);
  CHECK(rng.below(0).message() == "cannot draw an integer below 0: the range is empty");
}

TEST_CASE("bad probabilities are errors naming the bad value") {
  Rng rng(1);
  RowVector<float> probs(3);
  probs << 0.5f, -0.1f, 0.6f;
  CHECK(rng.categorical(probs).message() == "probability -0.1 at id 1 is not a finite number >= 0");
  probs << 0.5f, std::nanf(""), 0.6f;
  CHECK(rng.categorical(probs).message() == "probability nan at id 1 is not a finite number >= 0");
  CHECK(rng.categorical(RowVector<float>::Zero(3)).message() == "probabilities sum to 0: nothing can be drawn");
  CHECK(rng.categorical(RowVector<float>()).message() == "cannot sample from an empty distribution");
}

TEST_CASE("a normal matrix is filled row by row from the generator's stream") {
  Rng a(77), b(77);
  const Matrix<float> m = normal_matrix<float>(2, 3, a, 0.5f);
  for (Index i = 0; i < 6; ++i) CHECK(m.data()[i] == 0.5f * b.normal());
}
