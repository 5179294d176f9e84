// A seeded, bounded fuzz test of the JavaScript wrapper over the WASM core: every function of
// web/src/core/ called many times with hostile arguments (NaN, the infinities, -0, huge,
// negative and fractional numbers, strings short and long, objects, arrays of the wrong length
// or shape, freed objects). Each call must return or throw a CoreError whose message is short;
// afterwards the module must still compute a known result, and no memory may stay allocated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CoreError } from '../../web/src/core/core.js';
import { Model, Trainer } from '../../web/src/core/training.js';
import { gpt2Load, tokenize } from '../../web/src/core/tokenizers.js';
import { WordModel, WordTrainer } from '../../web/src/core/word_training.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
const names = readFileSync(new URL('../data/names.txt', import.meta.url), 'utf8').split('\n').slice(0, 300).join('\n');
const seed = 20261129;
const calls = 40000;
const maxMessage = 400;  // characters: a message quotes at most a short prefix of a bad value

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function generator(state) {
  return () => {
    state = (state + 0x6D2B79F5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const pick = (list) => list[Math.floor(random() * list.length)];

const C = [[0.10, -0.20], [0.00, 0.30], [-0.40, 0.20], [0.50, -0.10], [-0.20, 0.40]];
const long = 'é'.repeat(200_000);
const numbers = [NaN, Infinity, -Infinity, -0, 0, 1, 2, 3, 4, -1, -2, 1.5, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 32 + 1,
  2 ** 53, 2 ** 53 + 2, 1e9, 1e300, -1e300, Number.MIN_VALUE, 1e39];

/** A hostile argument: a number, text, an object, an array, or one of the live objects in `live`. */
function argument(live) {
  switch (Math.floor(random() * 6)) {
    case 0: return pick(numbers);
    case 1: return Math.floor(random() * 12) - 3;
    case 2: return pick(['', 'a', 'emma', 'train', 'dev', 'constructor', '__proto__', 'toString', 'lecture', 'a.b', '\n', long, '{"format":1}']);
    case 3: return pick([null, undefined, true, {}, { length: 3 }, Symbol('s'), 10n, () => 1, new Map(), JSON.parse('{"__proto__": 1}')]);
    case 4: return pick([[], [0], [1, 2], [2, 0, 1], [[1, 2], [3]], [[1, 2], [3, 4]], [[NaN]], [['a']], C, [0, 5], [-1], [1.5],
      new Float32Array(3), new Int32Array([1, 2]), Array(1000).fill(1), [[]], [null]]);
    default: return pick(live);
  }
}

/** Keeps legal but slow requests short: a run of a million steps is allowed, merely long. */
const capSteps = (value) => (Number.isInteger(value) && value > 50 && value <= 1e9 ? 50 : value);

test(`the wrapper survives ${calls} calls with hostile arguments (seed ${seed})`, () => {
  const baseline = core.memoryInUse();
  const trainer = Trainer.create(core, names, { hidden: 8, batch: 4, seed: 1 });
  trainer.run(5);
  const model = trainer.snapshot(), table = core.matrix(C), probs = core.softmax([[1, 2, 3]]), vocab = core.vocabularyFromText('emma\nava\n');
  const rng = core.generator(1), freed = core.matrix(1, 1);
  freed.free();
  const tiny = 'feed the cat\nfeed the dog\npet the cat\npet the dog\nthe cat sleeps\nthe dog sleeps\ndrive the car\npark the car\nthe car stops\nwash the car\n';
  const wordTrainer = WordTrainer.create(core, tiny, { minCount: 1, subsample: 0, embed: 4, batch: 4 });
  const words = WordModel.fromJson(core, wordTrainer.modelJson());  // a word model read from its file
  const live = [trainer, model, table, probs, vocab, rng, freed, core, wordTrainer, words];

  const targets = {
    matrix: (a, b) => core.matrix(a, b),
    vocabularyFromText: (a, b) => core.vocabularyFromText(a, b),
    vocabularyFromCharacters: (a) => core.vocabularyFromCharacters(a),
    vocabularyFromWords: (a) => core.vocabularyFromWords(a),
    vocabularyFromSymbols: (a) => core.vocabularyFromSymbols(a),
    generator: (a) => core.generator(a),
    embeddingLookup: (a, b) => core.embeddingLookup(a, b),
    embeddingForward: (a, b) => core.embeddingForward(a, b),
    flatten: (a) => core.flatten(a),
    oneHot: (a, b) => core.oneHot(a, b),
    linearForward: (a, b) => core.linearForward(a, b),
    unembedTied: (a, b) => core.unembedTied(a, b),
    softmax: (a, b) => core.softmax(a, b),
    crossEntropy: (a, b) => core.crossEntropy(a, b),
    normalMatrix: (a, b, c, d) => core.normalMatrix(a, b, c, d),
    entropyBits: (a, b) => core.entropyBits(a, b),
    topEntry: (a, b) => core.topEntry(a, b),
    embeddingCost: (a, b, c) => core.embeddingCost(a, b, c),
    angleDegrees: (a, b) => core.angleDegrees(a, b),
    dot: (a, b) => core.dot(a, b),
    cosine: (a, b) => core.cosine(a, b),
    nearest: (a, b, c, d) => core.nearest(a, b, c, d),
    analogy: (a, b, c, d) => core.analogy(a, b, c, d),
    'matrix.set': (a) => core.matrix(2, 2).set(a),
    'matrix.toRows': () => table.toRows(),
    'vocabulary.symbol': (a) => vocab.symbol(a),
    'vocabulary.encode': (a) => vocab.encode(a),
    'vocabulary.encodeWords': (a) => vocab.encodeWords(a),
    'vocabulary.decode': (a) => vocab.decode(a),
    'generator.categorical': (a) => rng.categorical(a),
    tokenize: (a, b) => tokenize(core, a, b),
    'tokenize characters': (a) => tokenize(core, 'characters', a),
    'tokenize words': (a) => tokenize(core, 'words', a),
    gpt2Load: (a) => gpt2Load(core, a),
    'Trainer.create': (a, b) => Trainer.create(core, random() < 0.5 ? names : a, b),
    'trainer.run': (a) => trainer.run(capSteps(a)),
    'trainer.loss': (a) => trainer.loss(a),
    'trainer.info': () => trainer.info(),
    'trainer.batch': () => trainer.batch(),
    'trainer.table': () => trainer.table(),
    'trainer.gradient': () => trainer.gradient(),
    'trainer.snapshot': () => trainer.snapshot(),
    'Model.fromJson': (a) => Model.fromJson(core, random() < 0.3 ? model.json().slice(0, Math.floor(random() * 2000)) : a),
    'model.json': () => model.json(),
    'model.projectorFiles': () => model.projectorFiles(),
    'model.vocabulary': () => model.vocabulary(),
    'model.projection': () => model.projection(),
    'model.sample': (a, b) => model.sample(a, b),
    'model.sample with options': (a, b, c, d) => model.sample(rng, { temperature: a, topK: b, topP: c, maxLength: d }),
    'WordModel.fromJson': (a) => WordModel.fromJson(core, random() < 0.3 ? words.modelJson().slice(0, Math.floor(random() * 400)) : a),
    'words.cosines': (a) => words.cosines(random() < 0.3 ? [['cat', 'dog'], a] : a),
    'words.similar': (a, b) => words.similar(random() < 0.3 ? 'cat' : a, b),
    'words.projection': (a, b) => words.projection(random() < 0.3 ? ['cat', 'dog', a] : a, b),
    'words.projectorFiles': () => words.projectorFiles(),
    'words.nextWords': (a, b, c) => words.nextWords(random() < 0.3 ? 'feed the' : a, b, c),
    'wordTrainer.nextWords': (a, b, c) => wordTrainer.nextWords(a, b, c),
    'wordTrainer.modelInfo': () => wordTrainer.modelInfo(),
  };
  const names_ = Object.keys(targets);
  const outcomes = { returned: 0, refused: 0 };
  const refusedBy = {};
  for (let i = 0; i < calls; i++) {
    const name = names_[i % names_.length];
    const args = Array.from({ length: 4 }, () => argument(live));
    try {
      core.scope(() => { targets[name](...args); });
      outcomes.returned += 1;
    } catch (error) {
      assert.ok(error instanceof CoreError, `call ${i}, ${name}: ${error?.name} ${String(error?.message).slice(0, 200)}`);
      assert.ok(error.message.length > 0 && error.message.length <= maxMessage, `call ${i}, ${name}: a message of ${error.message.length} characters`);
      outcomes.refused += 1;
      refusedBy[name] = (refusedBy[name] ?? 0) + 1;
    }
  }
  console.log(`# ${calls} calls of ${names_.length} functions: ${outcomes.returned} returned, ${outcomes.refused} refused with a CoreError`);

  core.scope(() => assert.deepEqual(Array.from(core.embeddingLookup(C, 2).toArray()), Array.from(Float32Array.of(-0.40, 0.20))));
  for (const object of [trainer, model, table, probs, vocab, rng, wordTrainer, words]) object.free();
  const kept = core.memoryInUse() - baseline;
  console.log(`# memory in use after freeing everything: ${kept} bytes more than before; WASM memory ${core.module.HEAPU8.length / 2 ** 20} MiB`);
  assert.ok(kept < 1 << 20, `${kept} bytes still allocated`);  // the core keeps only its last message and text
});
