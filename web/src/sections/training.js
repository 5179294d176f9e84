// Section 7: train a character model in a Web Worker and sample from it. The worker's core does
// every computation; this module keeps the one state machine of the run (its phase and the
// model it has) and routes the worker's answers to the sub-views in training/: the form, the
// map, the opened-up step, sampling and keeping the model.
//
// Phases: idle (with or without a model), creating (a new model is being built), running,
// pausing (Pause was pressed; the worker will say `paused`). A model is { steps, trainable,
// recipe }: trainable when the worker holds its trainer (not for a loaded file), recipe the
// settings it was built from, so the page can say when a change means a new model.
//
// The worker reports progress every few tens of milliseconds; the page draws the latest report
// once per frame (frame.js), so that however busy the machine, no report makes the page wait.
import { el } from '../dom.js';
import { formatNumber } from '../format.js';
import { oncePerFrame } from '../frame.js';
import { LossChart } from '../figures/loss_chart.js';
import { startTrainingWorker } from '../training/client.js';
import { createLiveNumbers } from './training/live.js';
import { loadDatasets } from '../training/datasets.js';
import { answer, command } from '../training/protocol.js';
import { bounded, count, messageSlot } from './training/common.js';
import { mountForm } from './training/form.js';
import { mountMap } from './training/map.js';
import { mountOpenedStep } from './training/opened_step.js';
import { mountSampling } from './training/sampling.js';
import { mountKeep } from './training/keep.js';

/**
 * Mounts the section; returns what the message API may do with it: train(), pause() and
 * sample(), each throwing an Error that says why when it cannot. `emit(name, extra)` reports the
 * events 'trained' and 'sampled'.
 */
export function mountTraining({ root, state, emit = () => {} }) {
  const part = (id) => root.getElementById(id);
  const runMessage = messageSlot(part('run-message'));
  const chart = new LossChart(part('loss-chart'), { label: 'Loss curve of the training run' });
  let phase = 'idle', model = null, symbols = [];
  let pending = null;  // while creating: { recipe, steps to train once created }
  let startedAt = 0, startedStep = 0;
  let reported = null;  // the latest progress report, drawn with the next frame

  const worker = startTrainingWorker(receive);
  const send = (message) => worker.send(message);
  const live = createLiveNumbers(send);  // what the trained model says, for the exercises
  const form = mountForm({ part, state, onTextChange: render, continuing: () => model?.trainable && model.steps > 0 && changes().length === 0 });
  const map = mountMap({ part, send });
  const openedStep = mountOpenedStep({ part, onStep: () => act(step) });
  const sampling = mountSampling({ part, send });
  const keep = mountKeep({ root, controls: part('model-controls'), message: part('model-message'), send });

  const trainButton = el('button', { type: 'button', onclick: () => act(train) }, 'Train');
  const pauseButton = el('button', { type: 'button', onclick: () => act(pause) }, 'Pause');
  const resetButton = el('button', { type: 'button', onclick: () => act(() => create(0)) }, 'Reset to a random start');
  const progress = el('progress', { max: 1, value: 0, 'aria-label': 'Training progress' });
  part('run-controls').replaceChildren(trainButton, pauseButton, resetButton, progress);

  const target = () => state.get('training').steps;
  const changes = () => (model?.trainable ? form.changes(model.recipe) : []);
  const say = (id, text) => setText(part(id), text);

  /** Runs a button's action; what it refuses is said beside the run buttons. */
  function act(action) {
    try {
      action();
    } catch (error) {
      runMessage.show(`${error.message}.`);
    }
  }

  /** Buttons and their labels from the phase and the model: what each will do now. */
  function render() {
    const idle = phase === 'idle', fresh = !model?.trainable || changes().length > 0;
    const done = !fresh && model.steps >= target();
    setText(trainButton, { creating: 'Starting…', running: 'Training…', pausing: 'Pausing…' }[phase]
      ?? (fresh ? (model ? 'Train a new model' : 'Train') : model.steps === 0 ? 'Train' : `Continue to ${count.format(target())} steps`));
    trainButton.disabled = !idle || done;
    pauseButton.disabled = phase !== 'running';
    resetButton.disabled = phase === 'creating';
    openedStep.button.disabled = !idle || fresh;
    setProperty(progress, 'max', target());
    setProperty(progress, 'value', model?.trainable ? Math.min(model.steps, target()) : 0);
    const changed = changes();
    say('run-note', changed.length > 0
      ? `You changed ${changed.join(', ')}: that needs a new model, which “Train a new model” starts from step 0. Until then the current model stays.`
      : done ? `The model has trained ${count.format(model.steps)} steps: raise Steps to continue training it.` : '');
  }
  state.watch(['training', 'dataset'], () => {
    if (phase === 'running' && changes().length === 0) send({ type: command.train, until: target() });  // a new goal for the run
    render();
  });

  function train() {
    if (phase !== 'idle') throw new Error(`the model is ${phase === 'creating' ? 'being built' : 'training'}: wait, or pause first`);
    if (!model?.trainable || changes().length > 0) return create(target());
    if (model.steps >= target()) throw new Error(`the model has trained ${count.format(model.steps)} steps, as many as Steps asks: raise Steps to train further`);
    return run();
  }

  function run() {
    phase = 'running';
    startedAt = performance.now();
    startedStep = model.steps;
    runMessage.clear();
    say('progress-text', `Training from step ${count.format(model.steps)}…`);
    send({ type: command.train, until: target() });
    render();
  }

  function pause() {
    if (phase === 'creating' && pending) pending.steps = 0;  // the new model will wait at step 0
    if (phase !== 'running') return;
    phase = 'pausing';
    send({ type: command.pause });
    render();
  }

  function step() {
    openedStep.message.clear();
    send({ type: command.step });
  }

  /** A new model from the current settings (the same seed gives the same start), trained for `steps` if more than 0. */
  async function create(steps) {
    if (phase === 'running' || phase === 'pausing') send({ type: command.pause });
    phase = 'creating';
    runMessage.clear();
    render();
    try {
      const text = await form.text(loadDatasets);
      pending = { recipe: form.recipe(), steps };
      const { steps: goal, ...config } = state.get('training');  // a model is built from all but the goal
      send({ type: command.create, text, config });
    } catch (error) {
      phase = 'idle';
      runMessage.show(`${error.message}. ${model ? 'The current model stays.' : ''}`.trim());
      render();
    }
  }

  function sample() {
    if (!model) throw new Error('there is no model to sample from yet: train one or load one first');
    sampling.request();
  }

  /** Where each command's error is said: beside the control that sent it. */
  const messageFor = { [command.step]: openedStep.message, [command.sample]: sampling.message, [command.nearest]: map.message,
    [command.load]: keep.message, [command.model]: keep.message, [command.projector]: keep.message };

  /** Empties what showed the previous model: a new one is created, loaded, or lost with its worker. */
  function forgetModel() {
    chart.clear();
    map.clear();
    openedStep.clear();
    sampling.clear();
  }

  /** Draws the latest progress report: the map, the progress line and the buttons. */
  const progressDrawing = oncePerFrame(() => {
    map.update(reported);
    showProgress(reported.info, reported.meanLoss);
    render();
  });

  function showProgress(info, meanLoss) {
    const rate = (info.steps - startedStep) / Math.max((performance.now() - startedAt) / 1000, 1e-3);
    say('progress-text', `Step ${count.format(info.steps)} of ${count.format(target())}, ` +
      `${count.format(Math.round(rate))} steps a second, about ${Math.max(0, Math.ceil((target() - info.steps) / Math.max(rate, 1)))} s left. ` +
      `Minibatch loss ${formatNumber(meanLoss, 3)}, learning rate ${Number(info.learningRate.toPrecision(3))}.`);
  }

  function receive(data) {
    if (live.receive(data)) return;  // an exercise's question, answered
    if (data.type !== answer.progress && data.type !== answer.evaluated) progressDrawing.flush();  // what the report showed comes first
    switch (data.type) {
      case answer.ready:
        break;
      case answer.created:
        model = { steps: 0, trainable: true, recipe: pending.recipe };
        symbols = data.symbols;
        forgetModel();
        chart.addDev(0, data.dev);
        map.update(data);
        say('final-losses', `Before training: dev loss ${formatNumber(data.dev, 3)} nats (${count.format(data.info.trainSize)} training examples, ` +
          `${data.symbols.length} symbols). A model that gives every symbol the same chance scores ln ${data.symbols.length} = ${formatNumber(data.uniform, 2)}.`);
        phase = 'idle';
        if (pending.steps > 0) run();
        else say('progress-text', 'Ready: the weights are back at their random start.');
        break;
      case answer.progress:
        if (!model) break;
        model.steps = data.info.steps;
        chart.addBatch(data.info.steps, data.meanLoss);
        reported = data;
        progressDrawing.request();
        return;  // drawn with the next frame
      case answer.evaluated:
        chart.addDev(data.steps, data.dev);
        break;
      case answer.paused:
        if (phase !== 'pausing') return;  // a pause that a new model or run already overtook
        phase = 'idle';
        if (data.info) model.steps = data.info.steps;
        say('progress-text', `Paused at step ${count.format(model.steps)} of ${count.format(target())}: Continue picks up from here.`);
        break;
      case answer.finished:
        phase = 'idle';
        model.steps = data.info.steps;
        chart.addDev(data.info.steps, data.dev);
        say('progress-text', `Finished: step ${count.format(data.info.steps)} of ${count.format(target())}.`);
        say('final-losses', `After ${count.format(data.info.steps)} steps: train loss ${formatNumber(data.train, 3)}, ` +
          `dev loss ${formatNumber(data.dev, 3)}, test loss ${formatNumber(data.test, 3)}.`);
        emit('trained', { steps: data.info.steps, losses: { train: data.train, dev: data.dev, test: data.test } });
        break;
      case answer.stopped:
        phase = 'idle';
        model.steps = data.info.steps;
        say('progress-text', `Stopped at step ${count.format(model.steps)}.`);
        runMessage.show(`Training stopped: ${bounded(data.message)}. The steps overshot: lower the learning rate (the lecture uses 0.1) and train a new model.`);
        break;
      case answer.opened:
        model.steps = data.info.steps;
        openedStep.show({ ...data, symbols });
        map.update(data);
        chart.addBatch(data.info.steps, data.loss);
        chart.addDev(data.info.steps, data.dev);
        say('progress-text', `Step ${count.format(data.info.steps)} of ${count.format(target())}: one step taken by hand, opened up below.`);
        say('final-losses', `After ${count.format(data.info.steps)} steps (the last one by hand): dev loss ${formatNumber(data.dev, 3)}.`);
        break;
      case answer.samples:
        sampling.show(data.samples, symbols);
        emit('sampled', { samples: data.samples.map(({ text }) => text) });
        break;
      case answer.neighbours:
        map.showNeighbours(data);
        break;
      case answer.model:
        keep.downloadModel(data.json);
        break;
      case answer.projector:
        keep.downloadProjector(data);
        break;
      case answer.loaded: {
        const { vocabSize, context, embed, hidden } = data.info;
        phase = 'idle';
        model = { steps: 0, trainable: false, recipe: null };
        symbols = data.symbols;
        forgetModel();
        map.update(data);
        keep.message.show(`Loaded a model of ${vocabSize} symbols: context ${context}, embedding ${embed}, hidden ${hidden}. The settings show its sizes.`);
        say('progress-text', 'A loaded model samples; “Train a new model” trains one of these sizes from step 0 on the chosen dataset.');
        say('final-losses', '');
        state.set('training', { ...state.get('training'), context, embed, hidden });
        break;
      }
      case answer.died:
        phase = 'idle';
        model = null;
        symbols = [];
        forgetModel();
        map.empty();
        say('progress-text', '');
        say('final-losses', '');
        runMessage.show(`The training worker stopped (${bounded(data.message)}) and lost its model. A fresh one has started: press Train to train again.`);
        break;
      case answer.error:
        if (data.command === command.create || data.command === command.train) phase = 'idle';
        (messageFor[data.command] ?? runMessage).show(`${bounded(data.message)}.${data.command === command.load || data.command === command.create ? (model ? ' The current model stays.' : ' Nothing changed.') : ''}`);
        break;
      default:
        console.error('the training worker sent an unknown answer', data);
        runMessage.show(`The training worker sent an answer this page does not know (“${String(data?.type).slice(0, 40)}”).`);
    }
    render();
  }

  render();
  return { train, pause, sample, liveNumbers: live.liveNumbers };
}

/** Sets an element's text, or a property, only when it changes: an unchanged page need not be laid out again. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function setProperty(element, name, value) {
  if (element[name] !== value) element[name] = value;
}
