// Text in, code points out: the one place that reads UTF-8 (with the utfcpp library).
#pragma once

#include <string>
#include <string_view>

#include "limits.hpp"
#include "status.hpp"

namespace embedlab {

// The Unicode code points of a UTF-8 text. Invalid UTF-8 (a stray continuation byte, a
// truncated or overlong sequence, a surrogate) is an error naming its byte offset.
Result<std::u32string> decode_utf8(std::string_view text);

// One code point as UTF-8.
std::string encode_utf8(char32_t code_point);

// "'a' (U+0061)": a code point as messages show it.
std::string describe(char32_t code_point);

// A piece of input as a message quotes it: at most max_chars characters of it on one line.
// Control characters, quotes and backslashes are escaped (\n, \", \\, \u0001), bytes that
// are not UTF-8 are written \xFF, and a longer text is cut at a character boundary and ends with
// "…". clip("a\nb") is a\nb; quote() adds the double quotes: "a\nb".
std::string clip(std::string_view text, std::size_t max_chars = max_quoted_chars);
std::string quote(std::string_view text, std::size_t max_chars = max_quoted_chars);

}  // namespace embedlab
