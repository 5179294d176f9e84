// Two-dimensional vectors drawn as arrows from the origin on a square grid (SVG).
import { svgElement as svg } from '../dom.js';

export class VectorPlot {
  /** extent: the plot shows [-extent, extent] on both axes. */
  constructor(container, { label, extent = 3 }) {
    this.extent = extent;
    this.root = svg('svg', { viewBox: `${-extent} ${-extent} ${2 * extent} ${2 * extent}`, role: 'img', 'aria-label': label, class: 'vector-plot' });
    const defs = svg('defs');
    defs.append(this.marker('arrow-a', 'arrow-a'), this.marker('arrow-b', 'arrow-b'));
    this.root.append(defs);
    for (let i = -extent; i <= extent; i++) {
      this.root.append(svg('line', { x1: i, y1: -extent, x2: i, y2: extent, class: i === 0 ? 'axis' : 'grid' }));
      this.root.append(svg('line', { x1: -extent, y1: i, x2: extent, y2: i, class: i === 0 ? 'axis' : 'grid' }));
    }
    this.layer = svg('g');
    this.root.append(this.layer);
    container.replaceChildren(this.root);
  }

  marker(id, className) {
    const marker = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: className }));
    return marker;
  }

  /** vectors: [{ name, x, y, className }] (y points up). */
  update(vectors) {
    this.layer.replaceChildren(...vectors.flatMap(({ name, x, y, className }) => {
      const cx = Math.max(-this.extent, Math.min(this.extent, x)), cy = Math.max(-this.extent, Math.min(this.extent, y));
      return [
        svg('line', { x1: 0, y1: 0, x2: cx, y2: -cy, class: `vector ${className}`, 'marker-end': `url(#arrow-${className.slice(-1)})` }),
        svg('text', { x: cx * 1.08 + 0.05, y: -cy * 1.08 - 0.05, class: `vector-label ${className}` }, name),
      ];
    }));
  }
}
