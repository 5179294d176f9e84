// Named series of numbers against the training step, drawn with uPlot: the word model's loss
// beside its uniform baseline, and the cosines of word pairs as training moves them. As in
// loss_chart.js, uPlot draws on a canvas, which does not follow CSS: the colours are read from
// the page's colour variables and the chart is drawn anew when the colour scheme changes. The
// numbers are also a table, in a closed <details> after the chart.
import uPlot from 'uplot';
import { el } from '../dom.js';
import { formatNumber } from '../format.js';

// Colour variables for the series, in order (the last two are only used past three series).
const palette = [['--accent', '#2756c5'], ['--vector-b', '#c2410c'], ['--good', '#1d6b35'], ['--bad', '#b3261e'], ['--muted', '#5b6475']];

export class LineChart {
  /** The chart goes in container; yLabel names its vertical axis; digits, those of the table. */
  constructor(container, { label, yLabel, digits = 3 }) {
    this.container = el('div', { role: 'img', 'aria-label': label });
    this.head = el('tr');
    this.table = el('tbody');
    this.yLabel = yLabel;
    this.digits = digits;
    container.replaceChildren(this.container, el('details', {}, el('summary', {}, 'The numbers of the chart'),
      el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': `${label}: its numbers` },
        el('table', { class: 'matrix' }, el('thead', {}, this.head), this.table))));
    this.reset([]);
    globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => this.draw(true));
  }

  /** Empties the chart and names its series anew (their labels, in order). */
  reset(names) {
    this.names = names;
    this.steps = [];
    this.values = names.map(() => []);
    this.head.replaceChildren(...['step', ...names].map((h) => el('th', { scope: 'col' }, h)));
    this.table.replaceChildren();
    this.draw(true);
  }

  /** Adds one value of each series (null for none) at a step. */
  add(step, values) {
    this.steps.push(step);
    values.forEach((value, i) => this.values[i].push(value));
    this.table.append(el('tr', {}, el('td', {}, String(step)),
      ...values.map((value) => el('td', {}, value === null ? '' : formatNumber(value, this.digits)))));
    this.draw();
  }

  /** Draws the chart; anew (not only its data) when the width, the series or, with recolour, the colours changed. */
  draw(recolour = false) {
    const width = Math.max(240, Math.min(640, this.container.clientWidth || 600));
    const data = [this.steps, ...this.values];
    if (this.plot && this.plot.width === width && !recolour) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    const style = getComputedStyle(this.container);
    const colour = ([name, fallback]) => style.getPropertyValue(name).trim() || fallback;
    const [ink, rule] = [colour(['--ink', '#1b1f27']), colour(['--rule', '#d5d9e0'])];
    const axis = (label) => ({ label, stroke: ink, grid: { stroke: rule, width: 1 }, ticks: { stroke: rule, width: 1 } });
    this.plot = new uPlot({
      width, height: 220,
      scales: { x: { time: false } },
      axes: [axis('step'), axis(this.yLabel)],
      series: [{ label: 'step' }, ...this.names.map((label, i) => ({
        label, stroke: colour(palette[i % palette.length]), width: 2, spanGaps: true, dash: i >= palette.length ? [6, 4] : undefined, points: { show: false },
      }))],
      legend: { live: false },
    }, data, this.container);
  }
}
