// The `origin` hash parameter: the one origin whose messages an iframe obeys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedOrigin } from '../../web/src/origin_policy.js';

test('an origin in the hash is taken out of the settings and obeyed', () => {
  const params = new URLSearchParams('section=lookup&origin=https%3A%2F%2Fcourse.example');
  const notices = [];
  assert.equal(allowedOrigin(params, notices), 'https://course.example');
  assert.equal(params.toString(), 'section=lookup');
  assert.deepEqual(notices, []);
});

test('a value that is not an origin is named, shortly, and the parent page is obeyed', () => {
  const notices = [];
  assert.equal(allowedOrigin(new URLSearchParams(`origin=https://course.example/${'x'.repeat(100)}`), notices), null);
  assert.equal(notices.length, 1);
  assert.match(notices[0], /^origin “https:\/\/course\.example\/x{17}…” is not an origin such as https:\/\/example\.org/);
});

test('without an origin the parent page is obeyed, with no notice', () => {
  const notices = [];
  assert.equal(allowedOrigin(new URLSearchParams('section=lookup'), notices), null);
  assert.deepEqual(notices, []);
});
