// Section 6, on real vectors: GloVe's 20,000 most frequent words (glove-20k.js, loaded into the
// core when the reader opens them), ranked by the core. Analogies a - b + c with or without the
// inputs, and a direction between two opposed words with the words at each of its ends.
import { el, select, showMessage } from '../dom.js';
import { formatNumber } from '../format.js';
import { loadSiteScript } from '../site_script.js';
import { wordsAnalogy, wordsDirection, wordsList, wordsLoad, wordsProjection } from '../core/words.js';

const analogies = [
  { a: 'king', b: 'man', c: 'woman' },
  { a: 'paris', b: 'france', c: 'italy' },
  { a: 'walking', b: 'walk', c: 'swim' },
  { a: 'cats', b: 'cat', c: 'dog' },
  { a: 'tokyo', b: 'japan', c: 'germany' },  // a pitfall: frankfurt beats berlin
];
const pairs = [['woman', 'man'], ['cats', 'cat'], ['queen', 'king'], ['good', 'bad'], ['paris', 'london']];
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

export function mountGlove({ root, core }) {
  const details = root.getElementById('glove');
  const status = root.getElementById('glove-status');
  details.addEventListener('toggle', () => {
    if (!details.open || root.getElementById('glove-body').hidden === false) return;
    status.textContent = 'Loading GloVe’s vectors…';
    loadGlove(core).then((words) => {
      status.textContent = `${words.length.toLocaleString('en-US')} words of 100 numbers each, loaded.`;
      root.getElementById('glove-body').hidden = false;
      mountAnalogies(root, core, words);
      mountDirection(root, core);
    }, (error) => { status.textContent = error.message; });
  });
}

function wordField(label, value, list, onChange) {
  const input = el('input', { type: 'text', value, size: 10, list, spellcheck: 'false', autocapitalize: 'off',
    'aria-label': `GloVe ${label}`, onchange: onChange });
  return { input, field: el('label', { class: 'field' }, el('span', {}, label), input) };
}

function scoreList(scores) {
  return scores.map(([word, score]) => el('li', {}, el('span', { class: 'word' }, word), ` ${formatNumber(score, 3)}`));
}

function mountAnalogies(root, core, words) {
  const listId = 'glove-words';
  const datalist = el('datalist', { id: listId }, words.map((word) => el('option', { value: word })));
  const fields = ['a', 'b', 'c'].map((name) => wordField(name, analogies[0][name], listId, () => draw()));
  const keep = el('input', { type: 'checkbox', id: 'glove-keep', onchange: () => draw() });
  const message = root.getElementById('glove-message');
  const answers = root.getElementById('glove-answers');
  const term = (sign, control) => el('span', { class: 'term' }, el('span', { class: 'operator', 'aria-hidden': 'true' }, sign), control);
  root.getElementById('glove-controls').replaceChildren(datalist,
    fields[0].field, term('−', fields[1].field), term('+', fields[2].field),
    el('label', { class: 'check' }, keep, ' keep the inputs among the answers'),
    el('div', { class: 'buttons' }, analogies.map((query) => el('button', {
      type: 'button', onclick: () => { fields.forEach(({ input }, i) => { input.value = query['abc'[i]]; }); draw(); },
    }, `${query.a} − ${query.b} + ${query.c}`))));

  function draw() {
    const [a, b, c] = fields.map(({ input }) => input.value.trim().toLowerCase());
    try {
      const ranked = wordsAnalogy(core, { a, b, c }, top, keep.checked);
      showMessage(message, '');
      answers.replaceChildren(...scoreList(ranked));
    } catch (error) {
      showMessage(message, `${error.message}. GloVe’s words are lower case; pick one from the list.`);
      answers.replaceChildren();
    }
  }
  draw();
}

function mountDirection(root, core) {
  const message = root.getElementById('glove-direction-message');
  const ends = root.getElementById('glove-direction-ends');
  const options = pairs.map(([to, from], i) => ({ value: i, label: `${to} − ${from}` }));
  let pair = pairs[0];
  const placed = el('p', { class: 'result', id: 'glove-placed', role: 'status' });
  const place = wordField('Place a word', 'nurse', 'glove-words', () => placeWord());
  root.getElementById('glove-direction-controls').replaceChildren(
    select('Direction', options, 0, (i) => draw(pairs[Number(i)])), place.field, placed);
  function placeWord() {
    const [to, from] = pair;
    try {
      const [word, p] = wordsProjection(core, to, from, place.input.value.trim().toLowerCase());
      placed.textContent = `${word}: ${formatNumber(p, 3)}, ${p >= 0 ? `toward ${to}` : `toward ${from}`}`;
    } catch (error) {
      placed.textContent = error.message;
    }
  }
  function draw([to, from]) {
    pair = [to, from];
    placeWord();
    try {
      const { to: along, from: against } = wordsDirection(core, to, from, top);
      showMessage(message, '');
      ends.replaceChildren(
        el('figure', {}, el('figcaption', {}, `Most toward ${to}`), el('ol', { id: 'glove-direction-to' }, scoreList(along))),
        el('figure', {}, el('figcaption', {}, `Most toward ${from}`), el('ol', { id: 'glove-direction-from' }, scoreList(against))));
    } catch (error) {
      showMessage(message, error.message);
    }
  }
  draw(pairs[0]);
}
