// Probabilities as horizontal bars, one per symbol, with the percentage written beside each bar:
// a table, so the numbers are there for a screen reader as well as the eye.
import { el } from '../dom.js';

export class BarChart {
  constructor(container, { label }) {
    this.container = container;
    this.label = label;
  }

  /** items: [{ label, value in [0, 1], text }]; the item at index `top` is marked. */
  update(items, { top = -1, dimmed = [] } = {}) {
    const dim = new Set(dimmed);
    const rows = items.map(({ label, value, text }, i) => {
      const bar = el('span', { class: 'bar' });
      bar.style.width = `${Math.max(0, Math.min(1, value)) * 100}%`;  // a drawing, not a result
      return el('tr', { class: [i === top ? 'top' : '', dim.has(i) ? 'dimmed' : ''].join(' ').trim() },
        el('th', { scope: 'row' }, label),
        el('td', { class: 'bar-cell' }, el('span', { class: 'track' }, bar)),
        el('td', { class: 'value' }, text));
    });
    this.container.replaceChildren(el('table', { class: 'bars', 'aria-label': this.label }, el('tbody', {}, rows)));
  }
}
