// Section 6: directions and dot products. Two editable 2-D vectors with their dot product and
// angle; a hand-made table whose directions (woman - man, ...) score every word with signed bars;
// analogies a - b + c by the core's analogy function, which also gives the query a - b + c.
import { el, select, showMessage, isFocused } from '../dom.js';
import { formatNumber, formatVector } from '../format.js';
import { heldByCore, parseNumber } from '../parse.js';
import { BarChart } from '../figures/bar_chart.js';
import { MatrixView } from '../figures/matrix_view.js';
import { VectorPlot } from '../figures/vector_plot.js';
import { columns, directions, words } from '../data/hand_made_embedding.js';
import { mountGlove } from './glove.js';

const presets = [
  { label: 'Aligned', a: [2, 1], b: [1.5, 1.5] },
  { label: 'Perpendicular', a: [2, 1], b: [-1, 2] },
  { label: 'Opposed', a: [2, 1], b: [-2, -0.5] },
];

export function mountDirections({ root, core, state }) {
  mountTwoVectors(root, core, state);
  const names = words.map(([word]) => word);
  const table = words.map(([, vector]) => vector);
  mountDirectionScores(root, core, state, names, table);
  mountAnalogy(root, core, state, names, table);
  new MatrixView(root.getElementById('word-table'), { label: 'The hand-made embedding table' })
    .update(table, { rowLabels: names, colLabels: columns });
  mountGlove({ root, core, state });
}

function mountTwoVectors(root, core, state) {
  const message = el('p', { class: 'message', role: 'alert' });
  const plot = new VectorPlot(root.getElementById('vector-plot'), { label: 'Vectors a and b drawn from the origin' });
  const inputs = {};
  const field = (name, i) => {
    const input = el('input', {
      type: 'text', inputmode: 'decimal', size: 5, 'aria-label': `${name}[${i}]`,
      oninput: (event) => {
        const parsed = parseNumber(event.target.value);
        const vector = state.get(name), where = `${name}[${i}]`;
        // A vector needs finite numbers that float32 holds: inf has no direction to draw.
        const refusal = parsed.error ?? (!Number.isFinite(parsed.value) ? `“${event.target.value}” is not a finite number`
          : heldByCore(core, parsed.value, event.target.value).reason);
        if (refusal) return showMessage(message, `${refusal}: ${where} keeps ${formatNumber(vector[i])}.`);
        showMessage(message, '');
        state.set(name, vector.map((v, j) => (j === i ? parsed.value : v)));
      },
      onblur: () => draw(),
    });
    inputs[`${name}${i}`] = input;
    return input;
  };
  root.getElementById('vector-controls').replaceChildren(
    el('fieldset', {}, el('legend', {}, 'Vector a'), field('a', 0), field('a', 1)),
    el('fieldset', {}, el('legend', {}, 'Vector b'), field('b', 0), field('b', 1)),
    el('div', { class: 'buttons' }, presets.map(({ label, a, b }) => el('button', {
      type: 'button', onclick: () => { showMessage(message, ''); state.set('a', a); state.set('b', b); },
    }, label))),
    message,
    el('p', { class: 'result', id: 'dot-result', role: 'status' }));
  showMessage(message, '');

  function draw() {
    const a = state.get('a'), b = state.get('b');
    for (const [name, vector] of [['a', a], ['b', b]]) {
      vector.forEach((v, i) => { const input = inputs[`${name}${i}`]; if (!isFocused(input)) input.value = formatNumber(v); });
    }
    plot.update([{ name: 'a', x: a[0], y: a[1], className: 'vector-a' }, { name: 'b', x: b[0], y: b[1], className: 'vector-b' }]);
    const result = root.getElementById('dot-result');
    const { dot, angle: degrees, noAngle } = directionsNumbers(core, state.snapshot());
    const sign = dot > 0 ? 'positive: they point the same way' : dot < 0 ? 'negative: they point opposite ways' : 'zero: they are perpendicular';
    const overflow = Number.isFinite(dot) ? '' : ' (past float32\'s largest number, about 3.4e38)';
    const angle = noAngle ? ` (${noAngle})` : `, angle ${formatNumber(degrees, 1)}°`;
    result.replaceChildren('a · b = ', el('strong', { id: 'dot-value' }, formatNumber(dot)), `${overflow}, ${sign}${angle}.`);
    root.getElementById('vector-caption').textContent = `a = ${formatVector(a)}, b = ${formatVector(b)}`;
  }
  state.watch(['a', 'b'], draw);
}

function mountDirectionScores(root, core, state, names, table) {
  const bars = new BarChart(root.getElementById('direction-scores'), { label: 'Dot product of the direction with each word', signed: true });
  const options = directions.map(({ name, from, to }, i) => ({ value: i, label: `${name}: ${to} − ${from}` }));
  root.getElementById('direction-controls').replaceChildren(
    select('Direction', options, state.get('direction'), (value) => state.set('direction', Number(value))));
  state.watch(['direction'], () => core.scope(() => {
    const { from, to } = directions[state.get('direction')];
    const pair = core.matrix([table[names.indexOf(from)], table[names.indexOf(to)]]);
    const direction = core.linearForward([[-1, 1]], pair);  // (1, 2) x (2, 6): to - from
    const scores = core.unembedTied(direction, table).toArray();  // its dot product with every word
    const largest = Math.max(...Array.from(scores, Math.abs)) || 1;  // the longest bar fills half the track
    bars.update(names.map((word, i) => ({ label: word, value: scores[i] / largest, text: formatNumber(scores[i]) })));
    root.getElementById('direction-caption').textContent = `Each bar is the dot product (${to} − ${from}) · word: right of the ` +
      'line the word points along the direction, left of it against, near the line across it.';
  }));
}

function mountAnalogy(root, core, state, names, table) {
  const options = names.map((word, i) => ({ value: i, label: word }));
  const message = root.getElementById('analogy-result');
  const change = (key) => (value) => state.set('analogy', { ...state.get('analogy'), [key]: Number(value) });
  const { a, b, c } = state.get('analogy');
  // Each sign stays with the word it applies to, also when the controls wrap on a narrow screen.
  const term = (sign, control) => el('span', { class: 'term' }, el('span', { class: 'operator', 'aria-hidden': 'true' }, sign), control);
  root.getElementById('analogy-controls').replaceChildren(
    select('a', options, a, change('a')), term('−', select('b', options, b, change('b'))), term('+', select('c', options, c, change('c'))));
  state.watch(['analogy'], () => {
    const { a: ia, b: ib, c: ic } = state.get('analogy');
    const { analogy: answer, nearest, noAnalogy } = directionsNumbers(core, state.snapshot());
    if (noAnalogy) {
      message.textContent = noAnalogy;
      return;
    }
    message.replaceChildren(`${names[ia]} − ${names[ib]} + ${names[ic]} ≈ `, el('strong', { id: 'analogy-answer' }, names[answer.id]),
      ` (cosine ${formatNumber(answer.cosine, 3)})`);
    root.getElementById('analogy-neighbours').replaceChildren(el('p', {}, 'Nearest words by cosine, leaving out the three inputs: ',
      nearest.map(({ id, cosine }) => `${names[id]} ${formatNumber(cosine, 3)}`).join(', '), '.'));
  });
}

/**
 * Section 6's numbers, from the core for a state (a snapshot): a · b and the angle between them
 * in degrees (or `noAngle`, why there is none), and in the hand-made table the word that
 * a - b + c lands on with its cosine (`analogy.id`, `analogy.cosine`) and the three nearest words
 * leaving out the inputs (or `noAnalogy`, why not). `symbols` are the table's words.
 */
export function directionsNumbers(core, { a, b, analogy: { a: ia, b: ib, c: ic } }) {
  const names = words.map(([word]) => word), table = words.map(([, vector]) => vector);
  const numbers = { symbols: names, dot: core.dot(a, b) };
  try {
    numbers.angle = core.angleDegrees(a, b);
  } catch (error) {
    numbers.noAngle = error.message;
  }
  try {
    core.scope(() => {
      const answer = core.analogy(table, ia, ib, ic);  // answer.query is a - b + c, (1, d)
      numbers.analogy = { id: answer.id, cosine: answer.cosine };
      numbers.nearest = core.nearest(table, answer.query, 3, [ia, ib, ic]);
    });
  } catch (error) {
    numbers.noAnalogy = error.message;
  }
  return numbers;
}
