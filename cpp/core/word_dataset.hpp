// The examples of a word model: each word of a corpus with the k words on each side of it, as
// word2vec's CBOW reads them.
//
// Shapes: N = examples, k = window, n = 2k context words.
//
// With k = 2, the line "feed the cat now" gives (context -> centre, "." padding beyond the line):
//   . . the cat -> feed    . feed cat now -> the    feed the now . -> cat    the cat . . -> now
// The unknown word is read in contexts but is never a centre: the model does not learn to
// predict "some rare word".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "tensor.hpp"

namespace embedlab {

// How a corpus becomes examples.
struct WordDataConfig {
  Index words = 2000;       // the most frequent words kept; the rest are "<unk>"
  Index min_count = 5;      // ... among those that occur at least this often
  Index window = 3;         // k words on each side
  float subsample = 1e-4f;  // t of frequent-word subsampling; 0 keeps every word
};

// Every setting is within its limits.
Status check_word_data_config(const WordDataConfig& config);

// The (context, centre) pairs of lines of ids, line by line: contexts (N, 2k), the k words
// before the centre and then the k after it, "." beyond the ends of the line.
Examples make_word_examples(const std::vector<Ids>& lines, Index window);

// The probability that subsampling keeps one occurrence of a word that makes up `share` of the
// corpus (word2vec's rule, Mikolov et al. 2013): min(1, (sqrt(share / t) + 1) t / share). With
// t = 1e-3 it keeps every word of share below 0.26 %, and 7 % of the occurrences of a word of
// share 20 % ("the", or "<unk>" under a small vocabulary). t = 0 keeps everything.
double keep_probability(double share, double t);

// The dataset of a corpus (one text a line; see word_vocab.hpp for the words). Subsampling drops
// word occurrences with Rng(seed, 1) before the windows are cut (so a window reaches past the
// dropped words, as in word2vec), then the lines are shuffled and split 80/10/10 with Rng(seed),
// as make_dataset does. Errors: more than max_corpus_bytes, invalid UTF-8 (with its byte offset),
// fewer than two lines with words, no word of min_count, a setting out of range.
Result<Dataset> make_word_dataset(std::string_view text, const WordDataConfig& config, std::uint64_t seed);

// log((count_v + 1) / (N + V)) for each word v of a vocabulary of V, count_v its occurrences as
// a centre of the examples: the log of each word's share, smoothed so that a word never seen
// (".", "<unk>") gets a finite value. A word model's bias starts here.
RowVector<float> log_centre_frequencies(const Examples& examples, Index V);

}  // namespace embedlab
