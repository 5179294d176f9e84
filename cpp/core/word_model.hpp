// A word model: continuous bag-of-words (CBOW, Mikolov et al. 2013, "Efficient Estimation of Word
// Representations in Vector Space"). It reads the k words on each side of a position and scores
// every word of the vocabulary as the one in the middle. It is built from the pieces the page
// teaches: the lookup in E, a mean, an unembedding, softmax and cross-entropy.
//
// Shapes: B = examples in a batch, k = window (words read on each side), n = 2k context words,
// V = vocabulary size, d = embedding width.
//
//   emb    = E[contexts]                       (B*n, d)  the lookup, one row per context word
//   h      = mean of each context's n rows     (B, d)    the bag of words: order is forgotten
//   logits = h W_U + b    (separate output)    (B, V)
//          = h E^T + b    (tied to E)
//   loss   = cross_entropy(logits, centres)
//
// The softmax is full: every step scores all V words, which costs B*V*d multiplications and is
// affordable up to a few thousand words (the limit is word_vocab_range). It is the form the page
// teaches (softmax over the vocabulary, then cross-entropy). Models of large vocabularies avoid it
// with negative sampling (score the true word against a few random ones) or a hierarchical
// softmax; those change what the loss is, so they are not used here.
#pragma once

#include "context_mean.hpp"
#include "embedding.hpp"
#include "limits.hpp"
#include "linear.hpp"
#include "loss.hpp"
#include "parameters.hpp"
#include "rng.hpp"
#include "tensor.hpp"
#include "unembedding.hpp"

namespace embedlab {

// What the forward keeps for the backward, and the backward's own buffers. They take their
// shapes on the first step and keep their memory after it.
template <class S>
struct WordScratch {
  Matrix<S> emb;      // (B*n, d), then the gradient of the lookup
  Matrix<S> h;        // (B, d)
  Matrix<S> logits;   // (B, V)
  Matrix<S> probs;    // (B, V)
  Matrix<S> dlogits;  // (B, V)
  Matrix<S> dh;       // (B, d)
};

template <class S>
struct WordModel;

template <class S>
Status word_forward(WordScratch<S>& s, const WordModel<S>& m, const Ids& contexts);
template <class S>
Status word_backward(WordModel<S>& grads, WordScratch<S>& s, const WordModel<S>& m, const Ids& contexts, const Ids& centres);

// The parameters; the same struct holds their gradients (dE, dW_U, db).
template <class S>
struct WordModel {
  using Scratch = WordScratch<S>;

  Index window = 0;  // k
  Matrix<S> E;       // (V, d): the word vectors, what the page shows learning
  Matrix<S> W_U;     // (d, V); (0, 0) when the output is tied to E
  RowVector<S> b;    // (V)

  bool tied() const { return W_U.size() == 0; }

  // The interface every model kind answers (see trainer.hpp): ids per example, the embedding
  // table, the named parameters, and forward, loss and backward over a batch.
  Index context_size() const { return 2 * window; }
  const Matrix<S>& embedding() const { return E; }
  Matrix<S>& embedding() { return E; }
  Parameters<S> parameters() {
    Parameters<S> p{parameter<S>("E", E)};
    if (!tied()) p.push_back(parameter<S>("W_U", W_U));
    p.push_back(parameter<S>("b", b));
    return p;
  }
  Status forward(Scratch& s, const Ids& contexts) const { return word_forward(s, *this, contexts); }
  Result<S> loss(Scratch& s, const Ids& centres) const { return cross_entropy_forward(s.probs, s.logits, centres); }
  Status backward(WordModel& grads, Scratch& s, const Ids& contexts, const Ids& centres) const {
    return word_backward(grads, s, *this, contexts, centres);
  }

  // The logits (B, V) of B contexts (B*n ids), keeping nothing: the next-word scores a page shows.
  Status forward(Matrix<S>& logits, const Ids& contexts) const {
    Scratch s;
    if (Status st = word_forward(s, *this, contexts); !st.ok()) return st;
    logits = std::move(s.logits);
    return {};
  }
};

// The sizes are within the limits: V = vocabulary, k = window, d = embed.
inline Status check_word_sizes(Index V, Index window, Index embed) {
  if (Status s = check_range(word_vocab_range, V); !s.ok()) return s;
  if (Status s = check_range(window_range, window); !s.ok()) return s;
  return check_range(embed_range, embed);
}

// The shapes of m are within the limits and agree with each other.
template <class S>
Status check_word_model(const WordModel<S>& m) {
  const Index V = m.E.rows(), d = m.E.cols();
  if (Status s = check_word_sizes(V, m.window, d); !s.ok()) return s;
  if (!m.tied()) {
    if (Status s = check_shape("W_U", m.W_U, d, V); !s.ok()) return s;
  }
  return check_shape("b", m.b, 1, V);
}

// A model of m's shapes with every entry 0: the gradients, before a step adds to them.
template <class S>
WordModel<S> zeros_like(const WordModel<S>& m) {
  return {m.window, Matrix<S>::Zero(m.E.rows(), m.E.cols()), Matrix<S>::Zero(m.W_U.rows(), m.W_U.cols()),
          RowVector<S>::Zero(m.b.size())};
}

// s.logits (B, V) of B contexts: contexts holds B*n ids, context b in ids b*n to b*n + n - 1.
template <class S>
Status word_forward(WordScratch<S>& s, const WordModel<S>& m, const Ids& contexts) {
  if (Status st = check_word_model(m); !st.ok()) return st;
  const Index n = m.context_size();
  if (static_cast<Index>(contexts.size()) % n != 0) return error(contexts.size(), " context ids do not make whole contexts of ", n);
  if (Status st = embedding_forward(s.emb, m.E, contexts); !st.ok()) return st;        // emb = E[contexts]
  if (Status st = context_mean_forward(s.h, s.emb, n); !st.ok()) return st;            // h = mean of n rows
  const Status out = m.tied() ? unembed_tied_forward(s.logits, s.h, m.E)               // h E^T
                              : unembed_forward(s.logits, s.h, m.W_U);                 // h W_U
  if (!out.ok()) return out;
  return bias_forward(s.logits, m.b);                                                  // logits = . + b
}

// Backward of word_forward and the loss with the same contexts and centres: adds the gradient of
// the loss into grads (zero it first for one step's gradient).
template <class S>
Status word_backward(WordModel<S>& grads, WordScratch<S>& s, const WordModel<S>& m, const Ids& contexts, const Ids& centres) {
  if (Status st = check_word_model(m); !st.ok()) return st;
  const Index n = m.context_size();
  if (Status st = check_shape("the kept h", s.h, static_cast<Index>(contexts.size()) / n, m.E.cols()); !st.ok()) return st;
  if (Status st = cross_entropy_backward(s.dlogits, s.probs, centres); !st.ok()) return st;
  if (Status st = bias_backward(grads.b, s.dlogits); !st.ok()) return st;                        // logits = . + b
  const Status out = m.tied() ? unembed_tied_backward(s.dh, grads.E, s.dlogits, s.h, m.E)        // h E^T
                              : unembed_backward(s.dh, grads.W_U, s.dlogits, s.h, m.W_U);        // h W_U
  if (!out.ok()) return out;
  if (Status st = context_mean_backward(s.emb, s.dh, n); !st.ok()) return st;                    // h = mean of n rows
  return embedding_backward(grads.E, s.emb, contexts);                                           // emb = E[contexts]
}

// The standard deviation of E's first entries. Small against what training adds, so that the
// cosines a page shows soon reflect the contexts the words were seen in rather than the noise.
inline constexpr float init_scale = 0.1f;

// A float32 model for V words, reading k = window words on each side, d = embed. E is drawn
// from the normal of standard deviation init_scale (the noise the sources start from), W_U is 0 (so the first logits are
// the bias), and b starts at log_frequency (V), so that the first prediction is each word's share
// of the centres and the first loss the entropy of that share, not log V. Tied models have no W_U.
Result<WordModel<float>> init_word_model(Index window, Index embed, bool tied, const RowVector<float>& log_frequency, Rng& rng);

}  // namespace embedlab
