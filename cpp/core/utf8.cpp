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

}  // namespace embedlab
