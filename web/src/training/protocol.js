// The messages between the page and its training worker, named once for both sides
// (web/src/training/client.js and web/src/training/worker.js).

/** The kinds of model the worker trains. */
export const kinds = Object.freeze({
  mlp: 'mlp',      // the character MLP of section 7
  words: 'words',  // the word model (CBOW) of "Learned, not defined"
});

/** What the page asks of the worker. */
export const command = Object.freeze({
  start: 'start',          // { wasmBinary }: load the core
  create: 'create',        // { kind (mlp if absent), text, config, and for words: watch, copy }: a new dataset and model at step 0
                           //   watch: { pairs: [[a, b]], word, top, words: [w] } what progress shows; copy: { from, to } a vector to give
  watch: 'watch',          // { watch }: what the word model's progress shows from now on
  train: 'train',          // { until }: train up to that many steps (a running run takes the new goal)
  pause: 'pause',          // stop training after the current chunk
  step: 'step',            // one step, opened up
  sample: 'sample',        // { count, seed, options }
  nearest: 'nearest',      // { id, k }: the rows nearest to row id by cosine
  model: 'model',          // the model file (of the model's kind)
  projector: 'projector',  // the Embedding Projector's files
  load: 'load',            // { json, kind (mlp if absent), and for words: watch }: a model file of that kind, which
                           //   replaces the current model (not trained further); a file of the other kind is refused
  next: 'next',            // { context }: what the current model says of the symbol after a text
  nextWords: 'nextWords',  // { context (text), temperature, top }: what the word model says of the word after a text (section 5)
});

/** What the worker answers. */
export const answer = Object.freeze({
  ready: 'ready',            // the core is loaded
  created: 'created',        // { kind, info, dev, uniform, then symbols, projection (mlp) or words and the view (words) }
  progress: 'progress',      // { info, meanLoss, elapsedMs (of the steps alone: scripts/benchmark.mjs), then symbols,
                             //   projection (mlp) or the view: cosines (of the pairs), neighbours ([[word, cosine]]), projection (words) }
  watched: 'watched',        // { info (a trainer's, or a loaded word model's sizes: no steps), the view }: what a watch command asked for
  evaluated: 'evaluated',    // { steps, dev }
  paused: 'paused',          // { info }: the run stopped because the page asked
  finished: 'finished',      // { info, train, dev, test (mlp) or dev (words) }: the run reached its goal
  stopped: 'stopped',        // { info, message }: the loss stopped being finite
  opened: 'opened',          // { info, loss, dev, batch, gradient, zeroRows, symbols, projection }
  samples: 'samples',        // { samples }
  neighbours: 'neighbours',  // { id, width, neighbours: [{ id, cosine }] }
  model: 'model',            // { json }
  projector: 'projector',    // { vectors, metadata }
  loaded: 'loaded',          // { kind, info, then symbols, projection (mlp) or words, watch (what is watched now) and the view (words) }
  next: 'next',              // { context, symbols, probs, top, uniform, dev (null for a loaded model), steps }
  error: 'error',            // { command, message }: the command failed and changed nothing
  died: 'died',              // { message }: the worker's core aborted; the client starts a new worker
  nextWords: 'nextWords',    // { read, ids, unknown, leftOut, window, tied, vocabSize, h, entropyBits,
                             //   rows: [[word, logit, probability, output, bias]], steps } (core/word_training.js nextWords)
});
