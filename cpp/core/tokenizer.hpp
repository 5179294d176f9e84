// Tokenizers: how text becomes ids and ids become text again. Three kinds answer the same
// questions (kind, vocabulary size, the symbol of an id, encode, decode):
//   characters  one token per code point, numbered in the sorted order of the text's own
//               characters (Vocabulary::from_characters);
//   words       one token per word, split at white space, numbered in order of first appearance
//               (Vocabulary::from_words);
//   gpt2        GPT-2's byte-level BPE (bpe.hpp): a fixed vocabulary of 50,257 tokens, words,
//               parts of words and common character combinations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"
#include "vocab.hpp"

namespace embedlab {

enum class TokenizerKind { characters, words, gpt2 };

// "chars" (or "characters"), "words" or "gpt2"; anything else is an error naming it.
Result<TokenizerKind> parse_tokenizer_kind(std::string_view name);

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  virtual TokenizerKind kind() const = 0;
  virtual Index vocabulary_size() const = 0;

  // The text that token `id` stands for, to show (a leading space kept as a space).
  virtual Result<std::string> symbol(Id id) const = 0;

  // The ids of a UTF-8 text; invalid UTF-8 is an error naming its byte offset.
  virtual Result<Ids> encode(std::string_view text) const = 0;

  // The text of ids.
  virtual Result<std::string> decode(const Ids& ids) const = 0;
};

// Characters or words, with a vocabulary made from the very text they will encode (so every
// symbol of it is known), as the section "From text to tensor" numbers them.
class VocabularyTokenizer : public Tokenizer {
 public:
  // kind is characters or words; text has at least one character (or word).
  static Result<VocabularyTokenizer> from_text(TokenizerKind kind, std::string_view text);

  TokenizerKind kind() const override { return kind_; }
  Index vocabulary_size() const override { return vocabulary_.size(); }
  Result<std::string> symbol(Id id) const override { return vocabulary_.symbol(id); }
  Result<Ids> encode(std::string_view text) const override;
  // Characters one after another; words with one space between them (the text's own spacing is
  // not part of its tokens).
  Result<std::string> decode(const Ids& ids) const override;

 private:
  VocabularyTokenizer(TokenizerKind kind, Vocabulary vocabulary) : kind_(kind), vocabulary_(std::move(vocabulary)) {}

  TokenizerKind kind_;
  Vocabulary vocabulary_;
};

// A text cut into tokens: the symbol and the id of each, in order, and the size of the
// vocabulary the ids index.
struct Tokens {
  std::vector<std::string> symbols;
  Ids ids;
  Index vocabulary_size = 0;
};

Result<Tokens> tokenize(const Tokenizer& tokenizer, std::string_view text);

// {"tokens": [...], "ids": [...], "vocabulary_size": V}, as the command line prints it.
std::string to_json(const Tokens& tokens);

}  // namespace embedlab
