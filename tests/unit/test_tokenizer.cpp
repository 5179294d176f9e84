// The tokenizer interface over characters and words, and the command line's JSON of tokens.
#include "tokenizer.hpp"

#include "check.hpp"

using namespace embedlab;
using namespace embedlab::testing;

TEST_CASE("tokenizer names are chars, characters, words and gpt2") {
  CHECK(expect_ok(parse_tokenizer_kind("chars")) == TokenizerKind::characters);
  CHECK(expect_ok(parse_tokenizer_kind("characters")) == TokenizerKind::characters);
  CHECK(expect_ok(parse_tokenizer_kind("words")) == TokenizerKind::words);
  CHECK(expect_ok(parse_tokenizer_kind("gpt2")) == TokenizerKind::gpt2);
}

TEST_CASE("an unknown tokenizer name is an error quoting a short prefix of it") {
  const auto kind = parse_tokenizer_kind("sentencepiece-unigram-32k");
  REQUIRE_FALSE(kind.ok());
  CHECK(kind.message() == "tokenizer \"sentencepiece-unigra...\" is not one of chars, words, gpt2");
}

TEST_CASE("the character tokenizer numbers the text's code points in sorted order") {
  const auto chars = expect_ok(VocabularyTokenizer::from_text(TokenizerKind::characters, "Hello"));
  // sorted: H (U+0048) e (U+0065) l (U+006C) o (U+006F)
  CHECK(expect_ok(chars.encode("Hello")) == Ids{0, 1, 2, 2, 3});
  CHECK(chars.vocabulary_size() == 4);
  CHECK(expect_ok(chars.decode({3, 2})) == "ol");
}

TEST_CASE("the word tokenizer numbers words by first appearance and decodes with single spaces") {
  const auto words = expect_ok(VocabularyTokenizer::from_text(TokenizerKind::words, "Hello  world Hello"));
  CHECK(words.kind() == TokenizerKind::words);
  CHECK(expect_ok(words.encode("Hello  world Hello")) == Ids{0, 1, 0});
  CHECK(expect_ok(words.decode({0, 1, 0})) == "Hello world Hello");
}

TEST_CASE("a vocabulary tokenizer of GPT-2's kind is an error: GPT-2 is not made from a text") {
  const auto gpt2 = VocabularyTokenizer::from_text(TokenizerKind::gpt2, "Hello");
  REQUIRE_FALSE(gpt2.ok());
  CHECK(gpt2.message() == "GPT-2's vocabulary is not made from a text: load its merges");
}

TEST_CASE("tokens print as JSON with each token's text and id, and the vocabulary's size") {
  const auto words = expect_ok(VocabularyTokenizer::from_text(TokenizerKind::words, "to be or not to be"));
  const auto tokens = expect_ok(tokenize(words, "to be or not to be"));
  CHECK(to_json(tokens) == R"({"tokens":["to","be","or","not","to","be"],"ids":[0,1,2,3,0,1],"vocabulary_size":4})");
}
