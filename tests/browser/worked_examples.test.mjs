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

test('a -0 in W leaves the product equal to the lookup but not bit for bit, and the verdict says so', async () => {
  const { page, problems } = await openPage();
  assert.match(await text(page, '#verdict'), /^identical: every entry of one_hot × W equals the lookup, bit for bit\./);
  await cell(page, 0, 0).fill('-0');  // the product adds 1 × -0 and 0 × ... = +0; the lookup copies -0
  assert.match(await text(page, '#verdict'), /^identical: .*only up to the sign of a zero/);
  assert.deepEqual(problems, []);
});

/** Contrast ratio (WCAG) of an element's text colour (fill for SVG) against the first opaque background behind it. */
function contrastOf(element) {
  const rgb = (text) => text.match(/[\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const style = getComputedStyle(element);
  const ink = rgb(element instanceof SVGElement ? style.fill : style.color);
  let behind = element;
  while (behind.nodeType === 1 && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentNode.host ?? behind.parentNode;
  const back = behind.nodeType === 1 ? rgb(getComputedStyle(behind).backgroundColor) : [255, 255, 255];
  const [l1, l2] = [luminance(ink), luminance(back)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

test('in dark mode the figures of sections 1-6 keep readable labels', async () => {
  const { page, problems } = await watchedPage(site.browser, site.server.url, { colorScheme: 'dark' });
  await page.goto(site.server.url);
  await page.waitForSelector('embedding-lab[ready]', { timeout: 15000 });
  await page.addScriptTag({ content: contrastOf.toString() });
  for (const selector of ['.vector-plot .tick', '.vector-plot .vector-label', '#direction-scores th', '#direction-scores .value',
    '#probability-bars th', '#logits thead th', '#logits tbody td', '#lookup-table thead th', '#one-hot figcaption']) {
    const ratio = await page.locator(selector).first().evaluate((element) => contrastOf(element));
    assert.ok(ratio >= 4.5, `${selector}: contrast ${ratio.toFixed(2)}`);
  }
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
  await page.getByRole('button', { name: 'Use the row of the last symbol' }).click();  // h = C[b]
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

const hField = (page, i) => page.getByLabel(`h[${i}]`, { exact: true });
const barValues = (page) => page.locator('#probability-bars .value').allTextContents();

test('the default h is not a row of C, and the line-up shows each row of C beside its logit', async () => {
  const { page, problems } = await openPage();
  assert.equal(await text(page, '#unembedding-h'), '[-0.50, 1.00]');
  // h . C[b] = -0.5 * -0.4 + 1 * 0.2 = 0.40; h . C[.] = 0.1 + 0.4 = 0.50, the largest
  const rows = await page.locator('#logits tbody tr').allTextContents();
  assert.deepEqual(rows, ['0 @0.10-0.20-0.25', '1 a0.000.300.30', '2 b-0.400.200.40', '3 c0.50-0.10-0.35', '4 .-0.200.400.50']);
  assert.match(await text(page, '#top-symbol'), /^\. with/);
  assert.match(await text(page, '#unembedding'), /another\s+617,558,016/);
  assert.deepEqual(problems, []);
});

test('inf in the row of c makes its logit -inf and its probability exactly 0, with bars, top and entropy updated', async () => {
  const { page, problems } = await openPage();
  const before = await barValues(page);
  await cell(page, 3, 0).fill('inf');  // c's logit: -0.5 * inf + 1 * -0.1 = -inf
  assert.equal(await page.locator('#logits tbody tr').nth(3).locator('td').last().textContent(), '-inf');
  const after = await barValues(page);
  assert.equal(after[3], '0.0%');
  assert.notDeepEqual(after, before);
  assert.equal(await page.locator('#softmax-message').isHidden(), true);  // a defined answer, no message
  assert.match(await text(page, '#top-symbol'), /^\. with 31\.3%/);  // e^0.5 / (e^-0.25 + e^0.3 + e^0.4 + e^0.5): c takes no share
  assert.notEqual(await text(page, '#entropy'), 'undefined');
  await page.locator('#unembedding').screenshot({ path: `${screenshots}/unembedding-inf.png` });
  assert.deepEqual(problems, []);
});

test('an h past float32 says what the core holds, and an undefined softmax leaves nothing stale', async () => {
  const { page, problems } = await openPage();
  await hField(page, 0).fill('1e308');
  assert.equal(await text(page, '#h-message'), '“1e308” is past float32\'s largest number (about 3.4e38): h[0] holds inf.');
  assert.equal(await text(page, '#unembedding-h'), '[inf, 1.00]');
  // @'s logit is inf * 0.1 - 0.2 = inf, a's inf * 0 + 0.3 = nan: no softmax exists, and the page says so
  assert.match(await text(page, '#softmax-message'), /^No probabilities: logits: inf at row 0, column 0 makes the softmax undefined \(inf \/ inf\)/);
  assert.deepEqual(await barValues(page), ['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  assert.equal(await text(page, '#entropy'), 'undefined');
  assert.doesNotMatch(await text(page, '#unembedding'), /-nan/);
  await hField(page, 0).fill('1e30');  // finite huge logits have a softmax: the largest is subtracted first
  assert.equal(await page.locator('#softmax-message').isHidden(), true);
  assert.equal(await text(page, '#top-symbol'), 'c with 100.0%');  // 1e30 * 0.5 is the largest logit
  assert.equal(await text(page, '#unembedding-h'), '[1.00e+30, 1.00]');
  assert.deepEqual(problems, []);
});

test('temperature 0 with tied logits shares the probability evenly, as a tiny temperature does', async () => {
  const { page, problems } = await openPage();
  await hField(page, 0).fill('0');
  await hField(page, 1).fill('0');
  await page.getByLabel('Temperature T').fill('0.05');
  assert.deepEqual(await barValues(page), ['20.0%', '20.0%', '20.0%', '20.0%', '20.0%']);
  await page.getByLabel('Temperature T').fill('0');
  assert.deepEqual(await barValues(page), ['20.0%', '20.0%', '20.0%', '20.0%', '20.0%']);
  assert.equal(await text(page, '#top-symbol'), '@, a, b, c, . tie with 20.0% each');
  assert.match(await text(page, '#unembedding'), /lowest id among the tied symbols: a convention/);
  assert.deepEqual(problems, []);
});

test('a number past float32 in W says the core holds inf, and the cell shows it', async () => {
  const { page, problems } = await openPage();
  await cell(page, 3, 1).fill('1e39');
  assert.equal(await text(page, '#table-message'), '“1e39” is past float32\'s largest number (about 3.4e38): W[3][1] holds inf.');
  await page.keyboard.press('Tab');
  assert.equal(await cell(page, 3, 1).inputValue(), 'inf');
  await cell(page, 3, 1).fill('abc');
  assert.equal(await text(page, '#table-message'), '“abc” is not a number: W[3][1] keeps inf.');
  await cell(page, 3, 1).fill('1e-50');
  assert.equal(await text(page, '#table-message'), '“1e-50” is below float32\'s smallest number (about 1.4e-45): W[3][1] holds 0.00.');
  await cell(page, 3, 1).fill('2');
  assert.equal(await page.locator('#table-message').isHidden(), true);
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
  assert.match(await text(page, '#numbering-rule'), /order of first appearance/);
  assert.match(await text(page, '#text'), /Id 104\s+sits next to 105 only because of the numbering rule/);
  await page.getByLabel('Tokens', { exact: true }).selectOption('characters');
  assert.equal(await text(page, '#token-ids'), '[1, 3, 4, 4, 5, 0, 7, 5, 6, 4, 2]');
  assert.equal(await text(page, '#sequence-shape'), '(11, 4)');
  await page.getByLabel('Text', { exact: true }).fill('');
  assert.match(await text(page, '#text-message'), /^the text is empty: there are no characters/);
  assert.equal(await text(page, '#sequence-shape'), '(11, 4)');  // the last good tensor stays
  assert.match(await text(page, '#numbering-rule'), /sorted order/);
  assert.match(await text(page, '#tokens'), /0 ␣/);  // the space as a glyph DejaVu and system fonts have
  await page.getByLabel('Text', { exact: true }).fill('<img src=x onerror=alert(1)>');
  assert.equal(await page.locator('#tokens img').count(), 0);  // shown as text, never as HTML
  assert.deepEqual(problems, []);
});

const vectorField = (page, name) => page.getByLabel(name, { exact: true });

/** The angle in degrees between the drawn arrows of a and b (origin to tip), read from the SVG. */
function drawnAngle() {
  const plot = document.querySelector('embedding-lab').shadowRoot.querySelector('.vector-plot');
  const [a, b] = ['a', 'b'].map((name) => {
    const line = plot.querySelector(`line.vector-${name}`), tip = plot.querySelector(`[data-name="${name}"]`).points.getItem(0);
    return [tip.x - line.x1.baseVal.value, line.y1.baseVal.value - tip.y];
  });
  return Math.abs(Math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1])) * 180 / Math.PI;
}

/** Whether every arrow's tip lies inside the plot's view box. */
function arrowsInside() {
  const plot = document.querySelector('embedding-lab').shadowRoot.querySelector('.vector-plot');
  const box = plot.viewBox.baseVal;
  return [...plot.querySelectorAll('.arrow-head')].every((head) => {
    const { x, y } = head.points.getItem(0);
    return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
  });
}

test('the vector plot scales to a = [100, 0.5] and draws it at its true 63.1° from b, with ticks', async () => {
  const { page, problems } = await openPage();
  await vectorField(page, 'a[0]').fill('100');
  await vectorField(page, 'a[1]').fill('0.5');
  assert.match(await text(page, '#dot-result'), /angle 63\.1°/);
  assert.ok(Math.abs(await page.evaluate(drawnAngle) - 63.15) < 0.5);
  assert.equal(await page.evaluate(arrowsInside), true);
  const ticks = await page.locator('.vector-plot .tick').allTextContents();
  assert.ok(ticks.includes('100'), `ticks ${ticks}`);
  await page.locator('#directions .figure-row').first().screenshot({ path: `${screenshots}/vector-plot-100.png` });
  assert.deepEqual(problems, []);
});

test('vectors too large for float32 are refused by name, and large ones keep a true angle', async () => {
  const { page, problems } = await openPage();
  await vectorField(page, 'a[0]').fill('1e200');
  assert.equal(await text(page, '#vector-controls .message'), '“1e200” is past float32\'s largest number (about 3.4e38): a[0] keeps 2.00.');
  assert.doesNotMatch(await text(page, '#dot-result'), /nan/);
  await vectorField(page, 'a[0]').fill('1e30');  // |a|^2 = 1e60 overflows float32: the core scales first
  await vectorField(page, 'a[1]').fill('0');
  assert.match(await text(page, '#dot-result'), /angle 63\.4°/);  // b = [1, 2]: atan(2)
  assert.equal(await page.evaluate(arrowsInside), true);
  await vectorField(page, 'b[0]').fill('1e30');
  assert.match(await text(page, '#dot-result'), /a · b = inf \(past float32's largest number, about 3\.4e38\), positive/);
  assert.deepEqual(problems, []);
});

test('direction bars are signed around zero and say they are dot products', async () => {
  const { page, problems } = await openPage();
  await page.getByLabel('Direction', { exact: true }).selectOption({ label: 'royal: king − man' });
  const boy = page.locator('#direction-scores tr', { hasText: /^boy/ });
  const king = page.locator('#direction-scores tr', { hasText: /^king/ }).first();
  assert.equal(await boy.locator('.value').textContent(), '-0.04');
  const side = (row) => row.locator('.bar').evaluate((bar) => {
    const track = bar.parentElement.getBoundingClientRect(), box = bar.getBoundingClientRect();
    return box.left + box.width / 2 < track.left + track.width / 2 ? 'left' : 'right';
  });
  assert.equal(await side(boy), 'left');
  assert.equal(await side(king), 'right');
  assert.match(await text(page, '#direction-caption'), /dot product \(king − man\) · word/);
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

/** For each operator of a row of controls or a product: whether it sits on the line of the element after it. */
function operatorsWithOperands(selector) {
  const root = document.querySelector('embedding-lab').shadowRoot;
  return [...root.querySelectorAll(`${selector} .operator`)].map((operator) => {
    const next = operator.nextElementSibling ?? operator.parentElement.nextElementSibling;
    const a = operator.getBoundingClientRect(), b = next.getBoundingClientRect();
    return { sign: operator.textContent, sameLineAsNext: a.top < b.bottom && b.top < a.bottom, leftOfNext: a.right <= b.left + 1 };
  });
}

test('at 360 px the operators of section 2 sit on their own lines and the analogy keeps each sign with its word', async () => {
  const { page, problems } = await openPage({ width: 360 });
  for (const { sign, sameLineAsNext } of await page.evaluate(operatorsWithOperands, '#product-figure')) {
    assert.equal(sameLineAsNext, false, `${sign} floats beside a matrix`);
  }
  for (const { sign, sameLineAsNext, leftOfNext } of await page.evaluate(operatorsWithOperands, '#analogy-controls')) {
    assert.ok(sameLineAsNext && leftOfNext, `${sign} is not beside its word`);
  }
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

test('at desktop width each section shows its first result from the core (screenshots in build/screenshots)', async () => {
  const { page, problems } = await openPage();
  // one result per section that only appears once the core has computed it
  const firstResult = { lookup: ['#concatenation', /\d/], 'one-hot': ['#verdict', /^identical/], cost: ['#cost-table', /\d/],
    text: ['#token-ids', /\d/], unembedding: ['#top-symbol', /\d/], directions: ['#dot-result', /\d/] };
  for (const [id, [result, expected]] of Object.entries(firstResult)) {
    assert.match(await text(page, result), expected, `section ${id}: ${result}`);
    const { width, height } = await page.locator(`#${id}`).boundingBox();
    assert.ok(width > 600 && height > 200, `section ${id} is ${width} x ${height} px`);
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
