// Section 5 scored with section 8's word model, in headless Chromium: before any model the choice
// says why and stays on C; after training on the tiny corpus "feed the" puts cat and dog on top,
// T = 0 puts 100% on the top word, bad contexts are named and keep the bars; a model loaded in
// section 8 scores as it did trained; the bars follow the model as it trains; it fits 360 px in light and dark (screenshots in
// build/screenshots/).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { browserAndSite, layouts, openWatched, screenshots } from './harness.mjs';

const site = browserAndSite();
before(() => mkdirSync(screenshots, { recursive: true }));

async function openPage(options = {}) {
  const { page, problems } = await openWatched(site, { url: `${site.server.url}index.html#section=unembedding+learned`, ...options });
  return { page, problems, lab: page.locator('embedding-lab') };
}

async function trainToTheEnd(lab) {
  await lab.locator('#learned-run-controls button').first().click();
  await lab.locator('#learned-progress', { hasText: /^Finished/ }).waitFor({ timeout: 60000 });
}

/** The bars' words and their percentages, as the page shows them. */
async function bars(lab) {
  const words = await lab.locator('#word-bars th').allTextContents();
  const texts = await lab.locator('#word-bars td.value').allTextContents();
  return words.map((word, i) => [word, texts[i]]);
}

/** Waits until the bars show `context` read by the model (the answer to the latest question). */
async function scored(lab, read) {
  await lab.locator('#word-read', { hasText: new RegExp(`^${read}$`) }).waitFor();
}

test('before any word model the choice says to train one in section 8 and stays on C', async () => {
  const { lab, problems } = await openPage();
  await lab.getByLabel('Score with').selectOption('words');
  await lab.locator('#scoring-message', { hasText: 'train one in section 8 or load one there first' }).waitFor();
  assert.equal(await lab.getByLabel('Score with').inputValue(), 'table');
  assert.equal(await lab.locator('#word-scoring').isHidden(), true);
  assert.equal(await lab.locator('#probability-bars').isVisible(), true);
  assert.deepEqual(problems, []);
});

test('after training on the tiny corpus, "feed the" puts cat and dog on top, T = 0 puts 100% on one, and bad contexts keep the bars', async () => {
  const { lab, problems } = await openPage();
  await trainToTheEnd(lab);
  await lab.getByLabel('Score with').selectOption('words');
  await scored(lab, 'feed the \\. \\.');
  const first = await bars(lab);
  console.log(`# feed the -> ${first.slice(0, 4).map(([w, p]) => `${w} ${p}`).join(', ')}`);
  assert.equal(first.length, 10);
  assert.deepEqual(first.slice(0, 2).map(([word]) => word).sort(), ['cat', 'dog']);
  assert.match(await lab.locator('#top-word').textContent(), /^(cat|dog) with \d+\.\d%$/);
  assert.equal(await lab.locator('#word-logits tbody tr').count(), 10);

  await lab.getByLabel('Temperature T').fill('0');
  await lab.locator('#word-temperature-value', { hasText: /^0\.00$/ }).waitFor();
  const cold = await bars(lab);
  assert.equal(cold[0][1], '100.0%');
  assert.ok(cold.slice(1).every(([, p]) => p === '0.0%'), JSON.stringify(cold));
  assert.equal(await lab.locator('#word-entropy').textContent(), '0.00 bits');

  const context = lab.getByLabel('Context', { exact: true });
  for (const [typed, named] of [
    ['zebra qux', /no word the model reads is in its vocabulary \("zebra", "qux" would all be "<unk>"\)/],
    ['  ', /the context "  " has no words/],
    ['cat '.repeat(300), /the context is 1200 bytes long: at most 1000 are read/],
  ]) {
    await context.fill(typed);
    await lab.locator('#word-scoring-message', { hasText: named }).waitFor();
    assert.match(await lab.locator('#word-scoring-message').textContent(), /The bars stay as they were for “feed the”\.$/);
    assert.deepEqual(await bars(lab), cold);
  }
  await context.fill('pet zebra the');
  await scored(lab, '<unk> the \\. \\.');
  assert.equal(await lab.locator('#word-notes').textContent(), 'The model reads the last 2 words only: pet left out. Unknown word zebra → <unk>.');
  assert.equal(await lab.locator('#word-scoring-message').isHidden(), true);
  assert.deepEqual(problems, []);
});

test('the bars follow section 8\'s model as it trains, and the words about the table C hide while the word model scores', async () => {
  const { lab, problems } = await openPage();
  const aboutC = lab.getByText('Here the scores reuse the embedding table');
  assert.equal(await aboutC.isVisible(), true);
  await lab.getByRole('button', { name: 'Start again from random vectors' }).click();
  await lab.locator('#learned-progress', { hasText: 'Ready at step 0' }).waitFor();
  await lab.getByLabel('Score with').selectOption('words');
  await lab.locator('#word-steps', { hasText: /^at step 0$/ }).waitFor();
  assert.equal(await aboutC.isVisible(), false);
  const untrained = await bars(lab);
  await trainToTheEnd(lab);  // section 5 is not touched: it hears of each report and asks again
  await lab.locator('#word-steps', { hasText: /^at step 2,000$/ }).waitFor();
  const trained = await bars(lab);
  assert.notDeepEqual(trained, untrained);
  assert.deepEqual(trained.slice(0, 2).map(([word]) => word).sort(), ['cat', 'dog']);
  await lab.getByLabel('Score with').selectOption('table');
  assert.equal(await aboutC.isVisible(), true);
  assert.deepEqual(problems, []);
});

test('a word model loaded in section 8 scores as it did trained, and says it was loaded', async () => {
  const { page, lab, problems } = await openPage();
  await trainToTheEnd(lab);
  const choice = lab.getByLabel('Score with');
  await choice.selectOption('words');
  await scored(lab, 'feed the \\. \\.');
  const trained = await bars(lab);
  assert.equal(await lab.locator('#word-steps').textContent(), 'at step 2,000');
  const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: 'Download the word model (JSON)' }).click()]);
  await lab.getByRole('button', { name: 'Start again from random vectors' }).click();
  await lab.locator('#learned-progress', { hasText: 'Ready at step 0' }).waitFor();
  await lab.getByLabel('Load a word model file (JSON)').setInputFiles(await download.path());
  await lab.locator('#learned-keep-message', { hasText: /^Loaded/ }).waitFor();
  await choice.selectOption('table');
  await choice.selectOption('words');
  await lab.locator('#word-steps', { hasText: 'loaded from a file' }).waitFor();
  await scored(lab, 'feed the \\. \\.');
  assert.deepEqual(await bars(lab), trained);
  assert.deepEqual(problems, []);
});

test('the word model\'s view fits a phone and a desktop, in light and dark', async () => {
  const { page, lab, problems } = await openPage();
  await trainToTheEnd(lab);
  await lab.getByLabel('Score with').selectOption('words');
  await scored(lab, 'feed the \\. \\.');
  for (const { width, colorScheme } of layouts) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    await lab.locator('#unembedding').screenshot({ path: `${screenshots}/next-words-${width}-${colorScheme}.png` });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [width, width]);
  }
  assert.deepEqual(problems, []);
});
