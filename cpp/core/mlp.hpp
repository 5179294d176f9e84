// The language model of Bengio et al. 2003 as makemore part 2 builds it: a multilayer
// perceptron that reads the T previous symbols and scores every symbol as the next one.
//
// Shapes: B = examples in a batch, T = context length (the block size), V = vocabulary size,
// d = embedding width, H = hidden units.
//
//   emb    = C[contexts]                  (B*T, d)  the lookup, one row per context position
//   x      = emb.view(B, T*d)             (B, T*d)  the concatenation: row-major, so the same numbers
//   h      = tanh(x W1 + b1)              (B, H)
//   logits = h W2 + b2                    (B, V)
//   loss   = cross_entropy(logits, targets)
#pragma once

#include <string_view>

#include "embedding.hpp"
#include "limits.hpp"
#include "linear.hpp"
#include "loss.hpp"
#include "parameters.hpp"
#include "rng.hpp"
#include "tanh.hpp"
#include "tensor.hpp"

namespace embedlab {

// What the forward keeps for the backward, and the backward's own buffers. They take their
// shapes on the first step and keep their memory after it: a step allocates nothing.
template <class S>
struct MlpScratch {
  Matrix<S> x;        // (B, T*d) the concatenated context; (B*T, d) while the lookup fills it
  Matrix<S> h;        // (B, H)
  Matrix<S> logits;   // (B, V)
  Matrix<S> probs;    // (B, V)
  Matrix<S> dlogits;  // (B, V)
  Matrix<S> dh;       // (B, H), then the gradient of x W1 + b1 in place
  Matrix<S> dx;       // (B, T*d), then viewed as (B*T, d) for the lookup's backward
};

template <class S>
struct Mlp;

template <class S>
Status mlp_forward(MlpScratch<S>& s, const Mlp<S>& m, const Ids& contexts);
template <class S>
Result<S> mlp_loss(MlpScratch<S>& s, const Ids& targets);
template <class S>
Status mlp_backward(Mlp<S>& grads, MlpScratch<S>& s, const Mlp<S>& m, const Ids& contexts, const Ids& targets);

// The parameters of the model; the same struct holds their gradients (dC, dW1, ...).
template <class S>
struct Mlp {
  using Scratch = MlpScratch<S>;

  Index context = 0;  // T
  Matrix<S> C;        // (V, d)
  Matrix<S> W1;       // (T*d, H)
  RowVector<S> b1;    // (H)
  Matrix<S> W2;       // (H, V)
  RowVector<S> b2;    // (V)

  // What a sampler asks of any model: how many symbols it reads, and the logits (B, V) of B
  // contexts (B*T ids, row-major). This forward keeps nothing; training uses mlp_forward.
  Index context_size() const { return context; }
  Status forward(Matrix<S>& logits, const Ids& contexts) const;

  // What a trainer asks of any model (see trainer.hpp): the embedding table, the named
  // parameters, and forward, loss and backward that keep what they need in a Scratch.
  const Matrix<S>& embedding() const { return C; }
  Matrix<S>& embedding() { return C; }
  Parameters<S> parameters() {
    return {parameter<S>("C", C), parameter<S>("W1", W1), parameter<S>("b1", b1), parameter<S>("W2", W2), parameter<S>("b2", b2)};
  }
  Status forward(Scratch& s, const Ids& contexts) const { return mlp_forward(s, *this, contexts); }
  Result<S> loss(Scratch& s, const Ids& targets) const { return mlp_loss(s, targets); }
  Status backward(Mlp& grads, Scratch& s, const Ids& contexts, const Ids& targets) const {
    return mlp_backward(grads, s, *this, contexts, targets);
  }
};

// The sizes of a model are within the limits: V = vocabulary, T = context, d = embed,
// H = hidden.
inline Status check_mlp_sizes(Index V, Index T, Index d, Index H) {
  if (Status s = check_range(vocab_range, V); !s.ok()) return s;
  if (Status s = check_range(context_range, T); !s.ok()) return s;
  if (Status s = check_range(embed_range, d); !s.ok()) return s;
  return check_range(hidden_range, H);
}

// The shapes of m are within the limits and agree with each other.
template <class S>
Status check_mlp(const Mlp<S>& m) {
  const Index V = m.C.rows(), d = m.C.cols(), H = m.W1.cols();
  if (Status s = check_mlp_sizes(V, m.context, d, H); !s.ok()) return s;
  if (Status s = check_shape("W1", m.W1, m.context * d, H); !s.ok()) return s;
  if (Status s = check_shape("b1", m.b1, 1, H); !s.ok()) return s;
  if (Status s = check_shape("W2", m.W2, H, V); !s.ok()) return s;
  return check_shape("b2", m.b2, 1, V);
}

// A model of m's shapes with every entry 0: the gradients, before a step adds to them.
template <class S>
Mlp<S> zeros_like(const Mlp<S>& m) {
  return {m.context, Matrix<S>::Zero(m.C.rows(), m.C.cols()), Matrix<S>::Zero(m.W1.rows(), m.W1.cols()),
          RowVector<S>::Zero(m.b1.size()), Matrix<S>::Zero(m.W2.rows(), m.W2.cols()), RowVector<S>::Zero(m.b2.size())};
}

// m with its entries converted to T (a float model checked in double, say).
template <class T, class S>
Mlp<T> mlp_cast(const Mlp<S>& m) {
  return {m.context, m.C.template cast<T>(), m.W1.template cast<T>(), m.b1.template cast<T>(),
          m.W2.template cast<T>(), m.b2.template cast<T>()};
}

// s.logits (B, V) of B contexts: contexts holds B*T ids, context b in ids b*T to b*T + T - 1.
template <class S>
Status mlp_forward(MlpScratch<S>& s, const Mlp<S>& m, const Ids& contexts) {
  if (Status st = check_mlp(m); !st.ok()) return st;
  const Index T = m.context, d = m.C.cols(), ids = static_cast<Index>(contexts.size());
  if (ids % T != 0) return error(ids, " context ids do not make whole contexts of ", T);
  // A row-major (B*T, d) matrix resized to (B, T*d) keeps its numbers in place (Eigen keeps the
  // data when the size does not change): each row becomes one concatenated context.
  if (Status st = embedding_forward(s.x, m.C, contexts); !st.ok()) return st;  // emb = C[contexts]
  s.x.resize(ids / T, T * d);                                                    // x = emb.view(B, T*d)
  if (Status st = linear_forward(s.h, s.x, m.W1); !st.ok()) return st;          // x W1
  if (Status st = bias_forward(s.h, m.b1); !st.ok()) return st;                 // + b1
  tanh_forward(s.h, s.h);                                                        // h = tanh(.)
  if (Status st = linear_forward(s.logits, s.h, m.W2); !st.ok()) return st;     // h W2
  return bias_forward(s.logits, m.b2);                                           // logits = . + b2
}

// The mean cross-entropy of the logits of the last mlp_forward against targets (B); keeps the
// probabilities for the backward.
template <class S>
Result<S> mlp_loss(MlpScratch<S>& s, const Ids& targets) {
  return cross_entropy_forward(s.probs, s.logits, targets);
}

// Backward of mlp_forward and mlp_loss with the same contexts and targets: adds the gradient
// of the loss into grads (zero it first for one step's gradient).
template <class S>
Status mlp_backward(Mlp<S>& grads, MlpScratch<S>& s, const Mlp<S>& m, const Ids& contexts, const Ids& targets) {
  if (Status st = check_mlp(m); !st.ok()) return st;
  const Index T = m.context, d = m.C.cols(), B = s.x.rows();
  if (Status st = check_shape("the kept x", s.x, static_cast<Index>(contexts.size()) / T, T * d); !st.ok()) return st;
  if (Status st = cross_entropy_backward(s.dlogits, s.probs, targets); !st.ok()) return st;
  if (Status st = bias_backward(grads.b2, s.dlogits); !st.ok()) return st;                       // logits = . + b2
  if (Status st = linear_backward(s.dh, grads.W2, s.dlogits, s.h, m.W2); !st.ok()) return st;    // h W2
  if (Status st = tanh_backward(s.dh, s.dh, s.h); !st.ok()) return st;                           // h = tanh(.)
  if (Status st = bias_backward(grads.b1, s.dh); !st.ok()) return st;                            // + b1
  if (Status st = linear_backward(s.dx, grads.W1, s.dh, s.x, m.W1); !st.ok()) return st;         // x W1
  s.dx.resize(B * T, d);                                        // dx.view(B*T, d): demb
  return embedding_backward(grads.C, s.dx, contexts);           // emb = C[contexts]
}

template <class S>
Status Mlp<S>::forward(Matrix<S>& logits, const Ids& contexts) const {
  MlpScratch<S> s;
  if (Status st = mlp_forward(s, *this, contexts); !st.ok()) return st;
  logits = std::move(s.logits);
  return {};
}

// The two ways to start the weights from random numbers. Both draw C, W1, b1, W2, b2 from the
// standard normal in that order and then scale them:
//   lecture  every entry as drawn, as in makemore part 2
//   scaled   W1 by (5/3) / sqrt(T*d), the gain that keeps tanh out of saturation for inputs of
//            variance 1 (Kaiming), and b1, W2, b2 by 0.01, so the first logits are all near 0
//            and the first loss near log V (makemore part 3)
enum class Init { lecture, scaled };

Result<Init> parse_init(std::string_view name);  // "lecture" or "scaled"
const char* init_name(Init init);

// A float32 model for a vocabulary of V symbols, T = context, d = embed, H = hidden.
Result<Mlp<float>> init_mlp(Index V, Index context, Index embed, Index hidden, Init init, Rng& rng);

}  // namespace embedlab
