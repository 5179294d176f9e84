#include "vocab.hpp"

#include <algorithm>
#include <set>

#include "utf8.hpp"

namespace embedlab {

Vocabulary::Vocabulary(std::vector<std::string> symbols) : symbols_(std::move(symbols)) {
  for (size_t id = 0; id < symbols_.size(); ++id) ids_.emplace(symbols_[id], static_cast<Id>(id));
}

Result<Vocabulary> Vocabulary::from_text(std::string_view text, std::string_view boundary) {
  auto boundary_points = decode_utf8(boundary);
  if (!boundary_points.ok()) return error("boundary symbol: ", boundary_points.message());
  if (boundary_points.value().size() != 1) {
    return error("boundary symbol ", quote(boundary), " must be exactly one character");
  }
  const char32_t boundary_point = boundary_points.value().front();
  if (boundary_point == U'\n' || boundary_point == U'\r') {
    return error("boundary symbol ", describe(boundary_point), " is a line break");
  }
  auto points = decode_utf8(text);
  if (!points.ok()) return Error{points.message()};

  std::set<char32_t> distinct;  // sorted by code point
  size_t offset = 0;            // byte offset of the current code point in text
  for (char32_t point : points.value()) {
    if (point == boundary_point) {
      return error("the boundary symbol ", describe(point), " occurs in the text at byte offset ",
                   offset, ": it marks where every line starts and ends, so remove it from the text ",
                   "or replace it");
    }
    if (point != U'\n' && point != U'\r') distinct.insert(point);
    offset += encode_utf8(point).size();
  }
  if (distinct.empty()) return error("the text has no symbols: every line is empty");

  std::vector<std::string> symbols{encode_utf8(boundary_point)};
  for (char32_t point : distinct) symbols.push_back(encode_utf8(point));
  return Vocabulary(std::move(symbols));
}

Result<Vocabulary> Vocabulary::from_characters(std::string_view text) {
  auto points = decode_utf8(text);
  if (!points.ok()) return Error{points.message()};
  if (points.value().empty()) return error("the text is empty: there are no characters");
  const std::set<char32_t> distinct(points.value().begin(), points.value().end());  // sorted
  std::vector<std::string> symbols;
  for (char32_t point : distinct) symbols.push_back(encode_utf8(point));
  return Vocabulary(std::move(symbols));
}

namespace {
constexpr std::string_view ascii_white_space = " \t\n\r\f\v";
}  // namespace

Result<std::vector<std::string>> split_words(std::string_view text) {
  if (auto points = decode_utf8(text); !points.ok()) return Error{points.message()};
  std::vector<std::string> words;
  size_t start = 0;
  while ((start = text.find_first_not_of(ascii_white_space, start)) != std::string_view::npos) {
    const size_t end = std::min(text.find_first_of(ascii_white_space, start), text.size());
    words.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

Result<Vocabulary> Vocabulary::from_words(std::string_view text) {
  auto words = split_words(text);
  if (!words.ok()) return Error{words.message()};
  if (words.value().empty()) return error("the text has no words");
  std::vector<std::string> symbols;
  std::set<std::string, std::less<>> seen;
  for (std::string& word : words.value()) {
    if (seen.insert(word).second) symbols.push_back(std::move(word));
  }
  return Vocabulary(std::move(symbols));
}

Result<Vocabulary> Vocabulary::from_symbols(std::vector<std::string> symbols) {
  if (symbols.empty()) return error("a vocabulary needs at least one symbol");
  std::map<std::string_view, size_t> seen;  // symbol -> first id
  for (size_t id = 0; id < symbols.size(); ++id) {
    if (symbols[id].empty()) return error("symbol at id ", id, " is empty");
    if (auto points = decode_utf8(symbols[id]); !points.ok()) {
      return error("symbol at id ", id, ": ", points.message());
    }
    auto [first, inserted] = seen.emplace(symbols[id], id);
    if (!inserted) {
      return error("symbol ", quote(symbols[id]), " appears twice, at ids ", first->second, " and ", id);
    }
  }
  return Vocabulary(std::move(symbols));
}

Result<std::string> Vocabulary::symbol(Id id) const {
  if (Status s = check_id(id, size()); !s.ok()) return Error{s.message()};
  return symbols_[static_cast<size_t>(id)];
}

std::optional<Id> Vocabulary::find(std::string_view symbol) const {
  auto found = ids_.find(symbol);
  if (found == ids_.end()) return std::nullopt;
  return found->second;
}

Result<Id> Vocabulary::id_of(std::string_view symbol) const {
  if (std::optional<Id> id = find(symbol)) return *id;
  return error("symbol ", quote(symbol), " is not in the vocabulary");
}

Result<Ids> Vocabulary::encode(std::string_view text) const {
  auto points = decode_utf8(text);
  if (!points.ok()) return Error{points.message()};
  Ids ids;
  size_t offset = 0;
  for (char32_t point : points.value()) {
    const std::string bytes = encode_utf8(point);
    auto found = ids_.find(bytes);
    if (found == ids_.end()) {
      return error("symbol ", describe(point), " at byte offset ", offset, " is not in the vocabulary");
    }
    ids.push_back(found->second);
    offset += bytes.size();
  }
  return ids;
}

Result<Ids> Vocabulary::encode_words(std::string_view text) const {
  auto words = split_words(text);
  if (!words.ok()) return Error{words.message()};
  Ids ids;
  for (const std::string& word : words.value()) {
    auto id = id_of(word);
    if (!id.ok()) return Error{id.message()};
    ids.push_back(id.value());
  }
  return ids;
}

Result<std::string> join_symbols(const std::vector<std::string>& symbols, const Ids& ids, std::string_view separator) {
  std::string text;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (Status s = check_id(ids[i], static_cast<Index>(symbols.size())); !s.ok()) return error("position ", i, ": ", s.message());
    if (i > 0) text += separator;
    text += symbols[static_cast<size_t>(ids[i])];
  }
  return text;
}

Result<std::string> Vocabulary::decode(const Ids& ids) const { return join_symbols(symbols_, ids); }

}  // namespace embedlab
