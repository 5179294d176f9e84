// The page's entry point: starts the core and fills in the worked example.
// Every number shown comes from the core; this file only places the numbers on the page.
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from './core.js';
import { formatNumber, formatVector } from './format.js';

const symbols = ['@', 'a', 'b', 'c', '.'];
const C = [[0.10, -0.20], [0.00, 0.30], [-0.40, 0.20], [0.50, -0.10], [-0.20, 0.40]];

function showTable(element, rows) {
  element.replaceChildren(...rows.map((row, id) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `${id} ${symbols[id]}`;
    tr.append(th, ...row.map((value) => {
      const td = document.createElement('td');
      td.textContent = formatNumber(value);
      return td;
    }));
    return tr;
  }));
}

async function start() {
  const core = await loadCore(createEmbedLabModule);
  core.scope(() => {
    const table = core.matrix(C);
    showTable(document.getElementById('table-c'), table.toRows());
    document.getElementById('lookup-b').textContent = formatVector(core.embeddingLookup(table, 2).toArray());
    const context = core.embeddingForward(table, [0, 1, 2]);
    document.getElementById('concatenation').textContent = formatVector(core.flatten(context).toArray());
  });
}

start().catch((error) => {
  document.getElementById('status').textContent = `The lab could not start: ${error.message}`;
});
