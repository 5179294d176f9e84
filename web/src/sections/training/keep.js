// Keeping the model: download it, export it for the Embedding Projector, or load a model file.
import { el } from '../../dom.js';
import { downloadText } from '../../download.js';
import { command } from '../../training/protocol.js';
import { count, messageSlot } from './common.js';

const maxModelBytes = 32 * 1024 * 1024;  // the largest model the core allows is a file of about 25 MB

/** Mounts the controls; send(message) goes to the worker. Returns { message, download(name, text, type) }. */
export function mountKeep({ root, part, send }) {
  const message = messageSlot(part('model-message'));
  const modelFile = el('input', { type: 'file', accept: '.json,application/json', 'aria-label': 'Load a model file (JSON)',
    onchange: async () => {
      const file = modelFile.files[0];
      modelFile.value = '';
      if (!file) return;
      if (file.size > maxModelBytes) {
        message.show(`${file.name.slice(0, 60)} is ${count.format(file.size)} bytes, more than the ${count.format(maxModelBytes)} a model file can be. Nothing was loaded.`);
        return;
      }
      message.show(`Reading ${file.name.slice(0, 60)}…`);
      send({ type: command.load, json: await file.text() });
    } });
  part('model-controls').replaceChildren(
    el('button', { type: 'button', onclick: () => send({ type: command.model }) }, 'Download the model (JSON)'),
    el('button', { type: 'button', onclick: () => send({ type: command.projector }) }, 'Export for the Embedding Projector (TSV)'),
    el('label', { class: 'field' }, el('span', {}, 'Load a model'), modelFile));
  return {
    message,
    download: (name, text, type) => downloadText(root, name, text, type),
  };
}
