// Section 7: train a character model in a Web Worker and sample from it. The worker's core does
// every computation; this module sends commands, and draws the progress, the loss curve, the
// embedding's projection and the samples that come back.
import { el, select, showMessage } from '../dom.js';
import { formatNumber } from '../format.js';
import { BarChart } from '../figures/bar_chart.js';
import { MatrixView } from '../figures/matrix_view.js';
import { LossChart } from '../figures/loss_chart.js';
import { ScatterPlot } from '../figures/scatter_plot.js';
import { startTrainingWorker } from '../training/client.js';
import { loadDatasets } from '../training/datasets.js';

const count = new Intl.NumberFormat('en-US');
const maxTextBytes = 5 * 1000 * 1000;

/** The settings a reader can change, with their limits (the core checks them again). */
const settings = [
  { key: 'context', label: 'Context B', min: 1, max: 16, step: 1 },
  { key: 'embed', label: 'Embedding d', min: 1, max: 64, step: 1 },
  { key: 'hidden', label: 'Hidden H', min: 1, max: 512, step: 1 },
  { key: 'batch', label: 'Batch', min: 1, max: 512, step: 1 },
  { key: 'steps', label: 'Steps', min: 1, max: 200000, step: 1 },
  { key: 'lr', label: 'Learning rate', min: 1e-6, max: 1e38, step: 'any' },
  { key: 'lrFinal', label: 'Final learning rate', min: 1e-6, max: 1e38, step: 'any' },
  { key: 'decayAt', label: 'Decay at step', min: 0, max: 200000, step: 1 },
  { key: 'seed', label: 'Seed', min: 0, max: 2 ** 31, step: 1 },
];

/**
 * Mounts the section; returns what the message API may do with it: train(), pause() and
 * sample(). `emit(name, extra)` reports the events 'trained' and 'sampled'.
 */
export function mountTraining({ root, state, emit = () => {} }) {
  const part = (id) => root.getElementById(id);
  const message = part('training-message');
  const chart = new LossChart(part('loss-chart'), { label: 'Loss curve of the training run' });
  const scatter = new ScatterPlot(part('scatter'), { label: 'The embedding table projected to two dimensions, one labelled point per character' });
  showMessage(message, '');
  let symbols = [], samples = [], ownText = null, uploadedBytes = null;
  let startedAt = 0, startedStep = 0, trained = false, running = false;
  let pending = 0;  // steps to train once the trainer being created is there

  const worker = startTrainingWorker(answer);

  // ---- Dataset ----
  const ownArea = el('textarea', { rows: 5, 'aria-label': 'Your own text, one example per line', hidden: true,
    placeholder: 'One example per line, e.g.\nalice\nbob', oninput: () => { uploadedBytes = null; ownText = ownArea.value; } });
  const upload = el('input', { type: 'file', accept: '.txt,text/plain', 'aria-label': 'Upload a text file (UTF-8, one example per line)', hidden: true,
    onchange: async () => {
      const file = upload.files[0];
      if (!file) return;
      if (file.size > maxTextBytes) return showMessage(message, `${file.name} is ${count.format(file.size)} bytes, more than the ${count.format(maxTextBytes)} this page takes.`);
      uploadedBytes = new Uint8Array(await file.arrayBuffer());
      ownArea.value = '';
      showMessage(message, `${file.name} (${count.format(file.size)} bytes) will be used when you train.`);
    } });
  part('dataset-controls').replaceChildren(
    select('Dataset', [{ value: 'names', label: 'US first names' }, { value: 'words', label: 'English words' }, { value: 'own', label: 'Your own text' }],
      state.get('dataset'), (value) => {
        state.set('dataset', value);
        ownArea.hidden = upload.hidden = value !== 'own';
      }),
    ownArea, upload);
  ownArea.hidden = upload.hidden = state.get('dataset') !== 'own';

  // ---- Settings ----
  const inputs = settings.map(({ key, label, min, max, step }) => el('label', { class: 'field' }, el('span', {}, label),
    el('input', { type: 'number', min, max, step, value: state.get('training')[key], 'aria-label': label,
      onchange: (event) => {
        const value = Number(event.target.value);
        const integer = step === 1;
        if (event.target.value.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
          showMessage(message, `${label} “${event.target.value}” must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${count.format(max)}: it stays ${state.get('training')[key]}.`);
          event.target.value = state.get('training')[key];
          return;
        }
        showMessage(message, '');
        state.set('training', { ...state.get('training'), [key]: value });
      } })));
  const init = select('Initialisation', [{ value: 'scaled', label: 'scaled (small output layer)' }, { value: 'lecture', label: 'lecture (standard normal)' }],
    state.get('training').init, (value) => state.set('training', { ...state.get('training'), init: value }));
  part('settings-controls').replaceChildren(...inputs, init);

  // ---- Running ----
  const trainButton = el('button', { type: 'button', onclick: () => train() }, 'Train');
  const pauseButton = el('button', { type: 'button', disabled: true, onclick: () => worker.send({ type: 'pause' }) }, 'Pause');
  const resetButton = el('button', { type: 'button', onclick: () => create(false) }, 'Reset');
  const progress = el('progress', { max: 1, value: 0, 'aria-label': 'Training progress' });
  part('run-controls').replaceChildren(trainButton, pauseButton, resetButton, progress);

  /** The text to train on: a bundled dataset, the pasted text, or the uploaded file's bytes. */
  async function datasetText() {
    const dataset = state.get('dataset');
    if (dataset !== 'own') return (await loadDatasets())[dataset];
    if (uploadedBytes) return uploadedBytes;
    const text = ownText ?? '';
    if (new TextEncoder().encode(text).length > maxTextBytes) throw new Error(`the text is more than ${count.format(maxTextBytes)} bytes`);
    return text;
  }

  /** A new trainer with the current settings (the same seed gives the same start), then train if asked. */
  async function create(thenTrain) {
    try {
      const text = await datasetText();
      const { steps, ...config } = state.get('training');
      pending = thenTrain ? steps : 0;
      worker.send({ type: 'create', text, config });
    } catch (error) {
      showMessage(message, `${error.message}. The current model stays.`);
    }
  }

  function train() {
    showMessage(message, '');
    if (!trained) create(true);
    else worker.send({ type: 'train', until: state.get('training').steps });
  }
  state.watch(['training', 'dataset'], () => { trained = false; });  // new settings: the next Train starts afresh

  function setRunning(value) {
    running = value;
    pauseButton.disabled = !running;
    trainButton.textContent = running ? 'Training…' : trained ? 'Resume' : 'Train';
    trainButton.disabled = running;
  }

  function showModel({ symbols: s, projection }) {
    symbols = s;
    scatter.update(projection, symbols);
    part('scatter-caption').textContent = `The embedding table (${symbols.length} characters), projected to two dimensions`;
  }

  function answer(data) {
    switch (data.type) {
      case 'created':
        trained = true;
        chart.clear();
        chart.addDev(0, data.dev);
        showModel(data);
        part('final-losses').textContent = `Before training: dev loss ${formatNumber(data.dev, 3)} (${count.format(data.info.trainSize)} training examples, ${data.symbols.length} symbols).`;
        progress.max = state.get('training').steps;
        progress.value = 0;
        if (pending > 0) {
          startedAt = performance.now();
          startedStep = 0;
          setRunning(true);
          worker.send({ type: 'train', until: pending });
        } else {
          setRunning(false);
          part('progress-text').textContent = 'Ready: the weights are back at their random start.';
        }
        break;
      case 'progress': {
        if (!running) { setRunning(true); startedAt = performance.now(); startedStep = data.info.steps; }
        const total = state.get('training').steps;
        const rate = (data.info.steps - startedStep) / Math.max((performance.now() - startedAt) / 1000, 1e-3);
        progress.max = total;
        progress.value = data.info.steps;
        chart.addBatch(data.info.steps, data.meanLoss);
        showModel(data);
        part('progress-text').textContent = `Step ${count.format(data.info.steps)} of ${count.format(total)}, ` +
          `${count.format(Math.round(rate))} steps a second, about ${Math.max(0, Math.ceil((total - data.info.steps) / Math.max(rate, 1)))} s left. ` +
          `Minibatch loss ${formatNumber(data.meanLoss, 3)}, learning rate ${Number(data.info.learningRate.toPrecision(3))}.`;
        break;
      }
      case 'evaluated':
        chart.addDev(data.steps, data.dev);
        break;
      case 'finished':
        setRunning(false);
        emit('trained', { steps: data.info.steps, losses: { train: data.train, dev: data.dev, test: data.test } });
        chart.addDev(data.info.steps, data.dev);
        part('final-losses').textContent = `After ${count.format(data.info.steps)} steps: train loss ${formatNumber(data.train, 3)}, ` +
          `dev loss ${formatNumber(data.dev, 3)}, test loss ${formatNumber(data.test, 3)}.`;
        break;
      case 'stopped':
        setRunning(false);
        showMessage(message, `Training stopped: ${data.message}`);
        break;
      case 'opened':
        showModel(data);
        showOpenedStep(data);
        progress.value = data.info.steps;
        break;
      case 'samples':
        samples = data.samples;
        showSamples();
        emit('sampled', { samples: samples.map(({ text }) => text) });
        break;
      case 'model':
        download('embedlab-model.json', data.json, 'application/json');
        break;
      case 'projector':
        download('embedlab-vectors.tsv', data.vectors, 'text/tab-separated-values');
        download('embedlab-metadata.tsv', data.metadata, 'text/tab-separated-values');
        break;
      case 'loaded':
        trained = false;
        setRunning(false);
        showModel(data);
        showMessage(message, '');
        part('final-losses').textContent = `Loaded a model of ${data.symbols.length} symbols: it samples; training starts a new model.`;
        break;
      case 'error':
        if (data.command === 'train' || data.command === 'create') setRunning(false);
        showMessage(message, `${data.message}. ${data.command === 'load' ? 'The current model stays.' : ''}`.trim());
        break;
      default:
        break;
    }
  }

  // ---- One step, opened up ----
  const gradientBox = el('div', { class: 'scroll heat', tabindex: '0', role: 'region', 'aria-label': 'The gradient of the embedding table' });
  const gradientView = new MatrixView(gradientBox, { label: 'Gradient of the embedding table dC, one row per character', decimals: 3 });
  part('step-controls').replaceChildren(el('button', { type: 'button', onclick: () => worker.send({ type: 'step' }) }, 'Take one step and open it up'));
  function showOpenedStep({ info, loss, batch, gradient }) {
    const shown = (id) => (symbols[id] === ' ' ? '␠' : symbols[id]);
    const used = new Set(batch.contexts.flat());
    const zeroRows = gradient.map((row, id) => (row.every((g) => g === 0) ? id : -1)).filter((id) => id >= 0);
    part('opened-step').replaceChildren(
      el('p', {}, `Step ${count.format(info.steps)}: minibatch loss ${formatNumber(loss, 3)}. Its ${batch.targets.length} examples, context → next character:`),
      el('ol', { class: 'batch' }, batch.contexts.map((context, b) => el('li', {}, el('code', {}, `${context.map(shown).join('')} → ${shown(batch.targets[b])}`)))),
      el('p', {}, `Characters in the contexts: ${[...used].sort((a, b) => a - b).map(shown).join(' ')}. ` +
        `Rows of dC that are exactly zero: ${zeroRows.map(shown).join(' ') || 'none'}.`),
      gradientBox);
    gradientView.update(gradient, { rowLabels: symbols.map((_, id) => shown(id)), litRows: [...used], shade: true,
      colLabels: gradient[0].map((_, c) => String(c)) });
  }

  // ---- Sampling ----
  const sampleSettings = { count: 10, temperature: 1, topK: 0, topP: 1, seed: 1 };
  const sampleField = (key, label, attributes) => el('label', { class: 'field' }, el('span', {}, label), el('input', {
    type: 'number', value: sampleSettings[key], 'aria-label': label, ...attributes,
    onchange: (event) => {
      const value = Number(event.target.value);
      if (event.target.value.trim() === '' || !Number.isFinite(value) || value < attributes.min || value > attributes.max) {
        showMessage(message, `${label} “${event.target.value}” must be from ${attributes.min} to ${attributes.max}: it stays ${sampleSettings[key]}.`);
        event.target.value = sampleSettings[key];
        return;
      }
      sampleSettings[key] = value;
    } }));
  part('sample-controls').replaceChildren(
    sampleField('count', 'Samples', { min: 1, max: 50, step: 1 }),
    sampleField('temperature', 'Temperature', { min: 0, max: 5, step: 0.1 }),
    sampleField('topK', 'Top-k (0 = all)', { min: 0, max: 500, step: 1 }),
    sampleField('topP', 'Top-p', { min: 0.01, max: 1, step: 0.05 }),
    sampleField('seed', 'Sample seed', { min: 0, max: 2 ** 31, step: 1 }),
    el('button', { type: 'button', onclick: () => sample() }, 'Sample'));
  function sample() {
    worker.send({ type: 'sample', count: sampleSettings.count, seed: sampleSettings.seed,
      options: { temperature: sampleSettings.temperature, topK: sampleSettings.topK, topP: sampleSettings.topP, maxLength: 30 } });
  }

  const stepBars = new BarChart(el('div'), { label: 'The probabilities of the next character at this step' });
  function showSamples() {
    part('samples').replaceChildren(...samples.map((s, i) => el('li', {}, el('button', { type: 'button', class: 'sample',
      onclick: () => showStep(i, 0) }, s.text === '' ? '(empty)' : s.text))));
    part('step-through').replaceChildren();
  }
  /** One step of a sample, opened up: its context, the softmax bars (filtered symbols greyed) and the symbol drawn. */
  function showStep(which, step) {
    const sample = samples[which], s = sample.steps[step];
    const shown = (id) => (symbols[id] === ' ' ? '␠' : symbols[id]);
    const navigation = el('div', { class: 'buttons' },
      el('button', { type: 'button', disabled: step === 0, onclick: () => showStep(which, step - 1) }, 'Previous step'),
      el('button', { type: 'button', disabled: step === sample.steps.length - 1, onclick: () => showStep(which, step + 1) }, 'Next step'));
    stepBars.update(s.probs.map((p, id) => ({ label: shown(id), value: p, text: `${formatNumber(p * 100, 1)}%` })),
      { top: s.drawn, dimmed: s.kept.map((k, id) => (k === 0 ? id : -1)).filter((id) => id >= 0) });
    part('step-through').replaceChildren(
      el('h4', {}, `“${sample.text}”, step ${step + 1} of ${sample.steps.length}`),
      el('p', {}, 'Context ', el('code', {}, s.context.map(shown).join(' ')), ' → drawn ', el('strong', {}, shown(s.drawn)),
        s.drawn === 0 ? ' (the boundary: the sample ends)' : ''),
      navigation, stepBars.container);
    navigation.querySelector('button:not([disabled])')?.focus();
  }

  // ---- Keeping the model ----
  const modelFile = el('input', { type: 'file', accept: '.json,application/json', 'aria-label': 'Load a model file (JSON)',
    onchange: async () => {
      const file = modelFile.files[0];
      if (file) worker.send({ type: 'load', json: await file.text() });
      modelFile.value = '';
    } });
  part('model-controls').replaceChildren(
    el('button', { type: 'button', onclick: () => worker.send({ type: 'model' }) }, 'Download the model (JSON)'),
    el('button', { type: 'button', onclick: () => worker.send({ type: 'projector' }) }, 'Export for the Embedding Projector (TSV)'),
    el('label', { class: 'field' }, el('span', {}, 'Load a model'), modelFile));

  return { train, pause: () => worker.send({ type: 'pause' }), sample };

  function download(name, text, type) {
    const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
}
