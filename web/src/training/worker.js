// The training worker: it owns a core of its own and the model being trained, so the page never
// freezes. The page sends commands; the worker answers with progress, losses, the embedding's
// 2-D projection and samples, all computed by the core.
//
// Commands: start { wasmBinary }, create { text, config }, train { until }, pause, step (one
// step, opened up), sample { count, seed, options }, model, projector, load { json }.
// Answers: ready, created, progress, evaluated, finished, stopped, opened, samples, model,
// projector, loaded, error. (web/src/training/client.js is the other side.)
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from '../core.js';
import { Model, Trainer } from '../training_core.js';

const chunkMs = 40;              // run steps for about this long between two progress reports
const evaluateEverySteps = 2000;  // and measure the dev loss this often

let core, trainer = null, model = null, training = false;

const post = (message) => self.postMessage(message);

// Lets the commands waiting in the worker's queue (pause, say) run, then resumes. A message to
// itself, not setTimeout, which browsers delay by 4 ms once calls nest.
const channel = new MessageChannel();
const letCommandsIn = () => new Promise((resume) => {
  channel.port1.onmessage = () => resume();
  channel.port2.postMessage(null);
});

/** The current model: a fresh snapshot of the trainer, or the model loaded from a file. */
function currentModel() {
  if (trainer) {
    model?.free();
    model = trainer.snapshot();
  }
  if (!model) throw new Error('there is no model yet: create or load one first');
  return model;
}

/** The symbols and the 2-D projection of the current model. */
function describe() {
  const m = currentModel();  // outside the scope, which would free it
  return core.scope(() => ({ symbols: m.vocabulary().symbols(), projection: m.projection().toRows() }));
}

async function train(until) {
  training = true;
  let stepsPerChunk = 50;
  while (training && trainer.info().steps < until) {
    const started = performance.now();
    const steps = trainer.info().steps, nextEvaluation = (Math.floor(steps / evaluateEverySteps) + 1) * evaluateEverySteps;
    const { mean, error } = trainer.run(Math.min(stepsPerChunk, until - steps, nextEvaluation - steps));
    const elapsed = performance.now() - started;
    const info = trainer.info();
    post({ type: 'progress', info, meanLoss: mean, elapsedMs: elapsed, ...describe() });
    if (error) {
      training = false;
      post({ type: 'stopped', message: error, info });
      return;
    }
    if (info.steps % evaluateEverySteps === 0 && info.steps < until) post({ type: 'evaluated', steps: info.steps, dev: trainer.loss('dev') });
    stepsPerChunk = Math.max(1, Math.round(stepsPerChunk * Math.min(2, chunkMs / Math.max(elapsed, 1))));
    await letCommandsIn();
  }
  if (training) {
    training = false;
    post({ type: 'finished', info: trainer.info(), train: trainer.loss('train'), dev: trainer.loss('dev'), test: trainer.loss('test') });
  }
}

const commands = {
  async start({ wasmBinary }) {
    core = await loadCore(createEmbedLabModule, new Uint8Array(wasmBinary));
    post({ type: 'ready' });
  },
  create({ text, config }) {
    const next = Trainer.create(core, text, config);  // throws on bad text or settings: the old run stays
    training = false;
    trainer?.free();
    model?.free();
    model = null;
    trainer = next;
    post({ type: 'created', info: trainer.info(), dev: trainer.loss('dev'), ...describe() });
  },
  train({ until }) {
    if (!trainer) throw new Error('there is no dataset and model to train yet');
    if (!training) train(until);
  },
  pause() {
    training = false;
  },
  step() {
    if (!trainer) throw new Error('there is no model being trained: press Train or Reset first');
    if (training) throw new Error('pause the training first');
    const { mean, error } = trainer.run(1);
    if (error) throw new Error(error);
    const opened = core.scope(() => ({ batch: trainer.batch(), gradient: trainer.gradient().toRows() }));
    post({ type: 'opened', info: trainer.info(), loss: mean, ...opened, ...describe() });
  },
  sample({ count, seed, options }) {
    const m = currentModel();
    const samples = core.scope(() => {
      const generator = core.generator(seed);
      return Array.from({ length: count }, () => m.sample(generator, options));
    });
    post({ type: 'samples', samples });
  },
  model() {
    post({ type: 'model', json: currentModel().json() });
  },
  projector() {
    post({ type: 'projector', ...currentModel().projectorFiles() });
  },
  load({ json }) {
    const loaded = Model.fromJson(core, json);  // throws on a bad file: the current model stays
    training = false;
    trainer?.free();
    trainer = null;
    model?.free();
    model = loaded;
    post({ type: 'loaded', ...describe() });
  },
};

self.onmessage = async ({ data }) => {
  try {
    if (!commands[data?.type]) throw new Error(`unknown command ${String(data?.type)}`);
    await commands[data.type](data);
  } catch (error) {
    post({ type: 'error', command: data?.type, message: error.message });
  }
};
