// The core, seen from JavaScript: a thin wrapper over the C functions of
// cpp/wasm/embedlab_wasm.cpp. It moves numbers in and out of WASM memory and never computes
// one itself: every number it returns was computed by the C++ core.
//
// A Matrix, Vocabulary or Generator holds a handle to an object that lives in WASM memory;
// call free() when done with it (or use core.scope(), which frees what was made inside it).
// A failure in the core is thrown as a CoreError whose message names the bad value.

/** An error reported by the C++ core. */
export class CoreError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CoreError';
  }
}

/**
 * Starts the WASM module and returns the core.
 * @param {Function} createModule the Emscripten factory (build/wasm/embedlab_core.cjs)
 * @param {Uint8Array} wasmBinary the module's bytes (build/wasm/embedlab_core.wasm), handed over
 *   so that the loader never fetches them
 */
export async function loadCore(createModule, wasmBinary) {
  return new Core(await createModule({ wasmBinary }));
}

/** An object that lives in the core, known here by its handle; free() releases it. */
export class CoreObject {
  constructor(core, handle, freeFunction) {
    this.core = core;
    this.handle = handle;
    this.freeFunction = freeFunction;
  }
  free() {
    this.core.check(this.core.module[this.freeFunction](this.handle));
  }
}

/** A float32 matrix owned by the core; entries are row-major. */
export class Matrix extends CoreObject {
  constructor(core, handle) {
    super(core, handle, '_el_matrix_free');
  }
  get rows() { return this.core.call('_el_matrix_rows', this.handle); }
  get cols() { return this.core.call('_el_matrix_cols', this.handle); }

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
    const view = this.view();
    if (values.length !== view.length) {
      throw new CoreError(`${values.length} values for a matrix of ${this.rows} x ${this.cols} = ${view.length} entries`);
    }
    view.set(values);
    return this;
  }
  /** The entries in WASM memory, read fresh each time (memory growth moves them). */
  view() {
    const m = this.core.module;
    const pointer = m._el_matrix_data(this.handle);
    if (pointer === 0) this.core.throwLastError();
    return new Float32Array(m.HEAPF32.buffer, pointer, this.rows * this.cols);
  }
}

/** A vocabulary owned by the core: symbols by id, encode and decode. */
export class Vocabulary extends CoreObject {
  constructor(core, handle) {
    super(core, handle, '_el_vocab_free');
  }
  get size() { return this.core.call('_el_vocab_size', this.handle); }
  symbol(id) {
    const pointer = this.core.module._el_vocab_symbol(this.handle, id);
    if (pointer === 0) this.core.throwLastError();
    return this.core.module.UTF8ToString(pointer);
  }
  symbols() {
    return Array.from({ length: this.size }, (_, id) => this.symbol(id));
  }
  /** The ids of the code points of text. */
  encode(text) {
    return this.encodeWith('_el_vocab_encode', text);
  }
  /** The ids of the words of text (split at white space). */
  encodeWords(text) {
    return this.encodeWith('_el_vocab_encode_words', text);
  }
  encodeWith(cFunction, text) {
    return this.core.withText(text, (pointer, length) =>
      this.core.withInts(new Int32Array(Math.max(length, 1)), (ids) => {
        const count = this.core.module[cFunction](ids, this.handle, pointer, length);
        if (count < 0) this.core.throwLastError();
        return Array.from(new Int32Array(this.core.module.HEAP32.buffer, ids, count));
      }));
  }
  /** The text of ids. */
  decode(ids) {
    return this.core.withInts(ids, (pointer, count) => {
      const text = this.core.module._el_vocab_decode(this.handle, pointer, count);
      if (text === 0) this.core.throwLastError();
      return this.core.module.UTF8ToString(text);
    });
  }
}

/** The core's seeded random generator: the same seed gives the same stream as natively. */
export class Generator extends CoreObject {
  constructor(core, handle) {
    super(core, handle, '_el_rng_free');
  }
  nextU32() { return this.core.out('_el_rng_next_u32', 'HEAPU32', this.handle); }
  uniform() { return this.core.out('_el_rng_uniform', 'HEAPF32', this.handle); }
  normal() { return this.core.out('_el_rng_normal', 'HEAPF32', this.handle); }
  /** An id drawn with the probabilities in probs (an array or a 1-row Matrix). */
  categorical(probs) {
    return this.core.scope(() => this.core.out('_el_rng_categorical', 'HEAP32', this.handle, this.core.asMatrix(probs, 1).handle));
  }
}

export class Core {
  constructor(module) {
    this.module = module;
    this.scopes = [];
  }

  // ---- Objects -------------------------------------------------------------------------------

  /** A matrix from an array of rows, e.g. [[0.10, -0.20], [0.00, 0.30]], or zeros of a shape. */
  matrix(rows, cols) {
    if (Array.isArray(rows)) return this.matrixFromRows(rows);
    return this.track(new Matrix(this, this.handleOrThrow(this.module._el_matrix_new(rows, cols))));
  }
  /** A vocabulary from text, one example per line, with a boundary symbol at id 0. */
  vocabularyFromText(text, boundary = '.') {
    const handle = this.withText(text, (pointer, length) =>
      this.withText(boundary, (b) => this.module._el_vocab_from_text(pointer, length, b)));
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
    const bad = symbols.findIndex((s) => typeof s !== 'string' || s.includes('\n'));
    if (bad >= 0) throw new CoreError(`symbol at id ${bad} must be text without line breaks`);
    return this.vocabularyFrom('_el_vocab_from_symbols', symbols.join('\n'));
  }
  /** A generator seeded with a whole number from 0 to 2^53. */
  generator(seed) {
    return this.track(new Generator(this, this.handleOrThrow(this.module._el_rng_new(seed))));
  }

  /** Runs fn and frees every object it made, except the one it returns. */
  scope(fn) {
    const made = [];
    this.scopes.push(made);
    let result;
    try {
      result = fn();
    } finally {
      this.scopes.pop();
      for (const object of made) if (object !== result) object.free();
      if (result && this.scopes.length > 0 && made.includes(result)) this.track(result);
    }
    return result;
  }

  // ---- Operations (each returns a new Matrix unless said otherwise) ---------------------------

  /** The row of table for one id. */
  embeddingLookup(table, id) {
    return this.embeddingForward(table, [id]);
  }
  /** table[ids], shape (B, d). */
  embeddingForward(table, ids) {
    return this.result((out) => this.withInts(ids, (p, n) => this.module._el_embedding_forward(out, this.asMatrix(table).handle, p, n)));
  }
  /** Adds the gradient dout (B, d) into the rows of dtable named by ids (in place). */
  embeddingBackward(dtable, dout, ids) {
    this.scope(() => this.withInts(ids, (p, n) => this.check(this.module._el_embedding_backward(dtable.handle, this.asMatrix(dout).handle, p, n))));
  }
  /** The rows of m one after another, shape (1, B*d). */
  flatten(m) {
    return this.result((out) => this.module._el_flatten(out, this.asMatrix(m).handle));
  }
  /** One-hot rows of ids over a vocabulary of size V, shape (B, V). */
  oneHot(ids, V) {
    return this.result((out) => this.withInts(ids, (p, n) => this.module._el_one_hot(out, p, n, V)));
  }
  /** x W, shape (B, n). */
  linearForward(x, W) {
    return this.result((out) => this.module._el_linear_forward(out, this.asMatrix(x).handle, this.asMatrix(W).handle));
  }
  /** h E^T: one logit per row of the embedding table E. */
  unembedTied(h, E) {
    return this.result((out) => this.module._el_unembed_tied_forward(out, this.asMatrix(h, 1).handle, this.asMatrix(E).handle));
  }
  /** softmax(logits / T), row by row. */
  softmax(logits, T = 1) {
    return this.result((out) => this.module._el_softmax(out, this.asMatrix(logits, 1).handle, T));
  }
  /** log softmax(logits / T), row by row. */
  logSoftmax(logits, T = 1) {
    return this.result((out) => this.module._el_log_softmax(out, this.asMatrix(logits, 1).handle, T));
  }
  /** { loss, probs }: mean cross-entropy of logits (B, V) against targets (B ids). */
  crossEntropy(logits, targets) {
    let loss;
    const probs = this.result((out) => {
      loss = this.withInts(targets, (p, n) => this.out('_el_cross_entropy', 'HEAPF32', out, this.asMatrix(logits, 1).handle, p, n));
      return 0;
    });
    return { loss, probs };
  }
  /** A rows x cols matrix of normal draws (standard deviation scale) from a Generator. */
  normalMatrix(generator, rows, cols, scale = 1) {
    return this.result((out) => this.module._el_normal_matrix(out, generator.handle, rows, cols, scale));
  }
  /** The entropy in bits of one row of a probability matrix. */
  entropyBits(probs, row = 0) {
    return this.scope(() => this.out('_el_entropy_bits', 'HEAPF32', this.asMatrix(probs, 1).handle, row));
  }
  /** { id, probability, ties } of the most probable entry of one row of a probability matrix:
   *  the lowest id of tied ones, and how many ids share its probability. */
  topEntry(probs, row = 0) {
    return this.scope(() => this.withInts([0, 0, 0], (out) => {
      this.check(this.module._el_top_entry(out, out + 4, out + 8, this.asMatrix(probs, 1).handle, row));
      return { id: this.module.HEAP32[out >> 2], probability: this.module.HEAPF32[(out >> 2) + 1], ties: this.module.HEAP32[(out >> 2) + 2] };
    }));
  }
  /** What a (V, d) table read by B ids costs: counts of weights, bytes and operations. */
  embeddingCost(V, d, B) {
    const [weights, tableBytes, oneHotEntries, oneHotMacs, lookupCopies] = this.withDoubles(5, (out) => this.module._el_embedding_cost(out, V, d, B));
    return { weights, tableBytes, oneHotEntries, oneHotMacs, lookupCopies };
  }
  /** a and b (same shape) entry by entry: { differing, firstRow, firstCol (-1 if none), maxAbsDifference, bitIdentical }. */
  compare(a, b) {
    return this.scope(() => {
      const [differing, firstRow, firstCol, maxAbsDifference, bitIdentical] =
        this.withDoubles(5, (out) => this.module._el_compare(out, this.asMatrix(a).handle, this.asMatrix(b).handle));
      return { differing, firstRow, firstCol, maxAbsDifference, bitIdentical: bitIdentical === 1 };
    });
  }
  /** The angle between a and b in degrees. */
  angleDegrees(a, b) {
    return this.scope(() => this.out('_el_angle_degrees', 'HEAPF32', this.asMatrix(a, 1).handle, this.asMatrix(b, 1).handle));
  }
  /** a . b (a number). */
  dot(a, b) {
    return this.scope(() => this.out('_el_dot', 'HEAPF32', this.asMatrix(a, 1).handle, this.asMatrix(b, 1).handle));
  }
  /** cos(a, b) (a number). */
  cosine(a, b) {
    return this.scope(() => this.out('_el_cosine', 'HEAPF32', this.asMatrix(a, 1).handle, this.asMatrix(b, 1).handle));
  }
  /** [{ id, cosine }]: the k rows of table nearest to query, best first. */
  nearest(table, query, k, exclude = []) {
    if (!Number.isInteger(k) || k < 1) throw new CoreError(`k = ${k}: ask for at least one neighbour`);
    return this.scope(() => this.withInts(new Int32Array(k), (ids) => this.withInts(new Int32Array(k), (cosines) =>
      this.withInts(exclude, (ex, exCount) => {
        this.check(this.module._el_nearest(ids, cosines, this.asMatrix(table).handle, this.asMatrix(query, 1).handle, k, ex, exCount));
        const idView = new Int32Array(this.module.HEAP32.buffer, ids, k);
        const cosView = new Float32Array(this.module.HEAPF32.buffer, cosines, k);
        return Array.from(idView, (id, i) => ({ id, cosine: cosView[i] }));
      }))));
  }
  /** { id, cosine, query }: the row nearest to the query table[a] - table[b] + table[c] (a
   *  (1, d) Matrix, freed by the caller or its scope), other than a, b, c. */
  analogy(table, a, b, c) {
    const query = this.matrix(0, 0);
    try {
      return this.scope(() => this.withInts(new Int32Array(2), (out) => {
        this.check(this.module._el_analogy(out, out + 4, query.handle, this.asMatrix(table).handle, a, b, c));
        return { id: this.module.HEAP32[out >> 2], cosine: this.module.HEAPF32[(out >> 2) + 1], query };
      }));
    } catch (error) {
      query.free();
      throw error;
    }
  }

  // ---- Plumbing ------------------------------------------------------------------------------

  /** Throws the core's last error if status is not 0. */
  check(status) {
    if (status !== 0) this.throwLastError();
  }
  throwLastError() {
    throw new CoreError(this.module.UTF8ToString(this.module._el_last_error()));
  }
  handleOrThrow(handle) {
    if (handle === 0) this.throwLastError();
    return handle;
  }
  /** Calls a C function that returns a count and -1 on failure. */
  call(name, ...args) {
    const value = this.module[name](...args);
    if (value < 0) this.throwLastError();
    return value;
  }
  /** Runs fill(pointer) (a C call returning a status) with room for n doubles; returns them as an array. */
  withDoubles(n, fill) {
    const pointer = this.module._malloc(n * 8);
    try {
      this.check(fill(pointer));
      return Array.from(new Float64Array(this.module.HEAPU8.buffer, pointer, n));
    } finally {
      this.module._free(pointer);
    }
  }
  /** Calls a C function whose first argument is an output pointer; returns what it wrote. */
  out(name, heap, ...args) {
    const pointer = this.module._malloc(8);
    try {
      this.check(this.module[name](pointer, ...args));
      return this.module[heap][pointer >> 2];
    } finally {
      this.module._free(pointer);
    }
  }
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
    if (rowIfFlat && (ArrayBuffer.isView(m) || (Array.isArray(m) && !Array.isArray(m[0])))) return this.matrixFromRows([Array.from(m)]);
    return this.matrixFromRows(m);
  }
  matrixFromRows(rows) {
    if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r) || ArrayBuffer.isView(r))) {
      throw new CoreError('a matrix is given as a non-empty array of rows');
    }
    const cols = rows[0].length;
    const ragged = rows.findIndex((r) => r.length !== cols);
    if (ragged >= 0) throw new CoreError(`row ${ragged} has ${rows[ragged].length} entries but row 0 has ${cols}`);
    const m = this.matrix(rows.length, cols);
    m.set(rows.flatMap((r) => Array.from(r)));
    return m;
  }
  track(object) {
    if (this.scopes.length > 0) this.scopes[this.scopes.length - 1].push(object);
    return object;
  }
  /** Copies text (a string, or UTF-8 bytes as a Uint8Array, unchecked) into WASM memory for fn(pointer, byteLength), then frees it. */
  withText(text, fn) {
    const bytes = text instanceof Uint8Array ? text : new TextEncoder().encode(String(text));
    const pointer = this.module._malloc(bytes.length + 1);
    try {
      this.module.HEAPU8.set(bytes, pointer);
      this.module.HEAPU8[pointer + bytes.length] = 0;
      return fn(pointer, bytes.length);
    } finally {
      this.module._free(pointer);
    }
  }
  /** Copies integers into WASM memory for fn(pointer, count), then frees them. */
  withInts(values, fn) {
    const ints = Int32Array.from(values, (v) => {
      if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) throw new CoreError(`id ${v} is not a whole number`);
      return v;
    });
    const pointer = this.module._malloc(Math.max(ints.length, 1) * 4);
    try {
      this.module.HEAP32.set(ints, pointer >> 2);
      return fn(pointer, ints.length);
    } finally {
      this.module._free(pointer);
    }
  }
}
