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
import { browserAndSite, screenshots, siteDir, underStrictPolicy, watchedPage } from './harness.mjs';

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

/** Presses Sample and waits for the samples. */
async function sampleOnce(lab) {
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples li').first().waitFor();
}

/** Trains `steps` steps, then takes one more by hand and waits for it to open up. */
async function stepByHandAfter(lab, steps) {
  await trainFor(lab, steps);
  await lab.getByRole('button', { name: 'Take one step and open it up' }).click();
  await lab.locator('#opened-step p', { hasText: `Step ${steps + 1}` }).waitFor();
}

test('training on the bundled names makes the loss fall, and samples appear', async () => {
  const { page, problems, lab } = await openLab();
  await setField(lab, 'Steps', 3000);
  assert.equal(await lab.getByLabel('Decay at step', { exact: true }).inputValue(), '1500');  // halfway, as the lecture decays
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
  await lab.getByRole('button', { name: 'Reset to a random start' }).click();
  await lab.locator('#progress-text', { hasText: 'random start' }).waitFor();
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
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
  await lab.locator('#model-message', { hasText: 'The current model stays' }).waitFor();
  await sampleOnce(lab);
  assert.deepEqual(problems, []);
});

test('a word model\'s file is refused by name, and nothing changes', async () => {
  const { problems, lab } = await openLab();
  const file = join(tmpdir(), 'word-model.json');
  writeFileSync(file, '{"format":"embedlab-words","version":1,"vocab":[".","<unk>","cat","dog"],"window":1,"embed":2,"tied":false,' +
    '"E":[[0.0,0.0],[0.5,-0.5],[1.0,2.0],[-1.0,0.25]],"W_U":[[1.0,0.0,-1.0,0.5],[0.0,2.0,0.0,-3.0]],"b":[0.0,-1.0,0.5,2.0]}');
  await lab.getByLabel('Load a model file (JSON)').setInputFiles(file);
  await lab.locator('#model-message', { hasText: 'Nothing changed' }).waitFor();
  assert.equal(await lab.locator('#model-message').textContent(),
    'this is an "embedlab-words" file (section 8\'s word model), not an "embedlab-mlp" file (section 7\'s character model). Nothing changed.');
  assert.deepEqual(problems, []);
});

test('a bad setting and bad text each show a message and change nothing', async () => {
  const { problems, lab } = await openLab();
  await setField(lab, 'Hidden H', 99999);
  assert.match(await lab.locator('#settings-message').textContent(), /Hidden H “99999” is not a whole number from 1 to 1,024: it stays 200/);
  assert.equal(await lab.getByLabel('Hidden H', { exact: true }).inputValue(), '200');
  await lab.getByLabel('Dataset', { exact: true }).selectOption('own');
  await lab.getByLabel('Your own text, one example per line').fill('onlyoneline');
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#run-message', { hasText: /line/ }).waitFor();
  console.log(`# message for one line: ${await lab.locator('#run-message').textContent()}`);
  const bad = join(tmpdir(), 'bad-utf8.txt');
  writeFileSync(bad, Buffer.from([0x61, 0x6e, 0x6e, 0x61, 0x0a, 0x62, 0x6f, 0xc3, 0x28, 0x0a]));  // "anna\nbo" then a broken sequence
  await lab.getByLabel('Upload a text file (UTF-8, one example per line)').setInputFiles(bad);
  await lab.locator('#dataset-message', { hasText: 'will be used' }).waitFor();
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#run-message', { hasText: 'invalid UTF-8 at byte offset 7' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a hostile dataset line is shown as text and runs nothing', async () => {
  const { page, problems, lab } = await openLab();
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  await lab.getByLabel('Dataset', { exact: true }).selectOption('own');
  await lab.getByLabel('Your own text, one example per line').fill(Array(30).fill('<img src=x onerror=alert(1)>\nanna\nbob').join('\n'));
  await trainFor(lab, 300);
  await sampleOnce(lab);
  assert.ok((await lab.locator('#scatter text').allTextContents()).includes('<'));
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
});

test('from file:// and under a strict Content-Security-Policy the worker still trains', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  const local = await openLab(`${folder}index.html`, folder);
  await trainFor(local.lab, 200);
  await underStrictPolicy(async (strict) => {
    const policed = await openLab(strict.url, strict.url);
    await trainFor(policed.lab, 200);
    assert.deepEqual([...local.problems, ...policed.problems], []);
  });
});

test('one step opened up: only the rows of characters in the batch get a gradient', async () => {
  const { problems, lab } = await openLab();
  await stepByHandAfter(lab, 100);
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
  await lab.locator('#run-message', { hasText: 'Training stopped' }).waitFor({ timeout: 30000 });
  assert.match(await lab.locator('#run-message').textContent(), /the loss is not finite .*the weights are back to those after step \d+/);
  assert.match(await lab.locator('#run-message').textContent(), /lower the learning rate/);  // a hint, not only the fact
  await sampleOnce(lab);  // the last good weights still sample
  assert.deepEqual(problems, []);
});

// How long the page's main thread is busy at a time while the worker trains is a figure, printed
// here, not asserted: on this project's 2-core machines it varies with the load. The page draws a
// progress report once per frame, a task of about 10 ms of CPU (at most about 30 ms as a run
// starts, read from a Chromium trace), but with other processes on both cores such a task still
// takes 50 to 160 ms of wall-clock time. The aim is no task over 50 ms; what the test asserts is
// that the page keeps working while the worker trains.
test('while training, the page keeps working and the main thread\'s long tasks are printed', async () => {
  const { page, problems, lab } = await openLab();
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await setField(lab, 'Steps', 200000);  // the lecture's run, paused after a few seconds
  await lab.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(4000);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.locator('#progress-text', { hasText: 'Paused at step' }).waitFor();
  const longTasks = await page.evaluate(() => window.longTasks);
  console.log(`# main-thread tasks over 50 ms while training (aim: none): ${longTasks.length} ${JSON.stringify(longTasks.map(Math.round))}`);
  const paused = await lab.locator('#progress-text').textContent();
  assert.ok(Number(paused.match(/step ([\d,]+)/)[1].replace(/,/g, '')) > 0, paused);
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
  await lab.locator('#model-message', { hasText: 'Loaded a model' }).waitFor();
  assert.equal(await lab.getByLabel('Hidden H', { exact: true }).inputValue(), '64');  // the settings show the loaded model's sizes
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples li').nth(9).waitFor();
  assert.deepEqual(await lab.locator('#samples button').allTextContents(), expected);
  assert.deepEqual(problems, []);
});

// ---- The run's state machine: Train, Pause, Continue, Step, Reset ----

const runButton = (lab) => lab.locator('#run-controls button').first();

/** Starts a long run and waits until it has made progress. */
async function startLongRun(lab, steps = 200000) {
  await setField(lab, 'Steps', steps);
  await lab.getByRole('button', { name: 'Train', exact: true }).click();
  await lab.locator('#progress-text', { hasText: 'steps a second' }).waitFor({ timeout: 30000 });
}

const stepOf = async (lab, locator) => Number((await lab.locator(locator).textContent()).match(/[Ss]tep ([\d,]+)/)[1].replaceAll(',', ''));

test('Pause tells the page it stopped: the progress line, the buttons and Continue say so', async () => {
  const { problems, lab } = await openLab();
  await startLongRun(lab);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.locator('#progress-text', { hasText: 'Paused at step' }).waitFor({ timeout: 10000 });
  const paused = await stepOf(lab, '#progress-text');
  assert.equal(await runButton(lab).textContent(), 'Continue to 200,000 steps');
  assert.equal(await runButton(lab).isEnabled(), true);
  assert.equal(await lab.getByRole('button', { name: 'Pause' }).isEnabled(), false);
  assert.equal(await lab.getByRole('progressbar', { name: 'Training progress', exact: true }).evaluate((bar) => bar.value), paused);
  await runButton(lab).click();
  await lab.locator('#progress-text', { hasText: 'steps a second' }).waitFor({ timeout: 10000 });
  assert.ok(await stepOf(lab, '#progress-text') > paused, 'Continue goes on from where the model was');
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.locator('#progress-text', { hasText: 'Paused at step' }).waitFor({ timeout: 10000 });
  assert.deepEqual(problems, []);
});

test('after a pause the steps per second count only the time spent training', async () => {
  const { page, problems, lab } = await openLab();
  const started = Date.now();
  await startLongRun(lab);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.locator('#progress-text', { hasText: 'Paused at step' }).waitFor({ timeout: 10000 });
  const paused = await stepOf(lab, '#progress-text');
  await page.waitForTimeout(8000);  // a pause long enough to drag down a rate that counted it
  await runButton(lab).click();
  await page.waitForFunction(([host, from]) => {
    const text = document.querySelector(host).shadowRoot.getElementById('progress-text').textContent;
    return Number(text.match(/^Step ([\d,]+) of/)?.[1].replaceAll(',', '') ?? 0) > from + 2000;
  }, ['embedding-lab', paused], { timeout: 30000 });
  const text = await lab.locator('#progress-text').textContent();
  const rate = Number(text.match(/([\d,]+) steps a second/)[1].replaceAll(',', ''));
  const counted = Number(text.match(/^Step ([\d,]+)/)[1].replaceAll(',', '')) / ((Date.now() - started) / 1000);  // the pause included
  console.log(`# steps a second after a pause: ${rate} on the page, ${Math.round(counted)} with the pause counted`);
  assert.ok(rate > 1.5 * counted, `${rate} steps a second shown, ${Math.round(counted)} if the pause counted`);
  assert.deepEqual(problems, []);
});

test('raising Steps after a finished run continues the same model to the new total', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 300);
  assert.equal(await runButton(lab).isEnabled(), false);
  assert.match(await lab.locator('#run-note').textContent(), /raise Steps to continue/);
  await setField(lab, 'Steps', 600);
  assert.equal(await runButton(lab).textContent(), 'Continue to 600 steps');
  assert.equal(await lab.getByLabel('Decay at step', { exact: true }).inputValue(), '150', 'the run goes on with the decay step it had');
  assert.deepEqual(await lab.getByRole('progressbar', { name: 'Training progress', exact: true }).evaluate((bar) => [bar.value, bar.max]), [300, 600]);  // not full any more
  await runButton(lab).click();
  await lab.locator('#final-losses', { hasText: 'After 600 steps' }).waitFor({ timeout: 60000 });
  const devSteps = await lab.locator('#loss-chart details tbody tr td:first-child').allTextContents();
  assert.deepEqual(devSteps, ['0', '300', '600'], 'the curve goes on: the model was not rebuilt');
  assert.deepEqual(problems, []);
});

test('a change of architecture says it needs a new model, and only then does Train start afresh', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 300);
  await setField(lab, 'Hidden H', 50);
  assert.match(await lab.locator('#run-note').textContent(), /You changed Hidden H: that needs a new model/);
  assert.equal(await runButton(lab).textContent(), 'Train a new model');
  await setField(lab, 'Hidden H', 200);  // back as it was: the current model fits again
  assert.equal(await lab.locator('#run-note').textContent(), 'The model has trained 300 steps: raise Steps to continue training it.');
  assert.deepEqual(problems, []);
});

test('five Pause and Continue clicks during a run give one run and one trained event', async () => {
  const { page, problems, lab } = await openLab();
  await page.evaluate(() => {
    window.trainedEvents = [];
    document.querySelector('embedding-lab').addEventListener('lab-trained', (event) => window.trainedEvents.push(event.detail.steps));
  });
  await startLongRun(lab, 30000);
  for (let i = 0; i < 5; i++) {
    await lab.getByRole('button', { name: 'Pause' }).click();
    await lab.locator('#progress-text', { hasText: 'Paused at step' }).waitFor({ timeout: 10000 });
    await runButton(lab).click();
  }
  await lab.locator('#final-losses', { hasText: 'After 30,000 steps' }).waitFor({ timeout: 120000 });
  await page.waitForTimeout(500);  // time for a second loop's event, if there were one
  assert.deepEqual(await page.evaluate(() => window.trainedEvents), [30000]);
  assert.deepEqual(problems, []);
});

test('a course page\'s stop-training goes the way of the Pause button', async () => {
  const { page, problems, lab } = await openLab();
  await startLongRun(lab);
  await page.evaluate(() => window.postMessage({ type: 'embedding-lab:stop-training' }, location.origin));
  await lab.locator('#progress-text', { hasText: 'Paused at step' }).waitFor({ timeout: 10000 });
  assert.match(await runButton(lab).textContent(), /^Continue to/);
  assert.deepEqual(problems, []);
});

// ---- Messages beside their controls, moving nothing ----

test('a message on leaving Steps moves no button: 999999, Tab, 3000, then a click on Train trains', async () => {
  const { problems, lab } = await openLab();
  const steps = lab.getByLabel('Steps', { exact: true });
  const train = lab.getByRole('button', { name: 'Train', exact: true });
  const place = () => train.evaluate((button) => button.getBoundingClientRect().top - button.closest('section').getBoundingClientRect().top);
  const before = await place();
  await steps.click();
  await steps.fill('999999');
  await steps.press('Tab');
  await lab.locator('#settings-message', { hasText: 'Steps “999999”' }).waitFor();
  assert.equal(await place(), before, 'the message did not move the button');
  await steps.click();
  await steps.fill('3000');
  await train.click();  // leaving the field clears the message on the way
  await lab.locator('#final-losses', { hasText: 'After 3,000 steps' }).waitFor({ timeout: 60000 });
  assert.equal(await lab.locator('#settings-message').textContent(), '');
  assert.deepEqual(problems, []);
});

test('a sampling message shows beside the Sample button and goes when a sample is drawn', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 200);
  await setField(lab, 'Temperature', -1);
  const message = lab.locator('#sample-message');
  assert.match(await message.textContent(), /Temperature “-1” is not a number from 0 to 5: it stays 1\./);
  const [button, box] = [await lab.getByRole('button', { name: 'Sample', exact: true }).boundingBox(), await message.boundingBox()];
  assert.ok(Math.abs(box.y - button.y) < 150, `the message is ${box.y - button.y} px from the button`);
  await sampleOnce(lab);
  assert.equal(await message.textContent(), '');
  assert.deepEqual(problems, []);
});

// ---- No stale state ----

test('after one step by hand, the progress line and the losses describe that step', async () => {
  const { problems, lab } = await openLab();
  await stepByHandAfter(lab, 100);
  assert.match(await lab.locator('#progress-text').textContent(), /^Step 101 of 100: one step taken by hand/);
  assert.match(await lab.locator('#final-losses').textContent(), /^After 101 steps \(the last one by hand\): dev loss \d\.\d{3}/);
  assert.deepEqual(problems, []);
});

test('loading a model clears the old run\'s curve, progress, samples and neighbours', async () => {
  const cli = fileURLToPath(new URL('../../build/native/cpp/cli/embedlab', import.meta.url));
  const names = fileURLToPath(new URL('../data/names.txt', import.meta.url));
  const model = join(tmpdir(), 'cli-model-small.json');
  execFileSync(cli, ['train', '--data', names, '--out', model, '--steps', '100', '--hidden', '20', '--embed', '4', '--seed', '5'], { stdio: 'pipe' });
  const { problems, lab } = await openLab();
  await trainFor(lab, 300);
  await sampleOnce(lab);
  await lab.locator('#scatter .scatter-choice[aria-label^="a:"]').click();
  await lab.locator('#neighbours', { hasText: 'Nearest to a' }).waitFor();
  await lab.getByLabel('Load a model file (JSON)').setInputFiles(model);
  await lab.locator('#model-message', { hasText: 'Loaded a model' }).waitFor();
  assert.equal(await lab.locator('#samples li').count(), 0, 'the samples of the old model are gone');
  assert.equal(await lab.locator('#neighbours').textContent(), '');
  assert.equal(await lab.locator('#loss-chart details tbody tr').count(), 0);
  assert.equal(await lab.locator('#final-losses').textContent(), '');
  assert.equal(await lab.getByRole('progressbar', { name: 'Training progress', exact: true }).evaluate((bar) => bar.value), 0);
  assert.equal(await lab.getByLabel('Embedding d', { exact: true }).inputValue(), '4');
  assert.equal(await runButton(lab).textContent(), 'Train a new model');
  assert.deepEqual(problems, []);
});

// ---- Hostile input and a worker that dies ----

test('a text too short for a dev split leaves the trained model, its losses and its map in place', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 200);
  const losses = await lab.locator('#final-losses').textContent();
  await lab.getByLabel('Dataset', { exact: true }).selectOption('own');
  await lab.getByLabel('Your own text, one example per line').fill('anna\nbob\ncarl');
  await runButton(lab).click();
  await lab.locator('#run-message', { hasText: 'The current model stays' }).waitFor({ timeout: 10000 });
  console.log(`# message for three lines: ${await lab.locator('#run-message').textContent()}`);
  assert.equal(await lab.locator('#final-losses').textContent(), losses);
  assert.equal(await lab.locator('#scatter text').count(), 27);
  await sampleOnce(lab);
  assert.deepEqual(problems, []);
});

test('a 100 MB hostile model file gives a short message, and the page still trains and samples', async () => {
  const { problems, lab } = await openLab();
  const huge = join(tmpdir(), 'hostile-100mb.json');
  writeFileSync(huge, `{"format": "${'A'.repeat(100 * 1024 * 1024)}"}`);
  await lab.getByLabel('Load a model file (JSON)').setInputFiles(huge);
  await lab.locator('#model-message', { hasText: 'Nothing was loaded' }).waitFor({ timeout: 30000 });
  assert.ok((await lab.locator('#model-message').textContent()).length < 200);
  const long = join(tmpdir(), 'hostile-1mb.json');
  writeFileSync(long, `{"format": "${'B'.repeat(1024 * 1024)}"}`);  // under the size cap: the core reads and refuses it
  await lab.getByLabel('Load a model file (JSON)').setInputFiles(long);
  await lab.locator('#model-message', { hasText: 'Nothing changed' }).waitFor({ timeout: 30000 });
  assert.ok((await lab.locator('#model-message').textContent()).length < 300, 'the message quotes at most a short part');
  await trainFor(lab, 200);
  await sampleOnce(lab);
  assert.deepEqual(problems, []);
});

/** A lab trained for `steps` steps, and its training worker (Playwright can run code inside it). */
async function trainedLabAndWorker(steps) {
  const { page, problems, lab } = await openLab();
  await trainFor(lab, steps);
  return { problems, lab, worker: page.workers()[0] };
}

test('a worker that dies is replaced, the page says so, and Train works again', async () => {
  const { problems, lab, worker } = await trainedLabAndWorker(200);
  await worker.evaluate(() => { setTimeout(() => { throw new Error('the core aborted'); }); });
  await lab.locator('#run-message', { hasText: 'The training worker stopped' }).waitFor({ timeout: 10000 });
  assert.equal(await lab.locator('#scatter text').count(), 0, 'the lost model is not drawn');
  assert.match(await lab.locator('#run-message').textContent(), /A fresh one has started/);
  assert.equal(await runButton(lab).textContent(), 'Train');
  await trainFor(lab, 200);
  await sampleOnce(lab);
  assert.deepEqual(problems, []);
});

test('an answer of the worker that the page does not know is reported, not swallowed', async () => {
  const { problems, lab, worker } = await trainedLabAndWorker(100);
  await worker.evaluate(() => self.postMessage({ type: 'mystery' }));
  await lab.locator('#run-message', { hasText: 'an answer this page does not know (“mystery”)' }).waitFor();
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^console: the training worker sent an unknown answer/);
});

// ---- The map and the explanations ----

test('the 2-D map does not mirror from one frame to the next during a run', async () => {
  const { page, problems, lab } = await openLab();
  await lab.locator('#scatter summary', { hasText: 'The coordinates' }).click();  // the table of the map's numbers is written only while open
  await page.evaluate(() => {
    window.frames2d = [];
    const table = document.querySelector('embedding-lab').shadowRoot.querySelector('#scatter tbody');
    new MutationObserver(() => window.frames2d.push([...table.rows].map((row) => [...row.cells].slice(1).map((cell) => Number(cell.textContent)))))
      .observe(table, { childList: true, subtree: true });
  });
  await trainFor(lab, 8000);
  const frames = (await page.evaluate(() => window.frames2d)).filter((frame) => frame.length === 27);
  const mirrored = frames.slice(1).flatMap((frame, i) => [0, 1].filter((axis) =>
    frame.reduce((sum, point, p) => sum + point[axis] * frames[i][p][axis], 0) < 0).map((axis) => `frame ${i + 1}, axis ${axis}`));
  console.log(`# ${frames.length} frames of the map, mirrored: ${mirrored.length}`);
  assert.ok(frames.length > 20);
  assert.deepEqual(mirrored, []);
  assert.deepEqual(problems, []);
});

test('the map\'s labels do not cover one another', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 3000);
  const boxes = await lab.locator('#scatter .scatter-label').evaluateAll((texts) => texts.map((t) => { const b = t.getBBox(); return [b.x, b.y, b.width, b.height]; }));
  const overlaps = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const area = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
    if (area > 0.25 * a[2] * a[3]) overlaps.push(area);
  }));
  assert.deepEqual(overlaps, []);
  assert.deepEqual(problems, []);
});

test('a click or Enter on a letter of the map shows its nearest neighbours by cosine in all d dimensions', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 1000);
  await lab.locator('#scatter .scatter-choice[aria-label^="a:"]').click();
  await lab.locator('#neighbours', { hasText: 'Nearest to a by cosine, in all 10 dimensions' }).waitFor();
  assert.equal(await lab.locator('#neighbours strong').count(), 5);
  await lab.locator('#scatter .scatter-choice[aria-label^="e:"]').focus();
  await lab.locator('#scatter .scatter-choice[aria-label^="e:"]').press('Enter');
  await lab.locator('#neighbours', { hasText: 'Nearest to e' }).waitFor();
  assert.deepEqual(problems, []);
});

test('the first loss is set against ln V, the loss of a uniform guess, which the core computes', async () => {
  const { problems, lab } = await openLab();
  const first = lab.locator('#final-losses');
  await lab.getByRole('button', { name: 'Reset to a random start' }).click();
  await first.filter({ hasText: 'Before training' }).waitFor();
  assert.match(await first.textContent(), /scores ln 27 = 3\.30\.$/);
  assert.deepEqual(problems, []);
});

test('the opened step colours the gradient by sign, with a legend, and its zero rows come from the core', async () => {
  const { problems, lab } = await openLab();
  await stepByHandAfter(lab, 100);
  const cells = await lab.locator('#opened-step tbody td').evaluateAll((tds) => tds.map((td) => [td.textContent, td.classList.contains('negative')]));
  assert.ok(cells.some(([, negative]) => negative));
  // a size under 0.0005 prints as 0.000 whatever its sign (and is all but uncoloured): the rest must agree
  const wrong = cells.filter(([text, negative]) => Number(text) !== 0 && negative !== text.startsWith('-'));
  assert.deepEqual(wrong, [], 'a cell is coloured negative exactly when its value is');
  assert.match(await lab.locator('#opened-step .heat-legend').textContent(), /positive .* negative/);
  const unlit = await lab.locator('#opened-step tbody tr:not(.lit) th').allTextContents();
  const listed = (await lab.locator('#opened-step p', { hasText: 'exactly zero' }).textContent()).match(/exactly zero: (.*)\.$/)[1];
  assert.equal(listed, unlit.join(' ') || 'none', 'the zero rows the core found are the rows of characters not in the batch');
  assert.deepEqual(problems, []);
});

test('under top-k, a step shows the renormalised probabilities drawn from, and ★ does not mark the drawn symbol', async () => {
  const { problems, lab } = await openLab();
  await trainFor(lab, 500);
  await lab.getByLabel('Top-k (0 = all)', { exact: true }).fill('3');
  await lab.getByRole('button', { name: 'Sample', exact: true }).click();
  await lab.locator('#samples button').first().click();
  const kept = await lab.locator('#step-through .bars tr:not(.dimmed) .value').allTextContents();
  assert.equal(kept.length, 3);
  const sum = kept.reduce((total, text) => total + Number(text.match(/^([\d.]+)%/)[1]), 0);
  assert.ok(Math.abs(sum - 100) < 0.3, `the kept probabilities add up to ${sum}%`);
  assert.match(kept[0], /\(model [\d.]+%\)/);
  assert.equal(await lab.locator('#step-through .bars tr.top').count(), 0);
  assert.equal(await lab.locator('#step-through .bars th', { hasText: '← drawn' }).count(), 1);
  assert.deepEqual(problems, []);
});

test('in dark mode the loss curve\'s axes are drawn in a light ink', async () => {
  const { page, problems } = await watchedPage(site.browser, site.server.url, { colorScheme: 'dark' });
  await page.goto(site.server.url);
  await page.locator('embedding-lab[ready]').waitFor({ timeout: 15000 });
  const lab = page.locator('embedding-lab');
  await trainFor(lab, 200);
  // the left strip of the canvas holds only the loss axis: its title and tick numbers
  const light = await lab.locator('#loss-chart canvas').evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, Math.round(canvas.width * 0.08), canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && Math.min(data[i], data[i + 1], data[i + 2]) > 170) count++;
    return count;
  });
  assert.ok(light > 100, `${light} light pixels in the axis strip`);
  await page.locator('embedding-lab').locator('#loss-chart').screenshot({ path: `${screenshots}/training-loss-chart-dark.png` });
  assert.deepEqual(problems, []);
});
