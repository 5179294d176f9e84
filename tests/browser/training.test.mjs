// Training in the page, as a reader does it: the loss falls and samples appear; a sample opens up
// step by step; a bad model file, a bad setting and bad text each show a message and change
// nothing; and training also runs from file:// and under a strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { browserAndSite, screenshots, serveSite, siteDir, watchedPage } from './harness.mjs';

const site = browserAndSite();

async function openLab(url = site.server.url, origin = site.server.url) {
  const { page, problems } = await watchedPage(site.browser, origin);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.locator('embedding-lab[ready]').waitFor({ timeout: 15000 });
  return { page, problems, lab: page.locator('embedding-lab') };
}

async function setField(lab, label, value) {
  await lab.getByLabel(label, { exact: true }).fill(String(value));
  await lab.getByLabel(label, { exact: true }).press('Tab');
}

/** Trains for `steps` steps and returns [dev loss before, dev loss after]. */
async function trainFor(lab, steps) {
  await setField(lab, 'Steps', steps);
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#final-losses', { hasText: 'After' }).waitFor({ timeout: 60000 });
  const text = await lab.locator('#final-losses').textContent();
  return [null, Number(text.match(/dev loss ([\d.]+)/)[1])];
}

test('training on the bundled names makes the loss fall, and samples appear', async () => {
  const { page, problems, lab } = await openLab();
  await setField(lab, 'Steps', 3000);
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#final-losses', { hasText: 'Before training' }).waitFor({ timeout: 30000 });
  const start = Number((await lab.locator('#final-losses').textContent()).match(/dev loss ([\d.]+)/)[1]);
  await lab.locator('#final-losses', { hasText: 'After 3,000 steps' }).waitFor({ timeout: 60000 });
  const end = Number((await lab.locator('#final-losses').textContent()).match(/dev loss ([\d.]+)/)[1]);
  console.log(`# page training: dev loss ${start} -> ${end}; ${await lab.locator('#progress-text').textContent()}`);
  assert.ok(start > 3 && end < 2.4, `${start} -> ${end}`);
  assert.equal(await lab.locator('#scatter text').count(), 27);

  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples li').nth(9).waitFor();
  const samples = await lab.locator('#samples button').allTextContents();
  assert.equal(samples.length, 10);
  await lab.locator('#samples button').first().click();
  assert.match(await lab.locator('#step-through h4').textContent(), /step 1 of \d+/);
  assert.equal(await lab.locator('#step-through .bars tr').count(), 27);
  await lab.getByLabel('Top-k (0 = all)', { exact: true }).fill('3');
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples button').first().click();
  assert.equal(await lab.locator('#step-through .bars tr.dimmed').count(), 24);  // all but the top 3 greyed
  await page.locator('#training').screenshot({ path: `${screenshots}/training.png` });
  assert.deepEqual(problems, []);
});

test('the same seed gives the same run: Reset, then train again, ends at the same loss', async () => {
  const { problems, lab } = await openLab();
  const [, first] = await trainFor(lab, 500);
  await lab.getByRole('button', { name: 'Reset' }).click();
  await lab.locator('#progress-text', { hasText: 'random start' }).waitFor();
  await lab.getByRole('button', { name: 'Resume' }).click();
  await lab.locator('#final-losses', { hasText: 'After 500 steps' }).waitFor({ timeout: 60000 });
  const second = Number((await lab.locator('#final-losses').textContent()).match(/dev loss ([\d.]+)/)[1]);
  assert.equal(second, first);
  assert.deepEqual(problems, []);
});

test('a malformed model file shows a message and keeps the current model', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 200);
  const file = join(tmpdir(), 'broken-model.json');
  writeFileSync(file, '{"format": "embedlab-mlp", "version": 1, "vocab": [".", "a"');
  await lab.getByLabel('Load a model file (JSON)').setInputFiles(file);
  await lab.locator('#training-message', { hasText: 'The current model stays' }).waitFor();
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples li').first().waitFor();
  assert.deepEqual(problems, []);
});

test('a bad setting and bad text each show a message and change nothing', async () => {
  const { problems, lab } = await openLab();
  await setField(lab, 'Hidden H', 99999);
  assert.match(await lab.locator('#training-message').textContent(), /Hidden H “99999” must be a whole number from 1 to 512: it stays 200/);
  assert.equal(await lab.getByLabel('Hidden H', { exact: true }).inputValue(), '200');
  await lab.getByLabel('Dataset', { exact: true }).selectOption('own');
  await lab.getByLabel('Your own text, one example per line').fill('onlyoneline');
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#training-message', { hasText: /line/ }).waitFor();
  console.log(`# message for one line: ${await lab.locator('#training-message').textContent()}`);
  const bad = join(tmpdir(), 'bad-utf8.txt');
  writeFileSync(bad, Buffer.from([0x61, 0x6e, 0x6e, 0x61, 0x0a, 0x62, 0x6f, 0xc3, 0x28, 0x0a]));  // "anna\nbo" then a broken sequence
  await lab.getByLabel('Upload a text file (UTF-8, one example per line)').setInputFiles(bad);
  await lab.locator('#training-message', { hasText: 'will be used' }).waitFor();
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#training-message', { hasText: 'invalid UTF-8 at byte offset 7' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a hostile dataset line is shown as text and runs nothing', async () => {
  const { page, problems, lab } = await openLab();
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  await lab.getByLabel('Dataset', { exact: true }).selectOption('own');
  await lab.getByLabel('Your own text, one example per line').fill(Array(30).fill('<img src=x onerror=alert(1)>\nanna\nbob').join('\n'));
  await trainFor(lab, 300);
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples li').first().waitFor();
  assert.ok((await lab.locator('#scatter text').allTextContents()).includes('<'));
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
});

test('from file:// and under a strict Content-Security-Policy the worker still trains', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  const local = await openLab(`${folder}index.html`, folder);
  await trainFor(local.lab, 200);
  const strict = await serveSite({ headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" } });
  try {
    const policed = await openLab(strict.url, strict.url);
    await trainFor(policed.lab, 200);
    assert.deepEqual([...local.problems, ...policed.problems], []);
  } finally {
    await strict.close();
  }
});

test('one step opened up: only the rows of characters in the batch get a gradient', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 100);
  await lab.getByRole('button', { name: 'Take one step and open it up' }).click();
  await lab.locator('#opened-step p', { hasText: 'Step 101' }).waitFor();
  assert.equal(await lab.locator('#opened-step .batch li').count(), 32);
  const rows = await lab.locator('#opened-step tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    used: tr.classList.contains('lit'), zero: [...tr.querySelectorAll('td')].every((td) => Number(td.textContent) === 0),
  })));
  assert.equal(rows.length, 27);
  assert.ok(rows.every(({ used, zero }) => used !== zero), 'a row is zero exactly when its character is not in the batch');
  assert.deepEqual(problems, []);
});

test('a divergent run stops with a message the moment the loss is not finite', async () => {
  const { problems, lab } = await openLab();
  await lab.getByLabel('Initialisation', { exact: true }).selectOption('lecture');
  await setField(lab, 'Learning rate', '1e38');  // one update throws the weights to about 1e37
  await setField(lab, 'Steps', 1000);
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#training-message', { hasText: 'Training stopped' }).waitFor({ timeout: 30000 });
  assert.match(await lab.locator('#training-message').textContent(), /the loss is not finite .*the weights are back to those after step \d+/);
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();  // the last good weights still sample
  await lab.locator('#samples li').first().waitFor();
  assert.deepEqual(problems, []);
});

test('while training, no task on the main thread of the page takes more than 50 ms', async () => {
  const { page, problems, lab } = await openLab();
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await setField(lab, 'Steps', 200000);  // the lecture's run, paused after a few seconds
  await lab.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(4000);
  await lab.getByRole('button', { name: 'Pause' }).click();
  const longTasks = await page.evaluate(() => window.longTasks);
  console.log(`# main-thread tasks over 50 ms while training: ${longTasks.length} ${JSON.stringify(longTasks.map(Math.round))}`);
  assert.deepEqual(longTasks, []);
  assert.deepEqual(problems, []);
});

test('a model trained by the command line loads in the page and samples the same with the same seed', async () => {
  const cli = fileURLToPath(new URL('../../build/native/cpp/cli/embedlab', import.meta.url));
  const names = fileURLToPath(new URL('../data/names.txt', import.meta.url));
  const model = join(tmpdir(), 'cli-model.json');
  execFileSync(cli, ['train', '--data', names, '--out', model, '--steps', '1500', '--hidden', '64', '--seed', '5'], { stdio: 'pipe' });
  const expected = execFileSync(cli, ['sample', '--model', model, '--count', '10', '--seed', '1', '--max-length', '30'], { encoding: 'utf8' })
    .split('\n').slice(0, 10).map((s) => s || '(empty)');
  const { problems, lab } = await openLab();
  await lab.getByLabel('Load a model file (JSON)').setInputFiles(model);
  await lab.locator('#final-losses', { hasText: 'Loaded a model' }).waitFor();
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples li').nth(9).waitFor();
  assert.deepEqual(await lab.locator('#samples button').allTextContents(), expected);
  assert.deepEqual(problems, []);
});
