// Random damage to a model file, for the tests that read thousands of damaged files: each must be
// read or refused with one short line, never crash the reader.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "rng.hpp"
#include "status.hpp"

namespace embedlab::testing {

// One random change to a model file's text: a cut, a byte flipped, a number, a value of another
// type, deep nesting or a long string put in, a slice deleted or repeated.
inline void mutate(std::string& text, Rng& rng) {
  auto below = [&](size_t n) { return static_cast<size_t>(rng.below(static_cast<std::uint32_t>(std::max<size_t>(n, 1))).value()); };
  auto pick = [&](std::initializer_list<const char*> from) { return std::string(from.begin()[below(from.size())]); };
  const size_t at = below(text.size() + 1);
  switch (below(9)) {
    case 0: text.resize(at); break;
    case 1: if (at < text.size()) text[at] = static_cast<char>(below(256)); break;
    case 2: text.insert(at, pick({"1e39", "-3.4e38", "3e38", "1e308", "1e-400", "123456789012345678901234567890", "-0",
                                  "18446744073709551616", "-9223372036854775809", "0.1e"})); break;
    case 3: text.insert(at, pick({"{}", "[]", "\"x\"", "true", "null", "-1", "[[]]", "[\"a\"]", "{\"a\":1}", ",", ":"})); break;
    case 4: text.insert(at, std::string(below(20000), pick({"[", "{"})[0])); break;
    case 5: text.insert(at, "\"" + std::string(below(2) == 0 ? below(100) : below(100000), 'q') + "\""); break;
    case 6: text.erase(at, below(200)); break;
    case 7: text.insert(at, text.substr(below(text.size()), below(300))); break;
    default: text.insert(at, 1, static_cast<char>(below(256))); break;
  }
}

// One value of a model file's JSON, chosen at random down to a matrix entry, replaced by a value
// of another type, a number beyond float32, a large but finite one, deep nesting or a long string.
inline void mutate_value(nlohmann::json& model, Rng& rng) {
  auto below = [&](size_t n) { return static_cast<size_t>(rng.below(static_cast<std::uint32_t>(std::max<size_t>(n, 1))).value()); };
  nlohmann::json* node = &model;
  while (!node->empty() && (node->is_object() || node->is_array()) && below(4) != 0) {
    auto it = node->begin();
    std::advance(it, static_cast<std::ptrdiff_t>(below(node->size())));
    node = &*it;
  }
  const nlohmann::json hostile[] = {nullptr, true, "x", nlohmann::json::array(), nlohmann::json::object(), -1, 1.5, 1e38,
                                    -3e38, 1e300, 0, 18446744073709551615u, -9223372036854775807 - 1,
                                    nlohmann::json::parse("[[[[[[[[[[0]]]]]]]]]]"), std::string(100000, 's'),
                                    nlohmann::json::array({0, 1, 2}), nlohmann::json::array({"a", "a"})};
  *node = hostile[below(std::size(hostile))];
}


// What became of damaged copies of a model file.
struct MutationTally {
  int read = 0, refused = 0, broken = 0;  // broken: refused without one short line, or read but not written again
  std::string first_broken;                // the first broken message
};

// `count` damaged copies of the file `good`, each given to read_and_write: an Error when it
// refuses the text, else whether the model it read could be written again. Half of the copies are
// changed as JSON (then maybe as bytes), half as bytes only.
template <class ReadAndWrite>
MutationTally read_mutations(const std::string& good, int count, std::uint64_t seed, ReadAndWrite read_and_write) {
  Rng rng(seed);
  MutationTally tally;
  for (int i = 0; i < count; ++i) {
    std::string text = good;
    const bool as_json = rng.below(2).value() == 0;
    if (as_json) {
      nlohmann::json model = nlohmann::json::parse(good);
      mutate_value(model, rng);
      text = model.dump();
    }
    const int changes = (as_json ? 0 : 1) + static_cast<int>(rng.below(3).value());
    for (int c = 0; c < changes; ++c) mutate(text, rng);
    const Result<bool> outcome = read_and_write(text);
    if (outcome.ok()) {
      ++tally.read;
      if (!outcome.value()) ++tally.broken;  // what is read can be written
      continue;
    }
    ++tally.refused;
    const std::string& message = outcome.message();
    if (message.empty() || message.size() > 300 || message.find('\n') != std::string::npos) {
      if (++tally.broken == 1) tally.first_broken = message.substr(0, 500);
    }
  }
  return tally;
}

}  // namespace embedlab::testing
