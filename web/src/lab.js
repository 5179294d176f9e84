// The lab: chosen sections mounted into a shadow root, sharing one state. The standalone page
// shows every section; a course page can show one or a few.
import uplotCss from 'uplot/dist/uPlot.min.css';
import labCss from './lab.css';
import { el } from './dom.js';
import { createState } from './state.js';
import { sections } from './sections/index.js';
import { initialState } from './defaults.js';
import { mountExercises } from './exercises/view.js';

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
 * offer the message API). Sections report events through emit(name, extra). `embedded` says
 * whether the lab is part of a course page (settings that are `auto` follow it).
 * The sections' markup is the build's own HTML; text a reader supplies is only ever set as text.
 */
export function mountLab(shadow, { core, names, settings = {}, emit = () => {}, embedded = false }) {
  shadow.adoptedStyleSheets = [labSheet()];
  const chosen = sections.filter(({ name }) => names.includes(name));
  const lab = el('div', { class: chosen.length === 1 ? 'lab alone' : 'lab' });  // alone: a section shown without the others
  if (chosen.length > 1) lab.append(contents(shadow, chosen));
  const body = document.createElement('div');
  body.innerHTML = chosen.map(({ html }) => html).join('\n');
  lab.append(...body.childNodes);
  shadow.append(lab);
  const state = createState({ ...initialState, ...settings });
  const controls = {};  // what sections offer the message API (train, pause, sample) and each other (section 8's nextWords)
  const live = {};      // section -> liveNumbers(query): the numbers of what it trained, for its exercises
  for (const { name, mount } of chosen) {
    let mounted;
    try {
      mounted = mount({ root: shadow, core, state, emit, controls }) ?? {};  // controls: a section may ask what a later one offers
    } catch (error) {
      cannotStart(shadow.getElementById(name), error);  // the other sections still work
      continue;
    }
    const { liveNumbers, ...offered } = mounted;
    Object.assign(controls, offered);
    if (liveNumbers) live[name] = liveNumbers;
  }
  Object.assign(controls, mountExercises({ root: shadow, core, state, emit, names: chosen.map(({ name }) => name), embedded, live }));
  if (chosen.length === 1 && chosen[0].readsContext) shadow.getElementById(chosen[0].name).querySelector('h2').after(givens(state));
  return { state, controls };
}

/**
 * A section whose mount threw (a browser without Web Workers, say): its controls are taken away,
 * so that none of them half works, and a message under its heading says what went wrong.
 */
function cannotStart(section, error) {
  section.querySelectorAll('.controls').forEach((controls) => controls.replaceChildren());
  section.querySelector('h2').after(el('p', { class: 'message', role: 'alert' },
    `This section could not start: ${String(error?.message ?? error).slice(0, 200)}. The other sections work.`));
}

/**
 * For a section shown alone that reads section 1's vocabulary and context: a line saying what
 * they are, so that its words about "the context" and "C" refer to something the reader sees.
 */
function givens(state) {
  const line = el('p', { class: 'hint givens' });
  state.watch(['vocab', 'context'], () => {
    const vocab = state.get('vocab'), ids = state.get('context');
    line.textContent = `Here the symbols are ${vocab.join(' ')} (ids 0 to ${vocab.length - 1}), the table C gives each one a row, ` +
      `and the context is ${ids.map((id) => vocab[id]).join(' ')} (ids ${ids.join(', ')}).`;
  });
  return line;
}

/**
 * A list of links to the sections, each with the number its heading shows (a real element, not a
 * list marker, so that it wraps with its title); they scroll inside the lab without touching the URL.
 */
function contents(shadow, chosen) {
  return el('nav', { 'aria-label': 'Sections of the lab' }, el('ol', {}, chosen.map(({ name, title, number }) =>
    el('li', {}, el('a', {
      href: `#${name}`,
      onclick: (event) => {
        event.preventDefault();
        const target = shadow.getElementById(name);
        target.querySelector('h2').setAttribute('tabindex', '-1');
        target.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
        target.querySelector('h2').focus({ preventScroll: true });
      },
    }, el('span', { class: 'number', 'aria-hidden': 'true' }, String(number)), title)))));
}
