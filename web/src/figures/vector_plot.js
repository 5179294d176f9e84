// Two-dimensional vectors drawn as arrows from the origin (SVG), on axes scaled to the longest
// coordinate with labelled ticks, the same scale on both axes so that angles are true.
import { svgElement as svg } from '../dom.js';

// Drawing units: the axes span cx ± radius and cy ± radius, with room for tick labels left and below.
const radius = 96, cx = 48 + radius, cy = 20 + radius, width = cx + radius + 20, height = cy + radius + 20;

/** A round step (1, 2 or 5 times a power of ten) at least `rough`: tick spacing, a drawing aid. */
export function tickStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough * (1 - 1e-9));
}

/** A tick's label: at most 4 significant digits, "100", "0.5", "2e+30". */
const tickLabel = (value) => String(Number(value.toPrecision(4)));

export class VectorPlot {
  constructor(container, { label }) {
    this.root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'vector-plot' });
    this.axes = svg('g');
    this.layer = svg('g');
    this.root.append(this.axes, this.layer);
    container.replaceChildren(this.root);
  }

  /** vectors: [{ name, x, y, className }] (finite; y points up). */
  update(vectors) {
    const largest = Math.max(...vectors.flatMap(({ x, y }) => [Math.abs(x), Math.abs(y)])) || 1;
    const step = tickStep(largest / 3), ticks = Math.ceil(largest / step - 1e-9);
    const scale = radius / (ticks * step);  // drawing units per unit of the vectors
    const grid = [];
    for (let i = -ticks; i <= ticks; i++) {
      const offset = i * (radius / ticks), kind = i === 0 ? 'axis' : 'grid';
      grid.push(svg('line', { x1: cx + offset, y1: cy - radius, x2: cx + offset, y2: cy + radius, class: kind }),
        svg('line', { x1: cx - radius, y1: cy - offset, x2: cx + radius, y2: cy - offset, class: kind }));
      if (i !== 0) {
        grid.push(svg('text', { x: cx + offset, y: cy + radius + 14, class: 'tick', 'text-anchor': 'middle' }, tickLabel(i * step)),
          svg('text', { x: cx - radius - 4, y: cy - offset + 3, class: 'tick', 'text-anchor': 'end' }, tickLabel(i * step)));
      }
    }
    this.axes.replaceChildren(...grid);
    this.layer.replaceChildren(...vectors.flatMap(({ name, x, y, className }) => {
      const px = x * scale, py = y * scale, length = Math.hypot(px, py) || 1;
      const ux = px / length, uy = -py / length;  // the arrow's direction on screen (y down)
      const tipX = cx + px, tipY = cy - py, head = Math.min(9, length);  // a short vector gets a small head
      const baseX = tipX - ux * head, baseY = tipY - uy * head, half = head * 0.45;
      return [
        svg('line', { x1: cx, y1: cy, x2: baseX, y2: baseY, class: `vector ${className}` }),
        svg('polygon', { points: `${tipX},${tipY} ${baseX - uy * half},${baseY + ux * half} ${baseX + uy * half},${baseY - ux * half}`,
          class: `arrow-head ${className}`, 'data-name': name }),  // the first point is the tip
        svg('text', { x: tipX + ux * 10, y: tipY + uy * 10 + 4, class: `vector-label ${className}`, 'text-anchor': 'middle' }, name),
      ];
    }));
  }
}
