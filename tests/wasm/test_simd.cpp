// The WASM SIMD128 kernels of cpp/core/simd/ against scalar code, in the WebAssembly build: native
// builds cannot run wasm_simd128.h. Built as build/wasm/embedlab_simd_tests.cjs and run under
// Node by tests/node/simd.test.mjs; the accuracy cases print their worst error in ulps.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <tuple>
#include <vector>

#include "../unit/check.hpp"
#include "simd/simd.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {

// Float matrices with entries from the standard normal, seeded.
Matrix<float> random_floats(Index rows, Index cols, std::uint64_t seed) { return random_matrix(rows, cols, seed).cast<float>(); }

// The sums of products in double, the reference the float kernels are held to.
Matrix<double> exact(const Matrix<float>& A, const Matrix<float>& B) { return A.cast<double>() * B.cast<double>(); }

// A float sum of `depth` products of normal numbers, each rounded once, is off from the exact sum
// by at most about depth * 2^-24 times the sum of |products| (about depth): 1e-4 covers depth 20.
constexpr double product_tolerance = 1e-4;

// Every size from 1 to 9 rows (blocks of 4 and single rows) and 1 to 19 columns (blocks of 8,
// and edge blocks of 1 to 7 columns).
template <class Check>
void for_each_shape(Check check) {
  for (Index rows = 1; rows <= 9; ++rows) {
    for (Index n = 1; n <= 19; ++n) check(rows, 1 + (rows + n) % 20, n);
  }
}

// The distance from `actual` to the exact `expected` in units in the last place of the float
// nearest to `expected`.
double ulps(float actual, double expected) {
  if (std::isinf(expected) || expected == 0) return actual == static_cast<float>(expected) ? 0 : std::numeric_limits<double>::infinity();
  const float nearest = static_cast<float>(expected);
  const double ulp = std::nextafter(std::fabs(nearest), std::numeric_limits<float>::infinity()) - std::fabs(nearest);
  return std::fabs(static_cast<double>(actual) - expected) / ulp;
}

// The worst ulp error of f (4 lanes at a time) against the double function g, over n floats
// evenly spaced from `from` to `to`, all of whose results are normal floats; prints it.
template <class F, class G>
double worst_ulps(const char* name, F f, G g, float from, float to, Index n) {
  std::vector<float> x(static_cast<size_t>(n)), y(x.size());
  for (Index i = 0; i < n; ++i) x[static_cast<size_t>(i)] = from + (to - from) * static_cast<float>(i) / static_cast<float>(n - 1);
  f(y.data(), x.data(), n);
  double worst = 0;
  float at = from;
  for (size_t i = 0; i < x.size(); ++i) {
    const double e = ulps(y[i], g(static_cast<double>(x[i])));
    if (e > worst) std::tie(worst, at) = std::make_tuple(e, x[i]);
  }
  std::printf("%s: worst error %.2f ulp (at x = %.9g) over %lld points of [%g, %g]\n", name, worst, static_cast<double>(at),
              static_cast<long long>(n), static_cast<double>(from), static_cast<double>(to));
  return worst;
}

}  // namespace

TEST_CASE("x W in SIMD equals the exact product for every edge of rows and columns") {
  for_each_shape([](Index rows, Index depth, Index n) {
    const Matrix<float> x = random_floats(rows, depth, 1), W = random_floats(depth, n, 2);
    Matrix<float> out(rows, n);
    simd::product(out.data(), x.data(), W.data(), rows, depth, n);
    CHECK_MESSAGE(worst_difference(out, exact(x, W)) < product_tolerance, rows << " x " << depth << " times " << depth << " x " << n);
  });
}

TEST_CASE("x^T dout in SIMD is added to dW for every edge of rows and columns") {
  for_each_shape([](Index rows, Index depth, Index n) {
    const Matrix<float> x = random_floats(depth, rows, 3), dout = random_floats(depth, n, 4);  // x^T is (rows, depth)
    Matrix<float> dW = random_floats(rows, n, 5);
    const Matrix<double> expected = dW.cast<double>() + exact(x.transpose(), dout);
    simd::add_transposed_product(dW.data(), x.data(), dout.data(), depth, rows, n);
    CHECK_MESSAGE(worst_difference(dW, expected) < product_tolerance, "dW " << rows << " x " << n << ", depth " << depth);
  });
}

TEST_CASE("dout W^T in SIMD equals the exact product, also past one packed panel's depth") {
  for_each_shape([](Index rows, Index depth, Index n) {
    const Matrix<float> dout = random_floats(rows, depth, 6), W = random_floats(n, depth, 7);  // W^T is (depth, n)
    Matrix<float> dx(rows, n);
    simd::product_transposed(dx.data(), dout.data(), W.data(), rows, depth, n);
    CHECK_MESSAGE(worst_difference(dx, exact(dout, W.transpose())) < product_tolerance, rows << " x " << depth << " times W^T " << depth << " x " << n);
  });
  // depth 600: three panels of at most 256 rows of W^T, summed into the same dx
  const Matrix<float> dout = random_floats(5, 600, 8), W = random_floats(11, 600, 9);
  Matrix<float> dx(5, 11);
  simd::product_transposed(dx.data(), dout.data(), W.data(), 5, 600, 11);
  CHECK(worst_difference(dx, exact(dout, W.transpose())) < 1e-3);  // depth 600: 30 times the depth 20 bound
}

TEST_CASE("exp in SIMD is within 2 ulp of exp wherever e^x is a normal float") {
  const auto simd_exp = [](float* y, const float* x, Index n) { simd::exp_shifted(y, x, n, 0.0f, 1.0f); };
  const auto exact_exp = [](double v) { return std::exp(v); };
  CHECK(worst_ulps("exp", simd_exp, exact_exp, -87.3f, 88.7f, 1'000'003) <= 2);
  CHECK(worst_ulps("exp", simd_exp, exact_exp, -1.0f, 1.0f, 1'000'003) <= 2);
}

TEST_CASE("exp in SIMD is 0 for -inf and very negative x, inf past the largest float, NaN for NaN") {
  const float inf = std::numeric_limits<float>::infinity();
  float x[] = {-inf, -200.0f, -104.0f, 89.0f, inf, std::nanf(""), 0.0f};
  float y[7];
  simd::exp_shifted(y, x, 7, 0.0f, 1.0f);
  CHECK(y[0] == 0.0f);
  CHECK(y[1] == 0.0f);
  CHECK(y[2] == 0.0f);
  CHECK(y[3] == inf);
  CHECK(y[4] == inf);
  CHECK(std::isnan(y[5]));
  CHECK(y[6] == 1.0f);
}

TEST_CASE("the SIMD e^((x - m) / T) and its sum count each of the n entries once, for n from 1 to 9") {
  const Matrix<float> x = random_floats(1, 9, 10);
  for (const float T : {1.0f, 0.5f}) {
    for (Index n = 1; n <= 9; ++n) {
      std::vector<float> e(10, 7.0f);
      double expected = 0;
      for (Index i = 0; i < n; ++i) expected += std::exp((static_cast<double>(x(0, i)) - 0.25) / T);
      CHECK(simd::exp_shifted(e.data(), x.data(), n, 0.25f, T) == doctest::Approx(expected).epsilon(1e-6));
      CHECK(e[0] == doctest::Approx(std::exp((x(0, 0) - 0.25) / T)).epsilon(1e-6));
      CHECK(e[static_cast<size_t>(n)] == 7.0f);  // nothing written past n
    }
  }
}

TEST_CASE("the SIMD max is the largest of the n entries, or NaN wherever a NaN is, for n from 1 to 9") {
  const Matrix<float> x = random_floats(1, 9, 13);
  for (Index n = 1; n <= 9; ++n) {
    CHECK(simd::max(x.data(), n) == x.leftCols(n).maxCoeff());
    for (Index at = 0; at < n; ++at) {
      Matrix<float> with_nan = x;
      with_nan(0, at) = std::nanf("");
      CHECK_MESSAGE(std::isnan(simd::max(with_nan.data(), n)), "NaN at " << at << " of " << n);
    }
  }
  const float inf = std::numeric_limits<float>::infinity();
  const float masked[] = {-inf, -inf, -inf, -inf, -inf, 2.0f};
  CHECK(simd::max(masked, 6) == 2.0f);
  CHECK(simd::max(masked, 5) == -inf);
}

TEST_CASE("the SIMD division by a row's sum gives the same bits as the scalar division, for n from 1 to 9") {
  const Matrix<float> x = random_floats(1, 9, 14);
  for (Index n = 1; n <= 9; ++n) {
    std::vector<float> y(x.data(), x.data() + 9);
    y.push_back(7.0f);
    simd::divide(y.data(), n, 3.0f);
    for (Index i = 0; i < n; ++i) CHECK(y[static_cast<size_t>(i)] == x(0, i) / 3.0f);
    CHECK(y[static_cast<size_t>(n)] == (n < 9 ? x(0, n) : 7.0f));  // nothing written past n
  }
}

TEST_CASE("tanh in SIMD is within 2 ulp of tanh, and odd") {
  const auto simd_tanh = [](float* y, const float* x, Index n) { simd::tanh(y, x, n); };
  const auto exact_tanh = [](double v) { return std::tanh(v); };
  CHECK(worst_ulps("tanh", simd_tanh, exact_tanh, -10.0f, 10.0f, 1'000'003) <= 2);
  CHECK(worst_ulps("tanh", simd_tanh, exact_tanh, -0.001f, 0.001f, 100'003) <= 2);
  const float inf = std::numeric_limits<float>::infinity();
  float x[] = {-inf, inf, 50.0f, -0.0f, std::nanf(""), 0.3f, -0.3f};
  float y[7];
  simd::tanh(y, x, 7);
  CHECK(y[0] == -1.0f);
  CHECK(y[1] == 1.0f);
  CHECK(y[2] == 1.0f);
  CHECK((y[3] == 0.0f && std::signbit(y[3])));
  CHECK(std::isnan(y[4]));
  CHECK(y[5] == -y[6]);
}

TEST_CASE("the SIMD kernels write nothing past the n entries they are given") {
  std::vector<float> y(8, 7.0f);
  const float x[] = {0.5f, -0.5f, 1.5f};
  simd::tanh(y.data(), x, 3);
  simd::exp_shifted(y.data() + 4, x, 3, 0.0f, 1.0f);
  CHECK(y[3] == 7.0f);
  CHECK(y[7] == 7.0f);
}

TEST_CASE("the SGD update in SIMD gives the same bits as the scalar formula, for n from 1 to 9") {
  const Matrix<float> current = random_floats(1, 9, 11), grads = random_floats(1, 9, 12);
  const float lr = 0.1f;
  for (Index n = 1; n <= 9; ++n) {
    std::vector<float> next(10, 7.0f);
    simd::sgd_update(next.data(), current.data(), grads.data(), lr, n);
    for (Index i = 0; i < n; ++i) CHECK(next[static_cast<size_t>(i)] == current(i) - lr * grads(i));
    CHECK(next[static_cast<size_t>(n)] == 7.0f);  // nothing written past n
  }
}

TEST_CASE("the tanh backward in SIMD gives the same bits as the scalar formula, also in place") {
  const Matrix<float> dout = random_floats(1, 9, 13), out = random_floats(1, 9, 14).array().tanh().matrix();
  for (Index n = 1; n <= 9; ++n) {
    std::vector<float> da(10, 7.0f);
    simd::tanh_backward(da.data(), dout.data(), out.data(), n);
    std::vector<float> in_place(dout.data(), dout.data() + 9);
    simd::tanh_backward(in_place.data(), in_place.data(), out.data(), n);
    for (Index i = 0; i < n; ++i) {
      const float expected = dout(i) * (1.0f - out(i) * out(i));
      CHECK(da[static_cast<size_t>(i)] == expected);
      CHECK(in_place[static_cast<size_t>(i)] == expected);
    }
    CHECK(da[static_cast<size_t>(n)] == 7.0f);
  }
}
