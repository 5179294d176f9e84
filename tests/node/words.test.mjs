// Word vectors through the WASM core and the wrapper the page uses: five hand-worked words
// (tests/unit/word_fixture.hpp has the arithmetic), GloVe's file as the site ships it, and bad
// input refused with the loaded table kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreError } from '../../web/src/core/core.js';
import { wordsAnalogy, wordsDirection, wordsList, wordsLoad } from '../../web/src/core/words.js';
import { encodeGlove, gloveFile } from '../../scripts/glove.mjs';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
const fiveWords = encodeGlove(['man', 'woman', 'king', 'queen', 'apple'],
  Float32Array.from([1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, -1]), 3);
const kingManWoman = { a: 'king', b: 'man', c: 'woman' };
// Cosines to 5 decimals: float32 sums of three products round differently in their 7th digit.
const rounded = (scores) => scores.map(([word, score]) => [word, Number(score.toFixed(5))]);

test('questions before any words are loaded are an error saying so', () => {
  assert.throws(() => wordsList(core), new CoreError('no word vectors are loaded yet'));
});

test('on five words, king - man + woman ranks queen first, and woman second with the inputs kept', () => {
  wordsLoad(core, fiveWords);
  assert.deepEqual(wordsList(core), ['man', 'woman', 'king', 'queen', 'apple']);
  assert.deepEqual(rounded(wordsAnalogy(core, kingManWoman, 2, false)), [['queen', 0.95857], ['apple', -0.56152]]);
  assert.deepEqual(rounded(wordsAnalogy(core, kingManWoman, 2, true)), [['queen', 0.95857], ['woman', 0.7941]]);
  assert.deepEqual(rounded(wordsDirection(core, 'woman', 'man', 2).to), [['woman', 0.70711], ['queen', 0.5]]);
  assert.deepEqual(rounded(wordsDirection(core, 'woman', 'man', 2).from), [['man', -0.70711], ['king', -0.5]]);
});

test('an unknown word, a bad count or a broken file is refused, and the table stays', () => {
  wordsLoad(core, fiveWords);
  assert.throws(() => wordsAnalogy(core, { ...kingManWoman, c: 'Woman' }, 2, false),
    new CoreError('the word "Woman" is not among the table\'s 5 words'));
  assert.throws(() => wordsAnalogy(core, kingManWoman, 1.5, false), new CoreError('top 1.5 is not a whole number'));
  assert.throws(() => wordsLoad(core, fiveWords.subarray(0, fiveWords.length - 1)),
    new CoreError('the 5 vectors of width 3 take 30 bytes but the file has 29 after the words'));
  assert.equal(wordsList(core).length, 5);
});

test('GloVe\'s file ranks queen first for king - man + woman, and king with the inputs kept', () => {
  wordsLoad(core, new Uint8Array(gloveFile()));
  assert.equal(wordsList(core).length, 20000);
  assert.deepEqual(wordsAnalogy(core, kingManWoman, 5, false).map(([word]) => word), ['queen', 'monarch', 'throne', 'daughter', 'princess']);
  assert.equal(wordsAnalogy(core, kingManWoman, 1, true)[0][0], 'king');
});
