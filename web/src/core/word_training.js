// The word model, seen from JavaScript: thin wrappers over the C functions of
// cpp/wasm/word_training_exports.cpp. A WordTrainer trains one; it runs, and gives its losses and
// facts, as the MLP's Trainer does (the same C functions). A WordModel is one read from its
// "embedlab-words" file. Both answer the same questions about words (askingWords), which the
// core asks of the word model of a holder (0 a trainer's current weights, 1 a file's) and a
// handle. Every number comes from the C++ core; words cross as JSON.
import { CoreError, finiteNumber, instance, list, number, shown, text, wholeNumber } from './check.js';
import { Matrix } from './core.js';
import { limits } from './limits.js';
import { CoreObject } from './memory.js';
import { Trainer } from './training.js';

/** The core's word settings (WordConfig's measured defaults for WordNet's glosses) and their limits. */
export const wordDefaults = Object.freeze({ ...limits.words.defaults });
export const wordRanges = limits.words.ranges;

const holders = Object.freeze({ trainer: 0, file: 1 });  // handles.hpp's held_by_trainer and held_by_file

const words = (name, value) => {
  list(name, value).forEach((word, i) => text(`${name}[${i}]`, word));
  return JSON.stringify(Array.from(value));
};

/** Base (a CoreObject) with the questions of a word model held by `holder`. */
const askingWords = (Base, holder) => class extends Base {
  /** The model's sizes: { vocabSize (with "." and "<unk>"), window, embed, tied }. */
  modelInfo() {
    return this.core.json(this.core.module._el_word_model_info(holder, this.handle));
  }
  /** The kept words, the most frequent first. */
  words() {
    return this.core.json(this.core.module._el_word_model_words(holder, this.handle));
  }
  /** cos(a, b) of each pair [[a, b], ...], in order. */
  cosines(pairs) {
    list('pairs', pairs).forEach((pair, i) => words(`pairs[${i}]`, pair));
    return this.core.withText(JSON.stringify(pairs), (p, n) => this.core.json(this.core.module._el_word_model_cosines(holder, this.handle, p, n)), 'pairs');
  }
  /** The top words nearest to word by cosine, best first: [[word, cosine], ...]. */
  similar(word, top) {
    wholeNumber('top', top, -(2 ** 53), 2 ** 53);
    return this.core.withText(text('word', word), (p) => this.core.json(this.core.module._el_word_model_similar(holder, this.handle, p, top)), 'word');
  }
  /**
   * The vectors of chosen words projected to 2-D (k, 2), as a new Matrix. axes, a Matrix, holds
   * the previous picture's axes (d, 2), which the new ones follow so that the picture does not
   * mirror, or is empty; it is replaced by the axes used.
   */
  projection(chosen, axes) {
    instance('axes', axes, Matrix);
    const json = words('words', chosen);
    return this.core.result((out) => this.core.withText(json, (p, n) => this.core.module._el_word_model_projection(out, axes.handle, holder, this.handle, p, n), 'words'));
  }
  /**
   * What the model says of the word after a context (text) at temperature T (0 included):
   * { read, ids, unknown, leftOut, window, tied, vocabSize, h, entropyBits, rows: [[word, logit,
   * probability, output, bias]] }, the top words best first (cpp/wasm/next_word_exports.cpp).
   */
  nextWords(context, temperature, top) {
    number('temperature', temperature);
    wholeNumber('top', top, -(2 ** 53), 2 ** 53);
    return this.core.withText(text('context', context), (p, n) =>
      this.core.json(this.core.module._el_word_model_next_words(holder, this.handle, p, n, temperature, top)), 'context');
  }
  /** The word model's file: "embedlab-words" JSON text. */
  modelJson() {
    return this.core.text(this.core.module._el_word_model_json(holder, this.handle));
  }
  /** The Embedding Projector's two TSV files of the kept words ("." and "<unk>" left out): { vectors, metadata }. */
  projectorFiles() {
    return {
      vectors: this.core.text(this.core.module._el_word_model_projector_vectors(holder, this.handle)),
      metadata: this.core.text(this.core.module._el_word_model_projector_metadata(holder, this.handle)),
    };
  }
};

/** A corpus and the word model being trained on it. */
export class WordTrainer extends askingWords(Trainer, holders.trainer) {
  /**
   * A word trainer for a corpus (one text a line) with settings like wordDefaults; a setting left
   * out keeps the core's default, and an unknown one is an error.
   */
  static create(core, corpus, config = {}) {
    return this.make(core, '_el_word_trainer_new', corpus, config, (name, value) => {
      if (name === 'tied' && typeof value !== 'boolean') throw new CoreError(`tied ${shown(value)} must be true or false`);
      if (name !== 'tied') finiteNumber(name, value);
    });
  }
  /** Gives word `to` the vector of word `from`. */
  copyVector(from, to) {
    this.core.withText(text('from', from), (pf) => this.core.withText(text('to', to), (pt) =>
      this.core.check(this.core.module._el_word_trainer_copy_vector(this.handle, pf, pt)), 'to'), 'from');
  }
}

/** A word model read from its file: it answers the questions, and is not trained further. */
export class WordModel extends askingWords(CoreObject, holders.file) {
  /** A word model read from the text of its "embedlab-words" file; a bad file, or one of the other kind, throws a CoreError naming what is wrong. */
  static fromJson(core, json) {
    const handle = core.withText(text('json', json), (p, n) => core.module._el_word_model_from_json(p, n), 'json');
    return core.track(new WordModel(core, core.handleOrThrow(handle)));
  }
  constructor(core, handle) {
    super(core, handle, '_el_word_model_free');
  }
}
