#include "word_vocab.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "limits.hpp"

namespace embedlab {

namespace {

// An ASCII letter or digit, or a byte of a non-ASCII character.
bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::vector<std::string> line_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool joiner = (c == '\'' || c == '-') && !word.empty() && i + 1 < line.size() && word_byte(line[i + 1]);
    if (word_byte(c) || joiner) {
      word += lower(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

Result<Vocabulary> make_word_vocab(const std::vector<std::vector<std::string>>& lines, Index words, Index min_count) {
  if (Status s = check_range(words_range, words); !s.ok()) return Error{s.message()};
  if (Status s = check_range(min_count_range, min_count); !s.ok()) return Error{s.message()};
  std::map<std::string_view, Index> counts;
  for (const auto& line : lines) {
    for (const std::string& word : line) ++counts[word];
  }
  std::vector<std::pair<Index, std::string_view>> kept;  // (count, word)
  for (const auto& [word, count] : counts) {
    if (count >= min_count) kept.emplace_back(count, word);
  }
  if (kept.empty()) {
    return error("no word occurs at least ", min_count, " times (min count) among the text's ", counts.size(),
                 " distinct words");
  }
  // The most frequent first; stable, so ties keep the map's byte order.
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  kept.resize(std::min(kept.size(), static_cast<size_t>(words)));
  std::vector<std::string> symbols{".", "<unk>"};
  for (const auto& [count, word] : kept) symbols.emplace_back(word);
  return Vocabulary::from_symbols(std::move(symbols));
}

Ids encode_line(const Vocabulary& vocab, const std::vector<std::string>& words) {
  Ids ids;
  ids.reserve(words.size());
  for (const std::string& word : words) {
    ids.push_back(vocab.find(word).value_or(unknown_word));
  }
  return ids;
}

Result<WordTable> word_table_of(const Vocabulary& vocab, const Matrix<float>& E) {
  if (vocab.size() != E.rows()) return error("the vocabulary has ", vocab.size(), " words but E has ", E.rows(), " rows");
  if (vocab.size() < 3) return error("a word vocabulary of ", vocab.size(), " symbols holds no word");
  const Index V = vocab.size() - 2;
  return WordTable{std::vector<std::string>(vocab.symbols().begin() + 2, vocab.symbols().end()),
                   E.bottomRows(V)};
}

}  // namespace embedlab
