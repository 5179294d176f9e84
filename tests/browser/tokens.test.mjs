// Section 4's tokenizers in headless Chromium: GPT-2's real ids for a text, loaded only when
// chosen (also from file:// and under a strict Content-Security-Policy), the spotlight of a
// token's id and rows, and screenshots at 1280 and 360 px, light and dark.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { browserAndSite, layouts, openWatched, screenshots, siteDir, underStrictPolicy } from './harness.mjs';

const site = browserAndSite();
before(() => mkdirSync(screenshots, { recursive: true }));

/** The page opened at section 4, ready, with its problems and the GPT-2 data's requests recorded. */
async function openText(options = {}) {
  const { requests: gpt2Requests, ...opened } = await openWatched(site, { ...options, watch: 'gpt2-bpe.js' });
  return { ...opened, gpt2Requests };
}

const text = (page, selector) => page.locator(selector).textContent();

/** Chooses GPT-2's tokenizer and waits until its ids are drawn. */
async function chooseGpt2(page) {
  await page.getByLabel('Tokens', { exact: true }).selectOption('gpt2');
  await page.locator('#numbering-rule', { hasText: 'GPT-2' }).waitFor({ timeout: 15000 });
}

/** The page with GPT-2's tokens of text drawn, once their ids read `ids`. */
async function gpt2Tokens(text, ids) {
  const opened = await openText();
  await chooseGpt2(opened.page);
  await opened.page.getByLabel('Text', { exact: true }).fill(text);
  await opened.page.locator('#token-ids', { hasText: ids }).waitFor();
  return opened;
}

test('the GPT-2 data is not loaded until the GPT-2 tokenizer is chosen', async () => {
  const { page, problems, gpt2Requests } = await openText();
  assert.equal(await text(page, '#token-ids'), '[0, 1]');
  assert.deepEqual(gpt2Requests, []);
  await chooseGpt2(page);
  assert.equal(gpt2Requests.length, 1);
  assert.deepEqual(problems, []);
});

test('GPT-2 BPE gives Hello world the real ids 15496 and 995, in a table of 50,257 rows', async () => {
  const { page, problems } = await openText();
  await chooseGpt2(page);
  assert.equal(await text(page, '#token-ids'), '[15496, 995]');
  assert.deepEqual(await page.locator('#tokens .chip').allTextContents(), ['15496 Hello', '995 ␣world']);
  assert.equal(await text(page, '#token-count'), '2 tokens for 11 characters');
  assert.equal(await text(page, '#text-table-shape'), '(50257, 4)');
  assert.match(await text(page, '#text-table-rows'), /the 2 rows this text uses.*stand-ins for GPT-2’s learned weights/);
  assert.equal(await text(page, '#sequence-shape'), '(2, 4)');
  assert.deepEqual(problems, []);
});

test('a rare word is cut into parts, and an emoji into byte tokens', async () => {
  const { page, problems } = await gpt2Tokens(' unembedding 😀', '[555, 20521, 12083, 30325, 222]');
  assert.deepEqual(await page.locator('#tokens .chip').allTextContents(),
    ['555 ␣un', '20521 embed', '12083 ding', '30325 ␣\\xF0\\x9F\\x98', '222 \\x80']);
  assert.equal(await text(page, '#token-count'), '5 tokens for 14 characters');
  assert.deepEqual(problems, []);
});

test('focusing a token spotlights its id and its rows of the table and of the sequence matrix', async () => {
  const { page, problems } = await gpt2Tokens('to be or not to be', '[1462, 307, 393, 407, 284, 307]');
  await page.locator('#tokens .chip').nth(4).focus();  // the second "␣to", id 284
  assert.equal(await page.locator('#tokens .chip[aria-pressed="true"]').textContent(), '284 ␣to');
  assert.deepEqual(await page.locator('#token-ids .id.lit').allTextContents(), ['284']);
  // The table shows the 5 distinct ids in order (284, 307, 393, 407, 1462): 284 is its first row.
  assert.deepEqual(await page.locator('#text-table tr.lit th').allTextContents(), ['284 ␣to']);
  assert.deepEqual(await page.locator('#sequence-matrix tbody tr').evaluateAll((rows) => rows.map((r) => r.classList.contains('lit'))),
    [false, false, false, false, true, false]);
  assert.deepEqual(problems, []);
});

test('invalid text keeps the last tensor, and switching back to words numbers the text itself', async () => {
  const { page, problems } = await openText();
  await chooseGpt2(page);
  await page.getByLabel('Text', { exact: true }).fill('');
  await page.locator('#text-message', { hasText: 'the text is empty' }).waitFor();
  assert.equal(await text(page, '#token-ids'), '[15496, 995]');
  await page.getByLabel('Text', { exact: true }).fill('Hello world');
  await page.getByLabel('Tokens', { exact: true }).selectOption('words');
  assert.equal(await text(page, '#token-ids'), '[0, 1]');
  assert.equal(await text(page, '#text-table-shape'), '(2, 4)');
  assert.deepEqual(problems, []);
});

test('a set-state message that chooses GPT-2 and a text shows both in the controls', async () => {
  const { page, problems } = await openText();
  await page.evaluate(() => window.postMessage({ type: 'embedding-lab:set-state', state: { tokenizer: 'gpt2', sentence: 'Hi there' } }, location.origin));
  await page.locator('#token-ids', { hasText: '[17250, 612]' }).waitFor({ timeout: 15000 });
  assert.equal(await page.getByLabel('Tokens', { exact: true }).inputValue(), 'gpt2');
  assert.equal(await page.getByLabel('Text', { exact: true }).inputValue(), 'Hi there');
  assert.deepEqual(problems, []);
});

test('the GPT-2 data loads from file:// and under a strict Content-Security-Policy', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  const local = await openText({ url: `${folder}index.html#tokenizer=gpt2`, origin: folder });
  await local.page.locator('#token-ids', { hasText: '[15496, 995]' }).waitFor({ timeout: 15000 });
  await underStrictPolicy(async (strict) => {
    const policed = await openText({ url: `${strict.url}#tokenizer=gpt2`, origin: strict.url });
    await policed.page.locator('#token-ids', { hasText: '[15496, 995]' }).waitFor({ timeout: 15000 });
    assert.deepEqual([...local.problems, ...policed.problems], []);
  });
});

test('section 4 with GPT-2 tokens fits a phone and a desktop, in light and dark', async () => {
  for (const { width, colorScheme } of layouts) {
    const { page, problems } = await openText({ width, colorScheme });
    await chooseGpt2(page);
    await page.getByLabel('Text', { exact: true }).fill('Tokens: words, parts of words, 50,257 of them 😀');
    await page.locator('#token-count', { hasText: 'tokens for 47 characters' }).waitFor();
    await page.locator('#tokens .chip').nth(3).focus();
    const section = page.locator('embedding-lab').locator('#text');
    await section.screenshot({ path: `${screenshots}/tokens-${width}-${colorScheme}.png` });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [width, width]);
    assert.deepEqual(problems, []);
  }
});
