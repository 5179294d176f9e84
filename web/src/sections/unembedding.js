// Section 5: the return trip. A final vector h, the rows of the table C lined up beside it with
// their logits h C^T (one dot product per row), and softmax probabilities at a temperature from 0
// to 5, with entropy and top symbol. Or, scored with section 8's word model, the next words after
// a typed context (unembedding/word_scoring.js).
import { el, select, showMessage, isFocused } from '../dom.js';
import { formatCount, formatNumber, formatVector, indexLabels } from '../format.js';
import { heldNote, parseNumber } from '../parse.js';
import { gpt3 } from '../data/worked_example.js';
import { BarChart } from '../figures/bar_chart.js';
import { MatrixView } from '../figures/matrix_view.js';
import { mountWordScoring } from './unembedding/word_scoring.js';

/** controls: what the lab's sections offer, section 8's nextWords among them when it is on the page. */
export function mountUnembedding({ root, core, state, controls = {} }) {
  const hMessage = root.getElementById('h-message');
  const softmaxMessage = root.getElementById('softmax-message');
  const lineup = new MatrixView(root.getElementById('logits'), { label: 'The rows of C lined up, each with its logit z = h · C[i]' });
  const bars = new BarChart(root.getElementById('probability-bars'), { label: 'Probability of each symbol' });
  root.getElementById('separate-weights').textContent = formatCount(core.embeddingCost(gpt3.V, gpt3.d, 1).weights);

  // h is what the reader typed (one input per column of the table), or the row of the context's
  // last symbol.
  const hField = el('fieldset', {}, el('legend', {}, 'Final vector h'));
  const useContext = el('button', { type: 'button', onclick: () => { showMessage(hMessage, ''); state.set('h', null); } },
    'Use the row of the last symbol');
  let hInputs = [];
  const makeInput = (i) => el('input', {
    type: 'text', inputmode: 'decimal', size: 6, 'aria-label': `h[${i}]`,
    oninput: (event) => {
      const parsed = parseNumber(event.target.value);
      const h = currentH();
      if (parsed.error) return showMessage(hMessage, `${parsed.error}: h[${i}] keeps ${formatNumber(unembeddingNumbers(core, state.snapshot()).h[i])}.`);
      showMessage(hMessage, heldNote(core, parsed.value, event.target.value, `h[${i}]`));
      state.set('h', h.map((v, j) => (j === i ? parsed.value : v)));
    },
    onblur: () => draw(),
  });
  const slider = el('input', {
    type: 'range', min: 0, max: 5, step: 0.05, value: state.get('temperature'), 'aria-label': 'Temperature T',
    oninput: (event) => state.set('temperature', Number(event.target.value)),
  });
  root.getElementById('unembedding-controls').replaceChildren(
    hField,
    el('label', { class: 'field wide' }, el('span', {}, 'Temperature T'), slider, el('output', { id: 'temperature-slider-value' })));
  scoringChoice();

  /** h as typed, or the row of the context's last id. */
  const currentH = () => state.get('h') ?? unembeddingNumbers(core, state.snapshot()).h;

  function draw() {
    const T = state.get('temperature'), symbols = state.get('vocab');
    const numbers = unembeddingNumbers(core, state.snapshot());
    const { h, table: C, logits: z } = numbers;
    if (hInputs.length !== h.length) {
      hInputs = h.map((_, i) => makeInput(i));
      hField.replaceChildren(hField.firstChild, ...hInputs, useContext);
    }
    hInputs.forEach((input, i) => { if (!isFocused(input)) input.value = formatNumber(h[i]); });
    slider.value = String(T);
    for (const id of ['temperature-value', 'temperature-slider-value']) root.getElementById(id).textContent = formatNumber(T);
    root.getElementById('unembedding-h').textContent = formatVector(h);
    root.getElementById('symbol-count').textContent = String(symbols.length);
    root.getElementById('max-entropy').textContent = `${formatNumber(numbers.uniformBits)} bits`;
    // The line-up: row i of C, then its logit; the rows that win are lit.
    const showLineup = (litRows) => lineup.update(C.map((row, i) => [...row, z[i]]),
      { rowLabels: symbols.map((s, i) => `${i} ${s}`), colLabels: [...indexLabels(h.length), 'z'], litRows });
    if (numbers.undefinedReason) {
      showLineup([]);
      showUndefined(symbols, numbers.undefinedReason);
      return;
    }
    showMessage(softmaxMessage, '');
    const { probs: p, top } = numbers;
    bars.update(symbols.map((symbol, i) => ({ label: symbol, value: p[i], text: `${formatNumber(p[i] * 100, 1)}%` })), { top: top.ids });
    showLineup(top.ids);
    root.getElementById('top-symbol').textContent = top.ids.length === 1
      ? `${symbols[top.id]} with ${formatNumber(top.probability * 100, 1)}%`
      : `${top.ids.map((i) => symbols[i]).join(', ')} tie with ${formatNumber(top.probability * 100, 1)}% each`;
    root.getElementById('entropy').textContent = `${formatNumber(numbers.entropyBits)} bits`;
  }

  /**
   * "Score with": the table C, or section 8's word model, which is asked when it is chosen. Without
   * section 8 on the page the choice is disabled; without a model yet the choice says so and
   * goes back to C.
   */
  function scoringChoice() {
    const wordModelHere = root.getElementById('learned') !== null;  // section 8 mounts after this one: its nextWords comes later
    const nextWords = (...question) => (controls.nextWords
      ? controls.nextWords(...question) : Promise.reject(new Error('section 8 could not start, so there is no word model')));
    const onModelChange = (listener) => controls.onWordModelChange?.(listener) ?? false;  // false: no section 8 to follow yet
    const words = mountWordScoring({ root, core, state, nextWords, onModelChange });
    const choiceMessage = root.getElementById('scoring-message');
    const choice = select('Score with', [
      { value: 'table', label: 'the table C (the worked example)' },
      { value: 'words', label: wordModelHere ? 'the word model from section 8' : 'the word model from section 8 (not on this page)' },
    ], 'table', (value) => use(value));
    const menu = choice.querySelector('select');
    menu.options[1].disabled = !wordModelHere;
    root.getElementById('scoring-choice').replaceChildren(choice);

    function use(value) {
      showMessage(choiceMessage, '');
      menu.value = value;
      hField.style.display = value === 'words' ? 'none' : '';  // (a fieldset's display: flex would override `hidden`)
      root.getElementById('table-scoring').hidden = value === 'words';
      root.getElementById('word-scoring').hidden = value !== 'words';
      if (value !== 'words') return words.hide();
      return words.show((reason) => {
        use('table');
        showMessage(choiceMessage, `The word model cannot score yet: ${reason}. The table C stays.`);
      });
    }
  }

  /** Where the softmax has no value (a logit of +inf or nan), nothing stale stays on screen. */
  function showUndefined(symbols, reason) {
    showMessage(softmaxMessage, `No probabilities: ${reason}.`);
    bars.update(symbols.map((symbol) => ({ label: symbol, value: 0, text: 'undefined' })));
    root.getElementById('top-symbol').textContent = 'undefined';
    root.getElementById('entropy').textContent = 'undefined';
  }

  // A new table may have another width: a typed h then no longer fits, and follows the context.
  state.watch(['vocab', 'table'], () => {
    const h = state.get('h');
    if (h && h.length !== state.get('table')[0].length) state.set('h', null);
  });
  state.watch(['h', 'vocab', 'table', 'context', 'temperature'], draw);
}

/**
 * Section 5's numbers, from the core for a state (a snapshot): h as the core holds it (typed, or
 * the row of the context's last id), the table C (V, d), the logits z = h C^T (V) and the entropy
 * of a uniform choice; at temperature T the probabilities, the top entry with every id tied at the
 * top (`top.ids`) and the entropy in bits, or `undefinedReason` where the softmax has no value.
 * The section draws them; an exercise checks an answer against them.
 */
export function unembeddingNumbers(core, { table, context, h, temperature }) {
  return core.scope(() => {
    const C = core.matrix(table);  // (V, d)
    const held = h ? core.matrix([h]) : core.embeddingLookup(C, context[context.length - 1]);
    const logits = core.unembedTied([Array.from(held.toArray())], C);  // (1, V): h . C[i] for every i
    const numbers = {
      h: Array.from(held.toArray()), table: C.toRows(), logits: Array.from(logits.toArray()),
      uniformBits: core.entropyBits(core.softmax(new Array(C.rows).fill(0), 1)),
    };
    let probs;
    try {
      probs = core.softmax(logits, temperature);
    } catch (error) {
      return { ...numbers, undefinedReason: error.message };
    }
    const p = Array.from(probs.toArray());
    const top = core.topEntry(probs);
    const ids = p.flatMap((value, i) => (value === top.probability ? [i] : []));  // the ids the core counted as tied
    return { ...numbers, probs: p, top: { ...top, ids }, entropyBits: core.entropyBits(probs) };
  });
}
