// The vocabulary: which symbols exist and the id of each. It owns encode (text -> ids) and
// decode (ids -> text).
//
// Built from text, as makemore builds it from names.txt: each line is one example, the symbols
// are the distinct Unicode code points of the text sorted by code point, and a boundary symbol
// (default '.') that marks where an example starts and ends gets id 0.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"

namespace embedlab {

// The symbols of ids one after another, with `separator` between them; an id outside symbols is
// an error naming it and its position.
Result<std::string> join_symbols(const std::vector<std::string>& symbols, const Ids& ids, std::string_view separator = "");

// The words of a UTF-8 text, split at ASCII white space (space, tab, line breaks), which never
// occurs inside a multi-byte UTF-8 sequence. Invalid UTF-8 is an error naming its byte offset.
Result<std::vector<std::string>> split_words(std::string_view text);

class Vocabulary {
 public:
  // From text with one example per line ("\n" or "\r\n" line ends, which are not symbols). The
  // boundary must be one code point that does not occur in the text.
  static Result<Vocabulary> from_text(std::string_view text, std::string_view boundary = ".");

  // Every distinct code point of text (spaces and line breaks too), sorted by code point, with
  // no boundary symbol: the character-level vocabulary of a sentence.
  static Result<Vocabulary> from_characters(std::string_view text);

  // The words of text (split at ASCII white space) in order of first appearance:
  // "Hello world" gives Hello = 0, world = 1.
  static Result<Vocabulary> from_words(std::string_view text);

  // From symbols given in id order, e.g. {"@", "a", "b", "c", "."}: each a non-empty UTF-8
  // string (one character, or a whole word), none repeated.
  static Result<Vocabulary> from_symbols(std::vector<std::string> symbols);

  Index size() const { return static_cast<Index>(symbols_.size()); }
  const std::vector<std::string>& symbols() const { return symbols_; }
  Result<std::string> symbol(Id id) const;
  Result<Id> id_of(std::string_view symbol) const;
  std::optional<Id> find(std::string_view symbol) const;  // id_of without a message: nothing when absent

  // One id per code point of text; a code point that is not a symbol is an error naming it
  // and its byte offset.
  Result<Ids> encode(std::string_view text) const;

  // One id per word of text (split at ASCII white space); an unknown word is an error naming it.
  Result<Ids> encode_words(std::string_view text) const;

  // The symbols of ids, one after another.
  Result<std::string> decode(const Ids& ids) const;

 private:
  explicit Vocabulary(std::vector<std::string> symbols);

  std::vector<std::string> symbols_;          // id -> symbol
  std::map<std::string, Id, std::less<>> ids_;  // symbol -> id
};

}  // namespace embedlab
