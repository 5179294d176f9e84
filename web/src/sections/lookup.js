// Section 1: the lookup, the makemore way. An id's row in the spotlight, and a context of B ids
// stacked into a (B, d) matrix and flattened into one vector.
import { el, select } from '../dom.js';
import { formatVector, indexLabels } from '../format.js';
import { MatrixView } from '../figures/matrix_view.js';

export const maxBlockSize = 8;

export function mountLookup({ root, core, state }) {
  const table = new MatrixView(root.getElementById('lookup-table'), { label: 'Embedding table C', name: 'C' });
  const context = new MatrixView(root.getElementById('context-matrix'), { label: 'The rows of the context' });

  // The id chips: hovering, focusing or clicking one puts its row in the spotlight.
  let chips = [];
  state.watch(['vocab'], () => {
    chips = state.get('vocab').map((symbol, id) => {
      const spotlight = () => state.set('spotlight', id);
      return el('button', { type: 'button', class: 'chip', title: `id ${id}, symbol ${symbol}`,
        onmouseenter: spotlight, onfocus: spotlight, onclick: spotlight }, el('span', { class: 'id' }, String(id)), ` ${symbol}`);
    });
    root.getElementById('id-chips').replaceChildren(...chips);
  });

  state.watch(['vocab', 'table', 'spotlight'], () => core.scope(() => {
    const id = state.get('spotlight');
    const C = core.matrix(state.get('table'));
    const idLabels = state.get('vocab').map((symbol, i) => `${i} ${symbol}`);
    table.update(C.toRows(), { rowLabels: idLabels, colLabels: indexLabels(C.cols), litRows: [id] });
    root.getElementById('vocab-list').textContent = state.get('vocab').join(' ');
    root.getElementById('last-id').textContent = String(C.rows - 1);
    root.getElementById('table-width').textContent = String(C.cols);
    root.getElementById('table-shape').textContent = `(${C.rows}, ${C.cols})`;
    chips.forEach((chip, i) => chip.setAttribute('aria-pressed', String(i === id)));
    root.getElementById('spotlight-id').textContent = String(id);
    root.getElementById('spotlight-row').textContent = formatVector(core.embeddingLookup(C, id).toArray());
  }));

  // The context builder: a block size and one symbol per position.
  const builder = root.getElementById('context-builder');
  const blockSizes = Array.from({ length: maxBlockSize }, (_, i) => ({ value: i + 1, label: String(i + 1) }));
  let builtFor = '';  // the block size and vocabulary the selects were built for: rebuilt only when they change
  state.watch(['vocab', 'context'], () => {
    const ids = state.get('context'), vocab = state.get('vocab');
    if (`${ids.length} ${vocab}` === builtFor) return;
    const hadFocus = builder.contains(builder.getRootNode().activeElement);
    builtFor = `${ids.length} ${vocab}`;
    const symbolOptions = vocab.map((symbol, id) => ({ value: id, label: `${symbol} (${id})` }));
    builder.replaceChildren(
      select('Block size B', blockSizes, ids.length, (value) => {
        const current = state.get('context');
        state.set('context', Array.from({ length: Number(value) }, (_, i) => current[i] ?? 0));
      }),
      ...ids.map((id, position) => select(`Symbol ${position + 1}`, symbolOptions, id, (value) => {
        state.set('context', state.get('context').map((old, i) => (i === position ? Number(value) : old)));
      })));
    if (hadFocus) builder.querySelector('select').focus();
  });

  state.watch(['vocab', 'table', 'context'], () => core.scope(() => {
    const ids = state.get('context'), symbols = state.get('vocab');
    const emb = core.embeddingForward(state.get('table'), ids);  // emb = C[Xb], shape (B, d)
    const x = core.flatten(emb);                                 // x = emb.view(-1)
    context.update(emb.toRows(), { rowLabels: ids.map((id) => `${symbols[id]} (${id})`), colLabels: indexLabels(emb.cols) });
    for (const span of root.querySelectorAll('.context-ids')) span.textContent = `[${ids.join(', ')}]`;
    root.getElementById('context-shape').textContent = `(${emb.rows}, ${emb.cols})`;
    root.getElementById('concat-shape').textContent = `(${x.cols},)`;
    root.getElementById('concatenation').textContent = formatVector(x.toArray());
    root.getElementById('pytorch-lookup').textContent = [
      `Xb = torch.tensor([${ids.join(', ')}])   # [${ids.map((id) => `'${symbols[id]}'`).join(', ')}]`,
      `emb = C[Xb]          # shape: (${emb.rows}, ${emb.cols})`,
      `x   = emb.view(-1)   # shape: (${x.cols},)`,
    ].join('\n');
  }));
}
