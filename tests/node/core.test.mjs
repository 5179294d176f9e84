// The WASM build of the core, driven from Node through web/src/core/core.js: the worked example's
// numbers come out unchanged, errors come back as messages, and the random stream is the same
// as natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CoreError } from '../../web/src/core/core.js';
import { formatVector } from '../../web/src/format.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
const golden = (name) => JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8'));

// The 5 x 2 table C of the source, vocabulary @ a b c . (ids 0..4).
const C = [[0.10, -0.20], [0.00, 0.30], [-0.40, 0.20], [0.50, -0.10], [-0.20, 0.40]];
const f32 = (values) => Array.from(Float32Array.from(values));  // the float32 numbers the core holds

test('looking up b (id 2) in C gives [-0.40, 0.20]', () => {
  core.scope(() => {
    const b = core.embeddingLookup(C, 2);
    assert.deepEqual(Array.from(b.toArray()), f32([-0.40, 0.20]));
    assert.equal(formatVector(b.toArray()), '[-0.40, 0.20]');
  });
});

test('the context @ a b gives the (3, 2) matrix C[[0, 1, 2]] and the concatenated 6-vector', () => {
  core.scope(() => {
    const emb = core.embeddingForward(C, [0, 1, 2]);  // emb = C[Xb]
    assert.deepEqual([emb.rows, emb.cols], [3, 2]);
    assert.deepEqual(emb.toRows(), C.slice(0, 3).map(f32));
    const x = core.flatten(emb);                      // x = emb.view(-1)
    assert.deepEqual([x.rows, x.cols], [1, 6]);
    assert.deepEqual(Array.from(x.toArray()), f32([0.10, -0.20, 0.00, 0.30, -0.40, 0.20]));
    console.log(`concatenation from WASM, shape (${x.cols},): ${formatVector(x.toArray())}`);
  });
});

test('one_hot([0, 1, 2]) times W equals the lookup exactly', () => {
  core.scope(() => {
    const oneHots = core.oneHot([0, 1, 2], 5);
    assert.deepEqual(oneHots.toRows(), [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0]]);
    const product = core.linearForward(oneHots, C);
    assert.deepEqual(product.toArray(), core.embeddingForward(C, [0, 1, 2]).toArray());
  });
});

test('inf in a row that is not looked up turns the product into NaN but not the lookup', () => {
  core.scope(() => {
    const W = core.matrix(C);
    W.view()[3 * 2] = Infinity;  // C[3][0], the row of 'c'
    const product = core.linearForward(core.oneHot([0, 1, 2], 5), W).toRows();
    assert.ok(product.every((row) => Number.isNaN(row[0])));
    assert.deepEqual(core.embeddingForward(W, [0, 1, 2]).toRows(), C.slice(0, 3).map(f32));
  });
});

test('softmax at temperature 0 is one-hot on the largest logit, shared by tied ones, and a bad temperature throws', () => {
  core.scope(() => {
    assert.deepEqual(Array.from(core.softmax([1, 7, 3, 2], 0).toArray()), [0, 1, 0, 0]);
    assert.deepEqual(Array.from(core.softmax([1, 7, 3, 7], 0).toArray()), [0, 0.5, 0, 0.5]);
    assert.throws(() => core.softmax([1, 2], -1), new CoreError('temperature -1 is negative: it must be 0 or more'));
    assert.throws(() => core.softmax([1, 2], NaN), new CoreError('temperature nan is not a number'));
  });
});

test('softmax and cross-entropy match the PyTorch fixtures in float32', () => {
  const g = golden('golden.json');
  core.scope(() => {
    for (const c of g.softmax.cases) {
      const probs = core.softmax(g.softmax.logits, c.temperature).toRows();
      probs.flat().forEach((p, i) => assert.ok(Math.abs(p - c.probs.flat()[i]) < 1e-6, `T = ${c.temperature}`));
    }
    const { loss, probs } = core.crossEntropy(g.cross_entropy.logits, g.cross_entropy.targets);
    assert.ok(Math.abs(loss - g.cross_entropy.loss) < 1e-6, `loss ${loss} vs ${g.cross_entropy.loss}`);
    assert.equal(probs.rows, 5);
  });
});

// The word model's tied logits through WASM's SIMD128 product (the same kernels train it).
test('the tied unembedding h E^T, plus b, matches the PyTorch word-model fixture in float32', () => {
  const g = golden('golden.json').word_model;
  core.scope(() => {
    const logits = core.unembedTied(g.h, g.E).toRows().map((row) => row.map((z, j) => z + g.b[j]));
    const worst = Math.max(...logits.flat().map((z, i) => Math.abs(z - g.logits_tied.flat()[i])));
    console.log(`# tied logits (${logits.length}, ${logits[0].length}): worst difference from PyTorch ${worst.toExponential(1)}`);
    assert.ok(worst < 1e-6, `worst difference ${worst}`);
  });
});

test('an error names the bad value and leaves the core working', () => {
  assert.throws(() => core.embeddingForward(C, [0, 5]),
    new CoreError('id 5 at position 1 of the context is out of range for a vocabulary of 5'));
  assert.throws(() => core.embeddingForward(C, []), new CoreError('empty context: at least one id is needed'));
  assert.throws(() => core.linearForward([[1, 2, 3]], C),
    new CoreError('cannot multiply x of shape (1, 3) by W of shape (5, 2): x has 3 columns but W has 5 rows'));
  assert.throws(() => core.matrix(1e6, 1e6), /entries is too large/);
  assert.throws(() => core.matrix([[1, 2], [3]]), new CoreError('row 1 has 1 entries but row 0 has 2'));
  core.scope(() => assert.deepEqual(Array.from(core.embeddingLookup(C, 2).toArray()), f32([-0.40, 0.20])));
});

test('a freed matrix is gone, and scope frees what it made', () => {
  const m = core.matrix(2, 2);
  m.free();
  assert.throws(() => m.free(), new CoreError(`no matrix with handle ${m.handle}`));
  let inner;
  const kept = core.scope(() => {
    inner = core.matrix(1, 1);
    return core.matrix(3, 1);
  });
  assert.throws(() => inner.rows, /no matrix with handle/);
  assert.equal(kept.rows, 3);
  kept.free();
});

test('a vocabulary built from text encodes and decodes, and errors name the byte offset', () => {
  core.scope(() => {
    const vocab = core.vocabularyFromText('emma\nolivia\nava\n');
    assert.deepEqual(vocab.symbols(), ['.', 'a', 'e', 'i', 'l', 'm', 'o', 'v']);
    assert.deepEqual(vocab.encode('emma.'), [2, 5, 5, 1, 0]);
    assert.equal(vocab.decode([2, 5, 5, 1, 0]), 'emma.');
    assert.throws(() => vocab.encode('ém'), new CoreError("symbol 'é' (U+00E9) at byte offset 0 is not in the vocabulary"));
    assert.throws(() => core.vocabularyFromText('a.b'), /occurs in the text at byte offset 1/);
    const worked = core.vocabularyFromSymbols(['@', 'a', 'b', 'c', '.']);
    assert.deepEqual(worked.encode('@ab'), [0, 1, 2]);
    const words = core.vocabularyFromSymbols(['Hello', 'world']);
    assert.equal(words.symbol(1), 'world');
    assert.throws(() => core.vocabularyFromSymbols(['a', 'a']), new CoreError('symbol "a" appears twice, at ids 0 and 1'));
  });
});

test('dot products, nearest rows and the analogy king - man + woman = queen', () => {
  const table = [[1, 0, 0], [1, 1, 0], [0, 0, 0.1], [0, 1, 0.1], [1, 0, 1], [1, 1, 1], [0.2, 0.2, 0.2]];
  core.scope(() => {
    assert.equal(core.dot([1, 2], [2, 1]), 4);
    assert.equal(core.dot([1, 2], [-2, 1]), 0);
    assert.ok(Math.abs(core.cosine([1, 0], [1, 1]) - Math.SQRT1_2) < 1e-7);
    const { query, ...answer } = core.analogy(table, 0, 2, 3);
    assert.deepEqual(answer, { id: 1, cosine: 1 });
    assert.deepEqual(query.toRows(), [[1, 1, 0]]);  // king - man + woman, as the core computed it
    // queen (1, 1, 0) and kings (1, 0, 1) tie at cos 0.71 with the query: the lower id comes first
    assert.deepEqual(core.nearest(table, [1, 0, 0], 3).map((n) => n.id), [0, 1, 4]);
    assert.throws(() => core.cosine([0, 0], [1, 0]), /zero vector has no direction/);
  });
});

test('the random stream in WASM is the same as natively (shared fixture)', () => {
  const fixture = golden('rng_stream.json');
  const ints = core.generator(fixture.seed), uniforms = core.generator(fixture.seed);
  const normals = core.generator(fixture.seed), draws = core.generator(fixture.seed);
  try {
    assert.deepEqual(fixture.u32.map(() => ints.nextU32()), fixture.u32);
    assert.deepEqual(fixture.uniform.map(() => uniforms.uniform()), fixture.uniform);
    assert.deepEqual(fixture.normal.map(() => normals.normal()), fixture.normal);
    assert.deepEqual(fixture.categorical.map(() => draws.categorical(fixture.categorical_probs)), fixture.categorical);
  } finally {
    [ints, uniforms, normals, draws].forEach((g) => g.free());
  }
  assert.throws(() => core.generator(-1), /seed -1.* must be a whole number/);
});

test('entropy and top entry of a softmax: 0 bits and 100% at T = 0, log2 V bits when uniform', () => {
  core.scope(() => {
    const sharp = core.softmax([0.3, 1.2, -0.5], 0);
    assert.equal(core.entropyBits(sharp), 0);
    assert.deepEqual(core.topEntry(sharp), { id: 1, probability: 1, ties: 1 });
    const tied = core.topEntry(core.softmax([0, 0, 0, 0, 0], 0));
    assert.deepEqual({ ...tied, probability: tied.probability.toFixed(6) }, { id: 0, probability: '0.200000', ties: 5 });
    assert.ok(Math.abs(core.entropyBits(core.softmax([2, 2, 2, 2], 1)) - 2) < 1e-6);
  });
});

test('the cost table: GPT-3 has 617,558,016 embedding weights', () => {
  assert.deepEqual(core.embeddingCost(50257, 12288, 2048), {
    weights: 617558016, tableBytes: 2470232064, oneHotEntries: 2048 * 50257,
    oneHotMacs: 1264758816768, lookupCopies: 2048 * 12288,
  });
  assert.throws(() => core.embeddingCost(0, 2, 3), new CoreError('vocabulary size V = 0 must be from 1 to 10,000,000'));
});

test('compare finds the first differing entry and whether every entry is bit-identical', () => {
  assert.deepEqual(core.compare([[1, 2], [3, 4]], [[1, 2], [3, 4]]), { differing: 0, firstRow: -1, firstCol: -1, maxAbsDifference: 0, bitIdentical: true });
  const found = core.compare([[NaN, 2], [3, 4]], [[0.5, 2], [3, 5]]);
  assert.deepEqual({ ...found, maxAbsDifference: String(found.maxAbsDifference) },
    { differing: 2, firstRow: 0, firstCol: 0, maxAbsDifference: 'NaN', bitIdentical: false });
  assert.throws(() => core.compare([[1, 2]], [[1], [2]]), new CoreError('b has shape (2, 1) but (1, 2) is needed'));
});

test('angles, and words of Hello world get ids [0, 1]', () => {
  assert.ok(Math.abs(core.angleDegrees([1, 2], [-2, 1]) - 90) < 1e-4);
  core.scope(() => {
    const words = core.vocabularyFromWords('Hello world');
    assert.deepEqual(words.encodeWords('Hello world'), [0, 1]);
    const characters = core.vocabularyFromCharacters('Hello world');
    assert.deepEqual(characters.symbols(), [' ', 'H', 'd', 'e', 'l', 'o', 'r', 'w']);
  });
});

test('a random table from a seed is the generator stream, row by row', () => {
  const fixture = golden('rng_stream.json');
  core.scope(() => {
    const table = core.normalMatrix(core.generator(fixture.seed), 4, 4);
    assert.deepEqual(Array.from(table.toArray()), fixture.normal);
  });
});
