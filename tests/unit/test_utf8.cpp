// Decoding UTF-8 and naming the byte offset of invalid input.
#include "utf8.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("UTF-8 text decodes to its code points") {
  CHECK(expect_ok(decode_utf8("aé日😀")) == U"aé日😀");  // 1, 2, 3 and 4 bytes
  CHECK(encode_utf8(U'日') == "日");
  CHECK(describe(U'é') == "'é' (U+00E9)");
  CHECK(describe(U'\n') == "U+000A");
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset of the first bad byte") {
  CHECK(decode_utf8("ab\xFF").message() == "invalid UTF-8 at byte offset 2 (byte 0xFF)");
  CHECK(decode_utf8("a\x80z").message() == "invalid UTF-8 at byte offset 1 (byte 0x80)");         // stray continuation
  CHECK(decode_utf8("abc\xE2\x82").message() == "invalid UTF-8 at byte offset 3 (byte 0xE2)");     // truncated
  CHECK(decode_utf8("\xC0\xAF").message() == "invalid UTF-8 at byte offset 0 (byte 0xC0)");        // overlong '/'
  CHECK(decode_utf8("x\xED\xA0\x80").message() == "invalid UTF-8 at byte offset 1 (byte 0xED)");   // surrogate
  CHECK(decode_utf8("\xF4\x90\x80\x80").message() == "invalid UTF-8 at byte offset 0 (byte 0xF4)"); // > U+10FFFF
}

TEST_CASE("a short value is quoted whole") {
  CHECK(quote("emma") == "\"emma\"");
  CHECK(quote("") == "\"\"");
  CHECK(clip("日本") == "日本");
}

TEST_CASE("a quoted value stays on one line: control characters, quotes and bad bytes are escaped") {
  CHECK(quote("a\nb\tc\r") == R"("a\nb\tc\r")");
  CHECK(quote("say \"hi\" \\ bye") == R"("say \"hi\" \\ bye")");
  CHECK(quote(std::string("\x01\x7F", 2)) == R"("\u0001\u007F")");
  CHECK(quote("ab\xFF\xC3") == R"("ab\xFF\xC3")");  // a stray byte, a truncated é
}

TEST_CASE("a long value is cut to 40 characters at a character boundary and ends with an ellipsis") {
  CHECK(quote(std::string(20000000, 'a')) == "\"" + std::string(40, 'a') + "…\"");
  std::string accents;
  for (int i = 0; i < 50; ++i) accents += "é";
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "é";
  CHECK(clip(accents) == forty + "…");                       // 40 characters, 80 bytes: no é cut in half
  CHECK(clip(std::string(30, '\n'), 10) == R"(\n\n\n\n\n…)");  // an escape counts as the characters it shows
  CHECK(clip(std::string(41, 'a')) == std::string(40, 'a') + "…");
  CHECK(clip(std::string(40, 'a')) == std::string(40, 'a'));
}
