// The message router's promise: every command it runs is answered, even one that throws or
// whose promise is rejected, and the answer names the command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, rejectReason } from '../../web/src/messages.js';

/** Runs answer() for run and returns the events it emitted, with console.warn silenced. */
async function answered(command, run) {
  const events = [];
  const warn = console.warn;
  console.warn = () => {};
  try {
    await answer((name, extra) => events.push({ name, ...extra }), command, run);
  } finally {
    console.warn = warn;
  }
  return events;
}

test('a command that throws is answered by an error event naming it', async () => {
  assert.deepEqual(await answered('sample', () => { throw new Error('there is no model yet'); }),
    [{ name: 'error', command: 'sample', notices: ['sample failed: there is no model yet'] }]);
});

test('a command whose promise is rejected is answered by an error event naming it', async () => {
  assert.deepEqual(await answered('sample', () => Promise.reject(new Error('there is no model yet'))),
    [{ name: 'error', command: 'sample', notices: ['sample failed: there is no model yet'] }]);
});

test('a command that returns notices is answered by an error event with them', async () => {
  assert.deepEqual(await answered('set-state', () => ['“x” is not a setting of the lab']),
    [{ name: 'error', command: 'set-state', notices: ['“x” is not a setting of the lab'] }]);
});

test('a command that refuses nothing gets no error event', async () => {
  assert.deepEqual(await answered('stop-training', () => undefined), []);
  assert.deepEqual(await answered('stop-training', () => Promise.resolve([])), []);
});

test('a set-state without a state object is not a command', () => {
  assert.equal(rejectReason({ type: 'embedding-lab:set-state', state: [1] }), 'set-state needs a state object');
  assert.match(rejectReason({ type: 'embedding-lab:dance' }), /^“embedding-lab:dance” is not one of/);
  assert.equal(rejectReason({ type: 'embedding-lab:get-state' }), '');
});
