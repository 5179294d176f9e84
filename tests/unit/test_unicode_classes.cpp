// The Unicode classes of GPT-2's pre-split pattern.
#include "unicode_classes.hpp"

#include <doctest/doctest.h>

using namespace embedlab;

TEST_CASE("letters of every script are letters") {
  CHECK(char_class(U'a') == CharClass::letter);
  CHECK(char_class(U'É') == CharClass::letter);
  CHECK(char_class(U'Ж') == CharClass::letter);
  CHECK(char_class(U'日') == CharClass::letter);
}

TEST_CASE("digits, Roman numerals and fractions are numbers") {
  CHECK(char_class(U'7') == CharClass::number);
  CHECK(char_class(U'Ⅻ') == CharClass::number);  // U+216B, a letter-like number (Nl)
  CHECK(char_class(U'½') == CharClass::number);  // U+00BD (No)
  CHECK(char_class(U'٣') == CharClass::number);  // Arabic-Indic three (Nd)
}

TEST_CASE("Unicode white space is space, the zero-width no-break space is not") {
  CHECK(char_class(U' ') == CharClass::space);
  CHECK(char_class(U'\n') == CharClass::space);
  CHECK(char_class(U'\u00A0') == CharClass::space);  // no-break space
  CHECK(char_class(U'\u3000') == CharClass::space);  // ideographic space
  CHECK(char_class(U'\uFEFF') == CharClass::other);
}

TEST_CASE("punctuation, symbols, emoji and the last code point are other") {
  CHECK(char_class(U'!') == CharClass::other);
  CHECK(char_class(U'€') == CharClass::other);
  CHECK(char_class(U'😀') == CharClass::other);
  CHECK(char_class(U'\U0010FFFF') == CharClass::other);
}
