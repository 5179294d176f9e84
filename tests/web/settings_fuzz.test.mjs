// settings.js under random input, seeded and bounded: 500 random URL hashes and 2,000 random
// set-state objects. None may throw; every notice is short; what is accepted leaves a state whose
// table matches its vocabulary and whose ids are all inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState } from '../../web/src/defaults.js';
import { properties, readChanges, settingsFromHash } from '../../web/src/settings.js';

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
function generator(seed) {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(random() * n);
  return { random, int, pick: (list) => list[int(list.length)] };
}

const names = Object.keys(properties);
const hostileNames = ['__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty', 'prototype', '', 'ORIGIN', '%', '&'];

/** The problems of a state: a table that does not match the vocabulary, an id outside it. */
function inconsistencies(state) {
  const V = state.vocab.length, found = [];
  if (state.table.length !== V) found.push(`table ${state.table.length} rows, vocab ${V}`);
  if (state.context.length === 0 || state.context.some((id) => id >= V)) found.push(`context ${state.context} for ${V} symbols`);
  if (state.spotlight >= V) found.push(`spotlight ${state.spotlight} for ${V} symbols`);
  return found;
}

/** The state after values are applied to it, as state.setMany does. */
const applied = (state, values) => ({ ...state, ...values });

function randomText({ int, pick }) {
  return pick([
    () => String(int(50)), () => (int(2000) / 100 - 5).toString(), () => pick(['inf', 'nan', '-0', '1e39', '0x10', ' 3', '', 'all']),
    () => Array.from({ length: 1 + int(34) }, (_, i) => pick([`s${i}`, 'a', '␠', '<b>'])).join(pick([' ', '  ', '+'])),
    () => Array.from({ length: 1 + int(8) }, () => Array.from({ length: 1 + int(9) }, () => int(9) - 4).join(' ')).join(pick([';', ';;', '\n'])),
    () => 'z'.repeat(pick([10, 201, 5000])), () => pick(['words', 'characters', 'names', 'scaled', 'on', 'off', 'lookup cost', 'sideways']),
    () => String.fromCharCode(...Array.from({ length: int(20) }, () => int(0xffff))),
  ])();
}

test('500 random hashes never throw, and what they set is consistent', () => {
  const g = generator(11);
  let notices = 0, accepted = 0;
  for (let i = 0; i < 500; i++) {
    const params = Array.from({ length: g.int(8) }, () => [g.random() < 0.8 ? g.pick(names) : g.pick(hostileNames), randomText(g)]);
    const encoded = params.map(([k, v]) => `${g.random() < 0.2 ? k.toLowerCase() : encodeURIComponent(k)}=${g.random() < 0.9 ? encodeURIComponent(v.toWellFormed()) : v}`).join('&');
    const result = settingsFromHash(`#${encoded}`);
    notices += result.notices.length;
    accepted += Object.keys(result.values).length;
    assert.ok(result.notices.every((n) => typeof n === 'string' && n.length < 300), JSON.stringify(result.notices));
    assert.deepEqual(inconsistencies(applied(initialState, result.values)), [], encoded.slice(0, 200));
  }
  console.log(`# hash fuzz: 500 hashes, ${accepted} settings accepted, ${notices} notices`);
  assert.ok(accepted > 100 && notices > 100, 'the fuzz tries both valid and refused settings');
});

test('2,000 random set-state objects never throw, and each leaves a consistent current state', () => {
  const g = generator(12);
  let state = initialState, notices = 0, accepted = 0;
  const value = (depth = 0) => g.pick([
    () => randomText(g), () => g.int(40), () => g.pick([NaN, Infinity, -0, 1e308, true, null, undefined, 10n]),
    () => (depth < 3 ? Array.from({ length: g.int(5) }, () => value(depth + 1)) : []),
    () => (depth < 3 ? { [g.pick(hostileNames)]: value(depth + 1) } : {}),
  ])();
  for (let i = 0; i < 2000; i++) {
    const source = {};
    for (let k = g.int(5); k > 0; k--) source[g.random() < 0.8 ? g.pick(names) : g.pick(hostileNames)] = value();
    if (g.random() < 0.2) {
      const n = 2 + g.int(6);
      source.vocab = Array.from({ length: n }, (_, j) => `v${j}`).join(' ');
      source.table = Array.from({ length: n }, () => [g.int(5), g.int(5)]);
    }
    const result = readChanges(source, state);
    notices += result.notices.length;
    accepted += Object.keys(result.values).length;
    assert.ok(result.notices.every((n) => typeof n === 'string' && n.length < 300), JSON.stringify(result.notices));
    delete result.values.section;
    state = applied(state, result.values);
    assert.deepEqual(inconsistencies(state), [], `message ${i}`);
  }
  console.log(`# set-state fuzz: 2,000 objects, ${accepted} settings accepted, ${notices} notices`);
  assert.ok(accepted > 300 && notices > 300, 'the fuzz tries both valid and refused settings');
});
