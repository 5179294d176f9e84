// The worked-examples page in headless Chromium, as a reader uses it: the source's numbers on
// screen, editing the table, the keyboard, temperature 0, and a narrow phone screen.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { browserAndSite, screenshots, siteDir, watchedPage } from './harness.mjs';

const site = browserAndSite();
before(() => mkdirSync(screenshots, { recursive: true }));

/** The focused element, looking inside shadow roots (the lab lives in one). */
function deepActiveElement() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The page, ready, with its problems (console errors, outside requests) being recorded. */
async function openPage({ url = site.server.url, origin = site.server.url, width = 1280 } = {}) {
  const { page, problems } = await watchedPage(site.browser, origin);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  await page.addScriptTag({ content: deepActiveElement.toString() });
  await page.waitForSelector('embedding-lab[ready]', { timeout: 15000 });
  return { page, problems };
}

const text = (page, selector) => page.locator(selector).textContent();
const cell = (page, r, c) => page.getByLabel(`W[${r}][${c}]`, { exact: true });

test('section 1 shows the row of b and the concatenated context of @ a b', async () => {
  const { page, problems } = await openPage();
  assert.equal(await text(page, '#spotlight-row'), '[-0.40, 0.20]');
  assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]');
  assert.equal(await text(page, '#context-shape'), '(3, 2)');
  assert.equal(await text(page, '#concat-shape'), '(6,)');
  assert.match(await text(page, '#pytorch-lookup'), /emb = C\[Xb\] +# shape: \(3, 2\)\nx   = emb\.view\(-1\) +# shape: \(6,\)/);
  await page.getByLabel('Block size B').selectOption('4');
  assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20, 0.10, -0.20]');
  assert.deepEqual(problems, []);
});

test('the keyboard alone reaches the id spotlight, with visible focus', async () => {
  const { page, problems } = await openPage();
  let focused = '';
  for (let i = 0; i < 30 && !focused.startsWith('id '); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => deepActiveElement()?.getAttribute('title') ?? '');
  }
  assert.equal(focused, 'id 0, symbol @');
  assert.equal(await text(page, '#spotlight-row'), '[0.10, -0.20]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await text(page, '#spotlight-row'), '[0.50, -0.10]');  // id 3, 'c'
  const outline = await page.evaluate(() => getComputedStyle(deepActiveElement()).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(problems, []);
});

test('editing a cell of C changes both paths and the verdict stays identical', async () => {
  const { page, problems } = await openPage();
  await cell(page, 0, 0).fill('0.75');
  const productRow = await page.locator('#product-figure figure').nth(2).locator('tbody tr').first().textContent();
  const lookupRow = await page.locator('#product-figure figure').nth(3).locator('tbody tr').first().textContent();
  assert.equal(productRow, '@ (0)0.75-0.20');
  assert.equal(lookupRow, '@ (0)0.75-0.20');
  assert.match(await text(page, '#verdict'), /^identical/);
  assert.equal(await text(page, '#concatenation'), '[0.75, -0.20, 0.00, 0.30, -0.40, 0.20]');  // the table is shared
  await page.screenshot({ path: `${screenshots}/edited-cell.png` });
  assert.deepEqual(problems, []);
});

test('a non-number in a cell shows a message and keeps the previous value', async () => {
  const { page, problems } = await openPage();
  await cell(page, 1, 1).fill('abc');
  assert.equal(await text(page, '#table-message'), '“abc” is not a number: W[1][1] keeps 0.30.');
  assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, 1, 1).inputValue(), '0.30');
  await cell(page, 2, 0).fill('-0.5');  // the page keeps working
  assert.equal(await text(page, '#spotlight-row'), '[-0.50, 0.20]');
  assert.deepEqual(problems, []);
});

test('inf in a row the context does not use makes the product differ from the lookup', async () => {
  const { page, problems } = await openPage();
  await cell(page, 3, 0).fill('inf');
  assert.match(await text(page, '#verdict'), /^different: 3 entries differ, first at row 0, column 0: the product gives nan, the lookup 0\.10/);
  await page.locator('#one-hot').screenshot({ path: `${screenshots}/one-hot-inf.png` });
  await page.getByRole('button', { name: "Restore the source's numbers" }).click();
  assert.match(await text(page, '#verdict'), /^identical/);
  assert.deepEqual(problems, []);
});

test('temperature 0 puts one bar at 100% and the entropy at 0 bits', async () => {
  const { page, problems } = await openPage();
  assert.equal(await text(page, '#entropy'), '2.31 bits');
  await page.getByLabel('Temperature T').fill('0');
  const values = await page.locator('#probability-bars .value').allTextContents();
  assert.deepEqual(values, ['0.0%', '0.0%', '100.0%', '0.0%', '0.0%']);
  assert.equal(await text(page, '#top-symbol'), 'b with 100.0%');
  assert.equal(await text(page, '#entropy'), '0.00 bits');
  await page.getByLabel('Temperature T').fill('5');
  assert.ok(Number.parseFloat(await text(page, '#entropy')) > 2.3);  // nearly uniform: near log2 5 = 2.32
  assert.deepEqual(problems, []);
});

test('the cost table shows GPT-3 and the browser measures both paths', async () => {
  const { page, problems } = await openPage();
  assert.match(await text(page, '#cost-table'), /617,558,016/);
  await page.getByRole('button', { name: 'Measure lookup against one-hot × W' }).click();
  await page.locator('#time-ratio').waitFor({ timeout: 30000 });
  assert.match(await text(page, '#measurement'), /identical, checked/);
  console.log(`# measured in Chromium: ${(await text(page, '#measurement')).replace(/\s+/g, ' ')}`);
  assert.deepEqual(problems, []);
});

test('text becomes ids and a stacked sequence matrix; Hello world gives [0, 1]', async () => {
  const { page, problems } = await openPage();
  assert.equal(await text(page, '#token-ids'), '[0, 1]');
  assert.equal(await text(page, '#sequence-shape'), '(2, 4)');
  await page.getByLabel('Tokens', { exact: true }).selectOption('characters');
  assert.equal(await text(page, '#token-ids'), '[1, 3, 4, 4, 5, 0, 7, 5, 6, 4, 2]');
  assert.equal(await text(page, '#sequence-shape'), '(11, 4)');
  await page.getByLabel('Text', { exact: true }).fill('');
  assert.match(await text(page, '#text-message'), /^the text is empty: there are no characters/);
  assert.equal(await text(page, '#sequence-shape'), '(11, 4)');  // the last good tensor stays
  await page.getByLabel('Text', { exact: true }).fill('<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('#tokens img').count(), 0);  // shown as text, never as HTML
  assert.deepEqual(problems, []);
});

test('dot products and the analogy king - man + woman = queen', async () => {
  const { page, problems } = await openPage();
  assert.equal(await text(page, '#dot-value'), '4.00');
  await page.getByRole('button', { name: 'Perpendicular' }).click();
  assert.match(await text(page, '#dot-result'), /= 0\.00, zero: they are perpendicular, angle 90\.0°/);
  await page.getByRole('button', { name: 'Opposed' }).click();
  assert.match(await text(page, '#dot-result'), /negative/);
  assert.equal(await text(page, '#analogy-answer'), 'queen');
  await page.getByLabel('c', { exact: true }).selectOption({ label: 'men' });
  assert.equal(await text(page, '#analogy-answer'), 'kings');
  assert.deepEqual(problems, []);
});

test('each section fits a 360 px screen without horizontal scrolling', async () => {
  const { page, problems } = await openPage({ width: 360 });
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [360, 360]);
  for (const id of ['lookup', 'one-hot', 'cost', 'text', 'unembedding', 'directions']) {
    await page.locator(`#${id}`).screenshot({ path: `${screenshots}/360-${id}.png` });
  }
  assert.deepEqual(problems, []);
});

test('at desktop width every section renders (screenshots in build/screenshots)', async () => {
  const { page, problems } = await openPage();
  for (const id of ['lookup', 'one-hot', 'cost', 'text', 'unembedding', 'directions']) {
    await page.locator(`#${id}`).screenshot({ path: `${screenshots}/${id}.png` });
  }
  assert.deepEqual(problems, []);
});

test('opened from file:// with no server, the core still starts', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  const { page, problems } = await openPage({ url: `${folder}index.html`, origin: folder });
  assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]');
  assert.deepEqual(problems, []);
});
