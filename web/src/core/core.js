// The core, seen from JavaScript: a thin wrapper over the C functions of
// cpp/wasm/core_exports.cpp. It checks its arguments (check.js), moves numbers in and out of WASM
// memory (memory.js) and never computes one itself: every number it returns was computed by the
// C++ core.
//
// A Matrix, Vocabulary or Generator holds a handle to an object that lives in WASM memory;
// call free() when done with it (or use core.scope(), which frees what was made inside it).
// A bad argument, or a failure in the core, is thrown as a CoreError whose message names the bad
// value.
import { CoreError, finiteNumber, instance, list, number, numbers, shown, wholeNumber } from './check.js';
import { CoreObject, Memory } from './memory.js';

export { CoreError, CoreObject };

/**
 * Starts the WASM module and returns the core.
 * @param {Function} createModule the Emscripten factory (build/wasm/embedlab_core.cjs)
 * @param {Uint8Array} wasmBinary the module's bytes (build/wasm/embedlab_core.wasm), handed over
 *   (core/wasm_bytes.js finds them), so that the loader never fetches them
 */
export async function loadCore(createModule, wasmBinary) {
  return new Core(await createModule({ wasmBinary }));
}

const maxSize = 2 ** 31 - 1;  // rows, columns, V: int32 in the core

/** A float32 matrix owned by the core; entries are row-major. */
export class Matrix extends CoreObject {
  constructor(core, handle) {
    super(core, handle, '_el_matrix_free');
  }
  get rows() { return this.core.count(this.core.module._el_matrix_rows(this.handle)); }
  get cols() { return this.core.count(this.core.module._el_matrix_cols(this.handle)); }

  /** A copy of the entries, row-major. */
  toArray() {
    return Float32Array.from(this.view());
  }
  /** A copy of the entries as an array of rows of numbers. */
  toRows() {
    const entries = this.view(), cols = this.cols;
    return Array.from({ length: this.rows }, (_, r) => Array.from(entries.subarray(r * cols, (r + 1) * cols)));
  }
  /** Writes row-major entries (rows * cols numbers) into the matrix. */
  set(values) {
    numbers('values', values);
    const view = this.view();
    if (values.length !== view.length) {
      throw new CoreError(`${values.length} values for a matrix of ${this.rows} x ${this.cols} = ${view.length} entries`);
    }
    view.set(values);
    return this;
  }
  /** The entries in WASM memory, read fresh each time (memory growth moves them). */
  view() {
    const m = this.core.module, entries = this.rows * this.cols;  // throws if there is no such matrix
    if (entries === 0) return new Float32Array(0);  // no entries, no memory: its data pointer is null
    return new Float32Array(m.HEAPF32.buffer, m._el_matrix_data(this.handle), entries);
  }
}

/** A vocabulary owned by the core: symbols by id, encode and decode. */
export class Vocabulary extends CoreObject {
  constructor(core, handle) {
    super(core, handle, '_el_vocab_free');
  }
  get size() { return this.core.count(this.core.module._el_vocab_size(this.handle)); }
  symbol(id) {
    return this.core.text(this.core.module._el_vocab_symbol(this.handle, wholeNumber('id', id)));
  }
  symbols() {
    return Array.from({ length: this.size }, (_, id) => this.symbol(id));
  }
  /** The ids of the code points of text. */
  encode(text) {
    return this.core.withText(text, (p, n) => this.core.json(this.core.module._el_vocab_encode(this.handle, p, n)));
  }
  /** The ids of the words of text (split at white space). */
  encodeWords(text) {
    return this.core.withText(text, (p, n) => this.core.json(this.core.module._el_vocab_encode_words(this.handle, p, n)));
  }
  /** The text of ids. */
  decode(ids) {
    return this.core.withInts(ids, (p, n) => this.core.text(this.core.module._el_vocab_decode(this.handle, p, n)));
  }
}

/** The core's seeded random generator: the same seed gives the same stream as natively. */
export class Generator extends CoreObject {
  constructor(core, handle) {
    super(core, handle, '_el_rng_free');
  }
  nextU32() { return this.core.out('HEAPU32', (p) => this.core.module._el_rng_next_u32(p, this.handle)); }
  uniform() { return this.core.out('HEAPF32', (p) => this.core.module._el_rng_uniform(p, this.handle)); }
  normal() { return this.core.out('HEAPF32', (p) => this.core.module._el_rng_normal(p, this.handle)); }
  /** An id drawn with the probabilities in probs (an array or a 1-row Matrix). */
  categorical(probs) {
    return this.core.scope(() => {
      const p = this.core.asMatrix(probs, 1).handle;
      return this.core.out('HEAP32', (out) => this.core.module._el_rng_categorical(out, this.handle, p));
    });
  }
}

export class Core extends Memory {
  // ---- Objects -------------------------------------------------------------------------------

  /** A matrix from an array of rows, e.g. [[0.10, -0.20], [0.00, 0.30]], or zeros of a shape. */
  matrix(rows, cols) {
    if (Array.isArray(rows)) return this.matrixFromRows(rows);
    const handle = this.module._el_matrix_new(wholeNumber('rows', rows, 0, maxSize), wholeNumber('cols', cols, 0, maxSize));
    return this.track(new Matrix(this, this.handleOrThrow(handle)));
  }
  /** A vocabulary from text, one example per line, with a boundary symbol at id 0. */
  vocabularyFromText(text, boundary = '.') {
    const handle = this.withText(text, (pointer, length) =>
      this.withText(boundary, (b) => this.module._el_vocab_from_text(pointer, length, b), 'boundary'));
    return this.track(new Vocabulary(this, this.handleOrThrow(handle)));
  }
  /** The distinct characters (code points) of text, sorted, as a vocabulary. */
  vocabularyFromCharacters(text) {
    return this.vocabularyFrom('_el_vocab_from_characters', text);
  }
  /** The words of text in order of first appearance: "Hello world" gives Hello = 0, world = 1. */
  vocabularyFromWords(text) {
    return this.vocabularyFrom('_el_vocab_from_words', text);
  }
  vocabularyFrom(cFunction, text) {
    const handle = this.withText(text, (pointer, length) => this.module[cFunction](pointer, length));
    return this.track(new Vocabulary(this, this.handleOrThrow(handle)));
  }
  /** A vocabulary from symbols in id order, e.g. ['@', 'a', 'b', 'c', '.']. */
  vocabularyFromSymbols(symbols) {
    const bad = list('symbols', symbols).findIndex((s) => typeof s !== 'string' || s.includes('\n'));
    if (bad >= 0) throw new CoreError(`symbol at id ${bad} must be text without line breaks, not ${shown(symbols[bad])}`);
    return this.vocabularyFrom('_el_vocab_from_symbols', Array.from(symbols).join('\n'));
  }
  /** A generator seeded with a whole number from 0 to 2^53. */
  generator(seed) {
    return this.track(new Generator(this, this.handleOrThrow(this.module._el_rng_new(wholeNumber('seed', seed, 0, 2 ** 53)))));
  }

  // ---- Operations (each returns a new Matrix unless said otherwise) ---------------------------

  /** The row of table for one id. */
  embeddingLookup(table, id) {
    return this.embeddingForward(table, [wholeNumber('id', id)]);
  }
  /** table[ids], shape (N, d). */
  embeddingForward(table, ids) {
    return this.result((out) => this.withInts(ids, (p, n) => this.module._el_embedding_forward(out, this.asMatrix(table).handle, p, n)));
  }
  /** The rows of m one after another, shape (1, N*d). */
  flatten(m) {
    return this.result((out) => this.module._el_flatten(out, this.asMatrix(m).handle));
  }
  /** One-hot rows of ids over a vocabulary of size V, shape (N, V). */
  oneHot(ids, V) {
    wholeNumber('V', V, 0, maxSize);
    return this.result((out) => this.withInts(ids, (p, n) => this.module._el_one_hot(out, p, n, V)));
  }
  /** x W, shape (N, n). */
  linearForward(x, W) {
    return this.result((out) => this.module._el_linear_forward(out, this.asMatrix(x).handle, this.asMatrix(W).handle));
  }
  /** h E^T: one logit per row of the embedding table E. */
  unembedTied(h, E) {
    return this.result((out) => this.module._el_unembed_tied_forward(out, this.asMatrix(h, 1).handle, this.asMatrix(E).handle));
  }
  /** softmax(logits / T), row by row. */
  softmax(logits, T = 1) {
    number('temperature', T);
    return this.result((out) => this.module._el_softmax(out, this.asMatrix(logits, 1).handle, T));
  }
  /** { loss, probs }: mean cross-entropy of logits (N, V) against targets (N ids). */
  crossEntropy(logits, targets) {
    let loss;
    const probs = this.result((out) => {
      const l = this.asMatrix(logits, 1).handle;
      loss = this.withInts(targets, (p, n) => this.out('HEAPF32', (pointer) => this.module._el_cross_entropy(pointer, out, l, p, n)), 'targets');
      return 0;
    });
    return { loss, probs };
  }
  /** A rows x cols matrix of normal draws (standard deviation scale) from a Generator. */
  normalMatrix(generator, rows, cols, scale = 1) {
    instance('generator', generator, Generator);
    wholeNumber('rows', rows, 0, maxSize);
    wholeNumber('cols', cols, 0, maxSize);
    finiteNumber('scale', scale);
    return this.result((out) => this.module._el_normal_matrix(out, generator.handle, rows, cols, scale));
  }
  /** The entropy in bits of one row of a probability matrix. */
  entropyBits(probs, row = 0) {
    wholeNumber('row', row);
    return this.scope(() => {
      const p = this.asMatrix(probs, 1).handle;
      return this.out('HEAPF32', (out) => this.module._el_entropy_bits(out, p, row));
    });
  }
  /** { id, probability, ties } of the most probable entry of one row of a probability matrix. */
  topEntry(probs, row = 0) {
    wholeNumber('row', row);
    return this.scope(() => this.json(this.module._el_top_entry(this.asMatrix(probs, 1).handle, row)));
  }
  /** What a (V, d) table read by B ids costs: counts of weights, bytes and operations. */
  embeddingCost(V, d, B) {
    const sizes = [['V', V], ['d', d], ['B', B]].map(([name, value]) => wholeNumber(name, value, -(2 ** 53), 2 ** 53));
    return this.json(this.module._el_embedding_cost(...sizes));
  }
  /** The angle between a and b in degrees. */
  angleDegrees(a, b) {
    return this.pairNumber('_el_angle_degrees', a, b);
  }
  /** a . b (a number). */
  dot(a, b) {
    return this.pairNumber('_el_dot', a, b);
  }
  /** cos(a, b) (a number). */
  cosine(a, b) {
    return this.pairNumber('_el_cosine', a, b);
  }
  /** The number the C function cFunction(out, a, b) writes for two vectors. */
  pairNumber(cFunction, a, b) {
    return this.scope(() => {
      const [am, bm] = [this.asMatrix(a, 1).handle, this.asMatrix(b, 1).handle];
      return this.out('HEAPF32', (out) => this.module[cFunction](out, am, bm));
    });
  }
  /** [{ id, cosine }]: the k rows of table nearest to query, best first (the core checks k against the rows). */
  nearest(table, query, k, exclude = []) {
    wholeNumber('k', k, -(2 ** 53), 2 ** 53);
    return this.scope(() => this.withInts(exclude, (ex, exCount) =>
      this.json(this.module._el_nearest(this.asMatrix(table).handle, this.asMatrix(query, 1).handle, k, ex, exCount)), 'exclude'));
  }
  /** { id, cosine, query }: the row nearest to the query table[a] - table[b] + table[c] (a
   *  (1, d) Matrix, freed by the caller or its scope), other than a, b, c. */
  analogy(table, a, b, c) {
    const ids = [['a', a], ['b', b], ['c', c]].map(([name, value]) => wholeNumber(name, value));
    const query = this.matrix(0, 0);
    try {
      return { ...this.scope(() => this.json(this.module._el_analogy(query.handle, this.asMatrix(table).handle, ...ids))), query };
    } catch (error) {
      query.free();
      throw error;
    }
  }
  /** a and b (same shape) entry by entry: { differing, firstRow, firstCol (-1 if none),
   *  maxAbsDifference (NaN when a difference is NaN), bitIdentical }. */
  compare(a, b) {
    const found = this.scope(() => this.json(this.module._el_compare(this.asMatrix(a).handle, this.asMatrix(b).handle)));
    return { ...found, maxAbsDifference: found.maxAbsDifference ?? NaN };
  }
  /** The core's default training settings and its limits (see el_limits in cpp/wasm/training_exports.cpp). */
  limits() {
    return this.json(this.module._el_limits());
  }
  /** Bytes of WASM memory allocated and not yet freed. */
  memoryInUse() {
    return this.module._el_memory_in_use();
  }

  // ---- Plumbing ------------------------------------------------------------------------------

  /** Makes an output matrix, runs fill(handle), and returns the matrix (freed on failure). */
  result(fill) {
    return this.scope(() => {
      const out = this.matrix(0, 0);
      this.check(fill(out.handle));
      return out;
    });
  }
  /** m itself if it is a Matrix, else a matrix made from an array of rows (or, with
   *  rowIfFlat = 1, from a flat array taken as one row); made ones are freed by the scope. */
  asMatrix(m, rowIfFlat = 0) {
    if (m instanceof Matrix) return m;
    if (rowIfFlat && (ArrayBuffer.isView(m) || (Array.isArray(m) && !Array.isArray(m[0]) && !ArrayBuffer.isView(m[0])))) {
      return this.matrixFromRows([Array.from(m)]);
    }
    return this.matrixFromRows(m);
  }
  matrixFromRows(rows) {
    if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r) || ArrayBuffer.isView(r))) {
      throw new CoreError(`a matrix is given as a non-empty array of rows, not ${shown(rows)}`);
    }
    const cols = rows[0].length;
    const ragged = rows.findIndex((r) => r.length !== cols);
    if (ragged >= 0) throw new CoreError(`row ${ragged} has ${rows[ragged].length} entries but row 0 has ${cols}`);
    rows.forEach((r, i) => numbers(`row ${i}`, r));
    const m = this.matrix(rows.length, cols);
    m.set(rows.flatMap((r) => Array.from(r)));
    return m;
  }
}
