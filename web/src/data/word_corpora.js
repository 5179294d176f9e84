// The corpora of "Learned, not defined" and what the section starts with on each: the settings
// of a run and the words it watches (pairs whose cosine is charted, a word whose neighbours are
// listed, words drawn in 2-D, and the pair of the "why no duplicates?" experiment).
import { limits } from '../core/limits.js';

/** The sources' sentences, a few of each kind: cat and dog share their contexts, car does not. */
export const tinyCorpus = ['feed the cat', 'feed the dog', 'pet the cat', 'pet the dog', 'the cat sleeps', 'the dog sleeps',
  'drive the car', 'park the car', 'the car stops', 'wash the car'].join('\n');

export const corpora = {
  tiny: {
    label: 'A tiny corpus you can edit',
    // every word kept, no subsampling, small vectors: cat and dog come together within a second
    settings: { words: 100, minCount: 1, window: 2, subsample: 0, embed: 8, tied: false, batch: 16, lr: 0.5, steps: 2000, seed: 3 },
    watch: {
      pairs: [['cat', 'dog'], ['cat', 'the']],
      word: 'cat',
      words: ['cat', 'dog', 'car', 'the', 'feed', 'pet', 'sleeps', 'drive', 'park', 'stops', 'wash'],
    },
    copy: { from: 'cat', to: 'car' },
  },
  wordnet: {
    label: 'WordNet’s glosses (1.4 MB to load)',
    settings: { ...limits.words.defaults },  // WordConfig's defaults, measured on these glosses
    watch: {
      pairs: [['mother', 'father'], ['night', 'day'], ['dog', 'cat'], ['mother', 'night']],
      word: 'dog',
      words: ['mother', 'father', 'wife', 'husband', 'son', 'dog', 'cat', 'horse', 'bird', 'fish',
        'day', 'night', 'morning', 'week', 'year', 'red', 'blue', 'green'],
    },
    copy: { from: 'dog', to: 'music' },
  },
};

/** How many neighbours of the watched word the section lists. */
export const neighbourCount = 10;
