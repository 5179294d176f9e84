// Text in, code points out: the one place that reads UTF-8 (with the utfcpp library).
#pragma once

#include <string>
#include <string_view>

#include "status.hpp"

namespace embedlab {

// The Unicode code points of a UTF-8 text. Invalid UTF-8 (a stray continuation byte, a
// truncated or overlong sequence, a surrogate) is an error naming its byte offset.
Result<std::u32string> decode_utf8(std::string_view text);

// One code point as UTF-8.
std::string encode_utf8(char32_t code_point);

// "'a' (U+0061)": a code point as messages show it.
std::string describe(char32_t code_point);

}  // namespace embedlab
