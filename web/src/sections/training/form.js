// The training form: the dataset (bundled, pasted or uploaded) and the settings of the model and
// the run, each checked as it is typed, with its message beside it.
import { el, select } from '../../dom.js';
import { count, messageSlot, numberField } from './common.js';
import { limits } from '../../core/limits.js';
import { properties } from '../../settings.js';
import { withSteps } from '../../defaults.js';

const maxTextBytes = limits.textBytes;

/** The settings a reader can change, by their name in the settings table (which has their limits,
 *  the core's, and their field in the state's `training`). */
const settings = [
  { name: 'block', label: 'Context B' },
  { name: 'embed', label: 'Embedding d' },
  { name: 'hidden', label: 'Hidden H' },
  { name: 'batch', label: 'Batch' },
  { name: 'steps', label: 'Steps' },
  { name: 'lr', label: 'Learning rate' },
  { name: 'lrFinal', label: 'Final learning rate' },
  { name: 'decayAt', label: 'Decay at step' },
  { name: 'seed', label: 'Seed' },
].map((setting) => ({ ...setting, key: properties[setting.name].field }));
const labels = { ...Object.fromEntries(settings.map(({ key, label }) => [key, label])), init: 'Initialisation', dataset: 'Dataset', text: 'your text' };

/**
 * Mounts the dataset and settings controls; onTextChange() is called when the reader's own text
 * changes, continuing() says whether a trained model fits the settings (then raising Steps goes
 * on with that model, and its decay step stays where its run put it). Returns { text() (the text to train on),
 * recipe() (what a model is built from: everything but Steps), changes(recipe) (the labels of
 * what differs from an earlier recipe) }.
 */
export function mountForm({ part, state, onTextChange, continuing }) {
  const datasetMessage = messageSlot(part('dataset-message'), { reserve: true });
  const settingsMessage = messageSlot(part('settings-message'));
  let ownText = '', uploadedBytes = null, textVersion = 0;

  const ownArea = el('textarea', { rows: 5, 'aria-label': 'Your own text, one example per line', hidden: true,
    placeholder: 'One example per line, e.g.\nalice\nbob',
    oninput: () => {
      uploadedBytes = null;
      ownText = ownArea.value;
      textVersion++;
      onTextChange();
    } });
  const upload = el('input', { type: 'file', accept: '.txt,text/plain', 'aria-label': 'Upload a text file (UTF-8, one example per line)', hidden: true,
    onchange: async () => {
      const file = upload.files[0];
      if (!file) return;
      if (file.size > maxTextBytes) {
        datasetMessage.show(`${file.name} is ${count.format(file.size)} bytes, more than the ${count.format(maxTextBytes)} this page takes.`);
        return;
      }
      uploadedBytes = new Uint8Array(await file.arrayBuffer());
      ownArea.value = '';
      textVersion++;
      datasetMessage.show(`${file.name} (${count.format(file.size)} bytes) will be used when you train.`);
      onTextChange();
    } });
  const dataset = select('Dataset', [{ value: 'names', label: 'US first names' }, { value: 'words', label: 'English words' }, { value: 'own', label: 'Your own text' }],
    state.get('dataset'), (value) => state.set('dataset', value));
  part('dataset-controls').replaceChildren(dataset, ownArea, upload);
  state.watch(['dataset'], () => {
    dataset.querySelector('select').value = state.get('dataset');
    ownArea.hidden = upload.hidden = state.get('dataset') !== 'own';
    if (state.get('dataset') !== 'own') datasetMessage.clear();
  });

  const fields = settings.map(({ key, name, label }) => numberField({
    label, range: properties[name].range, integer: properties[name].integer,
    check: (text) => properties[name].parse(text, label),
    current: () => state.get('training')[key],
    accept: (value) => {
      settingsMessage.clear();
      const training = state.get('training');
      const moves = key === 'steps' && !continuing();  // a fresh run's decay step follows Steps
      state.set('training', moves ? withSteps(training, value) : { ...training, [key]: value });
    },
    refuse: (message) => settingsMessage.show(message),
  }));
  const init = select('Initialisation', [{ value: 'scaled', label: 'scaled (small output layer)' }, { value: 'lecture', label: 'lecture (standard normal)' }],
    state.get('training').init, (value) => state.set('training', { ...state.get('training'), init: value }));
  part('settings-controls').replaceChildren(
    ...fields.map(({ field }) => field), init);
  state.watch(['training'], () => {  // the fields show the state, also when a course page or a loaded model set it
    settings.forEach(({ key }, i) => { fields[i].input.value = state.get('training')[key]; });
    init.querySelector('select').value = state.get('training').init;
  });

  return {
    /** The text to train on: a bundled dataset, the pasted text, or the uploaded file's bytes. */
    async text(loadDatasets) {
      const dataset = state.get('dataset');
      if (dataset !== 'own') return (await loadDatasets())[dataset];
      if (uploadedBytes) return uploadedBytes;
      if (new TextEncoder().encode(ownText).length > maxTextBytes) throw new Error(`the text is more than ${count.format(maxTextBytes)} bytes`);
      return ownText;
    },
    recipe() {
      const { steps, ...config } = state.get('training');
      return { ...config, dataset: state.get('dataset'), text: state.get('dataset') === 'own' ? textVersion : 0 };
    },
    changes(recipe) {
      const now = this.recipe();
      return Object.keys(now).filter((key) => now[key] !== recipe[key]).map((key) => labels[key]);
    },
  };
}
