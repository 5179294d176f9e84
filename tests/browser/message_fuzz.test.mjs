// The message API under random input, seeded and bounded: 1,500 messages (prototype names, huge
// strings, wrong types, nested objects, valid changes among them) posted one after the other to a
// lab. Each command must be answered, nothing may throw in the page or log a console error, and
// get-state must always say what the page shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserAndSite, watchedPage } from './harness.mjs';

const site = browserAndSite();
const messages = 1500, seed = 20261129;

test('1,500 random messages are each answered, throw nothing, and leave get-state telling what the page shows', async () => {
  // Every section but training, whose commands then answer with an error instead of starting a run.
  const { page, problems } = await watchedPage(site.browser, site.server.url);
  await page.goto(`${site.server.url}index.html#section=lookup+one-hot+cost+text+unembedding+directions`);
  await page.locator('embedding-lab[ready]').waitFor({ timeout: 15000 });
  const report = await page.evaluate(async ([count, seed]) => {
    let s = seed;  // mulberry32: a small seeded generator, so that a failure can be replayed
    const random = () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (list) => list[Math.floor(random() * list.length)];
    const int = (n) => Math.floor(random() * n);
    const names = ['section', 'vocab', 'table', 'context', 'spotlight', 'temperature', 'sentence', 'tokenizer', 'textSeed',
      'dataset', 'steps', 'block', 'embed', 'hidden', 'batch', 'lr', 'lrFinal', 'decayAt', 'seed', 'init', 'embedCode'];
    const hostileNames = ['__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '', ' ', 'TEXTSEED', '<b>x</b>'];
    const symbols = (n) => Array.from({ length: n }, (_, i) => `s${i}`).join(' ');
    const rows = (n, w) => Array.from({ length: n }, () => Array.from({ length: w }, () => (random() * 4 - 2).toFixed(2)).join(' ')).join('; ');
    const value = (depth = 0) => pick([
      () => String(int(40)), () => (random() * 10 - 3).toFixed(3), () => pick(['inf', '-inf', 'nan', '1e39', '-0', '0x10', ' 3', '']),
      () => int(40), () => pick([NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53, -1]), () => random() < 0.5,
      () => null, () => undefined, () => BigInt(int(100)), () => new Date(0),
      () => 'x'.repeat(pick([1, 100, 4001, 100000])), () => '<img src=x onerror=alert(1)>',
      () => symbols(2 + int(40)), () => rows(2 + int(6), 1 + int(9)), () => Array.from({ length: int(5) }, () => int(6)),
      () => (depth < 3 ? Array.from({ length: int(4) }, () => value(depth + 1)) : []),
      () => (depth < 3 ? { nested: value(depth + 1), [pick(hostileNames)]: value(depth + 1) } : {}),
      () => pick(['words', 'characters', 'names', 'scaled', 'lecture', 'on', 'off', 'auto', 'all', 'lookup cost']),
    ])();
    const vocabAndTable = () => { const n = 2 + int(8), w = 1 + int(8); return { vocab: symbols(n), table: rows(n, w) }; };
    const stateObject = () => {
      const state = random() < 0.2 ? vocabAndTable() : {};
      for (let i = int(5); i > 0; i--) state[random() < 0.8 ? pick(names) : pick(hostileNames)] = value();
      if (random() < 0.1) return JSON.parse(`{"__proto__": {"temperature": 0}, "toString": 1, "temperature": ${(random() * 5).toFixed(2)}}`);
      return state;
    };
    const message = () => pick([
      ...Array(12).fill(() => ({ type: 'embedding-lab:set-state', state: stateObject() })),
      () => ({ type: 'embedding-lab:get-state' }), () => ({ type: 'embedding-lab:stop-training' }),
      () => ({ type: 'embedding-lab:sample' }), () => ({ type: 'embedding-lab:start-training' }),
      () => ({ type: `embedding-lab:${pick(['toString', '__proto__', 'set-state ', 'x'.repeat(1000)])}` }),
      () => ({ type: 'embedding-lab:set-state', state: pick([null, 1, 'temperature=0', [1, 2], undefined]) }),
      () => ({ type: 'embedding-lab:get-state', target: 'another-lab' }),  // for another lab: no answer
      () => pick([null, 'embedding-lab:get-state', { type: 'hello' }, [{ type: 'embedding-lab:get-state' }]]),  // not a command
    ])();

    const lab = document.querySelector('embedding-lab');
    const root = lab.shadowRoot;
    const macrotask = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
    /** Posts data and resolves to the events the lab answered with (none within 2 s: []). */
    const post = (data, expectAnswer) => new Promise((resolve) => {
      const events = [];
      const types = ['state-changed', 'state', 'error'];
      const done = () => { types.forEach((t) => lab.removeEventListener(`lab-${t}`, record)); resolve(events); };
      const record = (event) => {
        events.push(event);
        if (events.length === 1) macrotask().then(done);
      };
      types.forEach((t) => lab.addEventListener(`lab-${t}`, record));
      window.postMessage(data, location.origin);
      setTimeout(() => { if (events.length === 0) done(); }, expectAnswer ? 2000 : 100);
    });
    const answered = (data) => typeof data?.type === 'string' && data.type.startsWith('embedding-lab:') && data.target === undefined;

    /** What get-state says against what the page shows, as a list of disagreements. */
    const disagreements = async () => {
      const [{ detail: { state } }] = await post({ type: 'embedding-lab:get-state' }, true);
      const vocab = state.vocab.split(' '), ids = state.context.split(' ').map(Number);
      const shown = {
        context: root.querySelector('.context-ids').textContent,
        vocab: [...root.querySelectorAll('#probability-bars th')].map((th) => th.textContent).join(' '),
        temperature: root.getElementById('temperature-value').textContent,
        sentence: root.querySelector('#text input[type="text"]')?.value,
        rows: root.querySelector('#lookup table').querySelectorAll('tbody tr').length,  // the table C
      };
      const expected = {
        context: `[${ids.join(', ')}]`, vocab: vocab.join(' '),
        temperature: Number(state.temperature).toFixed(2), sentence: state.sentence, rows: vocab.length,
      };
      return Object.keys(expected).filter((key) => shown[key] !== expected[key]).map((key) => `${key}: shown ${shown[key]}, get-state ${expected[key]}`);
    };

    const tally = { sent: 0, expected: 0, answered: 0, unanswered: [], errors: 0, applied: 0, checks: 0, mismatches: [] };
    for (let i = 0; i < count; i++) {
      const data = message();
      const expectAnswer = answered(data);
      const events = await post(data, expectAnswer);
      tally.sent++;
      if (expectAnswer) {
        tally.expected++;
        if (events.length > 0) tally.answered++;
        else tally.unanswered.push(JSON.stringify(data)?.slice(0, 120));
      } else if (events.length > 0) {
        tally.unanswered.push(`answered a message not for it: ${JSON.stringify(data)?.slice(0, 120)}`);
      }
      tally.errors += events.filter((e) => e.type === 'lab-error').length;
      tally.applied += events.filter((e) => e.type === 'lab-state-changed').length;
      if (i % 25 === 24) {
        tally.checks++;
        tally.mismatches.push(...(await disagreements()).map((d) => `after message ${i}: ${d}`));
      }
    }
    return tally;
  }, [messages, seed]);
  console.log(`# message fuzz (seed ${seed}): ${report.sent} messages, ${report.expected} commands, ${report.answered} answered, ` +
    `${report.errors} error events, ${report.applied} state changes, ${report.checks} get-state checks`);
  assert.equal(report.sent, messages);
  assert.deepEqual(report.unanswered, []);
  assert.equal(report.answered, report.expected);
  assert.ok(report.applied > 100 && report.errors > 100, 'the fuzz tries both valid and refused changes');
  assert.deepEqual(report.mismatches, []);
  assert.deepEqual(problems, []);
});
