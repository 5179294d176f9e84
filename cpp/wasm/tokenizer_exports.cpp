// The WebAssembly interface of the tokenizers: GPT-2's merges, loaded once when the page first
// needs them, and one call that cuts a text into tokens with any of the three tokenizers.
#include <emscripten/emscripten.h>

#include <memory>

#include "bpe.hpp"
#include "handles.hpp"
#include "tokenizer.hpp"

using namespace embedlab;
using namespace embedlab::wasm;

namespace {

std::unique_ptr<BytePairEncoding> gpt2;  // null until el_gpt2_load succeeds

}  // namespace

extern "C" {

// Loads GPT-2's tokenizer from its merges file (text, length bytes, as scripts/gpt2_bpe.mjs
// writes it). Returns a status; a tokenizer loaded before stays on failure.
EMSCRIPTEN_KEEPALIVE int el_gpt2_load(const char* text, int length) {
  return guarded(failed, [&] {
    auto bpe = BytePairEncoding::from_merges(to_text(text, length));
    if (!bpe.ok()) return fail(bpe.message());
    gpt2 = std::make_unique<BytePairEncoding>(std::move(bpe.value()));
    return ok;
  });
}

// The tokens of a UTF-8 text (length bytes) as JSON, {"tokens": [...], "ids": [...],
// "vocabulary_size": V}, or null with its error. kind: "chars", "words" or "gpt2" (loaded first
// with el_gpt2_load); chars and words number the text's own symbols.
EMSCRIPTEN_KEEPALIVE const char* el_tokenize(const char* kind, const char* text, int length) {
  return guarded<const char*>(nullptr, [&]() -> const char* {
    auto parsed = parse_tokenizer_kind(kind);
    if (!parsed.ok()) return fail_with<const char*>(nullptr, parsed.message());
    Result<Tokens> tokens = Error{};
    if (parsed.value() == TokenizerKind::gpt2) {
      if (!gpt2) return fail_with<const char*>(nullptr, "GPT-2's tokenizer is not loaded yet");
      tokens = tokenize(*gpt2, to_text(text, length));
    } else {
      auto vocabulary = VocabularyTokenizer::from_text(parsed.value(), to_text(text, length));
      if (!vocabulary.ok()) return fail_with<const char*>(nullptr, vocabulary.message());
      tokens = tokenize(vocabulary.value(), to_text(text, length));
    }
    if (!tokens.ok()) return fail_with<const char*>(nullptr, tokens.message());
    return keep_text(to_json(tokens.value()));
  });
}

}  // extern "C"
