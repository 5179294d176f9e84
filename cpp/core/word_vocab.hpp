// Words from a corpus: how text is cut into words, and the vocabulary of a word model.
//
// The rules, in order:
//   - ASCII letters are lower-cased ("The" and "the" are one word); other characters are kept as
//     they are (UTF-8 is checked, not normalised: "café" is one word, "Café" another).
//   - A word is a run of ASCII letters and digits and of non-ASCII characters; an apostrophe or
//     a hyphen between two such characters stays inside it ("don't", "well-known").
//   - Every other character (white space, ASCII punctuation) ends a word and is dropped.
//   - Each line is a text of its own: a context never reaches across a line break.
//
// The vocabulary: id 0 is the boundary "." (it pads a context beyond the ends of a line), id 1
// the unknown word "<unk>" (every word not kept), then the kept words, the most frequent first
// (ties in byte order). Neither "." nor "<unk>" can be a word under the rules above.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"
#include "tensor.hpp"
#include "vocab.hpp"
#include "word_table.hpp"

namespace embedlab {

inline constexpr Id boundary_word = 0;  // "."
inline constexpr Id unknown_word = 1;   // "<unk>"

// The words of one line under the rules above.
std::vector<std::string> line_words(std::string_view line);

// The vocabulary of lines of words: ".", "<unk>", then the at most `words` most frequent words
// that occur at least min_count times. An error when no word occurs min_count times.
Result<Vocabulary> make_word_vocab(const std::vector<std::vector<std::string>>& lines, Index words, Index min_count);

// The ids of a line's words; a word that is not in vocab is unknown_word.
Ids encode_line(const Vocabulary& vocab, const std::vector<std::string>& words);

// The vectors (V - 2, d) of the real words of a word vocabulary, from a table E (V, d): the
// boundary and the unknown word are left out, since neither is a word to look for.
Result<WordTable> word_table_of(const Vocabulary& vocab, const Matrix<float>& E);

}  // namespace embedlab
