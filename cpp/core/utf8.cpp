#include "utf8.hpp"

#include <utf8.h>

#include <cstdio>
#include <iterator>

namespace embedlab {

Result<std::u32string> decode_utf8(std::string_view text) {
  const auto invalid = utf8::find_invalid(text.begin(), text.end());
  if (invalid != text.end()) {
    const auto offset = invalid - text.begin();
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(*invalid));
    return error("invalid UTF-8 at byte offset ", offset, " (byte ", byte, ")");
  }
  std::u32string code_points;
  utf8::unchecked::utf8to32(text.begin(), text.end(), std::back_inserter(code_points));
  return code_points;
}

std::string encode_utf8(char32_t code_point) {
  std::string bytes;
  utf8::unchecked::append(static_cast<utf8::uint32_t>(code_point), std::back_inserter(bytes));
  return bytes;
}

std::string describe(char32_t code_point) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
  const bool printable = code_point >= 0x20 && code_point != 0x7F;
  return printable ? "'" + encode_utf8(code_point) + "' (" + hex + ")" : std::string(hex);
}

namespace {

// One code point as clip() writes it: itself, or an escape.
std::string escaped(char32_t point) {
  switch (point) {
    case U'\n': return "\\n";
    case U'\r': return "\\r";
    case U'\t': return "\\t";
    case U'"': return "\\\"";
    case U'\\': return "\\\\";
    default: break;
  }
  if (point >= 0x20 && point != 0x7F) return encode_utf8(point);
  char hex[8];
  std::snprintf(hex, sizeof hex, "\\u%04X", static_cast<unsigned>(point));
  return hex;
}

}  // namespace

std::string clip(std::string_view text, std::size_t max_chars) {
  std::string shown;
  std::size_t chars = 0;
  auto it = text.begin();
  while (it != text.end()) {
    std::string piece;
    const auto start = it;
    utf8::uint32_t point = 0;  // utfcpp's non-throwing step (its public next() throws)
    if (utf8::internal::validate_next(it, text.end(), point) == utf8::internal::UTF8_OK) {
      piece = escaped(point);
    } else {  // one byte that does not start valid UTF-8
      it = start + 1;
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(*start));
      piece = hex;
    }
    const std::size_t piece_chars = piece.size() == 1 || piece[0] == '\\' ? piece.size() : 1;
    if (chars + piece_chars > max_chars) return shown + "…";
    shown += piece;
    chars += piece_chars;
  }
  return shown;
}

std::string quote(std::string_view text, std::size_t max_chars) { return "\"" + clip(text, max_chars) + "\""; }

}  // namespace embedlab
