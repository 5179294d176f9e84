// Numbers as horizontal bars, one per symbol, with the number written beside each bar: a table,
// so the numbers are there for a screen reader as well as the eye. Probabilities grow from the
// left; signed numbers (dot products) grow right or left of a zero line.
import { el } from '../dom.js';

export class BarChart {
  /** signed: values in [-1, 1] are drawn around a zero line in the middle. */
  constructor(container, { label, signed = false }) {
    this.container = container;
    this.label = label;
    this.signed = signed;
  }

  /**
   * items: [{ label, value, text }], value in [0, 1] (or [-1, 1] when signed), the bar's length
   * as a share of the track; the item at index `top` (or at each index of an array) is marked.
   */
  update(items, { top = -1, dimmed = [] } = {}) {
    const dim = new Set(dimmed), marked = new Set([top].flat());
    const rows = items.map(({ label, value, text }, i) => {
      const length = Math.max(-1, Math.min(1, value));  // a drawing, not a result
      const bar = el('span', { class: length < 0 ? 'bar negative' : 'bar' });
      if (this.signed) {
        bar.style.width = `${Math.abs(length) * 50}%`;
        bar.style.left = `${length < 0 ? 50 + length * 50 : 50}%`;
      } else {
        bar.style.width = `${Math.max(0, length) * 100}%`;
      }
      return el('tr', { class: [marked.has(i) ? 'top' : '', dim.has(i) ? 'dimmed' : ''].join(' ').trim() },
        el('th', { scope: 'row' }, label),
        el('td', { class: 'bar-cell' }, el('span', { class: 'track' }, bar)),
        el('td', { class: 'value' }, text));
    });
    this.container.replaceChildren(el('table', { class: this.signed ? 'bars signed' : 'bars', 'aria-label': this.label }, el('tbody', {}, rows)));
  }
}
