// Training a word model: its settings, and the trainer of trainer.hpp over a corpus's examples.
// The defaults are the settings measured to give convincing neighbours on about a million words
// of WordNet's glosses: the 2,000 most frequent words, d 50, window +-3, a separate output matrix
// with its bias started at the log word frequency, batch 256, SGD falling linearly to 0 over
// 2,500 steps, subsampling 1e-3. The loss is the batch's mean, so a step moves a word's vector by
// about 1/256 of what one example asks: the first learning rate is 20 (about word2vec's 0.05 per
// example, times 256), not 0.1. Measured on 1 million words of WordNet glosses (2,500 steps):
// lr 0.1 and 5 leave the neighbours random (loss 6.81 and 6.60, the vectors still their noise),
// lr 20 gives mother: wife son, dog: breed dogs cat (loss 5.93), lr 50 diverges.
#pragma once

#include <cstdint>
#include <string_view>

#include "trainer.hpp"
#include "word_dataset.hpp"
#include "word_model.hpp"
#include "word_vocab.hpp"

namespace embedlab {

struct WordConfig {
  WordDataConfig data;         // the vocabulary, the window and subsampling
  Index embed = 50;            // d
  bool tied = false;           // logits h E^T + b instead of h W_U + b
  Index batch = 256;           // B
  float lr = 20.0f;            // of step 0, falling linearly ...
  std::int64_t steps = 2500;   // ... to lr / 10,000 at this step (word2vec's floor), then staying there
  std::uint64_t seed = 42;     // subsampling, the split, the initial weights and the minibatches
};

// Every setting is within its limits; the learning rate is finite and positive.
Status check_config(const WordConfig& config);
Schedule schedule_of(const WordConfig& config);
// A word model for data, whose examples must have been made with config.data.window.
Result<WordModel<float>> init_model(const Dataset& data, const WordConfig& config, Rng& rng);

using WordTrainer = TrainerOf<WordModel<float>, WordConfig>;
extern template class TrainerOf<WordModel<float>, WordConfig>;  // compiled once, in trainer.cpp

// The dataset of a corpus (make_word_dataset with config.data and config.seed) and a trainer on it.
Result<WordTrainer> make_word_trainer(std::string_view corpus, const WordConfig& config);

}  // namespace embedlab
