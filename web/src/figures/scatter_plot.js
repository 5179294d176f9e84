// Points in 2-D, each labelled: the embedding table seen from above (its 2-D projection, which
// the core computes). SVG, so the labels stay sharp; the axes fit the points.
import { el, svgElement as svg } from '../dom.js';
import { formatNumber } from '../format.js';

export class ScatterPlot {
  constructor(container, { label, size = 320 }) {
    this.size = size;
    this.root = svg('svg', { viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': label, class: 'scatter' });
    this.layer = svg('g');
    this.root.append(svg('rect', { x: 0, y: 0, width: size, height: size, class: 'scatter-back' }), this.layer);
    this.table = el('tbody');  // the same points as numbers, for those who do not see the picture
    container.replaceChildren(this.root, el('details', {}, el('summary', {}, 'The coordinates'),
      el('table', { class: 'matrix' }, el('thead', {}, el('tr', {}, ['symbol', 'x', 'y'].map((h) => el('th', { scope: 'col' }, h)))), this.table)));
  }

  /** points: [[x, y], ...] with labels[i] for point i. */
  update(points, labels) {
    const margin = 16, span = this.size - 2 * margin;
    const xs = points.map(([x]) => x), ys = points.map(([, y]) => y);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const place = (v, low, high) => margin + (high > low ? (v - low) / (high - low) : 0.5) * span;  // drawing only
    this.table.replaceChildren(...points.map(([x, y], i) => el('tr', {}, el('th', { scope: 'row' }, labels[i] === ' ' ? '␠' : labels[i]),
      el('td', {}, formatNumber(x)), el('td', {}, formatNumber(y)))));
    this.layer.replaceChildren(...points.flatMap(([x, y], i) => {
      const px = place(x, x0, x1), py = this.size - place(y, y0, y1);
      return [svg('circle', { cx: px, cy: py, r: 3, class: 'scatter-point' }),
        svg('text', { x: px + 4, y: py - 4, class: 'scatter-label' }, labels[i] === ' ' ? '␠' : labels[i])];
    }));
  }
}
