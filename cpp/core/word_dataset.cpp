#include "word_dataset.hpp"

#include <cmath>
#include <utility>

#include "limits.hpp"
#include "rng.hpp"
#include "utf8.hpp"
#include "word_vocab.hpp"

namespace embedlab {

Status check_word_data_config(const WordDataConfig& config) {
  if (Status s = check_range(words_range, config.words); !s.ok()) return s;
  if (Status s = check_range(min_count_range, config.min_count); !s.ok()) return s;
  if (Status s = check_range(window_range, config.window); !s.ok()) return s;
  if (!(config.subsample >= subsample_range.min && config.subsample <= subsample_range.max)) {
    return error("subsample ", config.subsample, " is out of range: it must be from ", subsample_range.min, " (keep every word) to ",
                 subsample_range.max);
  }
  return {};
}

Examples make_word_examples(const std::vector<Ids>& lines, Index window) {
  Examples examples;
  examples.context = 2 * window;
  const auto k = static_cast<std::ptrdiff_t>(window);
  for (const Ids& line : lines) {
    const auto length = static_cast<std::ptrdiff_t>(line.size());
    for (std::ptrdiff_t i = 0; i < length; ++i) {
      if (line[static_cast<size_t>(i)] == unknown_word) continue;  // never a centre
      for (std::ptrdiff_t j = i - k; j <= i + k; ++j) {
        if (j == i) continue;
        examples.contexts.push_back(j >= 0 && j < length ? line[static_cast<size_t>(j)] : boundary_word);
      }
      examples.targets.push_back(line[static_cast<size_t>(i)]);
    }
  }
  return examples;
}

double keep_probability(double share, double t) {
  if (t == 0 || share <= 0) return 1;
  return std::min(1.0, (std::sqrt(share / t) + 1) * t / share);
}

Result<Dataset> make_word_dataset(std::string_view text, const WordDataConfig& config, std::uint64_t seed) {
  if (Status s = check_word_data_config(config); !s.ok()) return Error{s.message()};
  if (text.size() > max_corpus_bytes) return too_large("the corpus", max_corpus_bytes, "a corpus");
  if (auto points = decode_utf8(text); !points.ok()) return Error{points.message()};
  std::vector<std::vector<std::string>> words;
  for (std::string_view line : text_lines(text)) {
    if (auto line_of_words = line_words(line); !line_of_words.empty()) words.push_back(std::move(line_of_words));
  }
  if (words.size() < 2) {
    return error("the corpus has ", words.size(), " lines with words: at least two are needed to split it into training and evaluation sets");
  }
  auto vocab = make_word_vocab(words, config.words, config.min_count);
  if (!vocab.ok()) return Error{vocab.message()};

  std::vector<Ids> lines;
  std::vector<double> counts(static_cast<size_t>(vocab.value().size()), 0.0);
  double total = 0;
  for (const auto& line : words) {
    lines.push_back(encode_line(vocab.value(), line));
    for (Id id : lines.back()) counts[static_cast<size_t>(id)] += 1;
    total += static_cast<double>(line.size());
  }
  Rng rng(seed, 1);
  for (Ids& line : lines) {
    Ids kept;
    for (Id id : line) {
      if (rng.uniform() < keep_probability(counts[static_cast<size_t>(id)] / total, static_cast<double>(config.subsample))) kept.push_back(id);
    }
    line = std::move(kept);
  }
  const Index window = config.window;
  return split_dataset(std::move(vocab.value()), lines, seed,
                       [window](const std::vector<Ids>& part) -> Result<Examples> { return make_word_examples(part, window); });
}

RowVector<float> log_centre_frequencies(const Examples& examples, Index V) {
  RowVector<double> counts = RowVector<double>::Ones(V);  // + 1 each
  for (Id centre : examples.targets) counts[centre] += 1;
  return (counts.array() / (static_cast<double>(examples.size()) + static_cast<double>(V))).log().matrix().cast<float>();
}

}  // namespace embedlab
