// The loss curve of a training run, drawn with uPlot: the minibatch loss (averaged over each
// chunk of steps by the core) and the dev loss, against the step.
import uPlot from 'uplot';
import { el } from '../dom.js';
import { formatNumber } from '../format.js';

export class LossChart {
  /** The chart goes in container; its numbers, as a table, in a closed <details> after it. */
  constructor(container, { label }) {
    this.container = el('div', { role: 'img', 'aria-label': label });
    this.table = el('tbody');
    container.replaceChildren(this.container, el('details', {}, el('summary', {}, 'The numbers of the curve'),
      el('table', { class: 'matrix' }, el('thead', {}, el('tr', {}, ['step', 'minibatch loss', 'dev loss'].map((h) => el('th', { scope: 'col' }, h)))), this.table)));
    this.steps = [];
    this.batch = [];
    this.dev = [];
    this.plot = null;
  }

  clear() {
    this.steps = [];
    this.batch = [];
    this.dev = [];
    this.table.replaceChildren();
    this.draw();
  }

  /** Adds the minibatch loss at a step. */
  addBatch(step, loss) {
    this.steps.push(step);
    this.batch.push(loss);
    this.dev.push(null);
    this.draw();
  }

  /** Adds the dev loss at a step; the table gets a row with it and the latest minibatch loss. */
  addDev(step, loss) {
    const latest = this.batch.filter((b) => b !== null).at(-1);
    this.steps.push(step);
    this.batch.push(null);
    this.dev.push(loss);
    this.table.append(el('tr', {}, el('td', {}, String(step)), el('td', {}, latest === undefined ? '' : formatNumber(latest, 3)),
      el('td', {}, formatNumber(loss, 3))));
    this.draw();
  }

  draw() {
    const width = Math.max(240, Math.min(640, this.container.clientWidth || 600));
    const data = [this.steps, this.batch, this.dev];
    if (this.plot && this.plot.width === width) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.plot = new uPlot({
      width, height: 240,
      scales: { x: { time: false } },
      axes: [{ label: 'step', stroke: 'currentColor' }, { label: 'loss', stroke: 'currentColor' }],
      series: [
        { label: 'step' },
        { label: 'minibatch loss', stroke: '#2756c5', width: 1.5, spanGaps: true, points: { show: false } },
        { label: 'dev loss', stroke: '#c2410c', width: 2, spanGaps: true, points: { show: true, size: 6 } },
      ],
      legend: { live: false },
    }, data, this.container);
  }
}
