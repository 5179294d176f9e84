// GPT-2's byte-level BPE: the pre-split pattern, the printable alphabet, the merges file, and the
// ids against a reference implementation (tests/golden/gpt2_tokens.json, from js-tiktoken).
#include "bpe.hpp"

#include <fstream>
#include <sstream>

#include "check.hpp"
#include "fixture.hpp"
#include "utf8.hpp"

using namespace embedlab;
using namespace embedlab::testing;

namespace {

// GPT-2's tokenizer, read once from the merges file the build makes.
const BytePairEncoding& gpt2() {
  static const BytePairEncoding bpe = [] {
    std::ifstream file(EMBEDLAB_GPT2_MERGES, std::ios::binary);
    REQUIRE_MESSAGE(file.good(), "cannot open " << EMBEDLAB_GPT2_MERGES);
    std::ostringstream text;
    text << file.rdbuf();
    return expect_ok(BytePairEncoding::from_merges(text.str()));
  }();
  return bpe;
}

std::vector<std::string> pieces(std::string_view text) {
  const auto split = expect_ok(gpt2_pre_split(text));
  return {split.begin(), split.end()};
}

// A random valid UTF-8 text of up to 40 code points: mostly ASCII (spaces, letters, digits,
// punctuation, line breaks), some 2-, 3- and 4-byte characters, never a surrogate.
std::string random_text(Rng& rng) {
  std::string text;
  const std::uint32_t length = expect_ok(rng.below(41));
  for (std::uint32_t i = 0; i < length; ++i) {
    const std::uint32_t width = expect_ok(rng.below(8));
    char32_t point = width < 5 ? 0x09 + expect_ok(rng.below(0x80 - 0x09))        // ASCII
                     : width == 5 ? 0x80 + expect_ok(rng.below(0x800 - 0x80))     // 2 bytes
                     : width == 6 ? 0x800 + expect_ok(rng.below(0x10000 - 0x800)) // 3 bytes
                                  : 0x10000 + expect_ok(rng.below(0x110000 - 0x10000));
    if (point >= 0xD800 && point <= 0xDFFF) point = U'x';
    text += encode_utf8(point);
  }
  return text;
}

// The error of reading a merges file the test expects to be refused.
std::string merges_error(std::string_view text) {
  const auto bpe = BytePairEncoding::from_merges(text);
  REQUIRE_FALSE(bpe.ok());
  return bpe.message();
}

}  // namespace

TEST_CASE("GPT-2's vocabulary has 50,257 tokens: 256 bytes, 50,000 merges and <|endoftext|>") {
  CHECK(gpt2().vocabulary_size() == 50257);
  CHECK(gpt2().merge_count() == 50000);
  CHECK(expect_ok(gpt2().symbol(50256)) == "<|endoftext|>");
}

TEST_CASE("Hello world is the two GPT-2 tokens 15496 and 995, the second with its leading space") {
  CHECK(expect_ok(gpt2().encode("Hello world")) == Ids{15496, 995});
  CHECK(expect_ok(gpt2().symbol(995)) == " world");
}

TEST_CASE("the ids equal the reference implementation's on every text of the fixture") {
  const auto fixture = read_fixture("gpt2_tokens.json", "embedlab gpt2 tokens");
  size_t equal = 0;
  for (const auto& example : fixture.at("cases")) {
    const std::string text = example.at("text");
    const Ids ids = expect_ok(gpt2().encode(text));
    const Ids expected = example.at("ids").get<Ids>();
    CHECK_MESSAGE(ids == expected, "text \"" << text << "\"");
    equal += ids == expected ? 1 : 0;
  }
  MESSAGE(equal << " of " << fixture.at("cases").size() << " texts have the reference's ids");
  CHECK(fixture.at("cases").size() >= 300);
}

TEST_CASE("<|endoftext|> in a text is plain text, never the special id 50256") {
  const Ids ids = expect_ok(gpt2().encode("<|endoftext|>"));
  CHECK(ids == Ids{27, 91, 437, 1659, 5239, 91, 29});  // < | end of text | >
}

TEST_CASE("the empty text has no tokens") { CHECK(expect_ok(gpt2().encode("")).empty()); }

TEST_CASE("decoding the ids of any valid UTF-8 text gives the text back") {
  Rng rng(14);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::string text = random_text(rng);
    CHECK(expect_ok(gpt2().decode(expect_ok(gpt2().encode(text)))) == text);
  }
}

TEST_CASE("invalid UTF-8 is an error naming its byte offset") {
  const auto ids = gpt2().encode("ok \xC3(");
  REQUIRE_FALSE(ids.ok());
  CHECK(ids.message() == "invalid UTF-8 at byte offset 3 (byte 0xC3)");
}

TEST_CASE("an emoji can take several tokens, and one of them alone shows its bytes as \\x escapes") {
  const Ids ids = expect_ok(gpt2().encode("😀"));  // F0 9F 98 80
  REQUIRE(ids.size() == 2);
  CHECK(expect_ok(gpt2().symbol(ids[0])) == "\\xF0\\x9F\\x98");
  CHECK(expect_ok(gpt2().symbol(ids[1])) == "\\x80");
}

TEST_CASE("decoding part of a character is an error, since its bytes are not text") {
  const Ids ids = expect_ok(gpt2().encode("😀"));
  const auto text = gpt2().decode({ids[0]});
  REQUIRE_FALSE(text.ok());
  CHECK(text.message() == "the ids' bytes are not text: invalid UTF-8 at byte offset 0 (byte 0xF0)");
}

TEST_CASE("decoding an id outside the vocabulary is an error naming it and its position") {
  const auto text = gpt2().decode({15496, 50257});
  REQUIRE_FALSE(text.ok());
  CHECK(text.message() == "position 1: id 50257 is out of range for a vocabulary of 50257");
}

TEST_CASE("the pre-split keeps a leading space with the word, number or punctuation after it") {
  CHECK(pieces("Hello world 42 !!") == std::vector<std::string>{"Hello", " world", " 42", " !!"});
}

TEST_CASE("the pre-split cuts contractions, letters from digits, and a space run before a word") {
  // "   x": the run without its last space, then " x"; "\n\n" at the end: one piece.
  CHECK(pieces("we'll x2   x\n\n") == std::vector<std::string>{"we", "'ll", " x", "2", "  ", " x", "\n\n"});
}

TEST_CASE("the pre-split takes letters of any script as letters and an ideographic space as space") {
  CHECK(pieces("日本\u3000Ζ") == std::vector<std::string>{"日本", "\u3000", "Ζ"});
}

TEST_CASE("byte ids follow GPT-2's printable alphabet: '!' is 0, and a space, shown as 'Ġ', is 220") {
  // The 94 bytes '!'..'~' are ids 0..93, then '¡'..'¬' and '®'..'ÿ' (ids up to 187); the other
  // 68 bytes follow in byte order: 0x00 is 188, ..., 0x20 (the 33rd) is 188 + 32 = 220.
  CHECK(expect_ok(gpt2().encode("!")) == Ids{0});
  CHECK(expect_ok(gpt2().encode("~")) == Ids{93});
  CHECK(expect_ok(gpt2().encode(std::string(1, '\0'))) == Ids{188});
  CHECK(expect_ok(gpt2().encode(" ")) == Ids{220});
}

TEST_CASE("a merges file without its header line is an error saying what it is not") {
  CHECK(merges_error("220 83\n") == "not a GPT-2 merges file: its first line is not \"#embedlab gpt2 merges 1\"");
}

TEST_CASE("a merge that names an id not made yet is an error naming its line") {
  CHECK(merges_error("#embedlab gpt2 merges 1\n220 83\n256 257\n") == "merges file, line 3: \"256 257\" is not two ids below 257 separated by a space");
}

TEST_CASE("a merges file with a line that is not two numbers is an error quoting the line") {
  CHECK(merges_error("#embedlab gpt2 merges 1\nĠ t\n") == "merges file, line 2: \"Ġ t\" is not two ids below 256 separated by a space");
}

TEST_CASE("a pair merged twice is an error naming it") {
  CHECK(merges_error("#embedlab gpt2 merges 1\n220 83\n220 83\n") == "merges file, line 3: the pair 220 83 is merged twice");
}
