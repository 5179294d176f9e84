// scripts/glove.mjs: float16 encoding against hand-worked values, and the real 20,000 words'
// cosines moved by float16 by less than 0.001 (the limit the page's numbers need).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosineChange, decodeVectors, encodeGlove, fromHalf, gloveSubset, toHalf } from '../../scripts/glove.mjs';

test('float16 encodes hand-worked values, rounding to the nearest', () => {
  assert.equal(toHalf(1), 0x3c00);
  assert.equal(toHalf(-2), 0xc000);
  assert.equal(toHalf(65504), 0x7bff);         // the largest float16
  assert.equal(toHalf(2 ** -24), 0x0001);      // the smallest subnormal
  assert.equal(toHalf(1 + 2 ** -11), 0x3c00);  // halfway between 1 and 1 + 2^-10: ties to even
  assert.equal(toHalf(1 + 3 * 2 ** -11), 0x3c02);  // halfway, odd below: rounds up
  assert.equal(fromHalf(0x3555), 1365 / 4096);
  assert.throws(() => toHalf(70000), /beyond float16's range/);
});

test('the file holds the words and the vectors as float16, read back as written', () => {
  const file = encodeGlove(['a', 'b'], Float32Array.from([1, -2, 0.5, 0]), 2);
  assert.equal(file.subarray(0, file.length - 8).toString(), 'embedlab glove 1\nwords 2 width 2\na\nb\n');
  assert.deepEqual(Array.from(decodeVectors(file, 4)), [1, -2, 0.5, 0]);
});

test('a coarse quantisation is caught: rounding to 0.1 moves cosines by more than 0.001', () => {
  const exact = Float32Array.from({ length: 300 }, (_, i) => Math.sin(i * 1.7));
  const coarse = exact.map((x) => Math.round(x * 10) / 10);
  assert.ok(cosineChange(exact, coarse, 10).measured > 0.001);
});

test('float16 moves no cosine of GloVe 20,000 words by 0.001', () => {
  const { words, vectors, width } = gloveSubset();
  const change = cosineChange(vectors, decodeVectors(encodeGlove(words, vectors, width), vectors.length), width);
  console.log(`float16: worst cosine change ${change.measured.toFixed(6)} measured, ${change.bound.toFixed(6)} bound for any pair`);
  assert.ok(change.bound < 0.001, `bound ${change.bound}`);
  assert.ok(change.measured < 0.001, `measured ${change.measured}`);
});
