// Section 4: from text to tensor. Tokens and ids (by words or by characters), a random table,
// and the stacked (T, d) sequence matrix.
import { el, select, showMessage } from '../dom.js';
import { visibleToken as visible } from '../format.js';
import { MatrixView } from '../figures/matrix_view.js';

export const maxTextLength = 200;

export function mountTextToTensor({ root, core, state }) {
  const controls = root.getElementById('text-controls');
  const message = root.getElementById('text-message');
  const tableView = new MatrixView(root.getElementById('text-table'), { label: 'Random embedding table of the tokens' });
  const sequenceView = new MatrixView(root.getElementById('sequence-matrix'), { label: 'The sequence matrix, one row per token' });

  const input = el('input', {
    type: 'text', value: state.get('sentence'), maxlength: maxTextLength, spellcheck: 'false',
    oninput: (event) => state.set('sentence', event.target.value),
  });
  const widths = [2, 3, 4, 6, 8].map((d) => ({ value: d, label: String(d) }));
  controls.replaceChildren(
    el('label', { class: 'field wide' }, el('span', {}, 'Text'), input),
    select('Tokens', [{ value: 'words', label: 'words' }, { value: 'characters', label: 'characters' }],
      state.get('tokenizer'), (value) => state.set('tokenizer', value)),
    select('Width d', widths, state.get('textWidth'), (value) => state.set('textWidth', Number(value))),
    select('Random seed', [1, 2, 3, 4, 5].map((seed) => ({ value: seed, label: String(seed) })),
      state.get('textSeed'), (value) => state.set('textSeed', Number(value))));

  state.watch(['sentence', 'tokenizer', 'textWidth', 'textSeed'], () => {
    if (input.value !== state.get('sentence')) input.value = state.get('sentence');  // a set-state message changed it
    try {
      core.scope(() => {
        const text = state.get('sentence'), byWords = state.get('tokenizer') === 'words';
        const vocab = byWords ? core.vocabularyFromWords(text) : core.vocabularyFromCharacters(text);
        const ids = byWords ? vocab.encodeWords(text) : vocab.encode(text);
        const symbols = vocab.symbols();
        const table = core.normalMatrix(core.generator(state.get('textSeed')), symbols.length, state.get('textWidth'), 0.5);
        const sequence = core.embeddingForward(table, ids);  // (T, d): row t is table[ids[t]]
        showMessage(message, '');
        root.getElementById('tokens').replaceChildren(...ids.map((id) =>
          el('span', { class: 'chip static' }, el('span', { class: 'id' }, String(id)), ` ${visible(symbols[id])}`)));
        root.getElementById('token-ids').textContent = `[${ids.join(', ')}]`;
        root.getElementById('numbering-rule').textContent = byWords
          ? 'Words are numbered in order of first appearance: the first new word gets 0, the next new one 1, and so on.'
          : 'Characters are numbered in sorted order (by Unicode code point): a space ␣ comes before digits, digits before capitals, capitals before small letters.';
        const columns = Array.from({ length: table.cols }, (_, c) => String(c));
        tableView.update(table.toRows(), { rowLabels: symbols.map((s, id) => `${id} ${visible(s)}`), colLabels: columns });
        sequenceView.update(sequence.toRows(), { rowLabels: ids.map((id) => visible(symbols[id])), colLabels: columns });
        root.getElementById('text-table-shape').textContent = `(${table.rows}, ${table.cols})`;
        root.getElementById('sequence-shape').textContent = `(${sequence.rows}, ${sequence.cols})`;
      });
    } catch (error) {
      showMessage(message, `${error.message}. The tensor below is still the one of the last text that worked.`);
    }
  });
}

