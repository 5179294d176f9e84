// The lab: chosen sections mounted into a shadow root, sharing one state. The standalone page
// shows every section; a course page can show one or a few.
import uplotCss from 'uplot/dist/uPlot.min.css';
import labCss from './lab.css';
import { defaultConfig } from './core/training.js';
import { el } from './dom.js';
import { createState } from './state.js';
import { sections } from './sections/index.js';
import { defaultContext, defaultH, symbols, tableC } from './data/worked_example.js';

export const sectionNames = sections.map(({ name }) => name);

export const initialState = {
  vocab: symbols,           // @ a b c ., ids 0..4
  table: tableC,            // C, the (5, 2) table: shared by sections lookup, one-hot and unembedding
  spotlight: 2,             // the id whose row is lit ('b')
  context: defaultContext,  // ids of the context, [@, a, b]
  sentence: 'Hello world',  // text to tensor
  tokenizer: 'words',
  textWidth: 4,
  textSeed: 1,
  h: defaultH,              // unembedding: a final vector; null follows the context's last symbol
  temperature: 1,
  a: [2, 1],                // directions
  b: [1, 2],
  direction: 0,
  analogy: { a: 2, b: 0, c: 1 },  // king - man + woman
  dataset: 'names',         // training: names, words or own
  // the lecture's settings; a phone gets a smaller budget of steps
  training: { ...defaultConfig, steps: globalThis.matchMedia?.('(max-width: 600px)').matches ? 5000 : 20000 },
};

let sheet;  // one constructed stylesheet, adopted by every lab on the page
function labSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${uplotCss}\n${labCss}`);
  }
  return sheet;
}

/**
 * Mounts the sections named in `names` into shadow (a ShadowRoot), starting from the defaults
 * overridden by `settings`; returns the lab's { state, controls } (the controls the sections
 * offer the message API). Sections report events through emit(name, extra).
 * The sections' markup is the build's own HTML; text a reader supplies is only ever set as text.
 */
export function mountLab(shadow, { core, names, settings = {}, emit = () => {} }) {
  shadow.adoptedStyleSheets = [labSheet()];
  const chosen = sections.filter(({ name }) => names.includes(name));
  const lab = el('div', { class: 'lab' });
  if (chosen.length > 1) lab.append(contents(shadow, chosen));
  const body = document.createElement('div');
  body.innerHTML = chosen.map(({ html }) => html).join('\n');
  lab.append(...body.childNodes);
  shadow.append(lab);
  const state = createState({ ...initialState, ...settings });
  const controls = {};  // what sections let the message API do (train, pause, sample)
  for (const { mount } of chosen) Object.assign(controls, mount({ root: shadow, core, state, emit }) ?? {});
  return { state, controls };
}

/** A list of links to the sections; they scroll inside the lab without touching the URL. */
function contents(shadow, chosen) {
  return el('nav', { 'aria-label': 'Sections of the lab' }, el('ol', {}, chosen.map(({ name, title }) =>
    el('li', {}, el('a', {
      href: `#${name}`,
      onclick: (event) => {
        event.preventDefault();
        const target = shadow.getElementById(name);
        target.querySelector('h2').setAttribute('tabindex', '-1');
        target.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
        target.querySelector('h2').focus({ preventScroll: true });
      },
    }, title)))));
}
