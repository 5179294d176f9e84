// A matrix drawn as a table: labelled rows and columns, lit rows and cells, and optionally
// editable cells. Values are numbers the core returned; this only shows them.
import { el, isFocused } from '../dom.js';
import { formatNumber } from '../format.js';

export class MatrixView {
  /**
   * @param container where the table goes
   * @param options.label accessible name of the table
   * @param options.name  the matrix's name in cell labels, e.g. "W" gives "W[2][0]"
   * @param options.onEdit (row, col, text) called as the reader types in a cell; without it the
   *   cells are read-only
   * @param options.decimals digits after the point (2, as the source prints)
   */
  constructor(container, { label, name = 'M', onEdit = null, decimals = 2 }) {
    this.container = container;
    this.label = label;
    this.name = name;
    this.onEdit = onEdit;
    this.decimals = decimals;
    this.layout = '';
  }

  /**
   * Shows rows (an array of arrays of numbers) with labels; lit rows and cells get a highlight,
   * and in an editable view a cell the reader is typing in is left as typed. With shade, each
   * cell is tinted by its size (a heat map; the numbers stay written in the cells).
   */
  update(rows, { rowLabels = [], colLabels = [], litRows = [], litCells = [], shade = false } = {}) {
    const layout = JSON.stringify([rows.length, rows[0]?.length ?? 0, rowLabels, colLabels]);
    if (layout !== this.layout) this.build(rows.length, rows[0]?.length ?? 0, rowLabels, colLabels);
    this.layout = layout;
    const lit = new Set(litRows);
    const largest = shade ? Math.max(...rows.flat().map(Math.abs)) || 1 : 1;  // for the heat map's colour only
    const litCell = new Set(litCells.map(([r, c]) => `${r},${c}`));
    this.cells.forEach((row, r) => {
      row.parentRow.classList.toggle('lit', lit.has(r));
      row.forEach((cell, c) => {
        cell.classList.toggle('lit-cell', litCell.has(`${r},${c}`));
        if (shade) cell.style.setProperty('--heat', String(Math.abs(rows[r][c]) / largest));
        const text = formatNumber(rows[r][c], this.decimals);
        if (!this.onEdit) cell.textContent = text;
        else if (!isFocused(cell.input)) cell.input.value = text;
      });
    });
  }

  build(rowCount, colCount, rowLabels, colLabels) {
    const head = colLabels.length
      ? el('thead', {}, el('tr', {}, el('td'), colLabels.map((label) => el('th', { scope: 'col' }, label))))
      : null;
    this.cells = [];
    const body = el('tbody');
    for (let r = 0; r < rowCount; r++) {
      const tr = el('tr', {}, el('th', { scope: 'row' }, rowLabels[r] ?? ''));
      const row = [];
      row.parentRow = tr;
      for (let c = 0; c < colCount; c++) {
        const cell = el('td');
        if (this.onEdit) {
          cell.input = el('input', {
            type: 'text', inputmode: 'decimal', size: 6, autocomplete: 'off', spellcheck: 'false',
            'aria-label': `${this.name}[${r}][${c}]`,
            oninput: (event) => this.onEdit(r, c, event.target.value),
            onkeydown: (event) => this.moveFocus(event, r, c),
          });
          cell.append(cell.input);
        }
        row.push(cell);
        tr.append(cell);
      }
      this.cells.push(row);
      body.append(tr);
    }
    this.container.replaceChildren(el('table', { class: 'matrix', 'aria-label': this.label }, head, body));
  }

  /** Up and down arrows move between the cells of a column, as in a spreadsheet. */
  moveFocus(event, r, c) {
    const step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
    const target = step && this.cells[r + step]?.[c];
    if (!target) return;
    event.preventDefault();
    target.input.focus();
    target.input.select();
  }
}
