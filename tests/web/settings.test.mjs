// settings.js under Node: the one table of properties read from text and written back, the
// names it accepts, and what a refused value says. No browser: settings.js imports no page code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, sectionNames } from '../../web/src/defaults.js';
import { defaultText, properties, readChanges, readSettings, settingsFromHash, settingsText } from '../../web/src/settings.js';
import { limits } from '../../web/src/core/limits.js';

const defaults = settingsText(initialState, sectionNames);

test('every property reads back the text it writes, for the defaults', () => {
  const { values, notices } = readSettings(defaults);
  assert.deepEqual(notices, []);
  assert.deepEqual(settingsText({ ...initialState, ...values }, values.section), defaults);
});

test('every property reads back the text it writes, for changed values', () => {
  const changed = { section: 'lookup unembedding', vocab: 'x y z', table: '0.5 -1; 2 1e-7; 3 4', context: '2 0', spotlight: '1',
    temperature: '0.25', sentence: 'Ein Satz', tokenizer: 'characters', textSeed: '4', dataset: 'words', steps: '300',
    block: '5', embed: '2', hidden: '7', batch: '9', lr: '0.5', lrFinal: '0.001', decayAt: '150', seed: '0', init: 'lecture',
    embedCode: 'on', exercises: 'off', gloveAnalogy: 'paris france italy', gloveKeep: 'true', gloveDirection: 'good-bad', glovePlace: 'engineer' };
  assert.deepEqual(Object.keys(changed).sort(), Object.keys(properties).sort());  // every property is tried
  const { values, notices } = readSettings(changed);
  assert.deepEqual(notices, []);
  assert.deepEqual(settingsText({ ...initialState, ...values }, values.section), changed);
});

test('a default is the text of the initial state', () => {
  assert.equal(defaultText('temperature'), '1');
  assert.equal(defaultText('block'), '3');
});

test('every property names its bad value, which falls back to the default at start', () => {
  const bad = { section: 'sideways', vocab: 'a', table: '1 2; 3', context: 'x', spotlight: '-1', temperature: 'hot',
    sentence: 'z'.repeat(201), tokenizer: 'bytes', textSeed: '9', dataset: 'poems', steps: '0', block: '17', embed: '1.5',
    hidden: '1025', batch: 'many', lr: '0', lrFinal: '-1', decayAt: '-1', seed: '-1', init: 'zero', embedCode: 'yes', exercises: 'sometimes',
    gloveAnalogy: 'king man', gloveKeep: 'maybe', gloveDirection: 'up-down', glovePlace: 'two words' };
  assert.deepEqual(Object.keys(bad).sort(), Object.keys(properties).sort());
  for (const [name, text] of Object.entries(bad)) {
    const { values, notices } = readSettings({ [name]: text });
    assert.deepEqual(values, {}, name);
    assert.equal(notices.length, 1, name);
    assert.match(notices[0], /: using the default$/, name);
    const named = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    if (!['vocab', 'table', 'sentence'].includes(name)) assert.ok(notices[0].includes(`“${named}”`), notices[0]);
    assert.ok(notices[0].toLowerCase().startsWith(name.toLowerCase()), notices[0]);
  }
});

test('a bad value quotes at most its first 40 characters', () => {
  const { notices } = readSettings({ temperature: `9${'0'.repeat(3000)}` });
  assert.ok(notices[0].length < 120, notices[0].length);
  assert.match(notices[0], /^temperature “90{39}…” is not a number from 0 to 5/);
});

test('names are read in any letter case, as the README and attributes write them', () => {
  const { values, notices } = readSettings({ textseed: '3', lrfinal: '0.02', DECAYAT: '500', lrFinal: '0.03' });
  assert.deepEqual(notices, []);
  assert.equal(values.textSeed, 3);
  assert.equal(values.training.lrFinal, 0.03);  // the later spelling wins
  assert.equal(values.training.decayAt, 500);
});

test('a name of Object.prototype is an unknown setting, and the valid settings beside it apply', () => {
  const source = JSON.parse('{"__proto__": 1, "toString": 1, "constructor": "x", "valueOf": [], "hasOwnProperty": {}, "temperature": "0.5"}');
  const { values, notices } = readChanges(source, initialState);
  assert.deepEqual(values, { temperature: 0.5 });
  assert.deepEqual(notices, ['__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty']
    .map((name) => `“${name}” is not a setting of the lab`));
});

test('a hash with toString keeps every valid setting', () => {
  const { values, notices } = settingsFromHash('#section=lookup&toString=1&temperature=0');
  assert.deepEqual(values, { section: ['lookup'], temperature: 0 });
  assert.deepEqual(notices, ['“toString” is not a setting of the lab']);
});

test('a change is checked against the current state, and a refused one keeps the current value', () => {
  const first = readChanges({ vocab: 'a b', table: '1;2' }, initialState);
  assert.deepEqual(first.notices, []);
  const current = { ...initialState, ...first.values };
  assert.deepEqual(current.context, [0, 1]);  // the old context's ids that fit the new vocabulary
  const second = readChanges({ context: '0 1 2', temperature: 2 }, current);
  assert.deepEqual(second.values, { temperature: 2 });
  assert.deepEqual(second.notices, ["context 0 1 2 names an id past the vocabulary's 2 symbols: the current value stays"]);
  const third = readChanges({ table: '1; 2; 3' }, current);
  assert.deepEqual(third.values, {});
  assert.deepEqual(third.notices, ['the table has 3 rows but the vocabulary has 2 symbols: the current vocabulary and table stay']);
});

test('a refused message value says the current value stays', () => {
  const { values, notices } = readChanges({ temperature: -1 }, initialState);
  assert.deepEqual(values, {});
  assert.deepEqual(notices, ['temperature “-1” is not a number from 0 to 5: the current value stays']);
});

test('a training change keeps the current training settings beside it', () => {
  const current = { ...initialState, training: { ...initialState.training, hidden: 32 } };
  const { values } = readChanges({ steps: '400' }, current);
  assert.equal(values.training.hidden, 32);
  assert.equal(values.training.steps, 400);
});

test('message values may be numbers, lists and rows; anything else is named and refused', () => {
  const { values, notices } = readChanges({ context: [0, 1], table: [[1, 2], [3, 4], [5, 6], [7, 8], [9, 0]] }, initialState);
  assert.deepEqual(notices, []);
  assert.deepEqual(values.context, [0, 1]);
  assert.deepEqual(values.table[4], [9, 0]);
  for (const value of [{ a: 1 }, null, undefined, [[[1]]], [{}], Array(33).fill(1), 'x'.repeat(4001)]) {
    const refused = readChanges({ sentence: value }, initialState);
    assert.deepEqual(refused.values, {});
    assert.match(refused.notices[0], /^sentence (is not text|is 4001 characters long)/);
  }
});

test('a hash too long to read falls back to every default', () => {
  const { values, notices } = settingsFromHash(`#sentence=${'a'.repeat(5000)}`);
  assert.deepEqual(values, {});
  assert.match(notices[0], /more than 4000: using the defaults/);
});

test('the training settings take their ranges and defaults from the core, and name the range they refuse', () => {
  const core = { block: 'context', embed: 'embed', hidden: 'hidden', batch: 'batch', lr: 'lr', lrFinal: 'lrFinal', decayAt: 'decayAt', seed: 'seed' };
  for (const [name, range] of Object.entries(core)) assert.deepEqual(properties[name].range, limits.ranges[range], name);
  assert.deepEqual(properties.steps.range, limits.ranges.pageSteps);
  for (const name of ['embed', 'hidden', 'batch', 'lr', 'lrFinal', 'seed', 'init']) assert.equal(initialState.training[name], limits.defaults[name], name);
  assert.deepEqual(properties.hidden.parse('1025', 'Hidden H'), { error: 'Hidden H “1025” is not a whole number from 1 to 1,024' });
  assert.deepEqual(properties.lr.parse('0'), { error: 'lr “0” is not a number from 1.4e-45 to 3.4e+38' });
});

test('the decay step follows Steps, halfway, unless it is given or was set apart from the half', () => {
  const half = readSettings({ steps: '8000' }).values.training;
  assert.deepEqual([half.steps, half.decayAt], [8000, 4000]);
  const given = readSettings({ steps: '8000', decayAt: '7000' }).values.training;
  assert.deepEqual([given.steps, given.decayAt], [8000, 7000]);
  const apart = { ...initialState, training: { ...initialState.training, steps: 20000, decayAt: 15000 } };
  assert.equal(readChanges({ steps: '8000' }, apart).values.training.decayAt, 15000);
  assert.equal(readChanges({ steps: '8001' }, initialState).values.training.decayAt, 4000);
  assert.equal(readChanges({ seed: '7' }, initialState).values.training.decayAt, initialState.training.decayAt);
});
