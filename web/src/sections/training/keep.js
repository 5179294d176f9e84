// Keeping a model: download its file, export it for the Embedding Projector, or load a model file.
// Section 7 mounts it for the character MLP and section 8 for the word model, each with its kind;
// the worker's core reads the file and refuses one of the other kind, naming both.
import { el } from '../../dom.js';
import { downloadText } from '../../download.js';
import { limits } from '../../core/limits.js';
import { command, kinds } from '../../training/protocol.js';
import { count, messageSlot } from './common.js';

const maxModelBytes = limits.modelFileBytes;  // the core's max_model_file_bytes (limits.hpp): a larger file is refused unread

/** What each kind's controls call its model, and the names of its files. */
const named = {
  [kinds.mlp]: { model: 'the model', load: 'Load a model', file: 'embedlab-model.json', vectors: 'embedlab-vectors.tsv', metadata: 'embedlab-metadata.tsv' },
  [kinds.words]: { model: 'the word model', load: 'Load a word model', file: 'embedlab-words.json', vectors: 'embedlab-word-vectors.tsv', metadata: 'embedlab-word-metadata.tsv' },
};

/**
 * Mounts the controls for a model of `kind` into the element `controls`, its messages going to
 * the element `message`. send(message) goes to the worker; loadExtras() is what a load command
 * carries besides the file and its kind (section 8's watch). Returns { message,
 * downloadModel(json), downloadProjector({ vectors, metadata }) }, for the worker's answers.
 */
export function mountKeep({ root, kind = kinds.mlp, controls, message: messageElement, send, loadExtras = () => ({}) }) {
  const names = named[kind];
  const message = messageSlot(messageElement);
  const modelFile = el('input', { type: 'file', accept: '.json,application/json', 'aria-label': `${names.load} file (JSON)`,
    onchange: async () => {
      const file = modelFile.files[0];
      modelFile.value = '';
      if (!file) return;
      if (file.size > maxModelBytes) {
        message.show(`${file.name.slice(0, 60)} is ${count.format(file.size)} bytes, more than the ${count.format(maxModelBytes)} a model file can be. Nothing was loaded.`);
        return;
      }
      message.show(`Reading ${file.name.slice(0, 60)}…`);
      send({ type: command.load, kind, json: await file.text(), ...loadExtras() });
    } });
  const ask = (type) => () => {
    message.clear();
    send({ type });
  };
  controls.replaceChildren(
    el('button', { type: 'button', onclick: ask(command.model) }, `Download ${names.model} (JSON)`),
    el('button', { type: 'button', onclick: ask(command.projector) }, `Export ${names.model} for the Embedding Projector (TSV)`),
    el('label', { class: 'field' }, el('span', {}, names.load), modelFile));
  return {
    message,
    downloadModel: (json) => downloadText(root, names.file, json, 'application/json'),
    downloadProjector({ vectors, metadata }) {
      downloadText(root, names.vectors, vectors, 'text/tab-separated-values');
      downloadText(root, names.metadata, metadata, 'text/tab-separated-values');
      message.show(`${names.vectors} and ${names.metadata}: in the Embedding Projector (projector.tensorflow.org), “Load” takes the vectors as step 1 and the metadata as step 2.`);
    },
  };
}
