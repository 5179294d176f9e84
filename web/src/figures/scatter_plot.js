// Points in 2-D, each labelled: the embedding table seen from above (its 2-D projection, which
// the core computes). SVG, so the labels stay sharp; the axes fit the points. A label that would
// cover another is moved to a free side of its point. With onChoose, each point is a button.
import { el, svgElement as svg } from '../dom.js';
import { formatNumber } from '../format.js';

const labelHeight = 12, charWidth = 7.5;  // of a 12px monospace label, for placing labels only

/** The first of the places around a point (x, y) where a label of width w covers no earlier label
 *  and stays inside the picture (0 to size). */
function freePlace(x, y, w, placed, size) {
  const candidates = [[4, -4], [4, 12], [-4 - w, -4], [-4 - w, 12], [4, -14], [-w / 2, -8], [-w / 2, 18], [4, 22], [-4 - w, 22]];
  const box = ([dx, dy]) => ({ left: x + dx, right: x + dx + w, top: y + dy - labelHeight + 2, bottom: y + dy + 2 });
  const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const outside = ({ left, right, top, bottom }) => Math.max(0, -left) + Math.max(0, right - size) + Math.max(0, -top) + Math.max(0, bottom - size);
  const covered = (offset) => placed.reduce((sum, other) => sum + overlap(box(offset), other), 0) + outside(box(offset)) * labelHeight;
  const best = candidates.find((offset) => covered(offset) === 0) ?? candidates.reduce((a, b) => (covered(b) < covered(a) ? b : a));
  placed.push(box(best));
  return best;
}

export class ScatterPlot {
  constructor(container, { label, size = 320, onChoose = null }) {
    this.size = size;
    this.onChoose = onChoose;
    this.root = svg('svg', { viewBox: `0 0 ${size} ${size}`, role: onChoose ? 'group' : 'img', 'aria-label': label, class: 'scatter' });
    this.layer = svg('g');
    this.root.append(svg('rect', { x: 0, y: 0, width: size, height: size, class: 'scatter-back' }), this.layer);
    this.table = el('tbody');  // the same points as numbers, for those who do not see the picture
    this.details = el('details', { ontoggle: () => this.fillTable() }, el('summary', {}, 'The coordinates'),
      el('table', { class: 'matrix' }, el('thead', {}, el('tr', {}, ['symbol', 'x', 'y'].map((h) => el('th', { scope: 'col' }, h)))), this.table));
    container.replaceChildren(this.root, this.details);
    this.points = [];
    this.labels = [];
    this.dots = [];   // one <circle> per point
    this.texts = [];  // one <text> per point
    this.marked = -1;
  }

  /**
   * points: [[x, y], ...] with labels[i] for point i. The same labels as before move the points
   * already drawn (a run draws the same symbols many times a second); other labels draw anew.
   */
  update(points, labels) {
    const margin = 16, span = this.size - 2 * margin;
    const xs = points.map(([x]) => x), ys = points.map(([, y]) => y);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)], [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const place = (v, low, high) => margin + (high > low ? (v - low) / (high - low) : 0.5) * span;  // drawing only
    const sameLabels = labels.length === this.labels.length && labels.every((label, i) => label === this.labels[i]);
    [this.points, this.labels] = [points, labels];
    if (!sameLabels) this.drawPoints();
    const placed = [];
    points.forEach(([x, y], i) => {
      const [px, py] = [place(x, x0, x1), this.size - place(y, y0, y1)];
      const [dx, dy] = freePlace(px, py, labels[i].length * charWidth, placed, this.size);
      this.dots[i].setAttribute('cx', px);
      this.dots[i].setAttribute('cy', py);
      this.texts[i].setAttribute('x', px + dx);
      this.texts[i].setAttribute('y', py + dy);
    });
    this.fillTable();
    if (!sameLabels) this.mark(this.marked < points.length ? this.marked : -1);
  }

  /** A dot and a label for each of this.labels, placed by update(). */
  drawPoints() {
    this.dots = this.labels.map(() => svg('circle', { r: 3, class: 'scatter-point' }));
    this.texts = this.labels.map((label) => svg('text', { class: 'scatter-label' }, label));
    this.layer.replaceChildren(...this.dots, ...this.texts.map((text, i) => this.pointGroup(text, i, this.labels[i])));
    this.table.replaceChildren(...this.labels.map((label) => el('tr', {}, el('th', { scope: 'row' }, label), el('td'), el('td'))));
  }

  /** The table of coordinates, written only while it is open (and when it opens). */
  fillTable() {
    if (!this.details.open) return;
    [...this.table.rows].forEach((row, i) => this.points[i].forEach((v, axis) => { row.cells[axis + 1].textContent = formatNumber(v); }));
  }

  /** A label, as a button when points can be chosen. */
  pointGroup(text, i, label) {
    if (!this.onChoose) return text;
    const group = svg('g', { tabindex: 0, role: 'button', 'aria-label': `${label}: show its nearest neighbours`, class: 'scatter-choice', 'data-id': i });
    group.append(text);
    group.addEventListener('click', () => this.onChoose(i));
    group.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      this.onChoose(i);
    });
    return group;
  }

  /** Marks point i (its label drawn bold and its dot ringed), or none with -1. */
  mark(i) {
    this.marked = i;
    this.dots.forEach((dot, j) => dot.classList.toggle('marked', j === i));
    this.texts.forEach((text, j) => text.classList.toggle('marked', j === i));
  }
}
