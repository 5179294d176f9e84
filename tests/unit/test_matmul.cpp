// The three products the linear layer calls. (The WASM build's SIMD128 kernels behind them are
// tested block by block in tests/wasm/test_simd.cpp, under Node.)
#include "matmul.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE_TEMPLATE("the layer's products are x W, x^T dout and dout W^T", S, float, double) {
  const Matrix<S> x = random_matrix(32, 30, 6).cast<S>(), W = random_matrix(30, 27, 7).cast<S>();
  Matrix<S> out, dW = Matrix<S>::Ones(30, 27);
  product(out, x, W);
  check_close("x W", out, Matrix<S>(x * W), 1e-5);
  add_transposed_product(dW, x, out);
  check_close("1 + x^T (x W)", dW, Matrix<S>(Matrix<S>::Ones(30, 27) + x.transpose() * out), 1e-4);
  Matrix<S> dx;
  product_transposed(dx, out, W);
  check_close("(x W) W^T", dx, Matrix<S>(out * W.transpose()), 1e-4);
}
