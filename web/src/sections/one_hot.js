// Section 2: one-hot rows times W, drawn as a matrix product beside the lookup, with a verdict
// from comparing the two outputs of the core. Every cell of W (the table C) is editable.
import { el, showMessage } from '../dom.js';
import { formatNumber, indexLabels } from '../format.js';
import { parseNumber } from '../parse.js';
import { MatrixView } from '../figures/matrix_view.js';

/** Where two outputs of the core differ, entry by entry: [{ row, col, a, b }]. NaN never equals. */
export function differences(a, b) {
  const found = [];
  a.forEach((row, r) => row.forEach((value, c) => {
    if (!(value === b[r][c])) found.push({ row: r, col: c, a: value, b: b[r][c] });
  }));
  return found;
}

export function mountOneHot({ root, core, state }) {
  const figure = root.getElementById('product-figure');
  const panel = (title, id) => {
    const box = el('div');
    figure.append(el('figure', { class: 'factor' }, box, el('figcaption', { id }, title)));
    return box;
  };
  const oneHotBox = panel('one_hot(ids)', 'one-hot-caption');
  figure.append(el('span', { class: 'operator', 'aria-hidden': 'true' }, '×'));
  const weightBox = panel('W, editable', 'weight-caption');
  figure.append(el('span', { class: 'operator', 'aria-hidden': 'true' }, '='));
  const productBox = panel('one_hot × W', 'product-caption');
  const lookupBox = panel('lookup W[ids]', 'lookup-caption');

  const oneHots = new MatrixView(oneHotBox, { label: 'One-hot rows of the context', decimals: 0 });
  const weights = new MatrixView(weightBox, { label: 'Weight matrix W, editable', name: 'W', onEdit: edit });
  const product = new MatrixView(productBox, { label: 'Product of the one-hot rows and W' });
  const lookup = new MatrixView(lookupBox, { label: 'Lookup of the context in W' });
  const message = root.getElementById('table-message');
  const verdict = root.getElementById('verdict');
  showMessage(message, '');

  function edit(row, col, text) {
    const parsed = parseNumber(text);
    const table = state.get('table');
    if (parsed.error) {
      showMessage(message, `${parsed.error}: W[${row}][${col}] keeps ${formatNumber(table[row][col])}.`);
      return;
    }
    showMessage(message, '');
    state.set('table', table.map((r, i) => (i === row ? r.map((v, j) => (j === col ? parsed.value : v)) : r)));
  }
  // A cell left with text that is not a number shows the value it kept.
  weightBox.addEventListener('focusout', () => weights.update(state.get('table'), weightLabels()));
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

  state.watch(['vocab', 'table', 'context'], () => core.scope(() => {
    const ids = state.get('context'), symbols = state.get('vocab');
    const W = core.matrix(state.get('table'));
    const x = core.oneHot(ids, symbols.length);  // (B, V)
    const viaProduct = core.linearForward(x, W).toRows();
    const viaLookup = core.embeddingForward(W, ids).toRows();
    const contextLabels = ids.map((id) => `${symbols[id]} (${id})`);
    oneHots.update(x.toRows(), { rowLabels: contextLabels, colLabels: symbols, litCells: ids.map((id, b) => [b, id]) });
    weights.update(W.toRows(), weightLabels());
    product.update(viaProduct, { rowLabels: contextLabels, colLabels: indexLabels(W.cols) });
    lookup.update(viaLookup, { rowLabels: contextLabels, colLabels: indexLabels(W.cols) });
    root.getElementById('one-hot-caption').textContent = `one_hot(ids), shape (${x.rows}, ${x.cols})`;
    root.getElementById('product-caption').textContent = `one_hot × W, shape (${viaProduct.length}, ${W.cols})`;
    showVerdict(differences(viaProduct, viaLookup));
  }));

  function showVerdict(found) {
    verdict.classList.toggle('differ', found.length > 0);
    if (found.length === 0) {
      verdict.replaceChildren(el('strong', {}, 'identical'), ': every entry of one_hot × W equals the lookup.');
      return;
    }
    const { row, col, a, b } = found[0];
    verdict.replaceChildren(el('strong', {}, 'different'),
      `: ${found.length} ${found.length === 1 ? 'entry differs' : 'entries differ'}, first at row ${row}, column ${col}: ` +
      `the product gives ${formatNumber(a)}, the lookup ${formatNumber(b)}. The product multiplies every row of W, ` +
      'even rows the context does not select, by 0 or 1, and 0 × inf and 0 × nan are nan. The lookup reads only the selected rows.');
  }
}
