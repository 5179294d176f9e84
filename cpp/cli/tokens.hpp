// embedlab tokens: a text cut into tokens by one of the core's tokenizers, printed as
// {"tokens": [...], "ids": [...], "vocabulary_size": V}.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "status.hpp"

namespace embedlab::cli {

struct TokensOptions {
  std::string tokenizer = "gpt2";  // chars, words or gpt2
  std::string text;
  std::string merges = EMBEDLAB_GPT2_MERGES;  // GPT-2's merges file (scripts/gpt2_bpe.mjs writes it)
};

Status print_tokens(const TokensOptions& options);

// Adds the "tokens" subcommand to app, reading its options into `options`.
CLI::App* add_tokens_command(CLI::App& app, TokensOptions& options);

}  // namespace embedlab::cli
