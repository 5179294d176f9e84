// Measures of one probability distribution over the vocabulary: how spread out it is, and which
// symbol it favours.
//
// Shapes: V = vocabulary size; probs is one row (V) of a softmax.
#pragma once

#include <cmath>

#include "tensor.hpp"

namespace embedlab {

// Entropy in bits, H = -sum_i p_i log2 p_i (terms with p_i = 0 count as 0): 0 for a one-hot,
// log2(V) for uniform. A sharper softmax has a smaller entropy.
template <class S>
Result<S> entropy_bits(const RowVector<S>& probs) {
  if (probs.size() == 0) return error("the distribution is empty");
  if (Status s = check_finite("probs", probs); !s.ok()) return Error{s.message()};
  S entropy = 0;
  for (Index i = 0; i < probs.size(); ++i) {
    if (probs[i] < 0) return error("probability ", probs[i], " at id ", i, " is negative");
    if (probs[i] > 0) entropy -= probs[i] * std::log2(probs[i]);
  }
  return entropy;
}

// The most probable symbol: its id (the lowest of tied ones), its probability, and how many ids
// share that probability (1 when there is no tie; 5 for a uniform distribution over 5).
template <class S>
struct TopEntry {
  Id id;
  S probability;
  Index ties;
};

template <class S>
Result<TopEntry<S>> top_entry(const RowVector<S>& probs) {
  if (probs.size() == 0) return error("the distribution is empty");
  if (Status s = check_finite("probs", probs); !s.ok()) return Error{s.message()};
  Index id = 0;
  const S probability = probs.maxCoeff(&id);
  return TopEntry<S>{static_cast<Id>(id), probability, (probs.array() == probability).count()};
}

}  // namespace embedlab
