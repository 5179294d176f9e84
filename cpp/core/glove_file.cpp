#include "glove_file.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>
#include <algorithm>

#include "limits.hpp"
#include "utf8.hpp"

namespace embedlab {

namespace {

constexpr std::string_view header = "embedlab glove 1";

// Cuts the line that starts `rest` off it, without its '\n'; false when no '\n' is left.
bool take_line(std::string_view& rest, std::string_view& line) {
  const size_t end = rest.find('\n');
  if (end == std::string_view::npos) return false;
  line = rest.substr(0, end);
  rest.remove_prefix(end + 1);
  return true;
}

// "words 20000 width 100" read into V and d.
Status read_sizes(std::string_view line, Index& words, Index& width) {
  const auto bad = [&] { return error("the second line must be \"words V width d\", not ", quote(line)); };
  constexpr std::string_view words_tag = "words ", width_tag = " width ";
  if (line.substr(0, words_tag.size()) != words_tag) return bad();
  const char* const end = line.data() + line.size();
  const auto words_read = std::from_chars(line.data() + words_tag.size(), end, words);
  if (words_read.ec != std::errc{} || std::string_view(words_read.ptr, static_cast<size_t>(end - words_read.ptr)).substr(0, width_tag.size()) != width_tag) {
    return bad();
  }
  const auto width_read = std::from_chars(words_read.ptr + width_tag.size(), end, width);
  if (width_read.ec != std::errc{} || width_read.ptr != end) return bad();
  if (words < 1) return error("the file must hold at least one word, not ", words);
  return check_range(glove_width_range, width);
}

// A word as a line of the file: UTF-8 without spaces or control characters.
Status check_word(std::string_view word, Index row) {
  if (word.empty()) return error("word ", row + 1, " is empty");
  auto decoded = decode_utf8(word);
  if (!decoded.ok()) return error("word ", row + 1, ": ", decoded.message());
  for (char32_t c : decoded.value()) {
    if (c <= U' ' || c == 0x7f) return error("word ", row + 1, " ", quote(word), " holds a space or a control character");
  }
  return {};
}

}  // namespace

float float_from_half(std::uint16_t half) {
  const int exponent = (half >> 10) & 0x1f;
  const int mantissa = half & 0x3ff;
  float magnitude;
  if (exponent == 0) {
    magnitude = std::ldexp(static_cast<float>(mantissa), -24);  // subnormal: 0.mantissa x 2^-14
  } else if (exponent == 31) {
    magnitude = mantissa == 0 ? std::numeric_limits<float>::infinity() : std::numeric_limits<float>::quiet_NaN();
  } else {
    magnitude = std::ldexp(static_cast<float>(1024 + mantissa), exponent - 25);  // 1.mantissa x 2^(exponent-15)
  }
  return (half & 0x8000) != 0 ? -magnitude : magnitude;
}

Result<WordTable> read_glove(std::string_view file) {
  std::string_view rest = file, line;
  if (!take_line(rest, line) || line != header) {
    return error("not a GloVe file of Embedding Lab: it must start with the line \"", header, "\", not ",
                 quote(file.substr(0, file.find('\n'))));
  }
  Index words = 0, width = 0;
  if (!take_line(rest, line)) return error("the file ends before its second line, \"words V width d\"");
  if (Status s = read_sizes(line, words, width); !s.ok()) return Error{s.message()};
  // Each word takes at least 2 bytes ("a\n") and its vector 2 per number: a count beyond the
  // file's bytes is refused before anything is allocated.
  if (words > static_cast<Index>(rest.size() / static_cast<size_t>(2 + 2 * width))) {
    return error("the file says it holds ", words, " words of width ", width, " but has only ", rest.size(), " bytes left for them");
  }

  WordTable table;
  table.words.reserve(static_cast<size_t>(words));
  for (Index row = 0; row < words; ++row) {
    if (!take_line(rest, line)) return error("the file ends after ", row, " of its ", words, " words");
    if (Status s = check_word(line, row); !s.ok()) return Error{s.message()};
    table.words.emplace_back(line);
  }
  std::vector<size_t> order(table.words.size());  // rows sorted by word, so that repeats sit side by side
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return table.words[x] < table.words[y]; });
  for (size_t i = 1; i < order.size(); ++i) {
    if (table.words[order[i]] == table.words[order[i - 1]]) {
      return error("word ", order[i] + 1, " ", quote(table.words[order[i]]), " is repeated");
    }
  }
  const size_t expected = static_cast<size_t>(words * width) * 2;
  if (rest.size() != expected) {
    return error("the ", words, " vectors of width ", width, " take ", expected, " bytes but the file has ", rest.size(),
                 " after the words");
  }
  table.vectors.resize(words, width);  // (V, d)
  for (Index i = 0; i < words * width; ++i) {
    const auto byte = [&](Index k) { return static_cast<std::uint16_t>(static_cast<unsigned char>(rest[static_cast<size_t>(2 * i + k)])); };
    const float value = float_from_half(static_cast<std::uint16_t>(byte(0) | (byte(1) << 8)));
    if (!std::isfinite(value)) {
      return error("the vector of ", quote(table.words[static_cast<size_t>(i / width)]), ": entry ", i % width, " is ", value,
                   ", not a finite number");
    }
    table.vectors.data()[i] = value;
  }
  return table;
}

}  // namespace embedlab
