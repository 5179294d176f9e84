// Training and sampling, seen from JavaScript: thin wrappers over the C functions of
// cpp/wasm/training_exports.cpp. As in core.js, every number comes from the C++ core.
import { CoreError, CoreObject, Vocabulary } from './core.js';

/** The order of the settings in the config array of el_trainer_new. */
const configFields = ['context', 'embed', 'hidden', 'batch', 'lr', 'lrFinal', 'decayAt', 'seed', 'init'];
const splits = { train: 0, dev: 1, test: 2 };

/** The lecture's settings (makemore part 2), with the scaled initialisation. */
export const defaultConfig = {
  context: 3, embed: 10, hidden: 200, batch: 32, lr: 0.1, lrFinal: 0.01, decayAt: 10000, seed: 42, init: 'scaled',
};

/** A dataset and a model being trained on it, step by step. */
export class Trainer extends CoreObject {
  /** A trainer for text (one example per line) with settings like defaultConfig. */
  static create(core, text, config) {
    const values = configFields.map((field) => (field === 'init' ? (config.init === 'lecture' ? 0 : 1) : Number(config[field])));
    const pointer = core.module._malloc(values.length * 8);
    try {
      new Float64Array(core.module.HEAPU8.buffer, pointer, values.length).set(values);
      const handle = core.withText(text, (p, n) => core.module._el_trainer_new(p, n, pointer));
      return core.track(new Trainer(core, core.handleOrThrow(handle)));
    } finally {
      core.module._free(pointer);
    }
  }
  constructor(core, handle) {
    super(core, handle, '_el_trainer_free');
  }

  /**
   * Runs up to `steps` steps: { losses } of the minibatches, their `mean`, and `error` if the
   * loss stopped being finite (the weights are then those of the last good step).
   */
  run(steps) {
    const m = this.core.module;
    const pointer = m._malloc((Math.max(steps, 1) + 1) * 4);  // the losses, then their mean
    try {
      const done = m._el_trainer_run(pointer, pointer + 4 * Math.max(steps, 1), this.handle, steps);
      if (done < 0) this.core.throwLastError();
      const losses = Float32Array.from(new Float32Array(m.HEAPF32.buffer, pointer, done));
      const mean = m.HEAPF32[(pointer >> 2) + Math.max(steps, 1)];
      return done < steps ? { losses, mean, error: m.UTF8ToString(m._el_last_error()) } : { losses, mean };
    } finally {
      m._free(pointer);
    }
  }
  /** The mean loss over a split: 'train', 'dev' or 'test'. */
  loss(split) {
    if (!(split in splits)) throw new CoreError(`split “${split}” is not train, dev or test`);
    return this.core.out('_el_trainer_loss', 'HEAPF32', this.handle, splits[split]);
  }
  info() {
    const m = this.core.module;
    const pointer = m._malloc(9 * 8);
    try {
      this.core.check(m._el_trainer_info(pointer, this.handle));
      const [steps, learningRate, vocabSize, context, embed, hidden, batch, trainSize, devSize] = new Float64Array(m.HEAPU8.buffer, pointer, 9);
      return { steps, learningRate, vocabSize, context, embed, hidden, batch, trainSize, devSize };
    } finally {
      m._free(pointer);
    }
  }
  /** The embedding table C (V, d), as a new Matrix. */
  table() {
    return this.core.result((out) => this.core.module._el_trainer_table(out, this.handle));
  }
  /** The gradient of C in the last step (V, d), as a new Matrix. */
  gradient() {
    return this.core.result((out) => this.core.module._el_trainer_gradient(out, this.handle));
  }
  /** The ids of the rows of the last step's gradient of C that are exactly zero, in increasing order. */
  zeroGradientRows() {
    const { vocabSize } = this.info();
    return this.core.withInts(new Int32Array(vocabSize), (ids) => {
      const count = this.core.module._el_trainer_zero_gradient_rows(ids, this.handle);
      if (count < 0) this.core.throwLastError();
      return Array.from(new Int32Array(this.core.module.HEAP32.buffer, ids, count));
    });
  }
  /** The last step's minibatch: { contexts: [[ids of a context], ...], targets: [ids] }. */
  batch() {
    const { batch, context } = this.info();
    return this.core.withInts(new Int32Array(batch * context), (contexts) => this.core.withInts(new Int32Array(batch), (targets) => {
      this.core.check(this.core.module._el_trainer_batch(contexts, targets, this.handle));
      const flat = Array.from(new Int32Array(this.core.module.HEAP32.buffer, contexts, batch * context));
      return {
        contexts: Array.from({ length: batch }, (_, b) => flat.slice(b * context, (b + 1) * context)),
        targets: Array.from(new Int32Array(this.core.module.HEAP32.buffer, targets, batch)),
      };
    }));
  }
  /** A Model of the current weights. */
  snapshot() {
    return this.core.track(new Model(this.core, this.core.handleOrThrow(this.core.module._el_trainer_snapshot(this.handle))));
  }
}

/** A trained model with its vocabulary: from a trainer, or read from its JSON file. */
export class Model extends CoreObject {
  /** A model read from the text of its JSON file; a bad file throws a CoreError naming what is wrong. */
  static fromJson(core, text) {
    const handle = core.withText(text, (p, n) => core.module._el_model_from_json(p, n));
    return core.track(new Model(core, core.handleOrThrow(handle)));
  }
  constructor(core, handle) {
    super(core, handle, '_el_model_free');
  }
  /** The model file, JSON text. */
  json() {
    return this.text(this.core.module._el_model_json(this.handle));
  }
  /** The Embedding Projector's two TSV files: { vectors, metadata }. */
  projectorFiles() {
    return { vectors: this.text(this.core.module._el_model_projector(this.handle, 0)), metadata: this.text(this.core.module._el_model_projector(this.handle, 1)) };
  }
  vocabulary() {
    return this.core.track(new Vocabulary(this.core, this.core.handleOrThrow(this.core.module._el_model_vocab(this.handle))));
  }
  /**
   * The embedding table projected to 2-D (V, 2), as a new Matrix. axes, a Matrix, holds the
   * previous picture's axes (d, 2), which the new ones follow so the picture does not mirror, or
   * is empty; it is replaced by the axes used. Without axes, each axis follows the sign rule.
   */
  projection(axes) {
    return this.core.scope(() => {
      const followed = axes ?? this.core.matrix(0, 0);
      return this.core.result((out) => this.core.module._el_model_projection(out, followed.handle, this.handle));
    });
  }
  /** The embedding table C (V, d), as a new Matrix. */
  table() {
    return this.core.result((out) => this.core.module._el_model_table(out, this.handle));
  }
  /** The model's sizes: { vocabSize, context, embed, hidden }. */
  info() {
    const m = this.core.module;
    const pointer = m._malloc(4 * 8);
    try {
      this.core.check(m._el_model_info(pointer, this.handle));
      const [vocabSize, context, embed, hidden] = new Float64Array(m.HEAPU8.buffer, pointer, 4);
      return { vocabSize, context, embed, hidden };
    } finally {
      m._free(pointer);
    }
  }
  /** The probabilities (1, V) of the symbol after text, as a new Matrix. */
  nextProbs(text, temperature = 1) {
    return this.core.result((out) => this.core.withText(text, (p, n) => this.core.module._el_model_next_probs(out, this.handle, p, n, temperature)));
  }
  /**
   * One sample drawn with a Generator: { text, steps: [{ context, probs, kept, drawn }] }, each
   * step as the model saw it (probabilities before and after the top-k / top-p filters).
   */
  sample(generator, { temperature = 1, topK = 0, topP = 1, maxLength = 50 } = {}) {
    return this.core.scope(() => {
      const [probs, kept, contexts, drawn] = [0, 1, 2, 3].map(() => this.core.matrix(0, 0));
      const text = this.text(this.core.module._el_model_sample(this.handle, generator.handle, temperature, topK, topP, maxLength,
        probs.handle, kept.handle, contexts.handle, drawn.handle));
      const [p, k, c] = [probs.toRows(), kept.toRows(), contexts.toRows()];
      return { text, steps: Array.from(drawn.toArray(), (id, s) => ({ context: c[s], probs: p[s], kept: k[s], drawn: id })) };
    });
  }
  text(pointer) {
    if (pointer === 0) this.core.throwLastError();
    return this.core.module.UTF8ToString(pointer);
  }
}
