// Section 6, on real vectors: GloVe's 20,000 most frequent words (glove-20k.js, loaded into the
// core when the reader opens them), ranked by the core. Analogies a - b + c with or without the
// inputs, and a direction between two opposed words with the words at each of its ends.
import { el, select, showMessage } from '../dom.js';
import { formatNumber } from '../format.js';
import { loadSiteScript } from '../site_script.js';
import { wordsAnalogy, wordsDirection, wordsList, wordsLoad, wordsProjection } from '../core/words.js';
import { analogies, pairName, pairs } from '../data/glove_examples.js';
import { initialState } from '../defaults.js';
import { properties } from '../settings.js';

const top = 8;

const loaded = new WeakMap();  // core -> promise of the loaded words

/** GloVe's table in the core, loaded once per core from glove-20k.js (about 4 MB gzipped). */
function loadGlove(core) {
  if (!loaded.has(core)) {
    const loading = loadSiteScript('glove-20k.js', 'embeddingLabGlove', 'GloVe’s vectors').then((base64) => {
      wordsLoad(core, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      return wordsList(core);
    });
    loaded.set(core, loading);
    loading.catch(() => loaded.delete(core));  // opening again tries again
  }
  return loaded.get(core);
}

export function mountGlove({ root, core, state }) {
  const details = root.getElementById('glove');
  const status = root.getElementById('glove-status');
  details.addEventListener('toggle', () => {
    if (!details.open || root.getElementById('glove-body').hidden === false) return;
    status.textContent = 'Loading GloVe’s vectors…';
    loadGlove(core).then((words) => {
      status.textContent = `${words.length.toLocaleString('en-US')} words of 100 numbers each, loaded.`;
      root.getElementById('glove-body').hidden = false;
      mountAnalogies(root, core, state, words);
      mountDirection(root, core, state);
    }, (error) => { status.textContent = error.message; });
  });
  // A link or a course page that asks for another question than the first opens the vectors.
  state.watch(['gloveAnalogy', 'gloveKeep', 'gloveDirection', 'glovePlace'], () => {
    if (gloveKeys.some((key) => JSON.stringify(state.get(key)) !== JSON.stringify(initialState[key]))) details.open = true;
  });
}

const gloveKeys = ['gloveAnalogy', 'gloveKeep', 'gloveDirection', 'glovePlace'];

function wordField(label, list, onChange) {
  const input = el('input', { type: 'text', size: 10, list, spellcheck: 'false', autocapitalize: 'off',
    'aria-label': `GloVe ${label}`, onchange: onChange });
  return { input, field: el('label', { class: 'field' }, el('span', {}, label), input) };
}

function scoreList(scores) {
  return scores.map(([word, score]) => el('li', {}, el('span', { class: 'word' }, word), ` ${formatNumber(score, 3)}`));
}

function mountAnalogies(root, core, state, words) {
  const listId = 'glove-words';
  const datalist = el('datalist', { id: listId }, words.map((word) => el('option', { value: word })));
  // The three words go into the state as a link or set-state would give them, checked the same way.
  const setWords = () => {
    const still = `the answers below are still those of ${state.get('gloveAnalogy').join(', ')}`;
    const empty = fields.findIndex(({ input }) => input.value.trim() === '');
    if (empty >= 0) return showMessage(message, `${'abc'[empty]} is empty: type a word; ${still}.`);
    const { value, error } = properties.gloveAnalogy.parse(fields.map(({ input }) => input.value).join(' '));
    if (error) return showMessage(message, `${error}: ${still}.`);
    return state.set('gloveAnalogy', value);
  };
  const fields = ['a', 'b', 'c'].map((name) => wordField(name, listId, setWords));
  const keep = el('input', { type: 'checkbox', id: 'glove-keep', onchange: () => state.set('gloveKeep', keep.checked) });
  const message = root.getElementById('glove-message');
  const answers = root.getElementById('glove-answers');
  const term = (sign, control) => el('span', { class: 'term' }, el('span', { class: 'operator', 'aria-hidden': 'true' }, sign), control);
  root.getElementById('glove-controls').replaceChildren(datalist,
    fields[0].field, term('−', fields[1].field), term('+', fields[2].field),
    el('label', { class: 'check' }, keep, ' keep the inputs among the answers'),
    el('div', { class: 'buttons' }, analogies.map((query) => el('button', {
      type: 'button', onclick: () => state.set('gloveAnalogy', [query.a, query.b, query.c]),
    }, `${query.a} − ${query.b} + ${query.c}`))));

  state.watch(['gloveAnalogy', 'gloveKeep'], () => {
    const [a, b, c] = state.get('gloveAnalogy');
    fields.forEach(({ input }, i) => { input.value = [a, b, c][i]; });
    keep.checked = state.get('gloveKeep');
    try {
      const ranked = wordsAnalogy(core, { a, b, c }, top, keep.checked);
      showMessage(message, '');
      answers.replaceChildren(...scoreList(ranked));
    } catch (error) {
      showMessage(message, `${error.message}. GloVe’s words are lower case; pick one from the list.`);
      answers.replaceChildren();
    }
  });
}

function mountDirection(root, core, state) {
  const message = root.getElementById('glove-direction-message');
  const ends = root.getElementById('glove-direction-ends');
  const options = pairs.map((pair) => ({ value: pairName(pair), label: `${pair[0]} − ${pair[1]}` }));
  const placed = el('p', { class: 'result', id: 'glove-placed', role: 'status' });
  const place = wordField('Place a word', 'glove-words', () => {
    const { value, error } = properties.glovePlace.parse(place.input.value);
    if (error) placed.textContent = error;
    else state.set('glovePlace', value);
  });
  const chooser = select('Direction', options, state.get('gloveDirection'), (name) => state.set('gloveDirection', name));
  root.getElementById('glove-direction-controls').replaceChildren(chooser, place.field, placed);
  const currentPair = () => pairs.find((pair) => pairName(pair) === state.get('gloveDirection'));

  state.watch(['gloveDirection', 'glovePlace'], () => {
    const [to, from] = currentPair();
    place.input.value = state.get('glovePlace');
    try {
      const [word, p] = wordsProjection(core, to, from, state.get('glovePlace'));
      placed.textContent = `${word}: ${formatNumber(p, 3)}, ${p >= 0 ? `toward ${to}` : `toward ${from}`}`;
    } catch (error) {
      placed.textContent = error.message;
    }
  });
  state.watch(['gloveDirection'], () => {
    const [to, from] = currentPair();
    chooser.querySelector('select').value = state.get('gloveDirection');
    try {
      const { to: along, from: against } = wordsDirection(core, to, from, top);
      showMessage(message, '');
      ends.replaceChildren(
        el('figure', {}, el('figcaption', {}, `Most toward ${to}`), el('ol', { id: 'glove-direction-to' }, scoreList(along))),
        el('figure', {}, el('figcaption', {}, `Most toward ${from}`), el('ol', { id: 'glove-direction-from' }, scoreList(against))));
    } catch (error) {
      showMessage(message, error.message);
    }
  });
}
