// The page's entry point: starts the core, creates the state, and mounts one module per
// section. Every number shown comes from the core; the modules only place numbers on the page.
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from './core.js';
import { createState } from './state.js';
import { defaultContext, symbols, tableC } from './data/worked_example.js';
import { mountLookup } from './sections/lookup.js';
import { mountOneHot } from './sections/one_hot.js';
import { mountCost } from './sections/cost.js';
import { mountTextToTensor } from './sections/text_to_tensor.js';
import { mountUnembedding } from './sections/unembedding.js';
import { mountDirections } from './sections/directions.js';

const initialState = {
  table: tableC,            // C, the (5, 2) table: shared by sections 1, 2 and 5
  spotlight: 2,             // the id whose row is lit in section 1 ('b')
  context: defaultContext,  // ids of the context, [@, a, b]
  sentence: 'Hello world',  // section 4
  tokenizer: 'words',
  textWidth: 4,
  textSeed: 1,
  h: null,                  // section 5: null follows the context's last symbol
  temperature: 1,
  a: [2, 1],                // section 6
  b: [1, 2],
  direction: 0,
  analogy: { a: 2, b: 0, c: 1 },  // king - man + woman
};

async function start() {
  const status = document.getElementById('status');
  const core = await loadCore(createEmbedLabModule);
  const state = createState(initialState);
  const context = { core, state, symbols, defaultTable: tableC };
  for (const mount of [mountLookup, mountOneHot, mountCost, mountTextToTensor, mountUnembedding, mountDirections]) {
    mount(context);
  }
  status.textContent = '';
  document.body.classList.add('ready');
}

start().catch((error) => {
  document.getElementById('status').textContent = `The lab could not start: ${error.message}`;
  throw error;
});
