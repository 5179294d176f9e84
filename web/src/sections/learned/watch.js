// What the reader watches while the word model trains: the cosines of chosen pairs over the
// steps, the nearest neighbours of one word, and chosen words in 2-D. The reader types the words;
// the worker's core answers with every number (a word it does not know is named in the message
// here, and what was watched before stays).
import { el } from '../../dom.js';
import { formatNumber } from '../../format.js';
import { LineChart } from '../../figures/line_chart.js';
import { ScatterPlot } from '../../figures/scatter_plot.js';
import { messageSlot } from '../training/common.js';
import { neighbourCount } from '../../data/word_corpora.js';

const wordsOf = (text) => text.trim().toLowerCase().split(/\s+/).filter(Boolean);
const pairLabel = ([a, b]) => `${a} · ${b}`;
const maxWords = 40;  // words in the picture: more would not be legible
export const wordList = 'learned-words';  // the datalist of the model's words, which the word fields offer

/** "cat dog, cat the" as [['cat', 'dog'], ['cat', 'the']], or { error } naming the first piece that is not two words. */
export function parsePairs(text) {
  const pieces = text.split(',').map((piece) => piece.trim()).filter(Boolean);
  if (pieces.length === 0) return { error: 'write at least one pair of words, like “cat dog”' };
  const bad = pieces.find((piece) => wordsOf(piece).length !== 2);
  if (bad !== undefined) return { error: `the pair “${bad.slice(0, 40)}” is not two words separated by a space` };
  return { value: pieces.map(wordsOf) };
}

/**
 * Mounts the watch controls and views; onWatch(watch) is called with what the reader now asks to
 * watch ({ pairs, word, top, words }). Returns { watch (the current one), message, reset(watch)
 * (what is watched now), show(step, view), offer(words), refill(), clear() }.
 */
export function mountWatch({ part, initial, onWatch }) {
  const message = messageSlot(part('learned-watch-message'));
  const chart = new LineChart(part('learned-cosine-chart'), { label: 'Cosines of the chosen pairs over the training steps', yLabel: 'cosine' });
  const scatter = new ScatterPlot(part('learned-scatter'), { label: 'The chosen words in 2-D' });
  const neighbours = part('learned-neighbours');
  const chartCaption = part('learned-cosine-caption').textContent;
  let watch = initial;

  const field = (label, size, onchange, wide = false) => {
    const input = el('input', { type: 'text', size, spellcheck: 'false', autocapitalize: 'off', 'aria-label': label, list: wordList, onchange });
    return { input, field: el('label', { class: wide ? 'field wide' : 'field' }, el('span', {}, label), input) };
  };
  const pairs = field('Pairs', 24, () => ask('pairs', parsePairs(pairs.input.value)), true);
  const word = field('Neighbours of', 10, () => {
    const words = wordsOf(word.input.value);
    ask('word', words.length === 1 ? { value: words[0] } : { error: `“${word.input.value.trim().slice(0, 40)}” is not one word` });
  });
  const picture = field('Words in the picture', 40, () => {
    const words = wordsOf(picture.input.value);
    ask('words', words.length >= 2 && words.length <= maxWords ? { value: words }
      : { error: `the picture needs 2 to ${maxWords} words separated by spaces, not ${words.length}` });
  }, true);
  const datalist = el('datalist', { id: wordList });
  part('learned-watch-controls').replaceChildren(datalist, pairs.field, word.field, picture.field);

  /** Asks the worker to watch a changed part, if it parsed; else says why, and the field shows what is watched. */
  function ask(key, { value, error }) {
    if (error) {
      message.show(`${error}: it stays as it was.`);
      fill();
      return;
    }
    message.clear();
    onWatch({ ...watch, [key]: value });
  }

  /** The cosine of each watched pair, as text: "cat · dog 0.721, cat · the −0.276". */
  function describe(cosines) {
    return watch.pairs.map((pair, i) => `${pairLabel(pair)} ${formatNumber(cosines[i], 3)}`).join(', ');
  }

  function fill() {
    pairs.input.value = watch.pairs.map((pair) => pair.join(' ')).join(', ');
    word.input.value = watch.word;
    picture.input.value = watch.words.join(' ');
  }

  return {
    get watch() { return watch; },
    message,
    /** What is watched from now on; the chart starts again when the pairs change. */
    reset(next, { keepChart = false } = {}) {
      const newPairs = JSON.stringify(next.pairs) !== JSON.stringify(watch.pairs);
      watch = { ...next, top: neighbourCount };
      fill();
      if (newPairs || !keepChart) chart.reset(watch.pairs.map(pairLabel));
    },
    /** A report's view at a step (null for a loaded model, which has none): { cosines, neighbours, projection }. */
    show(step, { cosines, neighbours: nearest, projection }) {
      if (!cosines) return;
      // A loaded model has no steps to chart: the chart hides and the caption says its cosines.
      if (step === null) chart.reset(watch.pairs.map(pairLabel));
      else chart.add(step, cosines);
      part('learned-cosine-chart').hidden = step === null;
      part('learned-cosine-caption').textContent = step === null
        ? `The loaded model was trained elsewhere, so there are no steps to chart. Its cosines: ${describe(cosines)}.`
        : chartCaption;
      part('learned-neighbours-caption').textContent = `The ${nearest.length} words nearest to “${watch.word}” by cosine, ${step === null ? 'in the loaded model' : `at step ${step}`}`;
      neighbours.replaceChildren(...nearest.map(([w, cosine]) => el('li', {}, el('span', { class: 'word' }, w), ` ${formatNumber(cosine, 3)}`)));
      scatter.update(projection, watch.words);
    },
    /** The model's words, offered as the word fields are typed. */
    offer(words) {
      datalist.replaceChildren(...words.map((w) => el('option', { value: w })));
    },
    /** The fields show what is watched again (after the worker refused a change). */
    refill: fill,
  };
}
