#include "bpe.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "unicode_classes.hpp"
#include "utf8.hpp"

namespace embedlab {

namespace {

constexpr std::string_view merges_header = "#embedlab gpt2 merges 1";
constexpr std::string_view end_of_text = "<|endoftext|>";

// The text as code points, each with its class and the byte offset where it starts
// (offsets has one more entry: the text's length).
struct Points {
  std::u32string points;
  std::vector<CharClass> classes;
  std::vector<size_t> offsets;
};

Result<Points> classify(std::string_view text) {
  auto points = decode_utf8(text);
  if (!points.ok()) return Error{points.message()};
  Points out{std::move(points.value()), {}, {0}};
  for (char32_t point : out.points) {
    out.classes.push_back(char_class(point));
    out.offsets.push_back(out.offsets.back() + encode_utf8(point).size());
  }
  return out;
}

// The length in code points of the contraction ('s 't 're 've 'm 'll 'd) at i, or 0.
size_t contraction_at(const std::u32string& p, size_t i) {
  if (p[i] != U'\'' || i + 1 >= p.size()) return 0;
  const char32_t a = p[i + 1], b = i + 2 < p.size() ? p[i + 2] : 0;
  if ((a == U'r' && b == U'e') || (a == U'v' && b == U'e') || (a == U'l' && b == U'l')) return 3;
  return a == U's' || a == U't' || a == U'm' || a == U'd' ? 2 : 0;
}

// The end of the piece that starts at i: the first alternative of the pattern that matches there.
size_t piece_end(const Points& text, size_t i) {
  const size_t n = text.points.size();
  if (size_t length = contraction_at(text.points, i)) return i + length;
  // ' ?\p{L}+', ' ?\p{N}+', ' ?[^\s\p{L}\p{N}]+': an optional space, then a run of one class.
  const size_t start = text.points[i] == U' ' && i + 1 < n && text.classes[i + 1] != CharClass::space ? i + 1 : i;
  const CharClass run = text.classes[start];
  size_t end = start;
  if (run != CharClass::space) {
    while (end < n && text.classes[end] == run) ++end;
    return end;
  }
  // '\s+(?!\S)': white space up to, not including, the last space before a non-space; '\s+': a
  // single space before a non-space (which the next piece then takes as its leading space).
  while (end < n && text.classes[end] == CharClass::space) ++end;
  return end == n || end - i == 1 ? end : end - 1;
}

// Bytes as text to show: valid UTF-8 as it is, any other byte as \xNN.
std::string readable(std::string_view bytes) {
  std::string out;
  size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const size_t length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0;
    if (length > 0 && i + length <= bytes.size() && decode_utf8(bytes.substr(i, length)).ok()) {
      out += bytes.substr(i, length);
      i += length;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", lead);
      out += escaped;
      ++i;
    }
  }
  return out;
}

// Whether GPT-2's printable alphabet (encoder.py's bytes_to_unicode) shows `byte` as itself:
// '!'..'~', '¡'..'¬', '®'..'ÿ'. The n-th other byte is shown as U+0100 + n (a space as 'Ġ').
bool shown_as_itself(unsigned byte) { return (byte >= 0x21 && byte <= 0x7E) || (byte >= 0xA1 && byte <= 0xAC) || byte >= 0xAE; }

std::uint64_t pair_key(Id left, Id right) {
  return static_cast<std::uint64_t>(left) << 32 | static_cast<std::uint32_t>(right);
}

}  // namespace

Result<std::vector<std::string_view>> gpt2_pre_split(std::string_view text) {
  auto classified = classify(text);
  if (!classified.ok()) return Error{classified.message()};
  const Points& points = classified.value();
  std::vector<std::string_view> pieces;
  for (size_t i = 0; i < points.points.size();) {
    const size_t end = piece_end(points, i);
    pieces.push_back(text.substr(points.offsets[i], points.offsets[end] - points.offsets[i]));
    i = end;
  }
  return pieces;
}

Result<BytePairEncoding> BytePairEncoding::from_merges(std::string_view text) {
  const size_t first_end = std::min(text.find('\n'), text.size());
  if (text.substr(0, first_end) != merges_header) {
    return error("not a GPT-2 merges file: its first line is not \"", merges_header, "\"");
  }
  BytePairEncoding bpe;
  // Ids 0..255: the bytes in the order of their printable characters, which is first the bytes
  // shown as themselves, then the others (U+0100 onwards), each in byte order.
  for (bool itself : {true, false}) {
    for (unsigned byte = 0; byte < 256; ++byte) {
      if (shown_as_itself(byte) != itself) continue;
      bpe.byte_ids_[byte] = static_cast<Id>(bpe.tokens_.size());
      bpe.tokens_.emplace_back(1, static_cast<char>(byte));
    }
  }
  size_t line_number = 1, start = first_end + 1;
  for (; start < text.size(); ++line_number) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const Id next = static_cast<Id>(bpe.tokens_.size());
    Id left = -1, right = -1;
    const char* last = line.data() + line.size();
    auto [after_left, left_error] = std::from_chars(line.data(), last, left);
    auto [after_right, right_error] = after_left < last && *after_left == ' '
                                          ? std::from_chars(after_left + 1, last, right)
                                          : std::from_chars_result{after_left, std::errc::invalid_argument};
    if (left_error != std::errc() || right_error != std::errc() || after_right != last || left < 0 || right < 0 ||
        left >= next || right >= next) {
      return error("merges file, line ", line_number + 1, ": \"", line.substr(0, 20),
                   "\" is not two ids below ", next, " separated by a space");
    }
    if (!bpe.merged_.emplace(pair_key(left, right), next).second) {
      return error("merges file, line ", line_number + 1, ": the pair ", left, " ", right, " is merged twice");
    }
    bpe.tokens_.push_back(bpe.tokens_[static_cast<size_t>(left)] + bpe.tokens_[static_cast<size_t>(right)]);
  }
  bpe.tokens_.emplace_back(end_of_text);
  return bpe;
}

Result<std::string> BytePairEncoding::symbol(Id id) const {
  if (Status s = check_id(id, vocabulary_size()); !s.ok()) return Error{s.message()};
  return readable(tokens_[static_cast<size_t>(id)]);
}

void BytePairEncoding::encode_piece(std::string_view piece, Ids& out) const {
  Ids word;  // the piece's tokens, one per byte at first
  for (char byte : piece) word.push_back(byte_ids_[static_cast<unsigned char>(byte)]);
  while (word.size() > 1) {
    // The pair with the lowest rank, which is the pair whose merge has the lowest id.
    Id best = -1, left = 0, right = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      auto found = merged_.find(pair_key(word[i], word[i + 1]));
      if (found != merged_.end() && (best < 0 || found->second < best)) {
        best = found->second, left = word[i], right = word[i + 1];
      }
    }
    if (best < 0) break;
    // Merge every occurrence of that pair, left to right.
    Ids merged;
    for (size_t i = 0; i < word.size(); ++i) {
      const bool pair = i + 1 < word.size() && word[i] == left && word[i + 1] == right;
      merged.push_back(pair ? best : word[i]);
      if (pair) ++i;
    }
    word.swap(merged);
  }
  out.insert(out.end(), word.begin(), word.end());
}

Result<Ids> BytePairEncoding::encode(std::string_view text) const {
  auto pieces = gpt2_pre_split(text);
  if (!pieces.ok()) return Error{pieces.message()};
  Ids ids;
  for (std::string_view piece : pieces.value()) encode_piece(piece, ids);
  return ids;
}

Result<std::string> BytePairEncoding::decode(const Ids& ids) const {
  auto bytes = join_symbols(tokens_, ids);
  if (!bytes.ok()) return bytes;
  if (auto valid = decode_utf8(bytes.value()); !valid.ok()) return error("the ids' bytes are not text: ", valid.message());
  return bytes;
}

}  // namespace embedlab
