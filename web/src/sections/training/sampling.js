// Sampling: its settings, the samples, and one sample opened up step by step, with the
// probabilities the model gave and, under top-k or top-p, the renormalised ones drawn from.
import { el } from '../../dom.js';
import { formatNumber, visibleToken as shown } from '../../format.js';
import { BarChart } from '../../figures/bar_chart.js';
import { command } from '../../training/protocol.js';
import { messageSlot, numberField } from './common.js';
import { limits } from '../../core/limits.js';
import { numberIn } from '../../settings.js';

/** The sampling settings; the core checks them again (temperature >= 0, top-p in (0, 1], ...). */
const fields = [
  { key: 'count', label: 'Samples', range: { min: 1, max: 50 }, integer: true },
  { key: 'temperature', label: 'Temperature', range: { min: 0, max: 5 }, integer: false },
  { key: 'topK', label: 'Top-k (0 = all)', range: { min: 0, max: limits.symbols }, integer: true },
  { key: 'topP', label: 'Top-p', range: { min: 0.01, max: 1 }, integer: false },
  { key: 'seed', label: 'Sample seed', range: limits.ranges.seed, integer: true },
];

/** Mounts the view; send(message) goes to the worker. Returns { message, request(), show(samples, symbols), clear() }. */
export function mountSampling({ part, send }) {
  const message = messageSlot(part('sample-message'), { reserve: true });
  const settings = { count: 10, temperature: 1, topK: 0, topP: 1, seed: 1 };
  const bad = new Map();  // key -> the message of a field whose typed value was refused
  let samples = [], symbols = [];
  const field = ({ key, label, range, integer }) => numberField({
    label, range, integer, check: numberIn(label, range, integer), current: () => settings[key],
    accept: (value) => {
      bad.delete(key);
      settings[key] = value;
      showBad();
    },
    refuse: (text) => {
      bad.set(key, text);
      showBad();
    },
  }).field;
  const showBad = () => (bad.size > 0 ? message.show([...bad.values()].join(' ')) : message.clear());
  part('sample-controls').replaceChildren(...fields.map(field),
    el('button', { type: 'button', onclick: () => request() }, 'Sample'));

  function request() {
    send({ type: command.sample, count: settings.count, seed: settings.seed,
      options: { temperature: settings.temperature, topK: settings.topK, topP: settings.topP, maxLength: 30 } });
  }

  const stepBars = new BarChart(el('div'), { label: 'The probabilities of the next character at this step' });
  /** One step of a sample, opened up: its context, the softmax bars (filtered symbols greyed) and the symbol drawn. */
  function showStep(which, step) {
    const sample = samples[which], s = sample.steps[step];
    const filtered = s.kept.some((k, id) => k !== s.probs[id]);
    const navigation = el('div', { class: 'buttons' },
      el('button', { type: 'button', disabled: step === 0, onclick: () => showStep(which, step - 1) }, 'Previous step'),
      el('button', { type: 'button', disabled: step === sample.steps.length - 1, onclick: () => showStep(which, step + 1) }, 'Next step'));
    const percent = (p) => `${formatNumber(p * 100, 1)}%`;
    stepBars.update(s.probs.map((p, id) => ({
      label: id === s.drawn ? `${shown(symbols[id])} ← drawn` : shown(symbols[id]),
      value: filtered ? s.kept[id] : p,
      text: filtered ? `${percent(s.kept[id])} (model ${percent(p)})` : percent(p),
    })), { dimmed: s.kept.map((k, id) => (k === 0 ? id : -1)).filter((id) => id >= 0) });
    part('step-through').replaceChildren(
      el('h4', {}, `“${sample.text}”, step ${step + 1} of ${sample.steps.length}`),
      el('p', {}, 'Context ', el('code', {}, s.context.map((id) => shown(symbols[id])).join(' ')), ' → drawn ', el('strong', {}, shown(symbols[s.drawn])),
        s.drawn === 0 ? ' (the boundary: the sample ends)' : ''),
      el('p', { class: 'explain' }, filtered
        ? 'Top-k / top-p left out the greyed characters; the bars show the probabilities actually drawn from: the kept ones, renormalised by the core to add up to 100%, with the model\'s own in brackets.'
        : 'The bars show the model\'s probabilities at this temperature, which the character was drawn from.'),
      navigation, stepBars.container);
    navigation.querySelector('button:not([disabled])')?.focus();
  }

  return {
    message,
    request,
    show(drawn, vocabulary) {
      samples = drawn;
      symbols = vocabulary;
      bad.clear();  // a sample was drawn: the settings' earlier refusals are history
      message.clear();
      part('samples').replaceChildren(...samples.map((s, i) => el('li', {}, el('button', { type: 'button', class: 'sample',
        onclick: () => showStep(i, 0) }, s.text === '' ? '(empty)' : s.text))));
      part('step-through').replaceChildren();
    },
    /** Forgets the samples of a model that is gone. */
    clear() {
      samples = [];
      part('samples').replaceChildren();
      part('step-through').replaceChildren();
    },
  };
}
