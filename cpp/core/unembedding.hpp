// Unembedding: from a final vector h back to one score (logit) per symbol of the vocabulary.
//
// Shapes: B = number of vectors, d = embedding width, V = vocabulary size.
// Each logit is a dot product of h with one symbol's vector: the higher, the better aligned.
#pragma once

#include "linear.hpp"
#include "matmul.hpp"
#include "tensor.hpp"

namespace embedlab {

// h (B, d) and the table E (V, d) have the same width d.
template <class S>
Status check_same_width(const Matrix<S>& h, const Matrix<S>& E) {
  if (h.cols() == E.cols()) return {};
  return error("h has width ", h.cols(), " but the embedding table ", shape(E), " has width ",
               E.cols());
}

// Tied to the embedding table E (V, d): logits (B, V) = h (B, d) E^T.
// The products go through matmul.hpp, as a linear layer's do, so that the WebAssembly build
// uses its SIMD128 kernels (Eigen's own products run there one float at a time: a tied step of
// the default word model on WordNet took 406 ms under Node with them, 34 ms with the kernels).
template <class S>
Status unembed_tied_forward(Matrix<S>& logits, const Matrix<S>& h, const Matrix<S>& E) {
  if (Status s = check_same_width(h, E); !s.ok()) return s;
  product_transposed(logits, h, E);
  return {};
}

// Backward of `logits = h E^T`, given dlogits (B, V):
//   dh (B, d)  = dlogits E      (written)
//   dE (V, d) += dlogits^T h    (accumulated; in a tied model this adds to the lookup's gradient)
template <class S>
Status unembed_tied_backward(Matrix<S>& dh, Matrix<S>& dE, const Matrix<S>& dlogits,
                             const Matrix<S>& h, const Matrix<S>& E) {
  if (Status s = check_same_width(h, E); !s.ok()) return s;
  if (Status s = check_shape("dlogits", dlogits, h.rows(), E.rows()); !s.ok()) return s;
  if (Status s = check_shape("dE", dE, E.rows(), E.cols()); !s.ok()) return s;
  product(dh, dlogits, E);
  add_transposed_product(dE, dlogits, h);
  return {};
}

// With a separate unembedding matrix W_U (d, V): logits (B, V) = h (B, d) W_U, which is
// exactly a linear layer without bias.
template <class S>
Status unembed_forward(Matrix<S>& logits, const Matrix<S>& h, const Matrix<S>& W_U) {
  return linear_forward(logits, h, W_U);
}

// Backward of `logits = h W_U`: dh = dlogits W_U^T, dW_U += h^T dlogits.
template <class S>
Status unembed_backward(Matrix<S>& dh, Matrix<S>& dW_U, const Matrix<S>& dlogits,
                        const Matrix<S>& h, const Matrix<S>& W_U) {
  return linear_backward(dh, dW_U, dlogits, h, W_U);
}

}  // namespace embedlab
