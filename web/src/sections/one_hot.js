// Section 2: one-hot rows times W, drawn as a matrix product beside the lookup, with a verdict
// from the core's comparison of the two outputs. Every cell of W (the table C) is editable.
import { el, showMessage } from '../dom.js';
import { formatNumber, indexLabels } from '../format.js';
import { heldNote, parseNumber } from '../parse.js';
import { MatrixView } from '../figures/matrix_view.js';

export function mountOneHot({ root, core, state }) {
  const figure = root.getElementById('product-figure');
  const panel = (title, id) => {
    const box = el('div');
    figure.append(el('figure', { class: 'factor' }, box, el('figcaption', { id }, title)));
    return box;
  };
  const operator = (sign, extra = '') => figure.append(el('span', { class: `operator ${extra}`.trim(), 'aria-hidden': 'true' }, sign));
  const oneHotBox = panel('one_hot(ids)', 'one-hot-caption');
  operator('×');
  const weightBox = panel('W, editable', 'weight-caption');
  operator('=');
  const productBox = panel('one_hot × W', 'product-caption');
  operator('vs', 'versus');
  const lookupBox = panel('lookup W[ids]', 'lookup-caption');

  const oneHots = new MatrixView(oneHotBox, { label: 'One-hot rows of the context', decimals: 0 });
  const weights = new MatrixView(weightBox, { label: 'Weight matrix W, editable', name: 'W', onEdit: edit });
  const product = new MatrixView(productBox, { label: 'Product of the one-hot rows and W' });
  const lookup = new MatrixView(lookupBox, { label: 'Lookup of the context in W' });
  const message = root.getElementById('table-message');
  const verdict = root.getElementById('verdict');
  showMessage(message, '');

  // A typed number goes into the state; the cells show what the core holds (float32), and a
  // number that float32 cannot hold is named.
  function edit(row, col, text) {
    const parsed = parseNumber(text);
    const table = state.get('table'), where = `W[${row}][${col}]`;
    if (parsed.error) {
      const kept = core.scope(() => core.matrix(table).toRows()[row][col]);
      showMessage(message, `${parsed.error}: ${where} keeps ${formatNumber(kept)}.`);
      return;
    }
    showMessage(message, heldNote(core, parsed.value, text, where));
    state.set('table', table.map((r, i) => (i === row ? r.map((v, j) => (j === col ? parsed.value : v)) : r)));
  }
  // A cell left with text that is not a number shows the value it kept.
  weightBox.addEventListener('focusout', () => core.scope(() => weights.update(core.matrix(state.get('table')).toRows(), weightLabels())));
  const weightLabels = () => ({
    rowLabels: state.get('vocab').map((symbol, id) => `${id} ${symbol}`),
    colLabels: indexLabels(state.get('table')[0].length),
    litRows: state.get('context'),
  });

  const initialTable = state.get('table');  // the source's numbers, or the teacher's
  root.getElementById('reset-table').addEventListener('click', () => {
    showMessage(message, '');
    state.set('table', initialTable);
  });

  state.watch(['vocab', 'table', 'context'], () => {
    const ids = state.get('context'), symbols = state.get('vocab');
    const { oneHot: x, table: W, viaProduct, viaLookup, comparison } = oneHotNumbers(core, state.snapshot());
    const B = ids.length, V = symbols.length, d = W[0].length;
    const contextLabels = ids.map((id) => `${symbols[id]} (${id})`);
    oneHots.update(x, { rowLabels: contextLabels, colLabels: symbols, litCells: ids.map((id, b) => [b, id]) });
    weights.update(W, weightLabels());
    product.update(viaProduct, { rowLabels: contextLabels, colLabels: indexLabels(d) });
    lookup.update(viaLookup, { rowLabels: contextLabels, colLabels: indexLabels(d) });
    root.getElementById('one-hot-caption').textContent = `one_hot(ids), shape (${B}, ${V})`;
    root.getElementById('product-caption').textContent = `one_hot × W, shape (${B}, ${d})`;
    showVerdict(comparison, viaProduct, viaLookup);
  });

  /** The core's comparison of the two outputs, in words. */
  function showVerdict({ differing, firstRow, firstCol, bitIdentical }, viaProduct, viaLookup) {
    verdict.classList.toggle('differ', differing > 0);
    if (differing === 0) {
      verdict.replaceChildren(el('strong', {}, 'identical'), bitIdentical
        ? ': every entry of one_hot × W equals the lookup, bit for bit.'
        : ': every entry of one_hot × W equals the lookup (some only up to the sign of a zero, 0 = -0).');
      return;
    }
    verdict.replaceChildren(el('strong', {}, 'different'),
      `: ${differing} ${differing === 1 ? 'entry differs' : 'entries differ'}, first at row ${firstRow}, column ${firstCol}: ` +
      `the product gives ${formatNumber(viaProduct[firstRow][firstCol])}, the lookup ${formatNumber(viaLookup[firstRow][firstCol])}. ` +
      'The product multiplies every row of W, even rows the context does not select, by 0 or 1, and 0 × inf and 0 × nan are nan. ' +
      'The lookup reads only the selected rows.');
  }
}

/**
 * Section 2's numbers, from the core for a state (a snapshot): the one-hot rows of the context
 * (B, V), W as the core holds it (V, d), one_hot × W and the lookup W[ids] (both (B, d)), and the
 * core's comparison of the two ({ differing, firstRow, firstCol, bitIdentical }).
 */
export function oneHotNumbers(core, { vocab, table, context }) {
  return core.scope(() => {
    const W = core.matrix(table);
    const x = core.oneHot(context, vocab.length);      // (B, V)
    const viaProduct = core.linearForward(x, W);       // (B, d)
    const viaLookup = core.embeddingForward(W, context);  // (B, d)
    return { oneHot: x.toRows(), table: W.toRows(), viaProduct: viaProduct.toRows(), viaLookup: viaLookup.toRows(),
      comparison: core.compare(viaProduct, viaLookup) };
  });
}
