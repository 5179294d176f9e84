// Section 5 scored with section 8's word model: the reader types a context, section 8's worker
// asks its core for h, every word's logit h · (its output vector) + b and the softmax at the
// section's temperature, and this draws the top words as bars and their output vectors beside
// their logits. It computes no number itself: each one is the worker's core's.
//
// Answers come back in order; while one question is out, only the newest of those asked after
// it is sent, so a slider dragged fast sends a few questions, not one per pixel.
import { el, showMessage } from '../../dom.js';
import { formatNumber, formatVector, indexLabels } from '../../format.js';
import { BarChart } from '../../figures/bar_chart.js';
import { MatrixView } from '../../figures/matrix_view.js';
import { bounded, count } from '../training/common.js';

const topWords = 10;
export const firstContext = 'feed the';

/**
 * Mounts the word model's view into section 5's #word-scoring; nextWords(context, T, top) is
 * section 8's question (a promise), and onModelChange(listener) asks section 8 to call listener
 * when its model changes (asked when the view is first shown: section 8 mounts after this one).
 * Returns { show, hide }.
 */
export function mountWordScoring({ root, core, state, nextWords, onModelChange }) {
  const part = (id) => root.getElementById(id);
  const message = part('word-scoring-message');
  const lineup = new MatrixView(part('word-logits'), { label: 'The top words’ output vectors, each with its bias b and logit z = h · u + b' });
  const bars = new BarChart(part('word-bars'), { label: `Probability of the ${topWords} most probable next words` });
  const input = el('input', {
    type: 'text', size: 24, value: firstContext, spellcheck: 'false', autocapitalize: 'off', 'aria-label': 'Context',
    oninput: () => ask(),
  });
  part('word-scoring-controls').replaceChildren(el('label', { class: 'field wide' }, el('span', {}, 'Context'), input));
  let active = false;        // whether the section scores with the word model
  let asking = false;        // a question is out
  let wanted = null;         // the newest question asked since: { context, temperature }
  let shown = null;          // the context of the bars shown, or null before the first answer
  let firstFailure = null;   // onFailure of show(), until the first answer
  let following = false;     // whether section 8 tells this view of its model's changes

  function ask() {
    wanted = { context: input.value, temperature: state.get('temperature') };
    if (!asking) sendWanted();
  }

  async function sendWanted() {
    const question = wanted;
    wanted = null;
    asking = true;
    try {
      const answer = await nextWords(question.context, question.temperature, topWords);
      if (active) draw(answer, question);
      showMessage(message, '');
    } catch (error) {
      const said = bounded(String(error?.message ?? error));
      if (firstFailure) firstFailure(said);
      else showMessage(message, shown === null ? `${said}.` : `${said}. The bars stay as they were for “${bounded(shown)}”.`);
    }
    firstFailure = null;
    asking = false;
    if (wanted) sendWanted();
  }

  function draw(answer, { context, temperature }) {
    shown = context;
    const rows = answer.rows.map(([word, logit, probability, output, bias]) => ({ word, logit, probability, output, bias }));
    const best = rows.flatMap((row, i) => (row.probability === rows[0].probability ? [i] : []));  // the rows the core gave the top probability
    bars.update(rows.map(({ word, probability }) => ({ label: word, value: probability, text: `${formatNumber(probability * 100, 1)}%` })), { top: best });
    lineup.update(rows.map(({ output, bias, logit }) => [...output, bias, logit]),
      { rowLabels: rows.map(({ word }) => word), colLabels: [...indexLabels(answer.h.length), 'b', 'z'], litRows: best });
    part('word-read').textContent = answer.read.join(' ');
    part('word-h').textContent = formatVector(answer.h);
    part('word-output-separate').hidden = answer.tied;
    part('word-output-tied').hidden = !answer.tied;
    part('word-temperature-value').textContent = formatNumber(temperature);
    part('word-notes').textContent = notes(answer);
    part('word-steps').textContent = answer.steps === null ? 'loaded from a file' : `at step ${count.format(answer.steps)}`;
    part('top-word').textContent = best.length === 1
      ? `${rows[0].word} with ${formatNumber(rows[0].probability * 100, 1)}%`
      : `${best.map((i) => rows[i].word).join(', ')} tie with ${formatNumber(rows[0].probability * 100, 1)}% each`;
    part('word-entropy').textContent = `${formatNumber(answer.entropyBits)} bits`;
    part('word-max-entropy').textContent = `${formatNumber(uniformBits(answer.vocabSize))} bits`;
    part('word-count').textContent = count.format(answer.vocabSize);
  }

  /** What the model did with the typed words: those it left out, and the unknown ones it read as <unk>. */
  function notes({ unknown, leftOut, window }) {
    return [
      leftOut.length ? `The model reads the last ${window} words only: ${leftOut.join(' ')} left out.` : '',
      ...unknown.map((word) => `Unknown word ${word} → <unk>.`),
    ].filter(Boolean).join(' ');
  }

  /** The entropy of V equally likely words, log2 V, from the core. */
  function uniformBits(V) {
    return core.scope(() => core.entropyBits(core.softmax(new Array(V).fill(0), 1)));
  }

  state.watch(['temperature'], () => { if (active) ask(); });
  return {
    /** Starts scoring with the word model; onFailure(message) hears if the first question fails. */
    show(onFailure) {
      active = true;
      if (!following) following = onModelChange(() => { if (active) ask(); });  // the bars follow the model as it trains
      firstFailure = shown === null ? onFailure : null;
      ask();
    },
    /** Stops scoring with the word model (the section went back to C). */
    hide() {
      active = false;
      showMessage(message, '');
    },
  };
}
