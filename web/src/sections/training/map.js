// The embedding table seen from above (the core's 2-D projection, whose axes follow the previous
// picture so it does not mirror), and a symbol's nearest neighbours by cosine in all d dimensions.
import { el } from '../../dom.js';
import { formatNumber, visibleToken as shown } from '../../format.js';
import { ScatterPlot } from '../../figures/scatter_plot.js';
import { command } from '../../training/protocol.js';
import { messageSlot } from './common.js';

const neighbourCount = 5;

/**
 * Mounts the map; send(message) goes to the worker. Returns { update(described) (a new picture
 * of the same model, whose chosen symbol's neighbours are asked for again), showNeighbours(answer),
 * clear() (for another model), empty() (for none), message }.
 */
export function mountMap({ part, send }) {
  let symbols = [], chosen = -1;
  const message = messageSlot(part('neighbours-message'));
  const ask = () => send({ type: command.nearest, id: chosen, k: Math.min(neighbourCount, symbols.length - 1) });
  const scatter = new ScatterPlot(part('scatter'), {
    label: 'The embedding table projected to two dimensions, one labelled point per character; choose a character to see its nearest neighbours',
    onChoose: (id) => {
      message.clear();
      chosen = id;
      ask();
    },
  });
  return {
    message,
    update({ symbols: s, projection }) {
      symbols = s;
      scatter.update(projection, symbols.map(shown));
      part('scatter-caption').textContent = `The embedding table (${symbols.length} characters), projected to two dimensions. Click a character (or Tab to it and press Enter) for its nearest neighbours.`;
      if (chosen >= 0) ask();
    },
    showNeighbours({ id, width, neighbours }) {
      if (id !== chosen) return;  // an answer for a letter chosen before
      scatter.mark(id);
      part('neighbours').replaceChildren(el('p', {}, `Nearest to ${shown(symbols[id])} by cosine, in all ${width} dimensions of the table: `,
        ...neighbours.flatMap(({ id: other, cosine }, i) => [i > 0 ? ', ' : '', el('strong', {}, shown(symbols[other])), ` ${formatNumber(cosine, 2)}`]), '.'));
    },
    clear() {
      chosen = -1;
      scatter.mark(-1);
      part('neighbours').replaceChildren();
      message.clear();
    },
    /** No picture at all: the model is gone. */
    empty() {
      this.clear();
      symbols = [];
      scatter.update([], []);
      part('scatter-caption').textContent = 'The embedding table, seen from above';
    },
  };
}
