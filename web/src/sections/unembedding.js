// Section 5: the return trip. A final vector h, its logits h C^T (one dot product per row of the
// table), and softmax probabilities at a temperature from 0 to 5, with entropy and top symbol.
import { el, showMessage, isFocused } from '../dom.js';
import { formatNumber, formatVector } from '../format.js';
import { parseNumber } from '../parse.js';
import { BarChart } from '../figures/bar_chart.js';
import { MatrixView } from '../figures/matrix_view.js';

export function mountUnembedding({ root, core, state }) {
  const hMessage = root.getElementById('h-message');
  const softmaxMessage = root.getElementById('softmax-message');
  const logitsView = new MatrixView(root.getElementById('logits'), { label: 'Logits, one per symbol' });
  const bars = new BarChart(root.getElementById('probability-bars'), { label: 'Probability of each symbol' });

  // h is either the row of the context's last symbol (the default) or what the reader typed:
  // one input per column of the table.
  const hField = el('fieldset', {}, el('legend', {}, 'Final vector h'));
  const useContext = el('button', { type: 'button', onclick: () => { showMessage(hMessage, ''); state.set('h', null); } },
    'Use the last symbol of the context');
  let hInputs = [];
  const makeInput = (i) => el('input', {
    type: 'text', inputmode: 'decimal', size: 6, 'aria-label': `h[${i}]`,
    oninput: (event) => {
      const parsed = parseNumber(event.target.value);
      const h = currentH();
      if (parsed.error) return showMessage(hMessage, `${parsed.error}: h[${i}] keeps ${formatNumber(h[i])}.`);
      showMessage(hMessage, '');
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

  function draw() {
    const T = state.get('temperature'), symbols = state.get('vocab');
    const h = currentH();
    if (hInputs.length !== h.length) {
      hInputs = h.map((_, i) => makeInput(i));
      hField.replaceChildren(hField.firstChild, ...hInputs, useContext);
    }
    hInputs.forEach((input, i) => { if (!isFocused(input)) input.value = formatNumber(h[i]); });
    slider.value = String(T);
    for (const id of ['temperature-value', 'temperature-slider-value']) root.getElementById(id).textContent = formatNumber(T);
    core.scope(() => {
      const logits = core.unembedTied([h], state.get('table'));  // (1, V): h . C[i] for every i
      logitsView.update(logits.toRows()[0].map((z) => [z]), { rowLabels: symbols.map((s, i) => `${i} ${s}`), colLabels: ['z'] });
      let probs;
      try {
        probs = core.softmax(logits, T);
      } catch (error) {
        showMessage(softmaxMessage, `Softmax needs finite logits: ${error.message}.`);
        return;
      }
      showMessage(softmaxMessage, '');
      const p = probs.toArray();
      const top = core.topEntry(probs);
      bars.update(symbols.map((symbol, i) => ({ label: symbol, value: p[i], text: `${formatNumber(p[i] * 100, 1)}%` })), { top: top.id });
      root.getElementById('top-symbol').textContent = `${symbols[top.id]} with ${formatNumber(top.probability * 100, 1)}%`;
      root.getElementById('entropy').textContent = `${formatNumber(core.entropyBits(probs))} bits`;
      root.getElementById('symbol-count').textContent = String(symbols.length);
      root.getElementById('max-entropy').textContent = `${formatNumber(core.entropyBits(core.softmax(new Array(symbols.length).fill(0), 1)))} bits`;
      root.getElementById('unembedding-h').textContent = formatVector(h);
    });
  }
  // A new table may have another width: a typed h then no longer fits, and follows the context.
  state.watch(['vocab', 'table'], () => {
    const h = state.get('h');
    if (h && h.length !== state.get('table')[0].length) state.set('h', null);
  });
  state.watch(['h', 'vocab', 'table', 'context', 'temperature'], draw);
}
