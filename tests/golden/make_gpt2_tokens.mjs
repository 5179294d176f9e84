// Writes gpt2_tokens.json: GPT-2's token ids of a few hundred texts, from a reference
// implementation (npm js-tiktoken's "gpt2" encoding), for tests/unit/test_bpe.cpp to compare
// the core's BPE with. <|endoftext|> is encoded as plain text, as the core does.
//   node tests/golden/make_gpt2_tokens.mjs
import { Tiktoken } from 'js-tiktoken/lite';
import gpt2 from 'js-tiktoken/ranks/gpt2';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const handPicked = [
  'Hello world', '', ' ', '  ', '\n', '\n\n', ' \n ', '\t', 'Hello', ' Hello', '  Hello', 'Hello ', 'Hello  world',
  'hello world', 'HELLO WORLD', 'Hello, world!', 'Hello world.\nHow are you?', 'line one\r\nline two',
  "don't", "I'm", "we'll", "they've", "you're", "she'd", "it's", "IT'S", "'s", "''", "rock 'n' roll",
  '12345', ' 12345', '3.14159', '1,000,000', 'x2', 'GPT-3 has 175B parameters', '50,257 tokens', '2024-01-01',
  '!!!', '...', ' ...', '?!?!', '()[]{}', '-->', '==', '#include <stdio.h>', 'a+b=c', '@user', 'foo@bar.com',
  'https://example.com/path?q=1', '<|endoftext|>', 'before<|endoftext|>after', '<|endoftext|> <|endoftext|>',
  'naïve café', 'Zürich', 'Ελληνικά', 'Привет мир', 'こんにちは世界', '你好，世界', '안녕하세요', 'مرحبا بالعالم',
  'שלום', 'हिन्दी', '😀', '👋🌍', ' 😀', '👩‍👩‍👧', '🇫🇷', 'e\u0301', 'ﬁ', '½ ² ³', '٣٤٥', 'Ⅻ', '\u00a0nbsp',
  'a\u2003b', '\u3000full width space', 'tabs\tand\tspaces', '    indented code', 'end with spaces   ',
  'The quick brown fox jumps over the lazy dog.', 'embedding', ' embedding', 'Embeddings', 'tokenization',
  ' unembedding', 'antidisestablishmentarianism', 'supercalifragilisticexpialidocious', 'makemore',
  'A B C D E F', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '                ', '\n\n\n\nHello', 'x\u0000y', '\u007f',
];

// The sentences of the README, a realistic mix of prose, code and numbers.
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8')
  .split(/(?<=[.!?])\s+|\n/).filter((s) => s.trim().length > 0).slice(0, 80);

// Random texts from a seeded generator (mulberry32): pieces that exercise each branch of the
// pre-split pattern, in random order. U+0085 and U+FEFF are left out: JavaScript's \s (which
// js-tiktoken uses) and Unicode White_Space (GPT-2's regex module, and the core) differ on them.
const pieces = ['the', ' the', 'The', 'cat', ' sat', ' ', '  ', '   ', '\n', '\t', "'s", "'ll", "'", '7', '42', ' 2024',
  '.', ',', '!', '?', '...', '--', '(', ')', '"', '#', '$', '%', 'é', 'ß', 'ñ', 'ø', 'Ж', 'λ', '中', '文', 'ア', '😀',
  '🎉', '❤️', '€', '©', '\u00a0', '\u2009', 'ing', 'tion', 'un', 'HTTP', 'json', '_', '/', '\\', '<|endoftext|>'];
let seed = 14;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const randomTexts = Array.from({ length: 200 }, () =>
  Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));

const encoding = new Tiktoken(gpt2);
const texts = [...new Set([...handPicked, ...readme, ...randomTexts])];
const cases = texts.map((text) => ({ text, ids: encoding.encode(text, [], []) }));
const fixture = { format: 'embedlab gpt2 tokens', version: 1, reference: 'js-tiktoken 1.0.21, encoding "gpt2"', cases };
writeFileSync(fileURLToPath(new URL('gpt2_tokens.json', import.meta.url)), `${JSON.stringify(fixture, null, 0)}\n`);
console.log(`gpt2_tokens.json: ${cases.length} texts`);
