// embedlab_bench: how long one SGD step of the lecture's model takes natively. Not part of the
// tests; run build/native/cpp/cli/embedlab_bench [--steps 20000] [--data FILE].
//
// The model and batch are makemore part 2's (V 27, B 3, d 10, H 200, batch 32, lecture init) on
// the bundled names. After 100 steps of warm-up (first-touch of the buffers), it times --steps
// steps, then the matrix products of a step alone (the core's matmul.hpp, so Eigen's packet math
// here) as many times, and one square product of 256 for what Eigen reaches on large matrices. It
// prints a line for people on stderr and one JSON object on stdout.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <string>

#include "arguments.hpp"
#include "files.hpp"
#include "limits.hpp"
#include "matmul.hpp"
#include "trainer.hpp"

using namespace embedlab;

namespace {

using Clock = std::chrono::steady_clock;

// Seconds that `times` calls of f take, after one call of warm-up.
double seconds_of(std::int64_t times, const std::function<void()>& f) {
  f();
  const auto start = Clock::now();
  for (std::int64_t i = 0; i < times; ++i) f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Matrix<float> random_floats(Index rows, Index cols) { return Matrix<float>::Random(rows, cols); }

// GFLOP/s of the six products of a step of the lecture's model, each 2 flops a multiply-add:
// forward x W1 and h W2, and each layer's two backward products (B = 32 examples, T*d = 30,
// H = 200, V symbols), `times` times over.
double step_products_gflops(Index V, std::int64_t times) {
  const Index B = 32, m = 30, H = 200;
  const Matrix<float> x = random_floats(B, m), W1 = random_floats(m, H), W2 = random_floats(H, V);
  const Matrix<float> dlogits = random_floats(B, V), dh = random_floats(B, H);
  Matrix<float> h, logits, dW1 = Matrix<float>::Zero(m, H), dW2 = Matrix<float>::Zero(H, V), dx, dh_out;
  const double seconds = seconds_of(times, [&] {
    product(h, x, W1);                    // (B, H)
    product(logits, h, W2);               // (B, V)
    product_transposed(dh_out, dlogits, W2);  // (B, H)
    add_transposed_product(dW2, h, dlogits);  // (H, V)
    add_transposed_product(dW1, x, dh);       // (m, H)
    product_transposed(dx, dh, W1);           // (B, m)
  });
  return 3.0 * 2 * static_cast<double>(B * H * (m + V)) * static_cast<double>(times) / seconds / 1e9;
}

// GFLOP/s of one product of two 256 x 256 matrices, `times` times: Eigen's speed where the
// matrices are large enough for its blocking to pay.
double square_product_gflops(std::int64_t times) {
  const Index n = 256;
  const Matrix<float> a = random_floats(n, n), b = random_floats(n, n);
  Matrix<float> c;
  const double seconds = seconds_of(times, [&] { product(c, a, b); });
  return 2.0 * static_cast<double>(n * n * n) * static_cast<double>(times) / seconds / 1e9;
}

Status bench(const std::string& path, std::int64_t steps) {
  auto text = cli::read_file(path, max_text_bytes, "a text");
  if (!text.ok()) return text.status();
  TrainConfig config;  // the lecture's defaults
  config.init = Init::lecture;
  auto data = make_dataset(text.value(), config.context, config.seed);
  if (!data.ok()) return error(path, ": ", data.message());
  auto trainer = Trainer::create(std::move(data.value()), config);
  if (!trainer.ok()) return trainer.status();
  for (int i = 0; i < 100; ++i) {
    if (auto loss = trainer.value().step(); !loss.ok()) return loss.status();
  }
  const auto start = std::chrono::steady_clock::now();
  for (std::int64_t i = 0; i < steps; ++i) {
    if (auto loss = trainer.value().step(); !loss.ok()) return loss.status();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double ms_per_step = seconds * 1000 / static_cast<double>(steps);
  const Index V = trainer.value().data().vocab.size();
  const double products = step_products_gflops(V, steps), square = square_product_gflops(std::max<std::int64_t>(steps / 100, 10));
  std::cerr << "native: " << ms_per_step << " ms/step (" << steps << " steps in " << seconds << " s, vocabulary " << V
            << "); the products of a step alone " << products << " GFLOP/s, a 256^3 product " << square << " GFLOP/s\n";
  std::cout << R"({"runtime": "native", "steps": )" << steps << R"(, "seconds": )" << seconds << R"(, "ms_per_step": )"
            << ms_per_step << R"(, "step_products_gflops": )" << products << R"(, "square_product_gflops": )" << square << "}\n";
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times SGD steps of the lecture's MLP natively"};
  std::string data = EMBEDLAB_BENCH_DATA;
  std::int64_t steps = 20000;
  app.add_option("--data", data, "text file, one example a line")->capture_default_str();
  cli::add_number(&app, "--steps", steps, "steps to time", cli::whole(1, 100000000));
  CLI11_PARSE(app, argc, argv);
  if (Status s = bench(data, steps); !s.ok()) {
    std::cerr << "embedlab_bench: " << s.message() << '\n';
    return 1;
  }
  return 0;
}
