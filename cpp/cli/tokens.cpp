#include "tokens.hpp"

#include <iostream>

#include "bpe.hpp"
#include "files.hpp"
#include "limits.hpp"
#include "tokenizer.hpp"

namespace embedlab::cli {

Status print_tokens(const TokensOptions& options) {
  auto kind = parse_tokenizer_kind(options.tokenizer);
  if (!kind.ok()) return kind.status();
  Result<Tokens> tokens = Error{};
  if (kind.value() == TokenizerKind::gpt2) {
    auto merges = read_file(options.merges, max_text_bytes, "a merges file");
    if (!merges.ok()) return merges.status();
    auto bpe = BytePairEncoding::from_merges(merges.value());
    if (!bpe.ok()) return error(shown(options.merges), ": ", bpe.message());
    tokens = tokenize(bpe.value(), options.text);
  } else {
    auto vocabulary = VocabularyTokenizer::from_text(kind.value(), options.text);
    if (!vocabulary.ok()) return vocabulary.status();
    tokens = tokenize(vocabulary.value(), options.text);
  }
  if (!tokens.ok()) return tokens.status();
  std::cout << to_json(tokens.value()) << '\n';
  return {};
}

CLI::App* add_tokens_command(CLI::App& app, TokensOptions& options) {
  CLI::App* command = app.add_subcommand("tokens", "print a text's tokens and ids as JSON");
  command->add_option("--tokenizer", options.tokenizer, "chars, words or gpt2 (GPT-2's byte-level BPE)")->capture_default_str();
  command->add_option("--text", options.text, "the text (UTF-8)")->required();
  command->add_option("--bpe", options.merges, "GPT-2's merges file, for --tokenizer gpt2")->capture_default_str();
  return command;
}

}  // namespace embedlab::cli
