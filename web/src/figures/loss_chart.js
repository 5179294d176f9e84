// The loss curve of a training run, drawn with uPlot: the minibatch loss (averaged over each
// chunk of steps by the core) and the dev loss, against the step.
import uPlot from 'uplot';

export class LossChart {
  constructor(container, { label }) {
    this.container = container;
    this.container.setAttribute('role', 'img');
    this.container.setAttribute('aria-label', label);
    this.steps = [];
    this.batch = [];
    this.dev = [];
    this.plot = null;
  }

  clear() {
    this.steps = [];
    this.batch = [];
    this.dev = [];
    this.draw();
  }

  /** Adds the minibatch loss at a step. */
  addBatch(step, loss) {
    this.steps.push(step);
    this.batch.push(loss);
    this.dev.push(null);
    this.draw();
  }

  /** Adds the dev loss at a step. */
  addDev(step, loss) {
    this.steps.push(step);
    this.batch.push(null);
    this.dev.push(loss);
    this.draw();
  }

  draw() {
    const width = Math.max(240, Math.min(640, this.container.clientWidth || 600));
    const data = [this.steps, this.batch, this.dev];
    if (this.plot && this.plot.width === width) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.plot = new uPlot({
      width, height: 240,
      scales: { x: { time: false } },
      axes: [{ label: 'step', stroke: 'currentColor' }, { label: 'loss', stroke: 'currentColor' }],
      series: [
        { label: 'step' },
        { label: 'minibatch loss', stroke: '#2756c5', width: 1.5, spanGaps: true, points: { show: false } },
        { label: 'dev loss', stroke: '#c2410c', width: 2, spanGaps: true, points: { show: true, size: 6 } },
      ],
      legend: { live: false },
    }, data, this.container);
  }
}
