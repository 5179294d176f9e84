#include "rng.hpp"

#include <cmath>

namespace embedlab {

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : increment_((stream << 1u) | 1u) {
  next_u32();
  state_ += seed;
  next_u32();
}

std::uint32_t Rng::next_u32() {
  const std::uint64_t old = state_;
  state_ = old * 6364136223846793005ULL + increment_;                  // LCG step
  const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
  const auto rotation = static_cast<std::uint32_t>(old >> 59u);
  return (xorshifted >> rotation) | (xorshifted << ((32u - rotation) & 31u));  // output permutation
}

float Rng::uniform() {
  return static_cast<float>(next_u32() >> 8) * 0x1.0p-24f;  // top 24 bits: exact in a float
}

Result<std::uint32_t> Rng::below(std::uint32_t n) {
  if (n == 0) return error("cannot draw an integer below 0: the range is empty");
  // Reject the lowest (2^32 mod n) outputs, so the rest split evenly into n classes.
  const std::uint32_t threshold = (0u - n) % n;
  for (;;) {
    const std::uint32_t r = next_u32();
    if (r >= threshold) return r % n;
  }
}

float Rng::normal() {
  constexpr double two_pi = 6.283185307179586476925;
  const double u1 = (static_cast<double>(next_u32()) + 1.0) * 0x1.0p-32;  // (0, 1]: log is finite
  const double u2 = static_cast<double>(next_u32()) * 0x1.0p-32;          // [0, 1)
  return static_cast<float>(std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2));
}

Result<Id> Rng::categorical(const RowVector<float>& probs) {
  if (probs.size() == 0) return error("cannot sample from an empty distribution");
  double total = 0;
  for (Index i = 0; i < probs.size(); ++i) {
    if (!std::isfinite(probs[i]) || probs[i] < 0) {
      return error("probability ", probs[i], " at id ", i, " is not a finite number >= 0");
    }
    total += probs[i];
  }
  if (total <= 0) return error("probabilities sum to 0: nothing can be drawn");
  // Walk the cumulative sum until it passes u * total; rounding can leave u * total just above
  // the final sum, so the last id with a positive probability is the fallback.
  const double u = uniform() * total;
  double cumulative = 0;
  Id last_positive = 0;
  for (Index i = 0; i < probs.size(); ++i) {
    if (probs[i] == 0) continue;
    cumulative += probs[i];
    last_positive = static_cast<Id>(i);
    if (u < cumulative) return last_positive;
  }
  return last_positive;
}

}  // namespace embedlab
