// Reading GloVe files: float16 numbers, the layout of scripts/glove.mjs, and every way a file can
// be wrong named in the message.
#include "glove_file.hpp"

#include <cmath>
#include <string>

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {

// The bytes of a file with the given words line and words, then `numbers` as float16 bits.
std::string glove_bytes(const std::string& sizes, const std::string& words, std::initializer_list<std::uint16_t> numbers) {
  std::string file = "embedlab glove 1\n" + sizes + "\n" + words;
  for (std::uint16_t half : numbers) {
    file += static_cast<char>(half & 0xff);  // little-endian: low byte first
    file += static_cast<char>(half >> 8);
  }
  return file;
}

}  // namespace

TEST_CASE("float16 numbers read as their values") {
  CHECK(float_from_half(0x3c00) == 1.0f);             // exponent 15: 1.0 x 2^0
  CHECK(float_from_half(0xc000) == -2.0f);            // sign, exponent 16
  CHECK(float_from_half(0x3555) == 1365.0f / 4096);   // (1 + 341/1024) x 2^(13-15) = 0.333252
  CHECK(float_from_half(0x7bff) == 65504.0f);         // the largest float16
  CHECK(float_from_half(0x0001) == std::ldexp(1.0f, -24));  // the smallest subnormal
  CHECK(float_from_half(0x8000) == 0.0f);
  CHECK(std::isinf(float_from_half(0x7c00)));
  CHECK(std::isnan(float_from_half(0x7e00)));
}

TEST_CASE("a GloVe file reads into its words and vectors, row by row") {
  const auto table = expect_ok(read_glove(glove_bytes("words 2 width 2", "cat\ndog\n", {0x3c00, 0xc000, 0x3800, 0x0000})));
  CHECK(table.words == std::vector<std::string>{"cat", "dog"});
  Matrix<float> expected(2, 2);
  expected << 1.0f, -2.0f, 0.5f, 0.0f;
  CHECK(table.vectors == expected);
}

TEST_CASE("a file that is not a GloVe file is named by its first line") {
  CHECK(read_glove("{\"format\": \"embedlab-mlp\"}").message() ==
        R"(not a GloVe file of Embedding Lab: it must start with the line "embedlab glove 1", not "{\"format\": \"embedlab-mlp\"}")");
}

TEST_CASE("a sizes line that is not words V width d is quoted") {
  CHECK(read_glove(glove_bytes("words two width 2", "", {})).message() ==
        R"(the second line must be "words V width d", not "words two width 2")");
  CHECK(read_glove(glove_bytes("words 2 width 2 ", "", {})).message() ==
        R"(the second line must be "words V width d", not "words 2 width 2 ")");
  CHECK(read_glove("embedlab glove 1\nwords 2").message() == "the file ends before its second line, \"words V width d\"");
}

TEST_CASE("sizes out of range are named") {
  CHECK(read_glove(glove_bytes("words 0 width 2", "", {})).message() == "the file must hold at least one word, not 0");
  CHECK(read_glove(glove_bytes("words 1 width 0", "", {})).message() ==
        "vector width 0 is out of range: it must be from 1 to 1024");
  // 10^15 words cannot fit in 6 bytes: refused before any memory is taken for them.
  CHECK(read_glove(glove_bytes("words 1000000000000000 width 2", "cat\n", {0, 0})).message() ==
        "the file says it holds 1000000000000000 words of width 2 but has only 8 bytes left for them");
}

TEST_CASE("a repeated, empty or spaced word is named with its place") {
  CHECK(read_glove(glove_bytes("words 2 width 1", "cat\ncat\n", {0, 0})).message() == R"(word 2 "cat" is repeated)");
  CHECK(read_glove(glove_bytes("words 2 width 1", "cat\n\n", {0, 0})).message() == "word 2 is empty");
  CHECK(read_glove(glove_bytes("words 2 width 1", "a cat\ndog\n", {0, 0})).message() ==
        R"(word 1 "a cat" holds a space or a control character)");
  CHECK(read_glove(glove_bytes("words 2 width 1", "cat\nd\xC3g\n", {0, 0})).message() ==
        "word 2: invalid UTF-8 at byte offset 1 (byte 0xC3)");
}

TEST_CASE("missing or extra bytes of the vectors are counted") {
  CHECK(read_glove(glove_bytes("words 2 width 2", "cat\ndog\n", {0, 0, 0})).message() ==
        "the 2 vectors of width 2 take 8 bytes but the file has 6 after the words");
  CHECK(read_glove(glove_bytes("words 2 width 2", "cat\ndog\n", {0, 0, 0, 0, 0})).message() ==
        "the 2 vectors of width 2 take 8 bytes but the file has 10 after the words");
  CHECK(read_glove(glove_bytes("words 3 width 1", "cat\ndog\n", {0, 0})).message() == "the file ends after 2 of its 3 words");
}

TEST_CASE("a number that is not finite is named by its word and entry") {
  CHECK(read_glove(glove_bytes("words 2 width 2", "cat\ndog\n", {0, 0, 0x3c00, 0x7c00})).message() ==
        R"(the vector of "dog": entry 1 is inf, not a finite number)");
  CHECK(read_glove(glove_bytes("words 1 width 1", "cat\n", {0x7e00})).message() ==
        R"(the vector of "cat": entry 0 is nan, not a finite number)");
}
