// GPT-2's tokenizer: byte-level byte-pair encoding (Radford et al. 2019, "Language Models are
// Unsupervised Multitask Learners", section 2.2; OpenAI's encoder.py), exactly as GPT-2 does it:
//   1. pre-split the text with GPT-2's pattern
//        's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//      so that a merge never crosses from a word into a number, a space run or punctuation;
//   2. write each piece as its UTF-8 bytes, one token per byte (256 of them);
//   3. merge the adjacent pair of tokens with the lowest merge rank, again and again, until no
//      pair of the piece has a merge: what is left are its tokens.
// Ids: the 256 bytes in the order of GPT-2's printable alphabet (byte b is shown as a printable
// character, e.g. a space as 'Ġ', and ids follow those characters' order), then merge r makes
// id 256 + r, then <|endoftext|> (50,256 in GPT-2). Text that spells <|endoftext|> is encoded as
// plain text, like any other text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"
#include "tokenizer.hpp"

namespace embedlab {

// The pieces of a UTF-8 text by GPT-2's pre-split pattern (step 1 above), in order; they join
// back to the text. Invalid UTF-8 is an error naming its byte offset.
Result<std::vector<std::string_view>> gpt2_pre_split(std::string_view text);

class BytePairEncoding : public Tokenizer {
 public:
  // From the merges file that scripts/gpt2_bpe.mjs writes: the line "#embedlab gpt2 merges 1",
  // then one merge per line, "left right": the ids of the two tokens merge r joins (both below
  // 256 + r). A malformed line is an error naming its line number.
  static Result<BytePairEncoding> from_merges(std::string_view text);

  TokenizerKind kind() const override { return TokenizerKind::gpt2; }
  Index vocabulary_size() const override { return static_cast<Index>(tokens_.size()); }
  // The token's text; a byte that is only part of a character (an emoji split in two tokens) is
  // written \xF0, since it is not text on its own.
  Result<std::string> symbol(Id id) const override;
  Result<Ids> encode(std::string_view text) const override;
  // The bytes of the ids, one after another; bytes that are not valid UTF-8 (a character cut
  // between tokens that are not all there) are an error naming the byte offset.
  Result<std::string> decode(const Ids& ids) const override;

  Index merge_count() const { return static_cast<Index>(tokens_.size()) - 257; }

 private:
  BytePairEncoding() = default;
  void encode_piece(std::string_view piece, Ids& out) const;

  std::vector<std::string> tokens_;                   // id -> the bytes it stands for
  std::unordered_map<std::uint64_t, Id> merged_;      // (left id << 32 | right id) -> id of the merge
  Id byte_ids_[256] = {};                             // byte -> id
};

}  // namespace embedlab
