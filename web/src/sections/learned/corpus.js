// The corpus and the settings of the word model: the tiny corpus the reader edits, or WordNet's
// glosses (wordnet-corpus.js, loaded when the reader first chooses them), and each corpus's
// settings, checked as they are typed against the core's limits.
import { el, select } from '../../dom.js';
import { limits } from '../../core/limits.js';
import { loadSiteScript } from '../../site_script.js';
import { numberIn } from '../../settings.js';
import { corpora } from '../../data/word_corpora.js';
import { count, messageSlot, numberField } from '../training/common.js';

const ranges = limits.words.ranges;
const fields = [
  { key: 'words', label: 'Words kept', integer: true },
  { key: 'minCount', label: 'Min count', integer: true },
  { key: 'window', label: 'Window k', integer: true },
  { key: 'subsample', label: 'Subsample t', integer: false },
  { key: 'embed', label: 'Vector width d', integer: true },
  { key: 'batch', label: 'Words a batch', integer: true },
  { key: 'lr', label: 'Learning rate η', integer: false },
  { key: 'steps', label: 'Steps in the run', integer: true },
  { key: 'seed', label: 'Random seed', integer: true },
];

/** WordNet's glosses, one "lemmas : gloss" line per synset (about 3.8 MB of text). */
export const loadWordnet = () => loadSiteScript('wordnet-corpus.js', 'embeddingLabWordnetCorpus', 'WordNet’s glosses');

/**
 * Mounts the corpus and settings controls; onChange() is called when the corpus, its text or a
 * setting changes. Returns { corpus() (its name), text() (a promise of the text to train on),
 * settings() (the chosen corpus's), recipe() (what a model is built from, to compare) }.
 */
export function mountCorpus({ part, state, onChange }) {
  const corpusStatus = messageSlot(part('learned-corpus-status'));
  const corpusMessage = messageSlot(part('learned-corpus-message'));
  const settingsMessage = messageSlot(part('learned-settings-message'));
  const current = () => state.get('wordCorpus');
  const settings = () => state.get('wordTraining')[current()];
  const setSetting = (key, value) => state.set('wordTraining', { ...state.get('wordTraining'), [current()]: { ...settings(), [key]: value } });

  const tinyText = el('textarea', { rows: 6, 'aria-label': 'The tiny corpus, one sentence a line', spellcheck: 'false',
    oninput: () => state.set('wordText', tinyText.value) });
  tinyText.value = state.get('wordText');
  const choice = select('Corpus', Object.entries(corpora).map(([value, { label }]) => ({ value, label })), current(),
    (value) => state.set('wordCorpus', value));
  part('learned-corpus-controls').replaceChildren(choice, tinyText);

  const inputs = fields.map(({ key, label, integer }) => numberField({
    label, range: ranges[key], integer,
    check: numberIn(label, ranges[key], integer),
    current: () => settings()[key],
    accept: (value) => {
      settingsMessage.clear();
      setSetting(key, value);
    },
    refuse: (message) => settingsMessage.show(message),
  }));
  const output = select('Output', [{ value: 'separate', label: 'its own W_U (h W_U + b)' }, { value: 'tied', label: 'tied to E (h Eᵀ + b)' }],
    settings().tied ? 'tied' : 'separate', (value) => setSetting('tied', value === 'tied'));
  part('learned-settings-controls').replaceChildren(...inputs.map(({ field }) => field), output);

  state.watch(['wordCorpus', 'wordTraining'], () => {
    choice.querySelector('select').value = current();
    tinyText.hidden = current() !== 'tiny';
    fields.forEach(({ key }, i) => { inputs[i].input.value = settings()[key]; });
    output.querySelector('select').value = settings().tied ? 'tied' : 'separate';
    corpusMessage.clear();
    corpusStatus.clear();
    if (current() === 'wordnet') {
      corpusStatus.show('Loading WordNet’s glosses…');
      loadWordnet().then((text) => {
        if (current() === 'wordnet') corpusStatus.show(`WordNet 3.0’s glosses: ${count.format(text.split('\n').length)} lines, ${count.format(text.length)} characters, loaded.`);
      }, (error) => {
        corpusStatus.clear();
        corpusMessage.show(`${error.message}.`);
      });
    }
  });
  state.watch(['wordCorpus', 'wordTraining', 'wordText'], onChange);

  return {
    corpus: current,
    settings,
    async text() {
      return current() === 'tiny' ? state.get('wordText') : loadWordnet();
    },
    recipe() {
      return JSON.stringify({ corpus: current(), text: current() === 'tiny' ? state.get('wordText') : '', ...settings() });
    },
  };
}
