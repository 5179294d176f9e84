// The training worker: it owns a core of its own and the model being trained, so the page never
// freezes. The page sends commands; the worker answers with progress, losses, the embedding's
// 2-D projection and samples, all computed by the core. The names of the messages are in
// protocol.js; web/src/training/client.js is the other side.
//
// A model has a kind (protocol.js's `kinds`): the character MLP, or the word model. Creating,
// running, pausing and the losses are the same for both; what a progress report shows of the
// model (its view) and what a finished run measures are each kind's.
//
// One run at a time: a run is an object, and a loop keeps going only while its run is the
// current one, so Pause then Train again cannot leave two loops stepping the same model.
import createEmbedLabModule from 'embedlab-wasm';
import { loadCore } from '../core/core.js';
import { Model, Trainer } from '../core/training.js';
import { WordModel, WordTrainer } from '../core/word_training.js';
import { answer, command, kinds } from './protocol.js';

const chunkMs = 40;  // run steps for about this long between two progress reports

let core;
let trainer = null;  // the dataset and the model being trained, or null (a model read from a file is not trained)
let kind = kinds.mlp;  // trainer's kind
let watched = null;  // what the word model's view shows: { pairs, word, top, words }, or null
let model = null;    // the current weights: a snapshot of trainer, or a model read from a file (a WordModel for words)
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

/** The word model that the page asks about: the one in training, or the one read from a file. */
function wordModel() {
  const words = trainer ?? model;
  if (!words) throw new Error('there is no word model yet: press “Learn the vectors” or load one first');
  return words;
}

/**
 * The word model's view of what the page watches (pairs of words, one word, words in a picture):
 * the pairs' cosines, the word's nearest neighbours and the chosen words in 2-D.
 */
function wordView(w = watched, t = wordModel(), followed = axes) {
  if (!w) return {};
  return core.scope(() => ({
    cosines: t.cosines(w.pairs),
    neighbours: t.similar(w.word, w.top),
    projection: t.projection(w.words, followed).toRows(),
  }));
}

/** What each kind makes, shows with each report, measures at the end of a run (the word
 *  model's full softmax makes a whole split's loss slow: it measures dev alone), and its file. */
const kindOf = {
  [kinds.mlp]: {
    create: (text, config) => Trainer.create(core, text, config),
    view: () => describe(currentModel()),
    firstChunk: 50,  // steps
    longestChunk: () => Infinity,  // steps: as many as chunkMs allows
    evaluateEvery: 2000,
    finish: () => ({ train: trainer.loss('train'), dev: trainer.loss('dev'), test: trainer.loss('test') }),
    file: () => currentModel().json(),
    projector: () => currentModel().projectorFiles(),
    load: (json) => adopt(Model.fromJson(core, json), (loaded, nextAxes) => ({ info: loaded.info(), ...describe(loaded, nextAxes) })),
  },
  [kinds.words]: {
    create: (text, config) => WordTrainer.create(core, text, config),
    view: () => wordView(),
    firstChunk: 1,  // a step of WordNet's default takes a few ms
    longestChunk: (until) => Math.ceil(until / 200),  // 200 reports a run at least: the tiny corpus's run is over in a blink, and its curves need points
    evaluateEvery: Infinity,
    finish: () => ({ dev: trainer.loss('dev') }),
    file: () => wordModel().modelJson(),
    projector: () => wordModel().projectorFiles(),
    load: (json, watch) => {
      const described = adopt(WordModel.fromJson(core, json), (loaded, nextAxes) => {
        const words = loaded.words(), shown = watchable(watch, words);
        return { info: loaded.modelInfo(), words, watch: shown, ...wordView(shown, loaded, nextAxes) };
      });
      watched = described.watch;
      return described;
    },
  },
};

/**
 * Makes `loaded`, a model just read from a file (the file reader threw on a bad or other-kind
 * file), the current model, with what describeIt(loaded, axes) says of it: if that fails, the
 * loaded model is freed and the current one stays.
 */
function adopt(loaded, describeIt) {
  const nextAxes = core.matrix(0, 0);
  const described = replacing([loaded, nextAxes], () => describeIt(loaded, nextAxes));
  replaceModel(null, loaded, nextAxes);
  return described;
}

/** What to watch in a loaded word model: what the page watches if the model holds all its words,
 *  else its most frequent words (the page is told: the answer carries the watch). */
function watchable(watch, words) {
  const held = new Set(words);
  if (watch && [...watch.pairs.flat(), watch.word, ...watch.words].every((word) => held.has(word))) return watch;
  return { pairs: [words.slice(0, 2)], word: words[0], top: watch?.top ?? 10, words: words.slice(0, 12) };  // 12 words: a legible picture
}

/** The entry of kindOf for a kind's name, or an error naming it. */
function kindNamed(name) {
  if (!Object.hasOwn(kindOf, name)) throw new Error(`unknown model kind ${String(name).slice(0, 40)}`);
  return kindOf[name];
}

/** The loss of a model that gives every symbol of V the same probability, ln V: the cross-entropy of equal logits. */
function uniformLoss(V) {
  return core.scope(() => core.crossEntropy(core.matrix(1, V), [0]).loss);
}

async function train(current) {
  let stepsPerChunk = kindOf[kind].firstChunk;
  while (run === current && trainer.info().steps < current.until) {
    const started = performance.now();
    const { evaluateEvery, longestChunk } = kindOf[kind];
    const steps = trainer.info().steps, nextEvaluation = (Math.floor(steps / evaluateEvery) + 1) * evaluateEvery;
    const { mean, error } = trainer.run(Math.min(stepsPerChunk, longestChunk(current.until), current.until - steps, nextEvaluation - steps));
    const elapsed = performance.now() - started;
    const info = trainer.info();
    post({ type: answer.progress, info, meanLoss: mean, elapsedMs: elapsed, ...kindOf[kind].view() });
    if (error) {
      run = null;
      post({ type: answer.stopped, message: error, info });
      return;
    }
    if (info.steps % evaluateEvery === 0 && info.steps < current.until) post({ type: answer.evaluated, steps: info.steps, dev: trainer.loss('dev') });
    stepsPerChunk = Math.max(1, Math.round(stepsPerChunk * Math.min(2, chunkMs / Math.max(elapsed, 1))));
    await letCommandsIn();
  }
  if (run === current) {
    run = null;
    post({ type: answer.finished, info: trainer.info(), ...kindOf[kind].finish() });
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
  [command.create]({ kind: nextKind = kinds.mlp, text, config, watch = null, copy = null }) {
    const next = kindNamed(nextKind).create(text, config);  // throws on bad text or settings
    if (nextKind === kinds.mlp) {
      const snapshot = next.snapshot(), nextAxes = core.matrix(0, 0);
      const created = replacing([next, snapshot, nextAxes], () => {
        const info = next.info();
        // a text too short for a dev split fails here, before it replaces anything
        return { info, dev: next.loss('dev'), uniform: uniformLoss(info.vocabSize), ...describe(snapshot, nextAxes) };
      });
      replaceModel(next, snapshot, nextAxes);
      post({ type: answer.created, kind: nextKind, ...created });
    } else {
      const nextAxes = core.matrix(0, 0);
      const created = replacing([next, nextAxes], () => {
        if (copy) next.copyVector(copy.from, copy.to);  // "why no duplicates?": the run starts with two equal vectors
        const info = next.info(), view = wordView(watch, next, nextAxes);
        return { info, dev: next.loss('dev'), uniform: uniformLoss(info.vocabSize), words: next.words(), ...view };
      });
      replaceModel(next, null, nextAxes);
      watched = watch;
      post({ type: answer.created, kind: nextKind, ...created });
    }
    kind = nextKind;
  },
  [command.watch]({ watch }) {
    if (kind !== kinds.words || !(trainer ?? model)) throw new Error('there is no word model to watch yet: press Train first');
    const view = wordView(watch);  // an unknown word throws here: what was watched stays
    watched = watch;
    post({ type: answer.watched, info: trainer ? trainer.info() : model.modelInfo(), ...view });
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
  [command.nextWords]({ context, temperature, top }) {
    if (kind !== kinds.words) throw new Error('there is no word model yet: train one in section 8 or load one there first');
    post({ type: answer.nextWords, ...wordModel().nextWords(context, temperature, top), steps: trainer ? trainer.info().steps : null });
  },
  [command.model]() {
    post({ type: answer.model, json: kindOf[kind].file() });
  },
  [command.projector]() {
    post({ type: answer.projector, ...kindOf[kind].projector() });
  },
  [command.load]({ json, kind: fileKind = kinds.mlp, watch = null }) {
    const loaded = kindNamed(fileKind).load(json, watch);  // a refused file changes nothing
    kind = fileKind;
    post({ type: answer.loaded, kind: fileKind, ...loaded });
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
