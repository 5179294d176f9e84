// Section 5: the return trip. A final vector h, the rows of the table C lined up beside it with
// their logits h C^T (one dot product per row), and softmax probabilities at a temperature from 0
// to 5, with entropy and top symbol.
import { el, showMessage, isFocused } from '../dom.js';
import { formatCount, formatNumber, formatVector, indexLabels } from '../format.js';
import { heldNote, parseNumber } from '../parse.js';
import { gpt3 } from '../data/worked_example.js';
import { BarChart } from '../figures/bar_chart.js';
import { MatrixView } from '../figures/matrix_view.js';

export function mountUnembedding({ root, core, state }) {
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
      if (parsed.error) return showMessage(hMessage, `${parsed.error}: h[${i}] keeps ${formatNumber(held(h)[i])}.`);
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

  /** h as numbers: typed, or the core's lookup of the context's last id. */
  function currentH() {
    const typed = state.get('h');
    if (typed) return typed;
    const ids = state.get('context');
    return core.scope(() => Array.from(core.embeddingLookup(state.get('table'), ids[ids.length - 1]).toArray()));
  }
  /** The numbers the core holds for h (float32). */
  const held = (h) => core.scope(() => Array.from(core.matrix([h]).toArray()));

  function draw() {
    const T = state.get('temperature'), symbols = state.get('vocab');
    const h = held(currentH());
    if (hInputs.length !== h.length) {
      hInputs = h.map((_, i) => makeInput(i));
      hField.replaceChildren(hField.firstChild, ...hInputs, useContext);
    }
    hInputs.forEach((input, i) => { if (!isFocused(input)) input.value = formatNumber(h[i]); });
    slider.value = String(T);
    for (const id of ['temperature-value', 'temperature-slider-value']) root.getElementById(id).textContent = formatNumber(T);
    root.getElementById('unembedding-h').textContent = formatVector(h);
    root.getElementById('symbol-count').textContent = String(symbols.length);
    core.scope(() => {
      const C = core.matrix(state.get('table'));  // (V, d)
      const logits = core.unembedTied([h], C);  // (1, V): h . C[i] for every i
      const z = logits.toArray();
      // The line-up: row i of C, then its logit; the rows that win are lit.
      const showLineup = (litRows) => lineup.update(C.toRows().map((row, i) => [...row, z[i]]),
        { rowLabels: symbols.map((s, i) => `${i} ${s}`), colLabels: [...indexLabels(C.cols), 'z'], litRows });
      root.getElementById('max-entropy').textContent = `${formatNumber(core.entropyBits(core.softmax(new Array(symbols.length).fill(0), 1)))} bits`;
      let probs;
      try {
        probs = core.softmax(logits, T);
      } catch (error) {
        showLineup([]);
        showUndefined(symbols, error.message);
        return;
      }
      showMessage(softmaxMessage, '');
      const p = probs.toArray();
      const top = core.topEntry(probs);
      const tied = symbols.flatMap((symbol, i) => (p[i] === top.probability ? [i] : []));  // the ids the core counted as tied
      bars.update(symbols.map((symbol, i) => ({ label: symbol, value: p[i], text: `${formatNumber(p[i] * 100, 1)}%` })), { top: tied });
      showLineup(tied);
      root.getElementById('top-symbol').textContent = top.ties === 1
        ? `${symbols[top.id]} with ${formatNumber(top.probability * 100, 1)}%`
        : `${tied.map((i) => symbols[i]).join(', ')} tie with ${formatNumber(top.probability * 100, 1)}% each`;
      root.getElementById('entropy').textContent = `${formatNumber(core.entropyBits(probs))} bits`;
    });
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
