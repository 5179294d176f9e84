// The loss curve of a training run (section 7): the minibatch loss (averaged over each chunk of
// steps by the core) and the dev loss, against the step, on line_chart.js. The table lists the
// dev losses, each beside the latest minibatch loss.
import { LineChart } from './line_chart.js';

export class LossChart {
  constructor(container, { label }) {
    this.chart = new LineChart(container, { label, yLabel: 'loss (nats)', height: 240, summary: 'The numbers of the curve' });
    this.clear();
  }

  clear() {
    this.latest = null;  // the latest minibatch loss
    this.chart.reset([{ label: 'minibatch loss', width: 1.5 }, { label: 'dev loss', width: 2, points: true }]);
  }

  /** Adds the minibatch loss at a step. */
  addBatch(step, loss) {
    this.latest = loss;
    this.chart.add(step, [loss, null], null);
  }

  /** Adds the dev loss at a step; the table gets a row with it and the latest minibatch loss. */
  addDev(step, loss) {
    this.chart.add(step, [null, loss], [this.latest, loss]);
  }
}
