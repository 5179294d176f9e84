// The WASM SIMD128 kernels (cpp/core/simd/) against scalar code: runs the doctest program
// build/wasm/embedlab_simd_tests.cjs (tests/wasm/test_simd.cpp) under Node and prints the
// worst errors in ulps that it measures for exp and tanh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const program = fileURLToPath(new URL('../../build/wasm/embedlab_simd_tests.cjs', import.meta.url));

test('the SIMD128 products, exp and tanh agree with the scalar versions (doctest under Node)', () => {
  const run = spawnSync(process.execPath, [program, '--no-colors'], { encoding: 'utf8' });
  for (const line of run.stdout.split('\n').filter((l) => l.includes('ulp'))) console.log(line);
  assert.equal(run.status, 0, `${program} failed:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /Status: SUCCESS!/);
});
