#include "tokenizer.hpp"

#include <nlohmann/json.hpp>

namespace embedlab {

Result<TokenizerKind> parse_tokenizer_kind(std::string_view name) {
  if (name == "chars" || name == "characters") return TokenizerKind::characters;
  if (name == "words") return TokenizerKind::words;
  if (name == "gpt2") return TokenizerKind::gpt2;
  return error("tokenizer \"", name.substr(0, 20), name.size() > 20 ? "...\"" : "\"",
               " is not one of chars, words, gpt2");
}

Result<VocabularyTokenizer> VocabularyTokenizer::from_text(TokenizerKind kind, std::string_view text) {
  if (kind == TokenizerKind::gpt2) return error("GPT-2's vocabulary is not made from a text: load its merges");
  auto vocabulary = kind == TokenizerKind::words ? Vocabulary::from_words(text) : Vocabulary::from_characters(text);
  if (!vocabulary.ok()) return Error{vocabulary.message()};
  return VocabularyTokenizer(kind, std::move(vocabulary.value()));
}

Result<Ids> VocabularyTokenizer::encode(std::string_view text) const {
  return kind_ == TokenizerKind::words ? vocabulary_.encode_words(text) : vocabulary_.encode(text);
}

Result<std::string> VocabularyTokenizer::decode(const Ids& ids) const {
  return join_symbols(vocabulary_.symbols(), ids, kind_ == TokenizerKind::words ? " " : "");
}

Result<Tokens> tokenize(const Tokenizer& tokenizer, std::string_view text) {
  auto ids = tokenizer.encode(text);
  if (!ids.ok()) return Error{ids.message()};
  Tokens tokens{{}, std::move(ids.value()), tokenizer.vocabulary_size()};
  for (Id id : tokens.ids) tokens.symbols.push_back(tokenizer.symbol(id).value());  // encode's ids are in range
  return tokens;
}

std::string to_json(const Tokens& tokens) {
  // Pieces in this order (a JSON object of the library would sort its keys).
  return "{\"tokens\":" + nlohmann::json(tokens.symbols).dump() + ",\"ids\":" + nlohmann::json(tokens.ids).dump() +
         ",\"vocabulary_size\":" + std::to_string(tokens.vocabulary_size) + "}";
}

}  // namespace embedlab
