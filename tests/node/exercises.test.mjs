// The exercises, graded by the WASM core: every exercise's figure exists for its state, the core's
// own figure typed back is right and a wrong one is not, answers are read as people type them, and
// progress keeps its counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exercises } from '../../web/src/exercises/list.js';
import { exerciseState, figureOf, grade, gradeLive, sectionsWithExercises } from '../../web/src/exercises/grade.js';
import { parseAnswer } from '../../web/src/exercises/answer.js';
import { createProgress } from '../../web/src/exercises/progress.js';
import { initialState } from '../../web/src/defaults.js';
import { loadWasmCore } from './load_core.mjs';

const core = await loadWasmCore();

/** The answer a reader who knows the figure would type. */
const typed = (exercise, figure, symbols) => (exercise.kind === 'symbol' ? symbols[figure] : [figure].flat(2).join(', '));

test('every exercise belongs to a section with numbers, has a unique id, and its figure exists for its state', () => {
  assert.equal(new Set(exercises.map(({ id }) => id)).size, exercises.length);
  for (const exercise of exercises.filter(({ live }) => !live)) {  // live ones: tests/browser/exercises.test.mjs
    assert.ok(sectionsWithExercises.includes(exercise.section), exercise.id);
    const { figure } = figureOf(core, exercise, exerciseState(exercise));
    assert.notEqual(figure, undefined, `${exercise.id}: ${exercise.figure}`);
    assert.match(exercise.explanation, /\{expected\}/, exercise.id);
  }
});

test("the core's own figure, typed back, is right; a figure one off is wrong", () => {
  for (const exercise of exercises.filter(({ kind, live }) => kind !== 'setting' && !live)) {
    const { figure, symbols } = figureOf(core, exercise, exerciseState(exercise));
    const right = grade(core, exercise, typed(exercise, figure, symbols), initialState);
    assert.equal(right.correct, true, exercise.id);
    assert.doesNotMatch(right.explanation, /\{expected\}/);
    const off = exercise.kind === 'symbol' ? symbols.find((symbol) => symbol !== symbols[figure])
      : [figure].flat(2).map((x) => x + 1).join(' ');
    assert.equal(grade(core, exercise, off, initialState).correct, false, exercise.id);
  }
});

test('the worked figures: C[3] is [0.50, -0.10], GPT-3 one-hot takes 617,558,016 multiply-adds, the logit of a is 0.30', () => {
  const byId = (id) => exercises.find((exercise) => exercise.id === id);
  assert.equal(grade(core, byId('lookup-row'), '[0.5, −0.1]', initialState).correct, true);
  assert.equal(grade(core, byId('lookup-row'), '(.50 -.10)', initialState).correct, true);
  assert.equal(grade(core, byId('cost-gpt3-product'), '617,558,016', initialState).correct, true);
  assert.equal(grade(core, byId('cost-gpt3-product'), '617558016', initialState).correct, true);
  assert.match(grade(core, byId('cost-gpt3-product'), '617558016', initialState).explanation, /617,558,016/);
  assert.equal(grade(core, byId('unembedding-logit'), '0.3', initialState).correct, true);
  assert.equal(grade(core, byId('unembedding-logit'), '0.31', initialState).correct, false);
});

test('the temperature exercise reads the page: T = 1 and 0.05 are not enough, T = 0 is', () => {
  const exercise = exercises.find(({ id }) => id === 'unembedding-temperature');
  assert.equal(grade(core, exercise, '', { ...initialState, temperature: 1 }).correct, false);
  assert.equal(grade(core, exercise, '', { ...initialState, temperature: 0.05 }).correct, false);  // 86.6%
  const sharp = grade(core, exercise, '', { ...initialState, temperature: 0 });
  assert.equal(sharp.correct, true);
  assert.match(sharp.explanation, /\d+\.\d%/);
  const infinite = grade(core, exercise, '', { ...initialState, h: [Infinity, 0], temperature: 1 });
  assert.equal(infinite.correct, false);  // no probabilities at all: not right, and no throw
});

test('answers are read as people type them, and what does not parse is named', () => {
  assert.deepEqual(parseAnswer('-0.4', 'number'), { value: -0.4 });
  assert.deepEqual(parseAnswer('−0.40', 'number'), { value: -0.4 });
  assert.deepEqual(parseAnswer('.5', 'number'), { value: 0.5 });
  assert.deepEqual(parseAnswer('1e-3', 'number'), { value: 0.001 });
  assert.deepEqual(parseAnswer('617,558,016', 'number'), { value: 617558016 });
  assert.deepEqual(parseAnswer('[0.5, -0.1]', 'numbers', { count: 2 }), { value: [0.5, -0.1] });
  assert.deepEqual(parseAnswer('0.5 −0.1', 'numbers', { count: 2 }), { value: [0.5, -0.1] });
  assert.deepEqual(parseAnswer('a', 'symbol', { choices: ['@', 'a'] }), { value: 'a' });
  assert.deepEqual(parseAnswer(' Queen ', 'symbol', { choices: ['king', 'queen'] }), { value: 'queen' });
  assert.deepEqual(parseAnswer('A', 'symbol', { choices: ['a', 'A'] }), { value: 'A' });  // exact first
  assert.equal(parseAnswer('B', 'symbol', { choices: ['b', 'bb'] }).value, 'b');
  assert.equal(parseAnswer('', 'number').error, 'type an answer first');
  assert.equal(parseAnswer('zero point five', 'number').error, '“zero point five” is not a number');
  assert.equal(parseAnswer('[0.5]', 'numbers', { count: 2 }).error, '“[0.5]” holds 1 number, not 2');
  assert.equal(parseAnswer('[0.5, x]', 'numbers', { count: 2 }).error, '“x” is not a number (in “[0.5, x]”)');
  assert.equal(parseAnswer('z', 'symbol', { choices: ['@', 'a'] }).error, '“z” is not one of @ a');
  assert.match(parseAnswer('9'.repeat(100), 'symbol', { choices: ['a'] }).error, /^“9{40}…” is not one of a$/);
});

test('a try is counted, a right answer stays right, reset forgets, and storage that refuses keeps progress in memory', () => {
  const saved = new Map();
  const storage = { getItem: (key) => saved.get(key) ?? null, setItem: (key, value) => saved.set(key, value) };
  const progress = createProgress(storage, '/lab/');
  assert.deepEqual(progress.record('lookup-row', false), { tries: 1, correct: false });
  assert.deepEqual(progress.record('lookup-row', true), { tries: 2, correct: true });
  assert.deepEqual(progress.record('lookup-row', false), { tries: 3, correct: true });
  assert.deepEqual(createProgress(storage, '/lab/').all(), { 'lookup-row': { tries: 3, correct: true } });  // a reload
  assert.deepEqual(createProgress(storage, '/other/').all(), {});  // another page
  progress.reset();
  assert.deepEqual(createProgress(storage, '/lab/').all(), {});
  const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } };
  const memory = createProgress(refusing, '/lab/');
  assert.equal(memory.kept, false);
  assert.deepEqual(memory.record('lookup-row', true), { tries: 1, correct: true });
  saved.set('embedding-lab:exercises:/broken/', '{not json');
  assert.deepEqual(createProgress(storage, '/broken/').all(), {});
});

test('sections 2, 4 and 6: one_hot(2), the word ids of “to be or not to be”, an angle of 18.4°, kings − men + woman = queen', () => {
  const byId = (id) => exercises.find((exercise) => exercise.id === id);
  assert.equal(grade(core, byId('one-hot-row'), '0 0 1 0 0', initialState).correct, true);
  assert.match(grade(core, byId('one-hot-product'), '0.5 -0.1 0.1 -0.2', initialState).explanation, /^one_hot × W = \[\[0\.50, -0\.10\], \[0\.10, -0\.20\]\]/);
  assert.equal(grade(core, byId('text-word-ids'), '[0, 1, 2, 3, 0, 1]', initialState).correct, true);
  assert.equal(grade(core, byId('text-characters'), '11', initialState).correct, true);
  assert.equal(grade(core, byId('directions-dot'), '0', initialState).correct, true);
  const angle = grade(core, byId('directions-angle'), '18.4', initialState);
  assert.equal(angle.correct, true);
  assert.match(angle.explanation, /^θ = 18\.4°/);
  assert.equal(grade(core, byId('directions-analogy'), 'queen', initialState).correct, true);
  assert.equal(grade(core, byId('directions-analogy'), 'zebra', initialState).error, '“zebra” is not one of man woman king queen men women kings queens boy girl prince princess apple apples');
  const differ = byId('one-hot-differ');
  assert.equal(grade(core, differ, '', initialState).correct, false);
  const poisoned = initialState.table.map((row, i) => (i === 4 ? [Infinity, row[1]] : row));  // row 4 is not in the context 0 1 2
  const graded = grade(core, differ, '', { ...initialState, table: poisoned });
  assert.equal(graded.correct, true);
  assert.match(graded.explanation, /^3 of the entries now differ/);
});

test('an exercise on what the page trained is graded against its section’s live numbers, or says why it cannot be', async () => {
  const exercise = { id: 'live-demo', section: 'training', live: true, query: { context: 'em' }, kind: 'symbol', figure: 'next.top',
    explanation: 'The model says {expected}.' };
  const asked = [];
  const liveNumbers = async (query) => { asked.push(query); return { symbols: ['.', 'a', 'm'], next: { top: 1 } }; };
  assert.deepEqual(await gradeLive(exercise, 'a', liveNumbers), { correct: true, explanation: 'The model says “a”.' });
  assert.equal((await gradeLive(exercise, 'm', liveNumbers)).correct, false);
  assert.deepEqual(asked, [{ context: 'em' }, { context: 'em' }]);
  const untrained = async () => { throw new Error('train the model first'); };
  await assert.rejects(gradeLive(exercise, 'a', untrained), /^Error: train the model first$/);
  const below = { ...exercise, kind: 'setting', figure: 'dev', atMost: 2.4, explanation: 'dev {expected}' };
  assert.equal((await gradeLive(below, '', async () => ({ dev: 2.5 }))).correct, false);
  assert.equal((await gradeLive(below, '', async () => ({ dev: 2.3 }))).correct, true);
});
