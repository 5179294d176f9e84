// Training and sampling, seen from JavaScript: thin wrappers over the C functions of
// cpp/wasm/training_exports.cpp. As in core.js, arguments are checked first (check.js) and
// every number comes from the C++ core; settings and facts cross as JSON with named fields.
import { finiteNumber, instance, number, object, oneOf, text, wholeNumber } from './check.js';
import { Generator, Matrix, Vocabulary } from './core.js';
import { limits } from './limits.js';
import { CoreObject } from './memory.js';

/** The core's default settings: the lecture's (makemore part 2), with the scaled initialisation. */
export const defaultConfig = Object.freeze({ ...limits.defaults });

const splits = { train: 'train', dev: 'dev', test: 'test' };
const inits = { lecture: 'lecture', scaled: 'scaled' };
const whole = 2 ** 53;

/** A dataset and a model being trained on it, step by step: the character MLP (a WordTrainer,
 *  word_training.js, trains the word model and shares run, loss and info). */
export class Trainer extends CoreObject {
  /**
   * A trainer for text (one example per line) with settings like defaultConfig; a setting left
   * out keeps the core's default, and an unknown one is an error.
   */
  static create(core, text, config = {}) {
    return Trainer.make(core, '_el_trainer_new', text, config, (name, value) => (name === 'init' ? oneOf('init', value, inits) : finiteNumber(name, value)));
  }
  /**
   * A trainer of this class made by the C function cFunction(text, length, config, length) from
   * text and settings, each of which checkSetting(name, value) checks before they cross as JSON.
   */
  static make(core, cFunction, text, config, checkSetting) {
    for (const [name, value] of Object.entries(object('config', config))) checkSetting(name, value);
    const handle = core.withText(text, (p, n) => core.withText(JSON.stringify(config),
      (c, length) => core.module[cFunction](p, n, c, length), 'config'));
    return core.track(new this(core, core.handleOrThrow(handle)));
  }
  constructor(core, handle) {
    super(core, handle, '_el_trainer_free');
  }

  /**
   * Runs `steps` steps: { steps } taken, their `mean` minibatch loss (the loss curve's point;
   * absent when no step was taken) and `error` if the loss stopped being finite (the weights are
   * then those of the last good step).
   */
  run(steps) {
    wholeNumber('steps', steps, -whole, whole);
    const { steps: taken, meanLoss, error } = this.core.json(this.core.module._el_trainer_run(this.handle, steps));
    return { steps: taken, ...(meanLoss === undefined ? {} : { mean: meanLoss }), ...(error === undefined ? {} : { error }) };
  }
  /** The mean loss over a split: 'train', 'dev' or 'test'. */
  loss(split) {
    oneOf('split', split, splits);
    return this.core.withText(split, (p, n) => this.core.out('HEAPF32', (out) => this.core.module._el_trainer_loss(out, this.handle, p, n)), 'split');
  }
  /** { steps, learningRate, vocabSize, context, embed, hidden, batch, trainSize, devSize }. */
  info() {
    return this.core.json(this.core.module._el_trainer_info(this.handle));
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
    return this.core.json(this.core.module._el_trainer_zero_gradient_rows(this.handle));
  }
  /** The last step's minibatch: { contexts: [[ids of a context], ...], targets: [ids] }. */
  batch() {
    return this.core.json(this.core.module._el_trainer_batch(this.handle));
  }
  /** A Model of the current weights. */
  snapshot() {
    return this.core.track(new Model(this.core, this.core.handleOrThrow(this.core.module._el_trainer_snapshot(this.handle))));
  }
}

/** A trained model with its vocabulary: from a trainer, or read from its JSON file. */
export class Model extends CoreObject {
  /** A model read from the text of its JSON file; a bad file throws a CoreError naming what is wrong. */
  static fromJson(core, json) {
    const handle = core.withText(text('json', json), (p, n) => core.module._el_model_from_json(p, n), 'json');
    return core.track(new Model(core, core.handleOrThrow(handle)));
  }
  constructor(core, handle) {
    super(core, handle, '_el_model_free');
  }
  /** The model file, JSON text. */
  json() {
    return this.core.text(this.core.module._el_model_json(this.handle));
  }
  /** The Embedding Projector's two TSV files: { vectors, metadata }. */
  projectorFiles() {
    return {
      vectors: this.core.text(this.core.module._el_model_projector_vectors(this.handle)),
      metadata: this.core.text(this.core.module._el_model_projector_metadata(this.handle)),
    };
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
    if (axes !== undefined) instance('axes', axes, Matrix);
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
    return this.core.json(this.core.module._el_model_info(this.handle));
  }
  /**
   * The probabilities (1, V) of the symbol after `context` (text: its last T symbols, padded on
   * the left with the boundary) at a temperature, as a new Matrix. A symbol outside the model's
   * vocabulary throws a CoreError naming it.
   */
  nextProbs(context, temperature = 1) {
    number('temperature', temperature);
    return this.core.result((out) => this.core.withText(text('context', context),
      (p, n) => this.core.module._el_model_next_probs(out, this.handle, p, n, temperature), 'context'));
  }
  /**
   * One sample drawn with a Generator: { text, steps: [{ context, probs, kept, drawn }] }, each
   * step as the model saw it (probabilities before and after the top-k / top-p filters).
   */
  sample(generator, options = {}) {
    instance('generator', generator, Generator);
    const { temperature = 1, topK = 0, topP = 1, maxLength = 50 } = object('options', options);
    number('temperature', temperature);
    wholeNumber('topK', topK, 0, whole);
    number('topP', topP);
    wholeNumber('maxLength', maxLength, -whole, whole);
    return this.core.scope(() => {
      const [probs, kept, contexts, drawn] = [0, 1, 2, 3].map(() => this.core.matrix(0, 0));
      const text = this.core.text(this.core.module._el_model_sample(this.handle, generator.handle, temperature, topK, topP, maxLength,
        probs.handle, kept.handle, contexts.handle, drawn.handle));
      const [p, k, c] = [probs.toRows(), kept.toRows(), contexts.toRows()];
      return { text, steps: Array.from(drawn.toArray(), (id, s) => ({ context: c[s], probs: p[s], kept: k[s], drawn: id })) };
    });
  }
}
