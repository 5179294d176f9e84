// Section 8, "Learned, not defined": a word model (CBOW) trains in a Web Worker on a tiny corpus
// or on WordNet's glosses, and the reader watches meaning emerge: the loss against the uniform
// guess, the cosines of chosen pairs, a word's nearest neighbours and chosen words in 2-D, all
// computed by the worker's core. "Why no duplicates?" starts a model in which two words share
// one vector and shows training push them apart.
//
// Phases, as in section 7: idle (with or without a model), creating, running, pausing. A model
// is { steps, goal, recipe, copy, tied, loaded }: goal the run's steps (its learning rate falls to its
// floor there), recipe what it was built from, so the page can say when a change needs a new
// model, copy the pair of the duplicates experiment, if it started with one, tied whether its
// output is E itself (its file then holds no W_U), loaded when it was
// read from a file (it is not trained further: its recipe is null, so Train builds a new one).
// The model's file downloads, exports for the Embedding Projector and loads back (training/keep.js).
import { el } from '../dom.js';
import { formatNumber } from '../format.js';
import { LineChart } from '../figures/line_chart.js';
import { startTrainingWorker } from '../training/client.js';
import { answer, command, kinds } from '../training/protocol.js';
import { corpora } from '../data/word_corpora.js';
import { bounded, count, messageSlot } from './training/common.js';
import { mountKeep } from './training/keep.js';
import { mountCorpus } from './learned/corpus.js';
import { mountWatch, wordList } from './learned/watch.js';

// The worker's answers after which the word model's numbers are not what they were.
const modelChanging = new Set([answer.created, answer.progress, answer.finished, answer.stopped, answer.loaded, answer.died]);

export function mountLearned({ root, state }) {
  const part = (id) => root.getElementById(id);
  const say = (id, text) => { part(id).textContent = text; };
  const runMessage = messageSlot(part('learned-run-message'));
  const duplicateMessage = messageSlot(part('learned-duplicate-message'));
  const lossChart = new LineChart(part('learned-loss-chart'), { label: 'Loss of the word model over the training steps', yLabel: 'loss (nats)' });
  let phase = 'idle', model = null, uniform = null;
  let pending = null;       // while creating: { recipe, goal, train, watch, copy }
  let watchAsked = null;    // a watch sent to the worker, until it answers
  let worker = null;        // started when the reader first trains
  let startedAt = 0, startedStep = 0, shownCorpus = null;
  let shown = null;         // the last report drawn, for the exercises: { steps, words, watch, cosines, neighbours }
  const asked = [];         // section 5's nextWords questions sent to the worker, oldest first: { resolve, reject }
  const modelListeners = new Set();  // section 5's: called when the model's numbers change (a new model, a step, a load)

  const send = (message) => {
    worker ??= startTrainingWorker(receive);
    worker.send(message);
  };

  // Named apart from section 7's Train and Pause, so that each button's name says which model it runs.
  const trainButton = el('button', { type: 'button', onclick: () => act(runMessage, train) }, 'Learn the vectors');
  const pauseButton = el('button', { type: 'button', onclick: () => act(runMessage, pause) }, 'Stop for now');
  const resetButton = el('button', { type: 'button', onclick: () => act(runMessage, () => create({ train: false })) }, 'Start again from random vectors');
  const progress = el('progress', { max: 1, value: 0, 'aria-label': 'Training progress of the word model' });
  part('learned-run-controls').replaceChildren(trainButton, pauseButton, resetButton, progress);

  const wordField = (label) => {
    const input = el('input', { type: 'text', size: 10, spellcheck: 'false', autocapitalize: 'off', 'aria-label': label, list: wordList });
    return { input, field: el('label', { class: 'field' }, el('span', {}, label), input) };
  };
  const [from, to] = [wordField('Copy the vector of'), wordField('to the word')];
  const duplicateButton = el('button', { type: 'button', onclick: () => act(duplicateMessage, duplicate) }, 'Start with these two vectors equal, and learn');
  part('learned-duplicate-controls').replaceChildren(from.field, to.field, duplicateButton);
  const keep = mountKeep({ root, kind: kinds.words, controls: part('learned-keep-controls'), message: part('learned-keep-message'), send,
    loadExtras: () => ({ watch: watch.watch }) });  // the loaded model shows what is watched, if it holds those words
  const watch = mountWatch({ part, initial: corpora[state.get('wordCorpus')].watch, onWatch: askToWatch });
  const corpus = mountCorpus({ part, state, onChange: changed });  // calls changed() at once: after everything it uses

  /** Runs a button's action; what it refuses is said in `slot`. */
  function act(slot, action) {
    slot.clear();
    try {
      action();
    } catch (error) {
      slot.show(`${error.message}.`);
    }
  }

  /** Whether Train needs a new model: none yet, or the corpus or a setting changed since it was built. */
  function stale() {
    return !model || model.recipe !== corpus.recipe();
  }

  function render() {
    const idle = phase === 'idle', fresh = stale();
    trainButton.textContent = { creating: 'Starting…', running: 'Learning…', pausing: 'Stopping…' }[phase]
      ?? (fresh ? (model ? 'Learn anew from random vectors' : 'Learn the vectors')
        : model.steps === 0 ? 'Learn the vectors' : model.steps >= model.goal ? 'Learned' : `Continue to ${count.format(model.goal)} steps`);
    trainButton.disabled = !idle || (!fresh && model.steps >= model.goal);
    pauseButton.disabled = phase !== 'running';
    resetButton.disabled = duplicateButton.disabled = phase === 'creating';
    progress.max = model?.goal ?? 1;
    progress.value = model ? model.steps : 0;
  }

  /** The corpus, its text or a setting changed: a new corpus also brings its own words to watch. */
  function changed() {
    if (state.get('wordCorpus') !== shownCorpus) {  // (also called while mountCorpus runs, before `corpus` is set)
      shownCorpus = state.get('wordCorpus');
      const { watch: words, copy } = corpora[shownCorpus];
      if (!model) watch.reset(words);
      [from.input.value, to.input.value] = [copy.from, copy.to];
    }
    if (model && !model.loaded && stale()) say('learned-progress', 'You changed the corpus or a setting: that needs a new model, which “Learn anew from random vectors” starts from step 0.');
    render();
  }

  function train() {
    if (phase !== 'idle') throw new Error(`the model is ${phase === 'creating' ? 'being built' : 'training'}: wait, or pause first`);
    if (stale()) return create({ train: true });
    if (model.steps >= model.goal) throw new Error(`the run has taken all its ${count.format(model.goal)} steps: change Steps for a new run`);
    return run();
  }

  function run() {
    phase = 'running';
    startedAt = performance.now();
    startedStep = model.steps;
    say('learned-progress', `Training from step ${count.format(model.steps)}…`);
    send({ type: command.train, until: model.goal });
    render();
  }

  function pause() {
    if (phase === 'creating' && pending) pending.train = false;  // the new model will wait at step 0
    if (phase !== 'running') return;
    phase = 'pausing';
    send({ type: command.pause });
    render();
  }

  /** The duplicates experiment: a new model in which `to` starts with the vector of `from`, then training. */
  function duplicate() {
    const [a, b] = [from.input.value.trim().toLowerCase(), to.input.value.trim().toLowerCase()];
    if (!a || !b) throw new Error('write a word in each field');
    if (a === b) throw new Error(`“${a.slice(0, 40)}” twice: choose two different words`);
    create({ train: true, copy: { from: a, to: b } });
  }

  /** A new model from the current corpus and settings (the same seed gives the same start). */
  async function create({ train: trainAfter, copy = null }) {
    if (phase === 'running' || phase === 'pausing') send({ type: command.pause });
    phase = 'creating';
    render();
    say('learned-progress', corpus.corpus() === 'wordnet' ? 'Reading WordNet’s glosses into words and examples (a few seconds)…' : 'Reading the corpus…');
    try {
      const text = await corpus.text();
      const config = corpus.settings();
      const pairs = copy ? [[copy.from, copy.to], ...watch.watch.pairs.filter(([a, b]) => a !== copy.from || b !== copy.to)] : watch.watch.pairs;
      const next = { ...watch.watch, pairs };
      pending = { recipe: corpus.recipe(), goal: config.steps, tied: config.tied, train: trainAfter, watch: next, copy };
      send({ type: command.create, kind: kinds.words, text, config, watch: next, copy });
    } catch (error) {
      phase = 'idle';
      runMessage.show(`${error.message}. ${model ? 'The current model stays.' : ''}`.trim());
      render();
    }
  }

  function askToWatch(next) {
    if (!model) return watch.reset(next);  // the next model watches it
    watchAsked = next;
    return send({ type: command.watch, watch: next });
  }

  /** A report's numbers: the loss point, the watched view, and the duplicates pair's cosine. */
  function show(step, data) {
    watch.show(step, data);
    if (data.cosines) shown = { ...shown, steps: step, watch: watch.watch, cosines: data.cosines, neighbours: data.neighbours };
    const copied = model.copy ? watch.watch.pairs.findIndex(([a, b]) => a === model.copy.from && b === model.copy.to) : -1;
    if (copied >= 0 && data.cosines) {
      say('learned-duplicate-result', `cos(${model.copy.from}, ${model.copy.to}) = ${formatNumber(data.cosines[copied], 3)} at step ${count.format(step)}` +
        ' (it was 1.000 at step 0).');
    }
  }

  function showProgress(info, meanLoss) {
    const seconds = Math.max((performance.now() - startedAt) / 1000, 1e-3), rate = (info.steps - startedStep) / seconds;
    say('learned-progress', `Step ${count.format(info.steps)} of ${count.format(model.goal)}, ${count.format(Math.round(rate * info.batch))} words a second, ` +
      `about ${Math.max(0, Math.ceil((model.goal - info.steps) / Math.max(rate, 1e-3)))} s left. Minibatch loss ${formatNumber(meanLoss, 3)}, ` +
      `learning rate ${Number(info.learningRate.toPrecision(3))}.`);
  }

  function receive(data) {
    switch (data.type) {
      case answer.ready:
        break;
      case answer.created: {
        const { recipe, goal, tied, watch: watched, copy } = pending;
        model = { steps: 0, goal, recipe, copy, tied };
        uniform = data.uniform;
        phase = 'idle';
        lossChart.reset(['minibatch loss', 'uniform guess, ln V']);
        lossChart.add(0, [null, uniform]);
        part('learned-loss-chart').hidden = false;
        watch.reset(watched);
        watch.offer(data.words);
        shown = { words: data.words };
        show(0, data);
        if (!copy) say('learned-duplicate-result', '');
        say('learned-losses', `Before training: dev loss ${formatNumber(data.dev, 3)} nats on ${count.format(data.info.devSize)} held-out examples; ` +
          `${count.format(data.info.vocabSize)} words (with “.” and “<unk>”), so the uniform guess scores ln ${count.format(data.info.vocabSize)} = ${formatNumber(uniform, 3)}.`);
        if (pending.train) run();
        else say('learned-progress', 'Ready at step 0: the vectors are random noise.');
        pending = null;
        break;
      }
      case answer.progress:
        if (!model) break;
        model.steps = data.info.steps;
        lossChart.add(data.info.steps, [data.meanLoss, uniform]);
        show(data.info.steps, data);
        showProgress(data.info, data.meanLoss);
        break;
      case answer.model:
        keep.downloadModel(data.json);
        keep.message.show(`The ${model.loaded ? 'loaded word model’s file (format “embedlab-words”)' : `word model’s file (format “embedlab-words”) at step ${count.format(model.steps)}`}: its words, ${model.tied ? 'E (which is also its output: no W_U) and b' : 'E, W_U and b'}.`);
        break;
      case answer.projector:
        keep.downloadProjector(data);
        break;
      case answer.loaded: {
        const { vocabSize, window, embed, tied } = data.info;
        const watched = watch.watch;
        phase = 'idle';
        pending = null;
        model = { steps: 0, goal: 0, recipe: null, copy: null, tied, loaded: true };
        lossChart.reset(['minibatch loss', 'uniform guess, ln V']);
        part('learned-loss-chart').hidden = true;  // a loaded model has no training steps to chart
        watch.reset(data.watch);
        watch.offer(data.words);
        shown = { words: data.words };
        show(null, data);
        say('learned-duplicate-result', '');
        say('learned-losses', '');
        say('learned-progress', 'A loaded model is not trained further: “Learn anew from random vectors” trains a new one on the chosen corpus.');
        keep.message.show(`Loaded a word model of ${count.format(vocabSize)} words (with “.” and “<unk>”): window ${window}, ${embed}-dimensional vectors, ` +
          `${tied ? 'W_U tied to E' : 'its own W_U'}. The views above show it${JSON.stringify(data.watch) === JSON.stringify(watched) ? '' : ', with its most frequent words: it does not hold all the words that were watched'}.`);
        break;
      }
      case answer.watched:
        watch.reset(watchAsked, { keepChart: true });
        show(data.info.steps ?? null, data);  // a loaded model has no steps
        break;
      case answer.paused:
        if (phase !== 'pausing') return;
        phase = 'idle';
        if (data.info) model.steps = data.info.steps;
        say('learned-progress', `Paused at step ${count.format(model.steps)} of ${count.format(model.goal)}: Continue picks up from here.`);
        break;
      case answer.finished:
        phase = 'idle';
        model.steps = data.info.steps;
        say('learned-progress', `Finished: step ${count.format(model.steps)} of ${count.format(model.goal)}.`);
        say('learned-losses', `After ${count.format(model.steps)} steps: dev loss ${formatNumber(data.dev, 3)} nats, against ${formatNumber(uniform, 3)} for the uniform guess.`);
        break;
      case answer.stopped:
        phase = 'idle';
        model.steps = data.info.steps;
        runMessage.show(`Training stopped: ${bounded(data.message)}. Lower the learning rate and learn anew.`);
        break;
      case answer.nextWords:
        asked.shift()?.resolve(data);
        break;
      case answer.died:
        asked.splice(0).forEach(({ reject }) => reject(new Error(`the training worker stopped (${bounded(data.message)}) and lost the word model`)));
        phase = 'idle';
        model = null;
        shown = null;
        runMessage.show(`The training worker stopped (${bounded(data.message)}) and lost its model. A fresh one has started: press “Learn the vectors” to start again.`);
        break;
      case answer.error:
        if (data.command === command.watch) {
          watch.message.show(`${bounded(data.message)}. What was watched stays.`);
          watch.refill();
          break;
        }
        if (data.command === command.nextWords) {
          asked.shift()?.reject(new Error(bounded(data.message)));
          break;
        }
        if (data.command === command.model || data.command === command.projector || data.command === command.load) {
          keep.message.show(`${bounded(data.message)}.${data.command === command.load ? (model ? ' The current model stays.' : ' Nothing changed.') : ''}`);
          break;
        }
        if (data.command === command.create || data.command === command.train) phase = 'idle';
        (pending?.copy ? duplicateMessage : runMessage).show(`${bounded(data.message)}. ${model ? 'The current model stays.' : 'Nothing changed.'}`);
        pending = null;
        break;
      default:
        runMessage.show(`The training worker sent an answer this page does not know (“${String(data?.type).slice(0, 40)}”).`);
    }
    render();
    if (modelChanging.has(data.type)) modelListeners.forEach((listener) => listener());
  }

  render();
  return { liveNumbers, nextWords, onWordModelChange };

  /** Calls listener() whenever the word model changes (a new model, trained steps, a load); returns true. */
  function onWordModelChange(listener) {
    modelListeners.add(listener);
    return true;
  }

  /**
   * What the word model says of the word after `context` (text) at temperature T, its `top` words
   * best first: a promise of the worker's nextWords answer (training/protocol.js), for section 5.
   * Rejects, saying what to do, before any model and when the core refuses the context.
   */
  function nextWords(context, temperature, top) {
    if (!model) return Promise.reject(new Error('there is no word model yet: train one in section 8 or load one there first'));
    return new Promise((resolve, reject) => {
      asked.push({ resolve, reject });
      send({ type: command.nextWords, context, temperature, top });
    });
  }

  /**
   * What the section shows of the model, for the exercises: the cosine of a watched pair
   * (query.pair) and the nearest word to the watched word (query.word), as { symbols (the
   * model's words), steps, cosine, nearest (an index into symbols) }. Rejects, saying what to do,
   * before any model or when the pair or word is not the one watched.
   */
  async function liveNumbers({ pair, word } = {}) {
    if (!model || !shown?.watch) throw new Error('there is no word model yet: press “Learn the vectors” first');
    const numbers = { symbols: shown.words, steps: shown.steps };
    if (pair) {
      const at = shown.watch.pairs.findIndex(([a, b]) => [a, b].sort().join() === [...pair].sort().join());  // either order: cosine is symmetric
      if (at < 0) throw new Error(`the pair ${pair.join(', ')} is not among the watched pairs: add it first`);
      numbers.cosine = shown.cosines[at];
    }
    if (word) {
      if (shown.watch.word !== word) throw new Error(`set “Neighbours of” to ${word} first`);
      numbers.nearest = shown.words.indexOf(shown.neighbours[0][0]);
    }
    return numbers;
  }
}
