// Section 6 on GloVe's real vectors in headless Chromium: the vectors load only when opened
// (also from file:// and under a strict Content-Security-Policy), king - man + woman ranks queen
// first with the inputs left out and king with them kept, an unknown word is named, and the
// section fits 1280 and 360 px, light and dark; a link or a course page's set-state carries the question.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { browserAndSite, layouts, openWatched, screenshots, siteDir, underStrictPolicy } from './harness.mjs';

const site = browserAndSite();
before(() => mkdirSync(screenshots, { recursive: true }));

/** The page, ready, with its problems and glove-20k.js's requests recorded. */
async function openPage(options = {}) {
  const { requests: gloveRequests, ...opened } = await openWatched(site, { ...options, watch: 'glove-20k.js' });
  return { ...opened, gloveRequests };
}

/** Opens the real vectors and waits for the first analogy's answers. */
async function openGlove(page) {
  await page.locator('#glove summary').click();
  await page.locator('#glove-answers li').first().waitFor({ timeout: 30000 });
}

const answers = (page) => page.locator('#glove-answers li').allTextContents();

test('GloVe is not loaded until its part of section 6 is opened', async () => {
  const { page, problems, gloveRequests } = await openPage();
  assert.deepEqual(gloveRequests, []);
  await openGlove(page);
  assert.equal(gloveRequests.length, 1);
  assert.match(await page.locator('#glove-status').textContent(), /^20,000 words of 100 numbers each/);
  assert.deepEqual(problems, []);
});

test('king - man + woman ranks queen first with the inputs left out, and king first with them kept', async () => {
  const { page, problems } = await openPage();
  await openGlove(page);
  const excluded = await answers(page);
  assert.equal(excluded[0], 'queen 0.770');
  assert.equal(excluded.length, 8);
  assert.ok(!excluded.some((line) => /^(king|man|woman) /.test(line)), excluded.join(', '));
  await page.getByLabel('keep the inputs among the answers').check();
  await page.locator('#glove-answers li', { hasText: 'king 0.836' }).first().waitFor();
  const kept = await answers(page);
  assert.deepEqual(kept.slice(0, 2), ['king 0.836', 'queen 0.770']);
  assert.deepEqual(problems, []);
});

test('the presets rank rome, swimming, dogs, and frankfurt before berlin', async () => {
  const { page, problems } = await openPage();
  await openGlove(page);
  for (const [preset, first] of [['paris − france + italy', 'rome 0.819'], ['walking − walk + swim', 'swimming 0.801'],
    ['cats − cat + dog', 'dogs 0.875'], ['tokyo − japan + germany', 'frankfurt 0.843']]) {
    await page.getByRole('button', { name: preset }).click();
    assert.equal((await answers(page))[0], first);
  }
  assert.equal((await answers(page))[1], 'berlin 0.819');
  assert.deepEqual(problems, []);
});

test('an unknown word is named, and a known word typed brings the answers back', async () => {
  const { page, problems } = await openPage();
  await openGlove(page);
  await page.getByLabel('GloVe a', { exact: true }).fill('qween');
  await page.getByLabel('GloVe a', { exact: true }).press('Enter');
  await page.locator('#glove-message', { hasText: 'qween' }).waitFor();
  assert.match(await page.locator('#glove-message').textContent(), /^the word "qween" is not among the table's 20000 words/);
  assert.equal(await page.locator('#glove-answers li').count(), 0);
  await page.getByLabel('GloVe a', { exact: true }).fill('king');
  await page.getByLabel('GloVe a', { exact: true }).press('Enter');
  await page.locator('#glove-answers li').first().waitFor();
  assert.equal(await page.locator('#glove-message').isHidden(), true);
  assert.deepEqual(problems, []);
});

test('a direction lists the words at each of its ends and places a typed word', async () => {
  const { page, problems } = await openPage();
  await openGlove(page);
  await page.locator('#glove-direction-to li').first().waitFor();
  assert.equal(await page.locator('#glove-direction-to li').count(), 8);
  assert.match(await page.locator('#glove-placed').textContent(), /^nurse: 0\.\d{3}, toward woman$/);
  await page.getByLabel('GloVe Place a word').fill('zzzq');
  await page.getByLabel('GloVe Place a word').press('Enter');
  assert.equal(await page.locator('#glove-placed').textContent(), 'the word "zzzq" is not among the table\'s 20000 words');
  await page.getByLabel('Direction').last().selectOption({ label: 'cats − cat' });
  await page.locator('#glove-direction-from li', { hasText: /^cat / }).first().waitFor();
  assert.deepEqual(problems, []);
});

test('GloVe loads from file:// and under a strict Content-Security-Policy', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  const local = await openPage({ url: `${folder}index.html`, origin: folder });
  await openGlove(local.page);
  assert.equal((await answers(local.page))[0], 'queen 0.770');
  await underStrictPolicy(async (strict) => {
    const policed = await openPage({ url: strict.url, origin: strict.url });
    await openGlove(policed.page);
    assert.equal((await answers(policed.page))[0], 'queen 0.770');
    assert.deepEqual([...local.problems, ...policed.problems], []);
  });
});

test('section 6 with GloVe fits a phone and a desktop, in light and dark', async () => {
  for (const { width, colorScheme } of layouts) {
    const { page, problems } = await openPage({ width, colorScheme });
    await openGlove(page);
    await page.locator('#glove-direction-to li').first().waitFor();
    await page.locator('embedding-lab').locator('#glove').screenshot({ path: `${screenshots}/glove-${width}-${colorScheme}.png` });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [width, width]);
    assert.deepEqual(problems, []);
  }
});

test('a link carries the GloVe question: it opens the vectors on it, and the hash follows what the reader sets', async () => {
  const { page, problems } = await openPage({ url: `${site.server.url}#gloveAnalogy=paris+france+italy&gloveKeep=true&gloveDirection=good-bad&glovePlace=engineer` });
  await page.locator('#glove-answers li').first().waitFor({ timeout: 30000 });
  assert.equal((await answers(page))[0], 'rome 0.819');
  assert.equal(await page.getByLabel('keep the inputs among the answers').isChecked(), true);
  assert.match(await page.locator('#glove-placed').textContent(), /^engineer: /);
  assert.match(await page.locator('#glove-direction-ends figcaption').first().textContent(), /^Most toward good$/);
  await page.getByRole('button', { name: 'cats − cat + dog' }).click();
  await page.waitForFunction(() => location.hash.includes('gloveAnalogy=cats+cat+dog'));
  await page.getByLabel('GloVe b', { exact: true }).fill('');
  await page.getByLabel('GloVe b', { exact: true }).press('Enter');
  assert.equal(await page.locator('#glove-message').textContent(), 'b is empty: type a word; the answers below are still those of cats, cat, dog.');
  assert.ok(page.url().includes('gloveAnalogy=cats+cat+dog'));
  assert.deepEqual(problems, []);
});

test('a course page sets the GloVe question with set-state, and a bad word is refused by name', async () => {
  const { page, problems } = await openPage();
  const errors = [];
  await page.exposeFunction('recordError', (detail) => errors.push(detail.notices));
  await page.evaluate(() => document.querySelector('embedding-lab').addEventListener('lab-error', (event) => window.recordError(event.detail)));
  await page.evaluate(() => window.postMessage({ type: 'embedding-lab:set-state', state: { gloveAnalogy: 'walking walk swim' } }, location.origin));
  await page.locator('#glove-answers li', { hasText: 'swimming 0.801' }).first().waitFor({ timeout: 30000 });
  await page.evaluate(() => window.postMessage({ type: 'embedding-lab:set-state', state: { glovePlace: 'two words' } }, location.origin));
  await expectSoon(() => errors.length === 1);
  assert.deepEqual(errors, [['glovePlace “two words” is not one word of 1 to 40 characters: the current value stays']]);
  assert.deepEqual(problems, []);
});

/** Waits until check() holds, for at most 5 s. */
async function expectSoon(check) {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 5000) throw new Error('waited 5 s in vain');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
