// What a lab shows before anyone sets anything: its sections, in page order, and the state it
// starts from. Pure data, so that settings.js (which reads settings against these) and lab.js
// (which mounts the sections) both depend on it and not on each other.
import { limits } from './core/limits.js';
import { defaultContext, defaultH, symbols, tableC } from './data/worked_example.js';
import { corpora, tinyCorpus } from './data/word_corpora.js';

/**
 * The sections: name (the `section` setting's word), title (the contents list's), and whether it
 * reads the vocabulary, table and context that section 1 (lookup) sets up.
 */
export const sectionList = [
  { name: 'lookup', title: 'Lookup' },
  { name: 'one-hot', title: 'One-hot × W', readsContext: true },
  { name: 'cost', title: 'The batched form', readsContext: true },
  { name: 'text', title: 'Text to tensor' },
  { name: 'unembedding', title: 'Unembedding and softmax', readsContext: true },
  { name: 'directions', title: 'Directions' },
  { name: 'training', title: 'Training and sampling' },
  { name: 'learned', title: 'Learned, not defined' },
];

export const sectionNames = sectionList.map(({ name }) => name);

const runSteps = globalThis.matchMedia?.('(max-width: 600px)').matches ? 5000 : 20000;
const halfway = (steps) => Math.floor(steps / 2);

/**
 * The training settings with Steps set to `steps`. The learning rate drops halfway through the
 * run, as the lecture's does, so the decay step follows Steps while it sits at half of them; a
 * decay step set apart from that half stays where it was set.
 */
export function withSteps(training, steps) {
  const following = training.decayAt === halfway(training.steps);
  return { ...training, steps, decayAt: following ? halfway(steps) : training.decayAt };
}

export const initialState = {
  vocab: symbols,           // @ a b c ., ids 0..4
  table: tableC,            // C, the (5, 2) table: shared by sections lookup, one-hot and unembedding
  spotlight: 2,             // the id whose row is lit ('b')
  context: defaultContext,  // ids of the context, [@, a, b]
  sentence: 'Hello world',  // text to tensor
  tokenizer: 'words',
  textWidth: 4,
  textSeed: 1,
  h: defaultH,              // unembedding: a final vector; null follows the context's last symbol
  temperature: 1,
  a: [2, 1],                // directions
  b: [1, 2],
  direction: 0,
  analogy: { a: 2, b: 0, c: 1 },  // king - man + woman
  gloveAnalogy: ['king', 'man', 'woman'],  // GloVe's a - b + c (section 6, on real vectors)
  gloveKeep: false,                        // keep a, b and c among the answers
  gloveDirection: 'woman-man',             // to - from
  glovePlace: 'nurse',                     // a word placed on the direction
  dataset: 'names',         // training: names, words or own
  embedCode: 'auto',        // the "Embed this" panel: on, off, or auto (shown on the whole lab's own page)
  exercises: 'auto',        // the exercises at the end of sections: on, off, or auto (shown on the whole lab's own page)
  // the core's settings (the lecture's, with its scaled init) and a run that fits a tab: a phone
  // gets a smaller budget of steps; the learning rate drops halfway, as the lecture's does
  training: { ...limits.defaults, steps: runSteps, decayAt: halfway(runSteps) },
  wordCorpus: 'tiny',       // learned, not defined: tiny or wordnet
  wordText: tinyCorpus,     // the tiny corpus as the reader edited it
  wordTraining: Object.fromEntries(Object.entries(corpora).map(([name, { settings }]) => [name, settings])),  // each corpus's settings
};
