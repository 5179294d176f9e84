// The training worker: it owns a core of its own and the model being trained, so the page never
// freezes. The page sends commands; the worker answers with progress, losses, the embedding's
// 2-D projection and samples, all computed by the core. The names of the messages are in
// protocol.js; web/src/training/client.js is the other side.
//
// One run at a time: a run is an object, and a loop keeps going only while its run is the
// current one, so Pause then Train again cannot leave two loops stepping the same model.
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from '../core/core.js';
import { Model, Trainer } from '../core/training.js';
import { answer, command } from './protocol.js';

const chunkMs = 40;              // run steps for about this long between two progress reports
const evaluateEverySteps = 2000;  // and measure the dev loss this often

let core;
let trainer = null;  // the dataset and the model being trained, or null
let model = null;    // the current weights: a snapshot of trainer, or a model read from a file
let axes = null;     // (d, 2) the axes of the last 2-D picture, which the next one follows
let run = null;      // the run in progress: { until }, or null

const post = (message) => self.postMessage(message);

// Lets the commands waiting in the worker's queue (pause, say) run, then resumes. A message to
// itself, not setTimeout, which browsers delay by 4 ms once calls nest.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()();
const letCommandsIn = () => new Promise((resume) => {
  waiting.push(resume);
  channel.port2.postMessage(null);
});

/** The current model: a fresh snapshot of the trainer, or the model loaded from a file. */
function currentModel() {
  if (trainer) {
    model?.free();
    model = trainer.snapshot();
  }
  if (!model) throw new Error('there is no model yet: train one or load one first');
  return model;
}

/** The symbols and the 2-D projection of m, following the axes of the previous picture. */
function describe(m, followed = axes) {
  return core.scope(() => ({ symbols: m.vocabulary().symbols(), projection: m.projection(followed).toRows() }));
}

/** Lets go of the trainer and the model, and of the picture's axes. */
function replaceModel(nextTrainer, nextModel, nextAxes) {
  run = null;
  trainer?.free();
  model?.free();
  axes?.free();
  [trainer, model, axes] = [nextTrainer, nextModel, nextAxes];
}

/** The loss of a model that gives every symbol of V the same probability, ln V: the cross-entropy of equal logits. */
function uniformLoss(V) {
  return core.scope(() => core.crossEntropy(core.matrix(1, V), [0]).loss);
}

async function train(current) {
  let stepsPerChunk = 50;
  while (run === current && trainer.info().steps < current.until) {
    const started = performance.now();
    const steps = trainer.info().steps, nextEvaluation = (Math.floor(steps / evaluateEverySteps) + 1) * evaluateEverySteps;
    const { mean, error } = trainer.run(Math.min(stepsPerChunk, current.until - steps, nextEvaluation - steps));
    const elapsed = performance.now() - started;
    const info = trainer.info();
    post({ type: answer.progress, info, meanLoss: mean, elapsedMs: elapsed, ...describe(currentModel()) });
    if (error) {
      run = null;
      post({ type: answer.stopped, message: error, info });
      return;
    }
    if (info.steps % evaluateEverySteps === 0 && info.steps < current.until) post({ type: answer.evaluated, steps: info.steps, dev: trainer.loss('dev') });
    stepsPerChunk = Math.max(1, Math.round(stepsPerChunk * Math.min(2, chunkMs / Math.max(elapsed, 1))));
    await letCommandsIn();
  }
  if (run === current) {
    run = null;
    post({ type: answer.finished, info: trainer.info(), train: trainer.loss('train'), dev: trainer.loss('dev'), test: trainer.loss('test') });
  }
}

/** Builds what comes from a new trainer or model, freeing it all if any part fails: the current model stays. */
function replacing(made, build) {
  try {
    return build();
  } catch (error) {
    made.forEach((object) => object?.free());
    throw error;
  }
}

const commands = {
  async [command.start]({ wasmBinary }) {
    core = await loadCore(createEmbedLabModule, new Uint8Array(wasmBinary));
    post({ type: answer.ready });
  },
  [command.create]({ text, config }) {
    const next = Trainer.create(core, text, config);  // throws on bad text or settings
    const snapshot = next.snapshot(), nextAxes = core.matrix(0, 0);
    const created = replacing([next, snapshot, nextAxes], () => {
      const info = next.info();
      // a text too short for a dev split fails here, before it replaces anything
      return { info, dev: next.loss('dev'), uniform: uniformLoss(info.vocabSize), ...describe(snapshot, nextAxes) };
    });
    replaceModel(next, snapshot, nextAxes);
    post({ type: answer.created, ...created });
  },
  [command.train]({ until }) {
    if (!trainer) throw new Error('there is no dataset and model to train yet');
    if (run) {
      run.until = until;  // the loop that runs takes the new goal
      return undefined;
    }
    run = { until };
    return train(run);
  },
  [command.pause]() {
    run = null;
    post({ type: answer.paused, info: trainer?.info() ?? null });
  },
  [command.step]() {
    if (!trainer) throw new Error('there is no model being trained: press Train or Reset first');
    if (run) throw new Error('pause the training first');
    const { mean, error } = trainer.run(1);
    if (error) throw new Error(error);
    const opened = core.scope(() => ({ batch: trainer.batch(), gradient: trainer.gradient().toRows(), zeroRows: trainer.zeroGradientRows() }));
    post({ type: answer.opened, info: trainer.info(), loss: mean, dev: trainer.loss('dev'), ...opened, ...describe(currentModel()) });
  },
  [command.sample]({ count, seed, options }) {
    const m = currentModel();
    const samples = core.scope(() => {
      const generator = core.generator(seed);
      return Array.from({ length: count }, () => m.sample(generator, options));
    });
    post({ type: answer.samples, samples });
  },
  [command.nearest]({ id, k }) {
    const m = currentModel();
    const found = core.scope(() => {
      const table = m.table();  // (V, d)
      return { width: table.cols, neighbours: core.nearest(table, table.toRows()[id], k, [id]) };
    });
    post({ type: answer.neighbours, id, ...found });
  },
  [command.next]({ context }) {
    const m = currentModel();
    const said = core.scope(() => {
      const probs = m.nextProbs(String(context));  // (1, V); a symbol the model does not know throws, naming it
      const symbols = m.vocabulary().symbols();
      return { probs: Array.from(probs.toArray()), top: core.topEntry(probs), symbols, uniform: uniformLoss(symbols.length) };
    });
    post({ type: answer.next, context, ...said, dev: trainer ? trainer.loss('dev') : null, steps: trainer ? trainer.info().steps : null });
  },
  [command.model]() {
    post({ type: answer.model, json: currentModel().json() });
  },
  [command.projector]() {
    post({ type: answer.projector, ...currentModel().projectorFiles() });
  },
  [command.load]({ json }) {
    const loaded = Model.fromJson(core, json);  // throws on a bad file
    const nextAxes = core.matrix(0, 0);
    const described = replacing([loaded, nextAxes], () => ({ info: loaded.info(), ...describe(loaded, nextAxes) }));
    replaceModel(null, loaded, nextAxes);
    post({ type: answer.loaded, ...described });
  },
};

/** An error the core cannot come back from: the module aborted (a WebAssembly trap or Aborted()). */
const fatal = (error) => error instanceof WebAssembly.RuntimeError || /^Aborted\b/.test(error?.message ?? '');

self.onmessage = async ({ data }) => {
  try {
    if (!Object.hasOwn(commands, data?.type)) throw new Error(`unknown command ${String(data?.type).slice(0, 40)}`);
    await commands[data.type](data);
  } catch (error) {
    if (fatal(error)) post({ type: answer.died, message: error.message });
    else post({ type: answer.error, command: data?.type, message: error.message });
  }
};
