// One step, opened up: the minibatch, and the gradient of the embedding table as a heat map in
// signed colours, whose zero rows (the core finds them) are the characters the batch lacks.
import { el } from '../../dom.js';
import { formatNumber, visibleToken as shown } from '../../format.js';
import { MatrixView } from '../../figures/matrix_view.js';
import { count, messageSlot } from './common.js';

/** Mounts the view; onStep() is the button's action. Returns { button, message, show(opened), clear() }. */
export function mountOpenedStep({ part, onStep }) {
  const message = messageSlot(part('step-message'));
  const button = el('button', { type: 'button', onclick: onStep }, 'Take one step and open it up');
  part('step-controls').replaceChildren(button);
  const gradientBox = el('div', { class: 'scroll heat', tabindex: '0', role: 'region', 'aria-label': 'The gradient of the embedding table' });
  const gradientView = new MatrixView(gradientBox, { label: 'Gradient of the embedding table dC, one row per character', decimals: 3 });
  const legend = el('p', { class: 'heat-legend' },
    el('span', { class: 'swatch positive' }), ' positive (the step lowers this entry) ',
    el('span', { class: 'swatch negative' }), ' negative (the step raises it); the stronger the colour, the larger the size. ',
    'The step subtracts the learning rate times dC from C.');
  return {
    button,
    message,
    show({ info, loss, batch, gradient, zeroRows, symbols }) {
      const symbol = (id) => shown(symbols[id]);
      const used = new Set(batch.contexts.flat());
      part('opened-step').replaceChildren(
        el('p', {}, `Step ${count.format(info.steps)}: minibatch loss ${formatNumber(loss, 3)}. Its ${batch.targets.length} examples, context → next character:`),
        el('ol', { class: 'batch' }, batch.contexts.map((context, b) => el('li', {}, el('code', {}, `${context.map(symbol).join('')} → ${symbol(batch.targets[b])}`)))),
        el('p', {}, `Characters in the contexts: ${[...used].sort((a, b) => a - b).map(symbol).join(' ')}. ` +
          `Rows of dC that are exactly zero: ${zeroRows.map(symbol).join(' ') || 'none'}.`),
        gradientBox, legend);
      gradientView.update(gradient, { rowLabels: symbols.map(shown), litRows: [...used], shade: true,
        colLabels: gradient[0].map((_, c) => String(c)) });
      gradientBox.querySelectorAll('tbody tr').forEach((row, r) => row.querySelectorAll('td').forEach((cell, c) => {
        cell.classList.toggle('negative', gradient[r][c] < 0);  // the colour's hue: the sign the core gave
      }));
    },
    clear() {
      part('opened-step').replaceChildren();
      message.clear();
    },
  };
}
