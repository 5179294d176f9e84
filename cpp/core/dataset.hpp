// The dataset: lines of text -> (context, next symbol) pairs, as makemore part 2 builds them.
//
// Shapes: N = number of examples, B = context length (symbols the model reads).
//
// Each line is one example word. A context starts as B boundary symbols (id 0) and slides one
// symbol at a time; the line's symbols and then the boundary are the targets. With B = 3,
// "emma" gives
//   . . . -> e     . . e -> m     . e m -> m     e m m -> a     m m a -> .
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "tensor.hpp"
#include "vocab.hpp"

namespace embedlab {

// (context, next symbol) pairs.
struct Examples {
  Index context = 0;  // B
  Ids contexts;       // (N, B), row-major: example n reads contexts[n*B] to contexts[n*B + B - 1]
  Ids targets;        // (N)

  Index size() const { return static_cast<Index>(targets.size()); }
};

// The non-empty lines of text, without their "\n" or "\r\n".
std::vector<std::string_view> text_lines(std::string_view text);

// The pairs of every line, in order. lines hold ids without boundaries: "emma" is {e, m, m, a}.
Result<Examples> make_examples(const std::vector<Ids>& lines, Index context);

enum class Split { train, dev, test };

// "train", "dev" or "test".
const char* split_name(Split split);

struct Dataset {
  Vocabulary vocab;
  Examples train;  // 80 % of the lines
  Examples dev;    // 10 %: to choose settings
  Examples test;   // 10 %: to report at the end

  const Examples& split(Split which) const;
};

// The dataset of a text with one example per line ("\n" or "\r\n"; empty lines are skipped).
// The lines are shuffled with Rng(seed) and split as makemore does: the first 80 % (rounded
// down) train, up to 90 % dev, the rest test. Below 10 lines a split can be empty.
// Errors: an empty text, more than max_text_bytes, invalid UTF-8 (with its byte offset), the
// boundary in the text, a single line, more than max_symbols distinct symbols.
Result<Dataset> make_dataset(std::string_view text, Index context, std::uint64_t seed,
                             std::string_view boundary = ".");

// The lines (ids) shuffled with Rng(seed) and split as makemore does: the first 80 % (rounded
// down) train, up to 90 % dev, the rest test; examples_of makes each split's examples. A text
// needs at least two lines.
Result<Dataset> split_dataset(Vocabulary vocab, const std::vector<Ids>& lines, std::uint64_t seed,
                              const std::function<Result<Examples>(const std::vector<Ids>&)>& examples_of);

}  // namespace embedlab
