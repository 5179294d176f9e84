// The tokenizers through the WASM core and the wrapper the page uses: GPT-2's merges loaded
// from the text the site ships, real GPT-2 ids, and bad input refused with the tokenizer kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreError } from '../../web/src/core/core.js';
import { gpt2Load, tokenize } from '../../web/src/core/tokenizers.js';
import { gpt2Merges } from '../../scripts/gpt2_bpe.mjs';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();

test('GPT-2 tokens before its merges are loaded are an error saying so', () => {
  assert.throws(() => tokenize(core, 'gpt2', 'Hello'), new CoreError("GPT-2's tokenizer is not loaded yet"));
});

test('with its merges loaded, GPT-2 cuts Hello world into 15496 and 995 of 50,257', () => {
  gpt2Load(core, gpt2Merges());
  assert.deepEqual(tokenize(core, 'gpt2', 'Hello world'), { tokens: ['Hello', ' world'], ids: [15496, 995], vocabularySize: 50257 });
});

test('a file that is not merges is refused and the loaded tokenizer stays', () => {
  assert.throws(() => gpt2Load(core, 'Ġ t\n'), /not a GPT-2 merges file/);
  assert.deepEqual(tokenize(core, 'gpt2', 'Hello').ids, [15496]);
});

test('characters and words number the text itself', () => {
  assert.deepEqual(tokenize(core, 'characters', 'abba'), { tokens: ['a', 'b', 'b', 'a'], ids: [0, 1, 1, 0], vocabularySize: 2 });
  assert.deepEqual(tokenize(core, 'words', 'to be or not to be').ids, [0, 1, 2, 3, 0, 1]);
});

test('invalid UTF-8 and an unknown tokenizer are errors naming them', () => {
  assert.throws(() => tokenize(core, 'gpt2', new Uint8Array([0x68, 0x69, 0xff])), new CoreError('invalid UTF-8 at byte offset 2 (byte 0xFF)'));
  assert.throws(() => tokenize(core, 'sentencepiece', 'x'), new CoreError('tokenizer “sentencepiece” must be one of characters, words, gpt2'));
});
