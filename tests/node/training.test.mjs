// Training and sampling in the WASM build, through web/src/core/training.js: the loss falls,
// a bad setting or text names what is wrong, the same seed gives the same run, and a model
// survives its JSON file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CoreError } from '../../web/src/core/core.js';
import { Model, Trainer, defaultConfig } from '../../web/src/core/training.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();
const names = readFileSync(new URL('../data/names.txt', import.meta.url), 'utf8');
const small = { ...defaultConfig, hidden: 64, batch: 32, seed: 7 };

test('training on the bundled names makes the loss fall', () => {
  core.scope(() => {
    const trainer = Trainer.create(core, names, small);
    const before = trainer.loss('dev');
    const { steps, error } = trainer.run(2000);
    assert.equal(error, undefined);
    assert.equal(steps, 2000);
    const after = trainer.loss('dev');
    console.log(`# dev loss ${before.toFixed(3)} -> ${after.toFixed(3)} after 2000 steps in WASM`);
    assert.ok(after < before - 0.5, `${before} -> ${after}`);
    assert.equal(trainer.info().steps, 2000);
  });
});

test('the same seed gives the same run, step for step', () => {
  core.scope(() => {
    const losses = (trainer) => Array.from({ length: 50 }, () => trainer.run(1).mean);
    const a = losses(Trainer.create(core, names, small));
    const b = losses(Trainer.create(core, names, small));
    assert.deepEqual(a, b);
  });
});

test('a divergent run stops with a message and keeps the last good weights', () => {
  core.scope(() => {
    // 1e38 throws the weights to about 1e37 in one update: the next loss overflows to inf
    const trainer = Trainer.create(core, names, { ...small, lr: 1e38, init: 'lecture' });
    const { steps, error } = trainer.run(500);
    assert.ok(steps < 500);
    assert.match(error, /not finite/);
    assert.ok(Number.isFinite(trainer.loss('train')));
  });
});

test('bad settings and bad text are errors that name the bad value', () => {
  assert.throws(() => Trainer.create(core, names, { ...small, hidden: 5000 }), /hidden 5000 is out of range/);
  assert.throws(() => Trainer.create(core, '', small), CoreError);
  assert.throws(() => Trainer.create(core, 'onlyone', small), /single line|one line/);
});

test('a model samples the same with the same seed, after a trip through its JSON file', () => {
  core.scope(() => {
    const trainer = Trainer.create(core, names, small);
    trainer.run(300);
    const model = trainer.snapshot();
    const again = Model.fromJson(core, model.json());
    const draw = (m) => Array.from({ length: 5 }, ((g) => () => m.sample(g, { temperature: 1 }).text)(core.generator(3)));
    assert.deepEqual(draw(again), draw(model));
    const one = model.sample(core.generator(1), { temperature: 0.5, topK: 3 });
    assert.ok(one.steps.length >= 1);
    assert.ok(one.steps.every((s) => s.kept.filter((p) => p > 0).length <= 3));
    assert.equal(model.projection().cols, 2);
    assert.match(model.projectorFiles().metadata, /^\.\na\n/);
  });
});

test('a malformed model file is refused with a message', () => {
  assert.throws(() => Model.fromJson(core, '{"format": "embedlab-mlp", "version": 1'), CoreError);
  assert.throws(() => Model.fromJson(core, '{"format": "other"}'), /format/);
});
