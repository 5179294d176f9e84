// Sampling from a trained model, one symbol at a time, until it emits the boundary.
//
// Shapes: V = vocabulary size, T = context length (the block size), N = contexts scored at once.
//
// A model is anything that answers the two questions makemore asks of its models
// (get_block_size() and forward()):
//   Index context_size() const                                      T, the symbols it reads
//   Status forward(Matrix<float>& logits, const Ids& contexts) const  logits (N, V) of N contexts
#pragma once

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "limits.hpp"
#include "rng.hpp"
#include "softmax.hpp"
#include "tensor.hpp"
#include "vocab.hpp"

namespace embedlab {

struct SampleOptions {
  float temperature = 1.0f;  // 0 = greedy: always the most probable symbol (the lowest id of tied ones)
  Index top_k = 0;           // keep the k most probable symbols; 0 = all of them
  float top_p = 1.0f;        // keep the fewest most probable symbols whose probabilities reach top_p
  Index max_length = 50;     // stop after this many symbols (the boundary not counted)
};

inline Status check_sample_options(const SampleOptions& options) {
  if (Status s = check_temperature(options.temperature); !s.ok()) return s;
  if (options.top_k < 0) return error("top-k ", options.top_k, " is negative: it must be 0 (all symbols) or more");
  if (!(options.top_p > 0 && options.top_p <= 1)) {
    return error("top-p ", options.top_p, " is out of range: it must be more than 0 and at most 1");
  }
  return check_range(max_length_range, options.max_length);
}

// The ids of probs (V) from the most probable to the least; ties go to the lower id first.
template <class S>
std::vector<Index> ranked(const RowVector<S>& probs) {
  std::vector<Index> order(static_cast<size_t>(probs.size()));
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return probs[a] > probs[b]; });
  return order;
}

// probs (V) with every entry but the first `keep` of `order` set to 0, the rest rescaled to sum to 1.
template <class S>
void keep_first(RowVector<S>& probs, const std::vector<Index>& order, size_t keep) {
  for (size_t r = keep; r < order.size(); ++r) probs[order[r]] = S(0);
  probs /= probs.sum();
}

// Top-k: the k most probable symbols of probs (V) stay, rescaled; the rest get 0. A k of 0 or
// of V or more keeps every symbol.
template <class S>
void top_k_filter(RowVector<S>& probs, Index k) {
  if (k <= 0 || k >= probs.size()) return;
  keep_first(probs, ranked(probs), static_cast<size_t>(k));
}

// Top-p (nucleus): the fewest most probable symbols of probs (V) whose probabilities add up to at
// least p of the total stay, rescaled; the rest get 0. p = 1 keeps every symbol; the most
// probable symbol always stays.
template <class S>
void top_p_filter(RowVector<S>& probs, S p) {
  if (p >= S(1)) return;
  const std::vector<Index> order = ranked(probs);
  const S target = p * probs.sum();
  S cumulative = 0;
  size_t keep = 0;
  while (keep < order.size() && (keep == 0 || cumulative < target)) cumulative += probs[order[keep++]];
  keep_first(probs, order, keep);
}

// Greedy decoding: probs (V) becomes one-hot at its most probable id, the lowest of tied ones (as
// torch.argmax picks). At T = 0 the softmax shares the probability evenly over tied largest
// logits; picking the lowest id among them is a decoding convention that makes a T = 0 sample the
// same every time.
template <class S>
void keep_greedy(RowVector<S>& probs) {
  Index id = 0;
  probs.maxCoeff(&id);  // Eigen returns the first of tied maxima
  probs.setZero();
  probs[id] = S(1);
}

// One drawn symbol, opened up: what the step-through view shows.
struct SampleStep {
  Ids context;             // (T) the ids the model read
  RowVector<float> probs;  // (V) softmax(logits / temperature)
  RowVector<float> kept;   // (V) after top-k and top-p: 0 where filtered out, the rest rescaled;
                           // at temperature 0 one-hot at the greedy pick
  Id drawn = 0;            // drawn from kept; the boundary (0) ends the sample
};

struct Sample {
  std::string text;               // the symbols drawn, without the boundary
  std::vector<SampleStep> steps;  // one per symbol drawn, the boundary included
};

// The probabilities (V) of the next symbol after the context ids (T) at a temperature.
template <class Model>
Result<RowVector<float>> next_probs(const Model& model, const Ids& context, Index V, float temperature) {
  Matrix<float> logits, probs;
  if (Status s = model.forward(logits, context); !s.ok()) return Error{s.message()};
  if (logits.cols() != V) return error("the model scores ", logits.cols(), " symbols but the vocabulary has ", V);
  if (Status s = softmax_forward(probs, logits, temperature); !s.ok()) return Error{s.message()};
  return RowVector<float>(probs.row(0));
}

// One sample: the context starts as T boundaries; each step draws the next symbol from the
// model's filtered probabilities and slides it into the context, until the boundary is drawn or
// the text reaches max_length symbols. The same model, options and generator state give the
// same sample.
template <class Model>
Result<Sample> sample(const Model& model, const Vocabulary& vocab, Rng& rng, const SampleOptions& options) {
  if (Status s = check_sample_options(options); !s.ok()) return Error{s.message()};
  Sample result;
  Ids context(static_cast<size_t>(model.context_size()), 0);
  for (Index length = 0; length < options.max_length; ++length) {
    SampleStep step{context, {}, {}, 0};
    auto probs = next_probs(model, context, vocab.size(), options.temperature);
    if (!probs.ok()) return Error{probs.message()};
    step.probs = probs.value();
    step.kept = step.probs;
    top_k_filter(step.kept, options.top_k);
    top_p_filter(step.kept, options.top_p);
    if (options.temperature == 0.0f) keep_greedy(step.kept);
    auto drawn = rng.categorical(step.kept);
    if (!drawn.ok()) return Error{drawn.message()};
    step.drawn = drawn.value();
    result.steps.push_back(std::move(step));
    if (drawn.value() == 0) break;
    result.text += vocab.symbols()[static_cast<size_t>(drawn.value())];
    std::rotate(context.begin(), context.begin() + 1, context.end());  // slide: drop the oldest
    context.back() = drawn.value();
  }
  return result;
}

// The probabilities (V) of the symbol after text at a temperature: the model reads the last T
// symbols of text, padded on the left with the boundary when text is shorter.
template <class Model>
Result<RowVector<float>> next_symbol_probs(const Model& model, const Vocabulary& vocab, std::string_view text,
                                           float temperature = 1.0f) {
  auto ids = vocab.encode(text);
  if (!ids.ok()) return Error{ids.message()};
  const auto T = static_cast<size_t>(model.context_size());
  Ids context(T, 0);
  const size_t n = std::min(T, ids.value().size());
  std::copy(ids.value().end() - static_cast<std::ptrdiff_t>(n), ids.value().end(), context.end() - static_cast<std::ptrdiff_t>(n));
  return next_probs(model, context, vocab.size(), temperature);
}

}  // namespace embedlab
