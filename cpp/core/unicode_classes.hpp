// The Unicode classes that GPT-2's pre-split pattern tells apart: letters (\p{L}), numbers
// (\p{N}), white space (\s, Unicode's White_Space property) and everything else.
#pragma once

namespace embedlab {

enum class CharClass { letter, number, space, other };

// The class of a code point, from a table generated from Unicode's data
// (scripts/make_unicode_classes.mjs writes unicode_classes.inc).
CharClass char_class(char32_t code_point);

}  // namespace embedlab
