// Section 3: the batched form and its cost. A table of sizes and operation counts from the core,
// and a live race between the lookup and the one-hot product in the reader's own browser.
import { el } from '../dom.js';
import { gpt3 } from '../data/worked_example.js';
import { formatCount } from '../format.js';
const models = {
  toy: { name: 'This toy', V: 5, d: 2, B: 3 },
  makemore: { name: 'makemore MLP', V: 27, d: 10, B: 3 },
  gpt3,
};

/** Bytes in the largest unit that keeps the number at least 1: "2.47 GB". */
export function formatBytes(bytes) {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let unit = 0;
  while (bytes >= 1000 * 1000 ** unit && unit < units.length - 1) unit++;
  return unit === 0 ? `${bytes} bytes` : `${(bytes / 1000 ** unit).toFixed(2)} ${units[unit]}`;
}

export function mountCost({ root, core, state }) {
  const { models: costs } = costNumbers(core, state.snapshot());
  root.querySelector('#cost-table tbody').replaceChildren(...Object.entries(models).map(([key, { name, V, d, B }]) => {
    const cost = costs[key];
    return el('tr', {},
      el('th', { scope: 'row' }, name),
      el('td', {}, `${formatCount(V)} × ${formatCount(d)}`),
      el('td', {}, formatCount(cost.weights)),
      el('td', {}, formatBytes(cost.tableBytes)),
      el('td', {}, formatCount(B)),
      el('td', {}, formatCount(cost.oneHotMacs)),
      el('td', {}, formatCount(cost.lookupCopies)));
  }));

  state.watch(['vocab', 'table', 'context'], () => {
    const B = state.get('context').length, V = state.get('vocab').length, d = state.get('table')[0].length;
    const { yours } = costNumbers(core, state.snapshot());
    root.getElementById('cost-shapes').textContent =
      `Your context: one_hot (${B}, ${V}) × W (${V}, ${d}) → (${B}, ${d}) takes ${formatCount(yours.oneHotMacs)} multiply-adds; ` +
      `the lookup copies ${formatCount(yours.lookupCopies)} numbers.`;
  });

  const button = root.getElementById('measure');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const output = root.getElementById('measurement');
    output.textContent = 'Measuring…';
    try {
      output.replaceChildren(...describe(await race(core)));
    } catch (error) {
      output.textContent = `The measurement failed: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * Milliseconds per call of fn: calls in bursts of about 20 ms, letting the page breathe between
 * bursts, until `budget` ms of bursts have run. Only the bursts are timed.
 */
async function timePerCall(fn, budget) {
  let calls = 0, busy = 0;
  while (busy < budget) {
    const start = performance.now();
    do {
      fn();
      calls++;
    } while (performance.now() - start < 20);
    busy += performance.now() - start;
    await new Promise((resume) => setTimeout(resume));
  }
  return busy / calls;
}

/** Lookup against one-hot x W on a (50,257 x 64) table, 8 ids at a time. */
async function race(core) {
  const V = 50257, d = 64, ids = [17, 2049, 9000, 13, 50256, 31337, 4242, 17];
  const generator = core.generator(1);
  const table = core.normalMatrix(generator, V, d, 1);
  try {
    await new Promise((resume) => setTimeout(resume));
    const lookupMs = await timePerCall(() => core.embeddingForward(table, ids).free(), 150);
    const productMs = await timePerCall(() => core.scope(() => core.linearForward(core.oneHot(ids, V), table)).free(), 400);
    const same = core.scope(() => core.compare(core.linearForward(core.oneHot(ids, V), table), core.embeddingForward(table, ids)).bitIdentical);
    return { V, d, B: ids.length, lookupMs, productMs, same };
  } finally {
    table.free();
    generator.free();
  }
}

function describe({ V, d, B, lookupMs, productMs, same }) {
  const ms = (value) => (value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`);
  return [
    el('p', {}, `Table (${formatCount(V)}, ${d}), ${B} ids per call:`),
    el('ul', {},
      el('li', {}, 'lookup W[ids]: ', el('strong', { id: 'lookup-time' }, ms(lookupMs)), ' per call'),
      el('li', {}, 'one_hot(ids) × W: ', el('strong', { id: 'product-time' }, ms(productMs)), ' per call')),
    el('p', {}, 'The one-hot product took ', el('strong', { id: 'time-ratio' }, `${formatCount(Math.round(productMs / lookupMs))} times`),
      ` as long here, for the same ${B} × ${d} numbers (${same ? 'identical, checked' : 'NOT identical'}).`),
  ];
}

/**
 * Section 3's numbers, from the core for a state (a snapshot): what each model's table costs
 * read by its B ids (`models`: toy, makemore, gpt3), what one token of GPT-3 costs
 * (`gpt3Token`), and what the reader's own context costs (`yours`).
 */
export function costNumbers(core, { vocab, table, context }) {
  return {
    models: Object.fromEntries(Object.entries(models).map(([key, { V, d, B }]) => [key, core.embeddingCost(V, d, B)])),
    gpt3Token: core.embeddingCost(gpt3.V, gpt3.d, 1),
    yours: core.embeddingCost(vocab.length, table[0].length, context.length),
  };
}
