#include "dataset.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

#include "limits.hpp"
#include "rng.hpp"

namespace embedlab {

namespace {

// The lines of `order[first]` to `order[last - 1]`.
std::vector<Ids> pick(const std::vector<Ids>& lines, const std::vector<size_t>& order, size_t first, size_t last) {
  std::vector<Ids> picked;
  for (size_t i = first; i < last; ++i) picked.push_back(lines[order[i]]);
  return picked;
}

}  // namespace

std::vector<std::string_view> text_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

Result<Examples> make_examples(const std::vector<Ids>& lines, Index context) {
  if (Status s = check_range(context_range, context); !s.ok()) return Error{s.message()};
  Examples examples;
  examples.context = context;
  Ids window(static_cast<size_t>(context));
  for (const Ids& line : lines) {
    std::fill(window.begin(), window.end(), 0);  // . . . : the boundary pads the start
    for (size_t i = 0; i <= line.size(); ++i) {
      const Id next = i < line.size() ? line[i] : 0;  // the line, then the boundary
      examples.contexts.insert(examples.contexts.end(), window.begin(), window.end());
      examples.targets.push_back(next);
      std::rotate(window.begin(), window.begin() + 1, window.end());  // slide: drop the oldest
      window.back() = next;
    }
  }
  return examples;
}

const char* split_name(Split split) {
  switch (split) {
    case Split::train: return "train";
    case Split::dev: return "dev";
    case Split::test: return "test";
  }
  return "unknown";
}

const Examples& Dataset::split(Split which) const {
  switch (which) {
    case Split::dev: return dev;
    case Split::test: return test;
    case Split::train: break;
  }
  return train;
}

Result<Dataset> make_dataset(std::string_view text, Index context, std::uint64_t seed, std::string_view boundary) {
  if (text.empty()) return error("the text is empty: give one example per line");
  if (text.size() > max_text_bytes) {
    return error("the text is ", text.size(), " bytes: at most ", max_text_bytes, " (5 MB) are allowed");
  }
  if (Status s = check_range(context_range, context); !s.ok()) return Error{s.message()};
  auto vocab = Vocabulary::from_text(text, boundary);
  if (!vocab.ok()) return Error{vocab.message()};
  const Index symbols = vocab.value().size() - 1;  // the boundary is not in the text
  if (symbols > max_symbols) {
    return error("the text has ", symbols, " distinct symbols: at most ", max_symbols, " are allowed");
  }

  const std::vector<std::string_view> texts = text_lines(text);
  if (texts.size() < 2) {
    return error("the text has a single line: at least two are needed to split it into training and evaluation sets");
  }
  std::vector<Ids> lines;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto ids = vocab.value().encode(texts[i]);
    if (!ids.ok()) return error("line ", i + 1, ": ", ids.message());
    lines.push_back(std::move(ids.value()));
  }

  return split_dataset(std::move(vocab.value()), lines, seed, [context](const std::vector<Ids>& part) {
    return make_examples(part, context);
  });
}

Result<Dataset> split_dataset(Vocabulary vocab, const std::vector<Ids>& lines, std::uint64_t seed,
                              const std::function<Result<Examples>(const std::vector<Ids>&)>& examples_of) {
  // Fisher-Yates shuffle of the line order: position i takes one of positions 0..i at random.
  std::vector<size_t> order(lines.size());
  std::iota(order.begin(), order.end(), size_t{0});
  Rng rng(seed);
  for (size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[rng.below(static_cast<std::uint32_t>(i + 1)).value()]);
  }
  const size_t n = lines.size(), train_end = 8 * n / 10, dev_end = 9 * n / 10;
  auto train = examples_of(pick(lines, order, 0, train_end));
  auto dev = examples_of(pick(lines, order, train_end, dev_end));
  auto test = examples_of(pick(lines, order, dev_end, n));
  for (const auto* part : {&train, &dev, &test}) {
    if (!part->ok()) return Error{part->message()};
  }
  return Dataset{std::move(vocab), std::move(train.value()), std::move(dev.value()), std::move(test.value())};
}

}  // namespace embedlab
