// Named series of numbers against the training step, drawn with uPlot: section 7's loss curve,
// the word model's loss beside its uniform baseline, and the cosines of word pairs as training
// moves them. uPlot draws on a canvas, which does not follow CSS: the colours are read from the
// page's colour variables and the chart is drawn anew when the colour scheme changes. Points
// come faster than frames during a run: the chart is drawn once per frame, with all the points it
// has. The numbers are also a table, in a closed <details> after the chart.
import uPlot from 'uplot';
import { el } from '../dom.js';
import { formatNumber } from '../format.js';
import { oncePerFrame } from '../frame.js';

// Colour variables for the series, in order (the last two are only used past three series).
const palette = [['--accent', '#2756c5'], ['--vector-b', '#c2410c'], ['--good', '#1d6b35'], ['--bad', '#b3261e'], ['--muted', '#5b6475']];

export class LineChart {
  /**
   * The chart goes in container; yLabel names its vertical axis; digits, those of the table;
   * summary, the table's summary line.
   */
  constructor(container, { label, yLabel, digits = 3, height = 220, summary = 'The numbers of the chart' }) {
    this.container = el('div', { role: 'img', 'aria-label': label });
    this.head = el('tr');
    this.table = el('tbody');
    Object.assign(this, { yLabel, digits, height });
    container.replaceChildren(this.container, el('details', {}, el('summary', {}, summary),
      el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': `${label}: its numbers` },
        el('table', { class: 'matrix' }, el('thead', {}, this.head), this.table))));
    this.plot = null;
    this.width = 0;  // of the container, as the ResizeObserver last saw it (0: not seen yet)
    this.anew = false;  // draw the plot anew, not only its data: the series or the colours changed
    this.drawing = oncePerFrame(() => this.draw());
    globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => this.redraw());
    // The width comes from the observer, not from clientWidth at each draw, which would make the
    // browser lay the page out again in the middle of a frame.
    globalThis.ResizeObserver && new ResizeObserver(([entry]) => {
      this.width = entry.contentRect.width;
      this.drawing.request();
    }).observe(this.container);
    this.reset([]);
  }

  /**
   * Empties the chart and names its series anew: each a label, or { label, width (of its line),
   * points (whether its points are drawn) }.
   */
  reset(series) {
    this.series = series.map((one) => (typeof one === 'string' ? { label: one } : one));
    this.steps = [];
    this.values = this.series.map(() => []);
    this.head.replaceChildren(...['step', ...this.series.map(({ label }) => label)].map((h) => el('th', { scope: 'col' }, h)));
    this.table.replaceChildren();
    this.redraw();
  }

  /**
   * Adds one value of each series (null for none) at a step. The table gets a row of `row` (the
   * values by default; null for no row).
   */
  add(step, values, row = values) {
    this.steps.push(step);
    values.forEach((value, i) => this.values[i].push(value));
    if (row) {
      this.table.append(el('tr', {}, el('td', {}, String(step)),
        ...row.map((value) => el('td', {}, value === null || value === undefined ? '' : formatNumber(value, this.digits)))));
    }
    this.drawing.request();
  }

  redraw() {
    this.anew = true;
    this.drawing.request();
  }

  /** Draws the chart; anew (not only its data) when the width, the series or the colours changed. */
  draw() {
    const width = Math.max(240, Math.min(640, this.width || this.container.clientWidth || 600));
    const data = [this.steps, ...this.values];
    if (this.plot && this.plot.width === width && !this.anew) {
      this.plot.batch(() => this.plot.setData(data));  // drawn now, not in a microtask after the frame's other work
      return;
    }
    this.anew = false;
    this.plot?.destroy();
    const style = getComputedStyle(this.container);
    const colour = ([name, fallback]) => style.getPropertyValue(name).trim() || fallback;
    const [ink, rule] = [colour(['--ink', '#1b1f27']), colour(['--rule', '#d5d9e0'])];
    const axis = (label) => ({ label, stroke: ink, grid: { stroke: rule, width: 1 }, ticks: { stroke: rule, width: 1 } });
    this.plot = new uPlot({
      width, height: this.height,
      scales: { x: { time: false } },
      axes: [axis('step'), axis(this.yLabel)],
      series: [{ label: 'step' }, ...this.series.map(({ label, width: line = 2, points = false }, i) => {
        const stroke = colour(palette[i % palette.length]);
        return { label, stroke, width: line, spanGaps: true, dash: i >= palette.length ? [6, 4] : undefined, points: { show: points, size: 6, fill: stroke } };
      })],
      legend: { live: false },
    }, data, this.container);
  }
}
