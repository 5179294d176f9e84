// The vocabulary: building it from text or from symbols, encoding and decoding.
#include "vocab.hpp"

#include "check.hpp"
#include "worked_example.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("a vocabulary from text puts the boundary at id 0 and sorts the symbols by code point") {
  const auto vocab = expect_ok(Vocabulary::from_text("emma\nolivia\nava\n"));
  CHECK(vocab.symbols() == std::vector<std::string>{".", "a", "e", "i", "l", "m", "o", "v"});
  CHECK(expect_ok(vocab.id_of("a")) == 1);
  CHECK(expect_ok(vocab.symbol(7)) == "v");
}

TEST_CASE("symbols are code points, so accented and CJK letters are one symbol each") {
  const auto vocab = expect_ok(Vocabulary::from_text("zoë\r\n日本\r\n", "#"));
  // code points: '#' first as the boundary, then o (U+006F) z (U+007A) ë (U+00EB) 日 (U+65E5) 本 (U+672C)
  CHECK(vocab.symbols() == std::vector<std::string>{"#", "o", "z", "ë", "日", "本"});
}

TEST_CASE("encode and decode undo each other") {
  const auto vocab = expect_ok(Vocabulary::from_text("emma\nolivia\nava"));
  const Ids ids = expect_ok(vocab.encode("emma."));
  CHECK(ids == Ids{2, 5, 5, 1, 0});
  CHECK(expect_ok(vocab.decode(ids)) == "emma.");
}

TEST_CASE("the worked example's explicit vocabulary @ a b c . has ids 0 to 4") {
  const auto vocab = expect_ok(Vocabulary::from_symbols(worked_vocab));
  CHECK(vocab.size() == 5);
  CHECK(expect_ok(vocab.encode("@ab")) == Ids{0, 1, 2});
  CHECK(expect_ok(vocab.id_of(".")) == 4);
}

TEST_CASE("a word-level vocabulary maps Hello and world to 0 and 1") {
  const auto vocab = expect_ok(Vocabulary::from_symbols({"Hello", "world"}));
  CHECK(expect_ok(vocab.id_of("Hello")) == 0);
  CHECK(expect_ok(vocab.id_of("world")) == 1);
  CHECK(expect_ok(vocab.decode({0, 1})) == "Helloworld");
}

TEST_CASE("invalid UTF-8 in the text is an error naming its byte offset") {
  CHECK(Vocabulary::from_text("anna\nbo\xC3(").message() == "invalid UTF-8 at byte offset 7 (byte 0xC3)");
}

TEST_CASE("the boundary symbol may not occur in the text") {
  CHECK(Vocabulary::from_text("ann.a").message() ==
        "the boundary symbol '.' (U+002E) occurs in the text at byte offset 3: it marks where "
        "every line starts and ends, so remove it from the text or replace it");
  CHECK(Vocabulary::from_text("abc", "ab").message() == "boundary symbol \"ab\" must be exactly one character");
}

TEST_CASE("text without symbols is an error") {
  CHECK(Vocabulary::from_text("\n\r\n\n").message() == "the text has no symbols: every line is empty");
}

TEST_CASE("an explicit vocabulary rejects repeated and empty symbols") {
  CHECK(Vocabulary::from_symbols({"a", "b", "a"}).message() == "symbol \"a\" appears twice, at ids 0 and 2");
  CHECK(Vocabulary::from_symbols({"a", ""}).message() == "symbol at id 1 is empty");
  CHECK(Vocabulary::from_symbols({}).message() == "a vocabulary needs at least one symbol");
}

TEST_CASE("encoding an unknown symbol and decoding an unknown id are errors naming them") {
  const auto vocab = expect_ok(Vocabulary::from_symbols(worked_vocab));
  CHECK(vocab.encode("abz").message() == "symbol 'z' (U+007A) at byte offset 2 is not in the vocabulary");
  CHECK(vocab.decode({1, 5}).message() == "position 1: id 5 is out of range for a vocabulary of 5");
  CHECK(vocab.symbol(-1).message() == "id -1 is out of range for a vocabulary of 5");
}

TEST_CASE("the characters of a sentence are a vocabulary of its distinct code points") {
  const auto vocab = expect_ok(Vocabulary::from_characters("Hello world"));
  CHECK(vocab.symbols() == std::vector<std::string>{" ", "H", "d", "e", "l", "o", "r", "w"});
  CHECK(expect_ok(vocab.encode("Hello")) == Ids{1, 3, 4, 4, 5});
  CHECK(Vocabulary::from_characters("").message() == "the text is empty: there are no characters");
}

TEST_CASE("the words of Hello world get ids 0 and 1 in order of first appearance") {
  const auto vocab = expect_ok(Vocabulary::from_words("Hello world"));
  CHECK(expect_ok(vocab.encode_words("Hello world")) == Ids{0, 1});
  const auto repeated = expect_ok(Vocabulary::from_words("  the cat\tsat on\nthe mat "));
  CHECK(repeated.symbols() == std::vector<std::string>{"the", "cat", "sat", "on", "mat"});
  CHECK(expect_ok(repeated.encode_words("the mat")) == Ids{0, 4});
  CHECK(repeated.encode_words("the dog").message() == "symbol \"dog\" is not in the vocabulary");
  CHECK(Vocabulary::from_words(" \n ").message() == "the text has no words");
}

TEST_CASE("a message quotes at most 40 characters of a symbol") {
  const auto vocab = expect_ok(Vocabulary::from_symbols({".", "a"}));
  CHECK(vocab.id_of(std::string(1000000, 'z')).message() ==
        "symbol \"" + std::string(40, 'z') + "…\" is not in the vocabulary");
  const std::string word(100000, 'w');
  CHECK(Vocabulary::from_symbols({".", word, word}).message() ==
        "symbol \"" + std::string(40, 'w') + "…\" appears twice, at ids 1 and 2");
  CHECK(Vocabulary::from_text("ab", "a\nb").message() == R"(boundary symbol "a\nb" must be exactly one character)");
}
