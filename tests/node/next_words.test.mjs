// The next words of a word model through the WASM core and the wrapper the worker uses
// (WordTrainer.nextWords in web/src/core/word_training.js): after training on the sources' tiny
// corpus "feed the" puts cat and dog on top, the answer's numbers hang together as the core
// gives them, and bad contexts and settings are refused with messages that name them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WordTrainer } from '../../web/src/core/word_training.js';
import { corpora, tinyCorpus } from '../../web/src/data/word_corpora.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
// The page's tiny corpus and the settings section 8 starts it with (its own W_U, no subsampling).
const tiny = tinyCorpus;
const small = corpora.tiny.settings;

const trained = (check) => core.scope(() => {
  const trainer = WordTrainer.create(core, tiny, small);
  trainer.run(2000);
  check(trainer);
});

test('after training on the tiny corpus "feed the" puts cat and dog on top, read as "feed the . ."', () => trained((trainer) => {
  const next = trainer.nextWords('feed the', 1, 10);
  console.log(`# feed the -> ${next.rows.slice(0, 3).map(([word, , p]) => `${word} ${(p * 100).toFixed(1)}%`).join(', ')}`);
  assert.deepEqual(next.read, ['feed', 'the', '.', '.']);
  assert.deepEqual(next.rows.slice(0, 2).map(([word]) => word).sort(), ['cat', 'dog']);
  assert.equal(next.rows.length, 10);
  assert.equal(next.h.length, 8);
  assert.ok(next.rows.every(([, , , output, bias]) => output.length === 8 && Number.isFinite(bias)));
  assert.deepEqual([next.window, next.tied, next.unknown, next.leftOut], [2, false, [], []]);
}));

test('at T = 0 the top word gets probability 1, and all V probabilities sum to 1', () => trained((trainer) => {
  const cold = trainer.nextWords('pet the', 0, 3);
  assert.deepEqual(cold.rows.map(([, , p]) => p), [1, 0, 0]);
  assert.equal(cold.entropyBits, 0);
  const all = trainer.nextWords('pet the', 1, 1000);
  assert.equal(all.rows.length, all.vocabSize);
  const sum = all.rows.reduce((total, [, , p]) => total + p, 0);
  assert.ok(Math.abs(sum - 1) < 1e-5, String(sum));
}));

test('unknown words are read as <unk> and named; bad contexts, temperatures and tops are refused by name', () => trained((trainer) => {
  const next = trainer.nextWords('zebra the', 1, 3);
  assert.deepEqual([next.read, next.unknown], [['<unk>', 'the', '.', '.'], ['zebra']]);
  assert.throws(() => trainer.nextWords('', 1, 3), /the context "" has no words/);
  assert.throws(() => trainer.nextWords('zebra qux', 1, 3), /no word the model reads is in its vocabulary \("zebra", "qux"/);
  assert.throws(() => trainer.nextWords('feed the', -1, 3), /temperature -1 is negative/);
  assert.throws(() => trainer.nextWords('feed the', NaN, 3), /temperature nan is not a number/);
  assert.throws(() => trainer.nextWords('feed the', 1, 0), /top 0 is out of range/);
  assert.throws(() => trainer.nextWords(42, 1, 3), /context 42 must be text/);
}));
