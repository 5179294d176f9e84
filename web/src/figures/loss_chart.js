// The loss curve of a training run, drawn with uPlot: the minibatch loss (averaged over each
// chunk of steps by the core) and the dev loss, against the step. uPlot draws on a canvas, which
// does not follow CSS: its colours are read from the page's colour variables (light or dark) and
// the chart is drawn again when the colour scheme changes. Points come faster than frames during
// a run: the chart is drawn once per frame, with all the points it has.
import uPlot from 'uplot';
import { el } from '../dom.js';
import { formatNumber } from '../format.js';
import { oncePerFrame } from '../frame.js';

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
    this.width = 0;  // of the container, as the ResizeObserver last saw it (0: not seen yet)
    this.recolour = false;
    this.drawing = oncePerFrame(() => this.draw());
    globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.recolour = true;
      this.drawing.request();
    });
    // The width comes from the observer, not from clientWidth at each draw, which would make the
    // browser lay the page out again in the middle of a frame.
    globalThis.ResizeObserver && new ResizeObserver(([entry]) => {
      this.width = entry.contentRect.width;
      this.drawing.request();
    }).observe(this.container);
  }

  clear() {
    this.steps = [];
    this.batch = [];
    this.dev = [];
    this.table.replaceChildren();
    this.drawing.request();
  }

  /** Adds the minibatch loss at a step. */
  addBatch(step, loss) {
    this.steps.push(step);
    this.batch.push(loss);
    this.dev.push(null);
    this.drawing.request();
  }

  /** Adds the dev loss at a step; the table gets a row with it and the latest minibatch loss. */
  addDev(step, loss) {
    const latest = this.batch.filter((b) => b !== null).at(-1);
    this.steps.push(step);
    this.batch.push(null);
    this.dev.push(loss);
    this.table.append(el('tr', {}, el('td', {}, String(step)), el('td', {}, latest === undefined ? '' : formatNumber(latest, 3)),
      el('td', {}, formatNumber(loss, 3))));
    this.drawing.request();
  }

  /** Draws the curve; anew (not only its data) when the width or the colour scheme changed. */
  draw() {
    const width = Math.max(240, Math.min(640, this.width || this.container.clientWidth || 600));
    const data = [this.steps, this.batch, this.dev];
    if (this.plot && this.plot.width === width && !this.recolour) {
      this.plot.batch(() => this.plot.setData(data));  // drawn now, not in a microtask after the frame's other work
      return;
    }
    this.recolour = false;
    this.plot?.destroy();
    const style = getComputedStyle(this.container);
    const colour = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    const [ink, rule, batch, dev] = [colour('--ink', '#1b1f27'), colour('--rule', '#d5d9e0'), colour('--accent', '#2756c5'), colour('--vector-b', '#c2410c')];
    const axis = (label) => ({ label, stroke: ink, grid: { stroke: rule, width: 1 }, ticks: { stroke: rule, width: 1 } });
    this.plot = new uPlot({
      width, height: 240,
      scales: { x: { time: false } },
      axes: [axis('step'), axis('loss (nats)')],
      series: [
        { label: 'step' },
        { label: 'minibatch loss', stroke: batch, width: 1.5, spanGaps: true, points: { show: false } },
        { label: 'dev loss', stroke: dev, width: 2, spanGaps: true, points: { show: true, size: 6, fill: dev } },
      ],
      legend: { live: false },
    }, data, this.container);
  }
}
