// Section 4: from text to tensor. Tokens and ids (by characters, by words, or by GPT-2's
// byte-level BPE), a random table, and the stacked (T, d) sequence matrix. Hovering or focusing
// a token spotlights its id, its row of the table and its row of the sequence matrix.
import { el, select, showMessage } from '../dom.js';
import { visibleToken as visible } from '../format.js';
import { MatrixView } from '../figures/matrix_view.js';
import { gpt2Load, tokenize } from '../core/tokenizers.js';
import { loadSiteScript } from '../site_script.js';

export const maxTextLength = 200;

const tokenizers = [
  { value: 'words', label: 'words' }, { value: 'characters', label: 'characters' }, { value: 'gpt2', label: 'GPT-2 BPE' },
];
const tokenColours = 6;  // .token-0 ... .token-5 in lab.css

const numberingRules = {
  words: 'Words are numbered in order of first appearance: the first new word gets 0, the next new one 1, and so on.',
  characters: 'Characters are numbered in sorted order (by Unicode code point): a space ␣ comes before digits, digits before capitals, capitals before small letters.',
  gpt2: 'GPT-2’s ids are fixed, whatever the text: ids 0 to 255 are single bytes, 256 to 50,255 are the 50,000 merges in the order they were learned (the most frequent pair first), and 50,256 is <|endoftext|>. A space before a word belongs to the word’s token (␣world is 995), a rare word is cut into parts, and an emoji may take several byte tokens (shown as \\x..).',
};

const gpt2Loaded = new WeakMap();  // core -> promise that GPT-2's tokenizer is in it

/** Loads GPT-2's merges (gpt2-bpe.js beside embedding-lab.js, about 200 KB gzipped) into the core, once. */
function loadGpt2(core) {
  if (!gpt2Loaded.has(core)) {
    const loading = loadSiteScript('gpt2-bpe.js', 'embeddingLabGpt2Merges', 'GPT-2’s vocabulary').then((merges) => gpt2Load(core, merges));
    gpt2Loaded.set(core, loading);
    loading.catch(() => gpt2Loaded.delete(core));  // a later choice tries again
  }
  return gpt2Loaded.get(core);
}

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
  const choices = {
    tokenizer: select('Tokens', tokenizers, state.get('tokenizer'), (value) => state.set('tokenizer', value)),
    textWidth: select('Width d', widths, state.get('textWidth'), (value) => state.set('textWidth', Number(value))),
    textSeed: select('Random seed', [1, 2, 3, 4, 5].map((seed) => ({ value: seed, label: String(seed) })),
      state.get('textSeed'), (value) => state.set('textSeed', Number(value))),
  };
  controls.replaceChildren(el('label', { class: 'field wide' }, el('span', {}, 'Text'), input), ...Object.values(choices));

  // What is drawn, kept to move the spotlight without asking the core again.
  let shown = null;  // { ids, tokens, rows: distinct ids in order, tableRows, sequenceRows, columns }
  let spotlight = -1;  // the position of the token in the spotlight, or -1

  function drawSpotlight() {
    const { ids, tokens, rows, tableRows, sequenceRows, columns } = shown;
    const id = ids[spotlight];
    root.querySelectorAll('#tokens .chip').forEach((chip, t) => chip.setAttribute('aria-pressed', String(t === spotlight)));
    root.querySelectorAll('#token-ids .id').forEach((span, t) => span.classList.toggle('lit', t === spotlight));
    tableView.update(tableRows, { rowLabels: rows.map((r) => `${r} ${visible(tokens[ids.indexOf(r)])}`), colLabels: columns,
      litRows: spotlight < 0 ? [] : [rows.indexOf(id)] });
    sequenceView.update(sequenceRows, { rowLabels: tokens.map(visible), colLabels: columns, litRows: [spotlight] });
  }

  function draw(kind, text) {
    const { tokens, ids, vocabularySize, rows, tableRows, sequenceRows } = textNumbers(core, { ...state.snapshot(), tokenizer: kind, sentence: text });
    const d = state.get('textWidth');
    shown = { ids, tokens, rows, tableRows, sequenceRows, columns: Array.from({ length: d }, (_, c) => String(c)) };
    spotlight = -1;
    showMessage(message, '');
    root.getElementById('tokens').replaceChildren(...ids.map((id, t) => {
      const light = () => { spotlight = t; drawSpotlight(); };
      return el('button', { type: 'button', class: `chip token-${t % tokenColours}`, title: `token ${t + 1}: id ${id}`,
        onmouseenter: light, onfocus: light, onclick: light }, el('span', { class: 'id' }, String(id)), ` ${visible(tokens[t])}`);
    }));
    root.getElementById('token-ids').replaceChildren('[', ...ids.flatMap((id, t) => [t > 0 ? ', ' : '', el('span', { class: 'id' }, String(id))]), ']');
    const characters = Array.from(text).length;
    root.getElementById('token-count').textContent =
      `${ids.length} ${ids.length === 1 ? 'token' : 'tokens'} for ${characters} ${characters === 1 ? 'character' : 'characters'}`;
    root.getElementById('numbering-rule').textContent = numberingRules[kind];
    root.getElementById('text-table-shape').textContent = `(${vocabularySize}, ${d})`;
    root.getElementById('text-table-rows').textContent = kind === 'gpt2'
      ? `: the ${rows.length} rows this text uses, by GPT-2 id. The numbers are seeded random stand-ins for GPT-2’s learned weights.`
      : '';
    root.getElementById('sequence-shape').textContent = `(${ids.length}, ${d})`;
    drawSpotlight();
  }

  let drawing = 0;  // the latest request: a slow first load of GPT-2 must not draw over a newer text
  state.watch(['sentence', 'tokenizer', 'textWidth', 'textSeed'], () => {
    const request = ++drawing, kind = state.get('tokenizer'), text = state.get('sentence');
    // A set-state message may have changed them: the controls show the state.
    if (input.value !== text) input.value = text;
    for (const [name, field] of Object.entries(choices)) field.querySelector('select').value = String(state.get(name));
    const fail = (error) => showMessage(message, `${error.message}. The tensor below is still the one of the last text that worked.`);
    const attempt = () => {
      try {
        draw(kind, text);
      } catch (error) {
        fail(error);
      }
    };
    if (kind !== 'gpt2') return attempt();
    root.getElementById('token-count').textContent = 'Loading GPT-2’s vocabulary of 50,257 tokens…';
    loadGpt2(core).then(() => request === drawing && attempt(), (error) => request === drawing && fail(error));
  });
}

/**
 * Section 4's numbers, from the core for a state (a snapshot): the text's tokens and ids by the
 * chosen tokenizer (GPT-2's must be loaded), the vocabulary's size, a seeded random table's rows
 * that the text uses (`rows`, in id order, and `tableRows`) and the sequence matrix, row t the
 * table's row of ids[t] (T, d). An empty text is an error.
 */
export function textNumbers(core, { sentence, tokenizer, textWidth, textSeed }) {
  return core.scope(() => {
    const { tokens, ids, vocabularySize } = tokenize(core, tokenizer, sentence);
    if (ids.length === 0) throw new Error('the text is empty: there are no tokens');
    const table = core.normalMatrix(core.generator(textSeed), vocabularySize, textWidth, 0.5);
    const rows = [...new Set(ids)].sort((a, b) => a - b);  // the table rows the text uses
    return {
      tokens, ids, vocabularySize, rows,
      tableRows: core.embeddingForward(table, rows).toRows(),   // (rows, d)
      sequenceRows: core.embeddingForward(table, ids).toRows(),  // (T, d): row t is table[ids[t]]
    };
  });
}
