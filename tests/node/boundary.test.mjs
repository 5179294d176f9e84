// The WASM boundary's rules, one test each: no call can abort the module or corrupt its memory
// (sizes and counts are checked before memory is sized, a full memory is an error with words),
// the wrapper checks its arguments and names them, named data crosses by name, and the limits
// and defaults are the core's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CoreError } from '../../web/src/core/core.js';
import { limits } from '../../web/src/core/limits.js';
import { Model, Trainer, defaultConfig } from '../../web/src/core/training.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
const names = readFileSync(new URL('../data/names.txt', import.meta.url), 'utf8');
const small = { hidden: 16, batch: 8, seed: 3 };
const C = [[0.10, -0.20], [0.00, 0.30], [-0.40, 0.20], [0.50, -0.10], [-0.20, 0.40]];

/** The core still computes: looking up b (id 2) in C gives [-0.40, 0.20]. */
function assertCoreWorks() {
  core.scope(() => assert.deepEqual(Array.from(core.embeddingLookup(C, 2).toArray()), Array.from(Float32Array.of(-0.40, 0.20))));
}

test('a size that is not a whole number is refused and named, Infinity included', () => {
  assert.throws(() => core.matrix(0, Infinity), new CoreError('cols Infinity must be a whole number from 0 to 2147483647'));
  assert.throws(() => core.matrix(2.5, 1), /^CoreError: rows 2.5 must be a whole number/);
  assert.throws(() => core.embeddingCost(Infinity, 1, 1), new CoreError('V Infinity must be a whole number from -9007199254740992 to 9007199254740992'));
  assert.throws(() => core.oneHot([0], 2 ** 32 + 1), /^CoreError: V 4294967297 must be a whole number/);
  assertCoreWorks();
});

test('the core itself refuses sizes and counts that are not whole numbers, whoever calls it', () => {
  const m = core.module;
  assert.equal(m._el_matrix_new(0, Infinity), 0);
  assert.match(m.UTF8ToString(m._el_last_error()), /a matrix of 0 x inf cannot exist/);
  assert.equal(m._el_embedding_cost(Infinity, 1, 1), 0);
  assert.equal(m.UTF8ToString(m._el_last_error()), 'vocabulary size V = inf is not a whole number');
  assert.equal(m._el_rng_new(-0.5), 0);
  assertCoreWorks();
});

test('a count of steps out of range is refused by the core before a step or an allocation', () => {
  core.scope(() => {
    const trainer = Trainer.create(core, names, small);
    const before = core.memoryInUse();
    assert.throws(() => trainer.run(2 ** 30), new CoreError('steps 1073741824 is out of range: it must be from 1 to 1000000000'));
    assert.throws(() => trainer.run(1.5), new CoreError('steps 1.5 must be a whole number from -9007199254740992 to 9007199254740992'));
    assert.throws(() => trainer.run(0), /steps 0 is out of range/);
    assert.equal(core.module._el_trainer_run(trainer.handle, 1.5), 0);  // the core checks too
    assert.equal(trainer.info().steps, 0);
    assert.ok(core.memoryInUse() - before < 4096);
  });
});

test('nearest with k = 1e9 is refused by the core, which checks k against the rows', () => {
  core.scope(() => {
    const before = core.memoryInUse();
    assert.throws(() => core.nearest(C, [1, 0], 1e9), new CoreError("k 1000000000 is out of range: it must be from 1 to 5 (the rows of the table)"));
    assert.throws(() => core.nearest(C, [1, 0], 2.5), /^CoreError: k 2.5 must be a whole number/);
    assert.ok(core.memoryInUse() - before < 4096);
    assert.deepEqual(core.nearest(C, [1, 0], 1).map((n) => n.id), [3]);
  });
});

test('a full memory is a CoreError with words, and the module keeps working after it', () => {
  const held = [];
  try {
    // 64M floats (256 MB) each: the module's 2 GiB runs out within eight of them
    const error = (() => {
      for (let i = 0; i < 12; i++) {
        try {
          held.push(core.matrix(8192, 8192));
        } catch (thrown) {
          return thrown;
        }
      }
      return null;
    })();
    assert.ok(error instanceof CoreError, `no error after ${held.length} matrices of 256 MB`);
    assert.match(error.message, /memory is full/);
    console.log(`# ${held.length} matrices of 256 MB fit; the next one: ${error.message}`);
    // the wrapper's own copies: _malloc gives 0 now, and says so instead of writing at address 0
    assert.throws(() => core.vocabularyFromCharacters('x'.repeat(300_000_000)),
      new CoreError('text needs 300,000,001 bytes, which the core\'s memory cannot give now'));
  } finally {
    held.forEach((m) => m.free());
  }
  assertCoreWorks();
  core.scope(() => assert.equal(core.matrix(8192, 8192).rows, 8192));  // the freed memory is there again
});

test('a block larger than the WASM memory is refused before _malloc is asked', () => {
  assert.throws(() => core.withBytes(2 ** 31, 'ids', () => assert.fail('called')), new CoreError('ids needs 2,147,483,648 bytes: more than the core\'s memory holds'));
  assert.throws(() => core.vocabularyFromSymbols(new Array(2 ** 28 + 1)), /symbols has 268,435,457 entries: at most 268,435,456 are allowed/);
});

test('a selector is looked up among its own names only, never Object\'s', () => {
  core.scope(() => {
    const trainer = Trainer.create(core, names, small);
    for (const split of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      assert.throws(() => trainer.loss(split), new CoreError(`split “${split}” must be one of train, dev, test`));
    }
    assert.throws(() => trainer.loss(1), new CoreError('split 1 must be one of train, dev, test'));
    assert.ok(Number.isFinite(trainer.loss('dev')));
  });
});

test('settings cross by name: a field left out keeps the core\'s default, an unknown one is named', () => {
  core.scope(() => {
    const info = Trainer.create(core, names, { hidden: 16 }).info();
    assert.deepEqual(Object.keys(info).sort(), ['batch', 'context', 'devSize', 'embed', 'hidden', 'learningRate', 'steps', 'trainSize', 'vocabSize']);
    assert.equal(info.hidden, 16);
    assert.equal(info.batch, defaultConfig.batch);
    assert.equal(info.learningRate, 0.1);  // the setting as typed, not float32's 0.10000000149011612
  });
  assert.throws(() => Trainer.create(core, names, { ...small, steps: 100 }), /^CoreError: unknown setting "steps": the settings are \{/);
  assert.throws(() => Trainer.create(core, names, { ...small, hidden: 2.5 }), new CoreError('hidden 2.5 is not a whole number'));
  assert.throws(() => Trainer.create(core, names, { ...small, lr: Infinity }), new CoreError('lr Infinity must be a finite number'));
  assert.throws(() => Trainer.create(core, names, { ...small, lr: 1e39 }), /^CoreError: lr 1e\+39 is out of range: it must be a number from 1.4013e-45 to 3.40282e\+38$/);
  assert.throws(() => Trainer.create(core, names, { ...small, init: 'toString' }), /^CoreError: init “toString” must be one of lecture, scaled$/);
  assert.throws(() => Trainer.create(core, names, JSON.parse('{"__proto__": 1}')), /^CoreError: unknown setting "__proto__"/);
});

test('a bad value is quoted by a short prefix only', () => {
  const long = 'x'.repeat(1_000_000);
  const messages = [
    () => Trainer.create(core, names, { [long]: 1 }),
    () => Trainer.create(core, names, { init: long }),
    () => core.vocabularyFromSymbols(['a', long + '\n']),
  ].map((call) => assert.throws(call, CoreError) ?? (() => { try { call(); } catch (error) { return error.message; } })());
  for (const message of messages) assert.ok(message.length < 300, `${message.length} characters: ${message.slice(0, 100)}`);
  const m = core.module;  // the core's own quoting, past the wrapper
  core.withText(JSON.stringify({ [long]: 1 }), (c, n) => assert.equal(m._el_trainer_new(0, 0, c, n), 0));
  assert.ok(m.UTF8ToString(m._el_last_error()).length < 300);
});

test('the limits written at build time are what the running core says, and the defaults are its TrainConfig', () => {
  assert.deepEqual(core.limits(), limits);
  assert.deepEqual(defaultConfig, { context: 3, embed: 10, hidden: 200, batch: 32, lr: 0.1, lrFinal: 0.01, decayAt: 10000, seed: 42, init: 'scaled' });  // the decay falls inside the page's 20,000-step run
  assert.deepEqual(limits.ranges.hidden, { min: 1, max: 1024 });
  assert.equal(limits.textBytes, 5 * 1024 * 1024);
});

test('a run returns the mean loss of its steps, as the core computes it', () => {
  core.scope(() => {
    const stepped = Trainer.create(core, names, small), run = Trainer.create(core, names, small);
    const losses = Array.from({ length: 20 }, () => stepped.run(1).mean);
    const { steps, mean, error } = run.run(20);
    assert.equal(steps, 20);
    assert.equal(error, undefined);
    // float32 losses summed in double, divided once: within float32 rounding of the same sum here
    assert.ok(Math.abs(mean - losses.reduce((a, b) => a + b) / 20) < 1e-6);
  });
});

test('a model file or settings nested thousands of levels deep are refused while they are read', () => {
  const deep = (levels) => `{"format":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
  // the reader stops at the ninth level (limits.hpp's max_json_depth), long before the 200,000th
  assert.throws(() => Model.fromJson(core, deep(200_000)), new CoreError('the model file: arrays and objects nest more than 8 levels deep'));
  const m = core.module;
  core.withText(deep(200_000), (c, n) => core.withText(names, (t, length) => assert.equal(m._el_trainer_new(t, length, c, n), 0)));
  assert.equal(m.UTF8ToString(m._el_last_error()), 'the settings: arrays and objects nest more than 8 levels deep');
  assertCoreWorks();
});

test('a lookup whose result would not fit in a matrix is refused before it is sized', () => {
  core.scope(() => {
    const wide = core.matrix(2, 64);
    // 2^21 ids x 64 columns = 2^27 entries, twice the most a matrix may hold
    assert.throws(() => core.embeddingForward(wide, new Int32Array(2 ** 21)), new CoreError("a matrix of 2097152 x 64 entries is too large: at most 67108864 fit in one matrix"));
  });
  assertCoreWorks();
});

test('a matrix with no entries reads as empty, and an operation on it says what is wrong', () => {
  core.scope(() => {
    assert.deepEqual(core.matrix([[]]).toRows(), [[]]);
    assert.deepEqual(Array.from(core.matrix(0, 3).toArray()), []);
    assert.throws(() => core.cosine([], [1]), new CoreError('cannot compare the directions of vectors of sizes 0 and 1'));
  });
});
