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

  state.watch(['vocab', 'table', 'spotlight'], () => {
    const id = state.get('spotlight');
    const { table: C, spotlightRow } = lookupNumbers(core, state.snapshot());
    const V = C.length, d = C[0].length;
    const idLabels = state.get('vocab').map((symbol, i) => `${i} ${symbol}`);
    table.update(C, { rowLabels: idLabels, colLabels: indexLabels(d), litRows: [id] });
    root.getElementById('vocab-list').textContent = state.get('vocab').join(' ');
    root.getElementById('last-id').textContent = String(V - 1);
    root.getElementById('table-width').textContent = String(d);
    root.getElementById('table-shape').textContent = `(${V}, ${d})`;
    chips.forEach((chip, i) => chip.setAttribute('aria-pressed', String(i === id)));
    root.getElementById('spotlight-id').textContent = String(id);
    root.getElementById('spotlight-row').textContent = formatVector(spotlightRow);
  });

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

  state.watch(['vocab', 'table', 'context'], () => {
    const ids = state.get('context'), symbols = state.get('vocab');
    const { contextRows: emb, concatenation: x } = lookupNumbers(core, state.snapshot());
    const B = emb.length, d = emb[0].length;
    context.update(emb, { rowLabels: ids.map((id) => `${symbols[id]} (${id})`), colLabels: indexLabels(d) });
    for (const span of root.querySelectorAll('.context-ids')) span.textContent = `[${ids.join(', ')}]`;
    root.getElementById('context-shape').textContent = `(${B}, ${d})`;
    root.getElementById('concat-shape').textContent = `(${x.length},)`;
    root.getElementById('concatenation').textContent = formatVector(x);
    root.getElementById('pytorch-lookup').textContent = [
      `Xb = torch.tensor([${ids.join(', ')}])   # [${ids.map((id) => `'${symbols[id]}'`).join(', ')}]`,
      `emb = C[Xb]          # shape: (${B}, ${d})`,
      `x   = emb.view(-1)   # shape: (${x.length},)`,
    ].join('\n');
  });
}

/**
 * Section 1's numbers, from the core for a state (a snapshot): the table C (V, d) as the core
 * holds it, the spotlight's row C[id], the context's rows emb = C[Xb] (B, d) and x = emb.view(-1).
 * The section draws them; an exercise checks an answer against them.
 */
export function lookupNumbers(core, { table, spotlight, context }) {
  return core.scope(() => {
    const C = core.matrix(table);
    const emb = core.embeddingForward(table, context);
    return {
      table: C.toRows(),
      spotlightRow: Array.from(core.embeddingLookup(C, spotlight).toArray()),
      contextRows: emb.toRows(),
      concatenation: Array.from(core.flatten(emb).toArray()),
    };
  });
}
