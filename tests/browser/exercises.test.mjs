// The exercises as a student meets them: a wrong answer gets the hint, a right one the
// explanation with the core's figure, what does not parse is named and not counted; progress
// survives a reload; a course page hears exercise-answered from an iframe on another origin and
// asks for the progress; the exercises hide when a course page turns them off; keyboard only, 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserAndSite, iframeOnAnotherOrigin, layouts, openWatched, screenshots, watchedPage } from './harness.mjs';

const site = browserAndSite();
const openPage = (options = {}) => openWatched(site, options);

/** The exercise's answer box and Check button, and its result line. */
function exercise(page, id) {
  const item = page.locator('embedding-lab').locator(`#exercise-${id}`);
  return { item, input: item.getByRole('textbox'), check: item.getByRole('button', { name: /^Check/ }), result: item.locator('.result'), message: item.locator('.message') };
}

test('a wrong answer gets the hint, garbage is named and not counted, the right answer the explanation', async () => {
  const { page, problems } = await openPage();
  const events = [];
  await page.exposeFunction('recordAnswer', (detail) => events.push(detail));
  await page.evaluate(() => document.querySelector('embedding-lab').addEventListener('lab-exercise-answered', (event) => window.recordAnswer(event.detail)));
  const row = exercise(page, 'lookup-row');
  await row.input.fill('[0.5, 0.1]');
  await row.check.click();
  await row.result.filter({ hasText: 'Not yet (try 1). Hint: Ids start at 0' }).waitFor();
  await row.input.fill('half and a bit');
  await row.check.click();
  assert.equal(await row.message.textContent(), '“half” is not a number (in “half and a bit”). Nothing was counted: try again.');
  await row.input.fill('(.5, −.1)');
  await row.input.press('Enter');
  await row.result.filter({ hasText: 'Right. C[3] = [0.50, -0.10]: row 3 of C' }).waitFor();
  assert.equal(await row.message.isHidden(), true);
  assert.deepEqual(events.map(({ id, correct, tries }) => ({ id, correct, tries })),
    [{ id: 'lookup-row', correct: false, tries: 1 }, { id: 'lookup-row', correct: true, tries: 2 }]);
  await row.item.getByRole('button', { name: 'Show it on the page' }).click();
  assert.equal(await page.locator('embedding-lab').locator('#spotlight-id').textContent(), '3');
  assert.deepEqual(problems, []);
});

test('a symbol, a count with commas, and a setting of the page are graded by the core', async () => {
  const { page, problems } = await openPage();
  const top = exercise(page, 'unembedding-top');
  await top.input.fill('b');
  await top.check.click();
  await top.result.filter({ hasText: 'Not yet' }).waitFor();
  await top.input.fill('.');
  await top.check.click();
  await top.result.filter({ hasText: 'Right. “.”' }).waitFor();
  const product = exercise(page, 'cost-gpt3-product');
  await product.input.fill('617,558,016');
  await product.check.click();
  await product.result.filter({ hasText: 'Right. V × d = 617,558,016 multiply-adds' }).waitFor();
  const temperature = exercise(page, 'unembedding-temperature');
  await temperature.check.click();
  await temperature.result.filter({ hasText: 'Not yet (try 1)' }).waitFor();
  await page.locator('embedding-lab').getByLabel('Temperature T').fill('0');
  await temperature.check.click();
  await temperature.result.filter({ hasText: 'Right. The top symbol now has 100.0% of the probability' }).waitFor();
  assert.deepEqual(problems, []);
});

test('progress survives a reload and the reset button forgets it', async () => {
  const { page, problems } = await openPage();
  const length = exercise(page, 'lookup-length');
  await length.input.fill('6');
  await length.check.click();
  await length.result.filter({ hasText: 'Right.' }).waitFor();
  await page.reload();
  await page.waitForSelector('embedding-lab[ready]');
  const summary = page.locator('embedding-lab').locator('#lookup .exercises-summary');
  assert.match(await summary.textContent(), /^1 of 3 right, kept in this browser only/);
  assert.equal(await exercise(page, 'lookup-length').result.textContent(), 'Answered right before in this browser.');
  await summary.getByRole('button', { name: 'Reset my progress' }).click();
  assert.match(await summary.textContent(), /^0 of 3 right/);
  assert.equal(await exercise(page, 'lookup-length').result.textContent(), '');
  assert.deepEqual(problems, []);
});

test('a course page on another origin hears exercise-answered and gets the progress', async () => {
  const { lab, parent } = await iframeOnAnotherOrigin(() => 'section=lookup&exercises=on');
  try {
    const { page, problems } = await watchedPage(site.browser, [parent.origin, lab.origin]);
    await page.goto(`${parent.origin}/host.html`);
    await page.evaluate(() => { window.heard = []; addEventListener('message', (event) => window.heard.push(event.data)); });
    const frame = page.frameLocator('iframe');
    await frame.locator('embedding-lab[ready]').waitFor();
    const item = frame.locator('embedding-lab').locator('#exercise-lookup-length');
    await item.getByRole('textbox').fill('5');
    await item.getByRole('button', { name: 'Check' }).click();
    await page.waitForFunction(() => window.heard.some((data) => data.type === 'embedding-lab:exercise-answered'));
    const answered = await page.evaluate(() => window.heard.find((data) => data.type === 'embedding-lab:exercise-answered'));
    assert.deepEqual([answered.id, answered.correct, answered.tries], ['lookup-length', false, 1]);
    await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'embedding-lab:get-progress' }, '*'));
    await page.waitForFunction(() => window.heard.some((data) => data.type === 'embedding-lab:progress'));
    const progress = await page.evaluate(() => window.heard.find((data) => data.type === 'embedding-lab:progress').progress);
    assert.deepEqual(progress, { 'lookup-length': { tries: 1, correct: false } });
    assert.deepEqual(problems, []);
  } finally {
    await lab.close();
    await parent.close();
  }
});

test('exercises are off in an embedded section unless the course page turns them on', async () => {
  const { page, problems } = await openPage({ url: `${site.server.url}embed.html#section=lookup` });
  assert.equal(await page.locator('embedding-lab').locator('#lookup .exercises').isHidden(), true);
  const on = await openPage({ url: `${site.server.url}embed.html#section=lookup&exercises=on` });
  assert.equal(await on.page.locator('embedding-lab').locator('#lookup .exercises').isVisible(), true);
  const off = await openPage({ url: `${site.server.url}#exercises=off` });
  assert.equal(await off.page.locator('embedding-lab').locator('.exercises').first().isHidden(), true);
  assert.deepEqual([...problems, ...on.problems, ...off.problems], []);
});

test('keyboard only: Tab reaches the answer box, Enter checks', async () => {
  const { page, problems } = await openPage({ url: `${site.server.url}#section=cost&exercises=on` });
  await page.locator('embedding-lab').locator('#exercise-cost-gpt3-lookup').getByRole('textbox').focus();
  await page.keyboard.type('12288');
  await page.keyboard.press('Enter');
  const item = exercise(page, 'cost-gpt3-lookup');
  await item.result.filter({ hasText: 'Right. d = 12,288 numbers' }).waitFor();
  await page.keyboard.press('Tab');  // to Check
  await page.keyboard.press('Tab');  // to Show it on the page
  assert.equal(await page.evaluate(() => document.querySelector('embedding-lab').shadowRoot.activeElement.textContent), 'Show it on the page');
  assert.deepEqual(problems, []);
});

test('the exercises fit a phone and a desktop, in light and dark', async () => {
  for (const { width, colorScheme } of layouts) {
    const { page, problems } = await openPage({ width, colorScheme });
    const row = exercise(page, 'lookup-row');
    await row.input.fill('1 2');
    await row.check.click();
    await row.result.filter({ hasText: 'Not yet' }).waitFor();
    await page.locator('embedding-lab').locator('#lookup .exercises').screenshot({ path: `${screenshots}/exercises-${width}-${colorScheme}.png` });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [width, width]);
    assert.deepEqual(problems, []);
  }
});

test('exercises=only keeps the figures, controls and exercises and hides the prose', async () => {
  const { page, problems } = await openPage({ url: `${site.server.url}#exercises=only` });
  const lab = page.locator('embedding-lab');
  assert.equal(await lab.locator('#lookup .exercises').isVisible(), true);
  assert.equal(await lab.locator('#spotlight-row').isVisible(), true);
  assert.equal(await lab.locator('#context-builder').isVisible(), true);
  assert.equal(await lab.getByText('Embedding a symbol is nothing').isVisible(), false);
  await lab.locator('#lookup').screenshot({ path: `${screenshots}/exercises-only.png` });
  assert.deepEqual(problems, []);
});

test('a section prints as a worksheet: its prompts, no answers, no other section', async () => {
  const { page, problems } = await openPage();
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  const lab = page.locator('embedding-lab');
  const row = exercise(page, 'lookup-row');
  await row.input.fill('0.5 -0.1');
  await row.check.click();
  await row.result.filter({ hasText: 'Right.' }).waitFor();
  await lab.locator('#unembedding .exercises').getByRole('button', { name: 'Print as a worksheet' }).click();
  assert.equal(await page.evaluate(() => window.printed), true);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await lab.locator('#exercise-unembedding-logit .prompt').isVisible(), true);
  assert.equal(await lab.locator('#unembedding h2').isVisible(), true);
  assert.equal(await lab.locator('#exercise-unembedding-logit').getByRole('textbox').isVisible(), false);
  assert.equal(await lab.locator('#probability-bars').isVisible(), false);
  assert.equal(await lab.locator('#lookup').isVisible(), false);  // another section, answered or not
  assert.equal(await lab.locator('nav').isVisible(), false);
  await page.screenshot({ path: `${screenshots}/worksheet-unembedding.png`, fullPage: true });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await lab.locator('#lookup').isVisible(), true);
  assert.deepEqual(problems, []);
});

test('the course page lists each answer the lab reports, and the progress when asked', async () => {
  const { page, problems } = await watchedPage(site.browser, site.server.url);
  await page.goto(`${site.server.url}examples/course.html`);
  await page.waitForFunction(() => document.querySelectorAll('embedding-lab[ready]').length === 4);
  const item = page.locator('#lab-exercises').locator('#exercise-lookup-length');
  await item.getByRole('textbox').fill('3');
  await item.getByRole('button', { name: 'Check' }).click();
  await item.getByRole('textbox').fill('6');
  await item.getByRole('button', { name: 'Check' }).click();
  const answers = page.locator('#class-progress li');
  await answers.nth(1).waitFor();
  assert.deepEqual(await answers.allTextContents(), ['lookup-length: not yet (try 1)', 'lookup-length: right (try 2)']);
  await page.getByRole('button', { name: 'Ask the lab for the progress kept in this browser' }).click();
  await answers.nth(2).waitFor();
  assert.equal(await answers.nth(2).textContent(), 'Kept in this browser: lookup-length right after 2.');
  assert.deepEqual(problems, []);
});

test('section 7’s exercises ask the model the page trained: the uniform loss, the dev loss, one letter after “em”', async () => {
  const { page, problems } = await openPage({ url: `${site.server.url}#section=training&exercises=on&steps=8000&decayAt=4000` });
  const uniform = exercise(page, 'training-uniform');
  await uniform.input.fill('3.3');
  await uniform.check.click();
  assert.equal(await uniform.message.textContent(), 'Not graded: there is no model yet: train one or load one first');
  const lab = page.locator('embedding-lab');
  await lab.getByRole('button', { name: 'Train' }).click();
  await lab.locator('#final-losses', { hasText: 'After 8,000 steps' }).waitFor({ timeout: 120000 });
  await uniform.check.click();
  await uniform.result.filter({ hasText: 'Right. −ln(1/27) = ln 27 = 3.30 nats' }).waitFor();
  const dev = Number((await lab.locator('#final-losses').textContent()).match(/dev loss ([\d.]+)/)[1]);
  const below = exercise(page, 'training-dev');
  await below.check.click();
  await below.result.filter({ hasText: dev < 2.5 ? `Right. The dev loss is ${dev.toFixed(2)}` : 'Not yet' }).waitFor();
  // Exactly one letter is the model's most likely after "em": every other is a wrong try.
  const next = exercise(page, 'training-next');
  const right = [];
  for (const [i, letter] of [...'abcdefghijklmnopqrstuvwxyz.'].entries()) {
    await next.input.fill(letter);
    await next.check.click();
    // each try changes the line: "Not yet (try n)" counts the tries, and two in a row cannot be right
    const wanted = right.at(-1) === [...'abcdefghijklmnopqrstuvwxyz.'][i - 1] ? `^Not yet \\(try ${i + 1}\\)` : `^(Right\\.|Not yet \\(try ${i + 1}\\))`;
    const said = await next.result.filter({ hasText: new RegExp(wanted) }).textContent();
    if (said.startsWith('Right.')) right.push(letter);
  }
  assert.equal(right.length, 1, right.join());
  assert.deepEqual(problems, []);
});

test('section 8’s exercises read the word vectors the page learned: cat’s nearest word, cat and dog together, cat and car apart', async () => {
  const { page, problems } = await openPage({ url: `${site.server.url}#section=learned&exercises=on` });
  const lab = page.locator('embedding-lab');
  const nearest = exercise(page, 'learned-nearest');
  await nearest.input.fill('dog');
  await nearest.check.click();
  assert.equal(await nearest.message.textContent(), 'Not graded: there is no word model yet: press “Learn the vectors” first');
  await lab.locator('#learned-run-controls button').first().click();
  await lab.locator('#learned-progress', { hasText: /^Finished/ }).waitFor({ timeout: 60000 });
  await nearest.input.fill('car');
  await nearest.check.click();
  await nearest.result.filter({ hasText: 'Not yet (try 1)' }).waitFor();
  await nearest.input.fill('Dog');
  await nearest.check.click();
  await nearest.result.filter({ hasText: 'Right. “dog”: nobody told the model' }).waitFor();
  const together = exercise(page, 'learned-together');
  await together.check.click();
  await together.result.filter({ hasText: /^Right\. cos\(cat, dog\) = 0\.\d\d/ }).waitFor();
  const apart = exercise(page, 'learned-apart');
  await apart.check.click();
  assert.equal(await apart.message.textContent(), 'Not graded: the pair cat, car is not among the watched pairs: add it first');
  await lab.getByRole('button', { name: 'Start with these two vectors equal, and learn' }).click();
  await lab.locator('#learned-progress', { hasText: /^Finished/ }).waitFor({ timeout: 60000 });
  await apart.check.click();
  await apart.result.filter({ hasText: /^Right\. cos\(cat, car\) = 0\.\d\d/ }).waitFor();
  assert.deepEqual(problems, []);
});
