// The lab where course pages put it: settings in the URL hash and in attributes, several labs on
// one page, the message API, a sub-path, an iframe on another origin, a strict
// Content-Security-Policy, an accessibility scan, a phone, and hostile text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { browserAndSite, iframeOnAnotherOrigin, screenshots, serveSite, underStrictPolicy, watchedPage } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const sectionIds = ['lookup', 'one-hot', 'cost', 'text', 'unembedding', 'directions', 'training', 'learned'];
const site = browserAndSite();

async function open(url, { origin = site.server.url, count = 1, options } = {}) {
  const { page, problems } = await watchedPage(site.browser, origin, options);
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('embedding-lab[ready]').length === n, count, { timeout: 15000 });
  return { page, problems };
}
const text = (page, selector) => page.locator(selector).first().textContent();

test('a link with settings in its hash reproduces them, and the hash follows the reader', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=unembedding&temperature=0&context=3+4`);
  assert.equal(await page.locator('section').count(), 1);
  // h is the row of the context's last symbol '.', [-0.20, 0.40], whose own logit 0.20 is the largest
  assert.equal(await text(page, '#top-symbol'), '. with 100.0%');
  await page.getByLabel('Temperature T').fill('2');
  assert.match(await page.evaluate(() => location.hash), /temperature=2(&|$)/);
  const again = await open(await page.evaluate(() => location.href));
  assert.equal(await text(again.page, '#temperature-value'), '2.00');
  assert.deepEqual([...problems, ...again.problems], []);
});

test('a malformed or oversized hash falls back to defaults with a notice, shown as text', async () => {
  const hostile = encodeURIComponent('<img>; 1');
  const { page, problems } = await open(`${site.server.url}index.html#temperature=hot&table=${hostile}&bogus=1`);
  const notice = await text(page, '.notice');
  assert.match(notice, /temperature “hot” is not a number from 0 to 5: using the default/);
  assert.match(notice, /table: “<img>” is not a number: using the default/);
  assert.match(notice, /“bogus” is not a setting of the lab/);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]');
  const big = await open(`${site.server.url}index.html#sentence=${'a'.repeat(5000)}`);
  assert.match(await text(big.page, '.notice'), /more than 4000: using the defaults/);
  assert.deepEqual([...problems, ...big.problems], []);
});

test('four labs on the course page keep their own state, and the lesson script drives one', async () => {
  const { page, problems } = await open(`${site.server.url}examples/course.html`, { count: 4 });
  const softmax = page.locator('#lab-softmax');
  assert.deepEqual(await softmax.locator('#probability-bars th').allTextContents(), ['x', 'y', 'z']);
  await page.locator('#lab-lookup').getByTitle('id 4, symbol .').hover();
  assert.equal(await page.locator('#lab-lookup #spotlight-row').textContent(), '[-0.20, 0.40]');
  await page.getByRole('button', { name: 'Set the temperature to 0' }).click();
  await page.waitForFunction(() => document.getElementById('lesson-log').textContent.includes('temperature 0'));
  assert.deepEqual(await softmax.locator('#probability-bars .value').evaluateAll((cells) => cells.map((c) => c.textContent).sort()),
    ['0.0%', '0.0%', '100.0%']);
  assert.equal(await page.locator('#lab-directions #analogy-answer').textContent(), 'queen');
  await page.screenshot({ path: `${screenshots}/course.png`, fullPage: true });
  assert.deepEqual(problems, []);
});

test('an invalid attribute falls back to its default with a visible notice', async () => {
  const host = await serveSite({ extra: { '/bad.html': `<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="data:,">
    <script src="/embedding-lab.js"></script></head><body>
    <embedding-lab section="lookup sideways" temperature="-3" vocab="a b"></embedding-lab></body></html>` } });
  try {
    const { page, problems } = await open(`${host.origin}/bad.html`, { origin: host.origin });
    const notice = await text(page, '.notice');
    assert.match(notice, /section “sideways” is not one of all, lookup/);
    assert.match(notice, /temperature “-3” is not a number from 0 to 5/);
    assert.match(notice, /the table has 5 rows but the vocabulary has 2 symbols/);
    assert.equal(await page.locator('section').count(), sectionIds.length);  // the whole lab, as the default
    assert.deepEqual(problems, []);
  } finally {
    await host.close();
  }
});

test('served from a sub-path, the lab and the course page work', async () => {
  const sub = await serveSite({ prefix: '/course/lab/' });
  try {
    const { page, problems } = await open(sub.url, { origin: sub.url });
    assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]');
    const course = await open(`${sub.url}examples/course.html`, { origin: sub.url, count: 4 });
    assert.deepEqual([...problems, ...course.problems], []);
  } finally {
    await sub.close();
  }
});

test('in an iframe on another origin the lab starts, obeys its parent and reports events', async () => {
  const { lab, parent } = await iframeOnAnotherOrigin((parentOrigin) => `section=unembedding&origin=${encodeURIComponent(parentOrigin)}`);
  try {
    const { page, problems } = await watchedPage(site.browser, [parent.origin, lab.origin]);
    const events = [];
    await page.exposeFunction('recordEvent', (data) => events.push(data));
    await page.addInitScript(() => window.addEventListener('message', (event) => window.recordEvent(event.data)));
    await page.goto(`${parent.origin}/host.html`);
    const frame = page.frameLocator('#lab');
    await frame.locator('embedding-lab[ready]').waitFor({ timeout: 15000 });
    const post = (message) => page.evaluate(([data, target]) => document.getElementById('lab').contentWindow.postMessage(data, target), [message, lab.origin]);
    await post({ type: 'embedding-lab:set-state', state: { temperature: 0 } });
    await frame.locator('#top-symbol', { hasText: '100.0%' }).waitFor();
    await post({ type: 'rm -rf /', state: 1 });  // not a command: ignored
    await post({ type: 'embedding-lab:get-state' });
    await page.waitForFunction(() => true);
    await new Promise((resume) => setTimeout(resume, 200));
    const types = events.map((e) => e.type);
    assert.ok(types.includes('embedding-lab:ready'), types.join());
    assert.ok(events.some((e) => e.type === 'embedding-lab:state-changed' && e.state.temperature === '0'), types.join());
    assert.ok(types.includes('embedding-lab:state'), types.join());
    assert.equal(await frame.locator('#temperature-value').textContent(), '0.00');
    assert.deepEqual(problems, []);
  } finally {
    await lab.close();
    await parent.close();
  }
});

test('an iframe ignores and logs a command from an origin it was not told to obey', async () => {
  const { lab, parent } = await iframeOnAnotherOrigin(() => `section=unembedding&origin=${encodeURIComponent('https://course.example')}`);
  try {
    const { page, problems } = await watchedPage(site.browser, [parent.origin, lab.origin]);
    const warnings = [];
    page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
    await page.goto(`${parent.origin}/host.html`);
    const frame = page.frameLocator('#lab');
    await frame.locator('embedding-lab[ready]').waitFor({ timeout: 15000 });
    await page.evaluate((target) => document.getElementById('lab').contentWindow.postMessage(
      { type: 'embedding-lab:set-state', state: { temperature: 0 } }, target), lab.origin);
    await page.waitForTimeout(300);
    assert.equal(await frame.locator('#temperature-value').textContent(), '1.00');  // not obeyed
    assert.ok(warnings.some((w) => w.includes(`ignored embedding-lab:set-state from ${parent.origin}`)), warnings.join('\n'));
    assert.deepEqual(problems, []);
  } finally {
    await lab.close();
    await parent.close();
  }
});

test('under a strict Content-Security-Policy the page and the course page start with no violation', async () => {
  await underStrictPolicy(async (strict) => {
    const { page, problems } = await open(strict.url, { origin: strict.url });
    assert.equal(await text(page, '#concatenation'), '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]');
    await page.getByLabel('Temperature T').fill('0');
    assert.equal(await text(page, '#entropy'), '0.00 bits');
    const course = await open(`${strict.url}examples/course.html`, { origin: strict.url, count: 4 });
    await course.page.getByRole('button', { name: 'Set the temperature to 0' }).click();
    await course.page.waitForFunction(() => document.getElementById('lesson-log').textContent.includes('temperature 0'));
    assert.deepEqual([...problems, ...course.problems], []);
  });
});

/** Posts the command to the page's lab and resolves to the name of the event `awaited`, or of an error. */
function answerTo(page, command, awaited) {
  return page.evaluate(([name, wanted]) => new Promise((resolve) => {
    const lab = document.querySelector('embedding-lab');
    lab.addEventListener(`lab-${wanted}`, () => resolve(wanted), { once: true });
    lab.addEventListener('lab-error', (event) => resolve(`error: ${event.detail.notices.join('; ')}`), { once: true });
    window.postMessage({ type: `embedding-lab:${name}` }, location.origin);
  }), [command, awaited]);
}

/** The serious or critical problems axe-core finds in the page as it is now. */
async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  });
}

test('axe-core finds no serious or critical accessibility problem in any section', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, problems } = await watchedPage(site.browser, site.server.url, { colorScheme: scheme });
    await page.goto(site.server.url);
    await page.locator('embedding-lab[ready]').waitFor();
    assert.deepEqual(await axeViolations(page), [], `${scheme} scheme`);
    assert.deepEqual(problems, []);
  }
});

test('axe-core finds no serious or critical problem once training has drawn every chart', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, problems } = await open(`${site.server.url}index.html#section=training&steps=300&hidden=32`, { options: { colorScheme: scheme } });
    const lab = page.locator('embedding-lab');
    assert.equal(await answerTo(page, 'start-training', 'trained'), 'trained');
    await lab.getByRole('button', { name: /one step/i }).click();  // the gradient heat map
    await lab.locator('#opened-step table').first().waitFor();
    assert.equal(await answerTo(page, 'sample', 'sampled'), 'sampled');
    await lab.locator('#samples button').first().click();  // a sample's step-through bars
    await lab.locator('#step-through .bars').waitFor();
    assert.ok(await lab.locator('#loss-chart canvas, #loss-chart svg').count() > 0, 'the loss curve is drawn');
    assert.ok(await lab.locator('#scatter text').count() > 0, 'the scatter is drawn');
    await page.screenshot({ path: `${screenshots}/trained-${scheme}.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), [], `${scheme} scheme`);
    assert.deepEqual(problems, []);
  }
});

test('on a phone every control is a touch target of at least 44 px and nothing scrolls sideways', async () => {
  const { page, problems } = await open(site.server.url, { options: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } });
  const small = await page.locator('embedding-lab').evaluate((lab) => [...lab.shadowRoot.querySelectorAll('button, select, input, a, summary')]
    .map((control) => [control.getAttribute('aria-label') ?? control.textContent.trim(), control.getBoundingClientRect()])
    .filter(([, box]) => box.width > 0 && (box.height < 44 || box.width < 44))
    .map(([name, box]) => `${name}: ${Math.round(box.width)} x ${Math.round(box.height)}`));
  assert.deepEqual(small, []);
  await page.locator('embedding-lab').getByTitle('id 3, symbol c').tap();
  assert.equal(await text(page, '#spotlight-row'), '[0.50, -0.10]');
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [360, 360]);
  assert.deepEqual(problems, []);
});

test('text a reader or a page supplies is shown as text and runs nothing', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const { page, problems } = await open(`${site.server.url}index.html#sentence=${encodeURIComponent(hostile)}&tokenizer=words`);
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  assert.deepEqual(await page.locator('#tokens .chip').allTextContents(), ['0 <img', '1 src=x', '2 onerror=alert(1)>']);
  await page.getByLabel('Text', { exact: true }).fill(`${hostile} ${hostile}`);
  await page.waitForTimeout(100);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
});

test('a course page trains a lab through messages and hears when it has trained and sampled', async () => {
  const host = await serveSite({ extra: { '/lesson.html': `<!doctype html><html lang="en"><head><title>lesson</title>
    <link rel="icon" href="data:,"><script src="/embedding-lab.js"></script></head><body>
    <embedding-lab id="trainer" section="training" steps="400" hidden="32" seed="3" dataset="words"></embedding-lab>
    <embedding-lab id="other" section="lookup"></embedding-lab></body></html>` } });
  try {
    const { page, problems } = await open(`${host.origin}/lesson.html`, { origin: host.origin, count: 2 });
    const lab = page.locator('#trainer');
    assert.equal(await lab.getByLabel('Steps', { exact: true }).inputValue(), '400');
    assert.equal(await lab.getByLabel('Dataset', { exact: true }).inputValue(), 'words');
    const events = page.evaluate(() => new Promise((resolve) => {
      const seen = {};
      const trainer = document.getElementById('trainer');
      trainer.addEventListener('lab-trained', (event) => {
        seen.trained = event.detail;
        window.postMessage({ type: 'embedding-lab:sample', target: 'trainer' }, location.origin);
      });
      trainer.addEventListener('lab-sampled', (event) => resolve({ ...seen, sampled: event.detail }));
      document.getElementById('other').addEventListener('lab-error', (event) => { seen.otherError = event.detail.notices; });
      window.postMessage({ type: 'embedding-lab:start-training', target: 'other' }, location.origin);  // a lab without training
      window.postMessage({ type: 'embedding-lab:start-training', target: 'trainer' }, location.origin);
    }));
    const { trained, sampled, otherError } = await events;
    assert.equal(trained.steps, 400);
    assert.ok(trained.losses.dev > 0 && trained.losses.dev < 3.3, JSON.stringify(trained.losses));
    assert.equal(trained.state.hidden, '32');
    assert.equal(sampled.samples.length, 10);
    assert.deepEqual(otherError, ['start-training needs the training section, which this lab does not show']);
    assert.deepEqual(problems, []);
  } finally {
    await host.close();
  }
});

test('the embed-code panel gives snippets that reproduce the lab as it is now', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=unembedding+directions&embedcode=on`);
  await page.getByLabel('Temperature T').fill('0.5');
  await page.getByText('Embed this in a course page').click();
  await page.waitForFunction(() => document.querySelector('embedding-lab').shadowRoot.querySelector('.embed textarea').value !== '');
  const iframe = await page.getByLabel('iframe embed code').inputValue();
  const element = await page.getByLabel('custom element embed code').inputValue();
  assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#section=unembedding\+directions&amp;temperature=0\.5" title="Embedding Lab"/);
  assert.match(element, /<script src="http:\/\/127\.0\.0\.1:\d+\/embedding-lab\.js"><\/script>\n<embedding-lab section="unembedding directions" temperature="0\.5"><\/embedding-lab>/);
  const src = iframe.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const again = await open(src);
  assert.equal(await again.page.locator('section').count(), 2);
  assert.equal(await text(again.page, '#temperature-value'), '0.50');
  assert.deepEqual([...problems, ...again.problems], []);
});

test('the contents list never overlaps itself, at 1280 and 360 px, light and dark', async () => {
  for (const width of [1280, 360]) {
    for (const scheme of ['light', 'dark']) {
      const { page, problems } = await open(site.server.url, { options: { viewport: { width, height: 800 }, colorScheme: scheme } });
      const nav = page.locator('embedding-lab nav');
      const items = await nav.locator('li').evaluateAll((lis) => lis.map((li) => {
        const box = (element) => { const r = element.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
        const parts = [...li.querySelectorAll('a, a *')].map(box);
        return { text: li.textContent, box: box(li), parts };
      }));
      assert.deepEqual(items.map((item) => item.text), ['1Lookup', '2One-hot × W', '3The batched form', '4Text to tensor',
        '5Unembedding and softmax', '6Directions', '7Training and sampling', '8Learned, not defined']);  // each number inside its item
      const inside = (part, box) => part.left >= box.left - 0.5 && part.right <= box.right + 0.5 && part.top >= box.top - 0.5 && part.bottom <= box.bottom + 0.5;
      const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      for (const item of items) assert.ok(item.parts.every((part) => inside(part, item.box)), `${item.text} spills out of its item at ${width} px`);
      for (const [i, a] of items.entries()) {
        for (const b of items.slice(i + 1)) assert.ok(!overlap(a.box, b.box), `${a.text} overlaps ${b.text} at ${width} px`);
      }
      await nav.screenshot({ path: `${screenshots}/nav-${width}-${scheme}.png` });
      assert.deepEqual(problems, []);
    }
  }
});

test('the hash reads textseed, lrfinal and decayat as the README writes them, in any letter case', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=text+training&textseed=3&lrfinal=0.02&DecayAt=500`);
  assert.equal(await page.locator('.notice').count(), 0);
  const state = await page.locator('embedding-lab').evaluate((lab) => lab.state.snapshot());
  assert.equal(state.textSeed, 3);
  assert.equal(state.training.lrFinal, 0.02);
  assert.equal(state.training.decayAt, 500);
  assert.deepEqual(problems, []);
});

test('a hash with a name of Object.prototype keeps every valid setting', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=unembedding&toString=1&temperature=0&constructor=2`);
  assert.equal(await page.locator('section').count(), 1);
  assert.equal(await text(page, '#temperature-value'), '0.00');
  assert.deepEqual(await page.locator('.notice li').allTextContents(),
    ['“toString” is not a setting of the lab', '“constructor” is not a setting of the lab']);
  assert.deepEqual(problems, []);
});

/**
 * Posts a command to the lab `id` of the page and resolves to the events it answered with, in
 * order, once 50 ms have passed after the first (answers come in the same task, or the microtasks
 * after it); [] if none came within 3 s. A `stateJson` text becomes the message's state as JSON.parse reads it in the page
 * (an own "__proto__" key survives only that way).
 */
function command(page, message, id = null) {
  return page.evaluate(([{ stateJson, ...data }, target]) => new Promise((resolve) => {
    if (stateJson !== undefined) data.state = JSON.parse(stateJson);
    const lab = target ? document.getElementById(target) : document.querySelector('embedding-lab');
    const events = [];
    const names = ['state-changed', 'state', 'error', 'trained', 'sampled'];
    const record = (event) => {
      events.push({ name: event.type.slice(4), ...event.detail });
      if (events.length === 1) setTimeout(() => { names.forEach((n) => lab.removeEventListener(`lab-${n}`, record)); resolve(events); }, 50);
    };
    names.forEach((n) => lab.addEventListener(`lab-${n}`, record));
    window.postMessage(data, location.origin);
    setTimeout(() => { if (events.length === 0) resolve(events); }, 3000);  // unanswered
  }), [message, id]);
}

test('set-state names every name of Object.prototype and still applies the valid values beside it', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=unembedding`);
  const stateJson = '{"__proto__": {"x": 1}, "toString": 1, "constructor": 2, "valueOf": 3, "hasOwnProperty": 4, "temperature": 0.5}';
  const events = await command(page, { type: 'embedding-lab:set-state', stateJson });
  assert.deepEqual(events.map((e) => e.name), ['state-changed', 'error']);
  assert.equal(events[1].command, 'set-state');
  assert.deepEqual(events[1].notices, ['__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty']
    .map((name) => `“${name}” is not a setting of the lab`));
  assert.equal(await text(page, '#temperature-value'), '0.50');
  assert.deepEqual(problems, []);
});

test('set-state checks a value against the current state and says the current value stays', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=lookup+unembedding`);
  await command(page, { type: 'embedding-lab:set-state', state: { vocab: 'a b', table: '1;2' } });
  const events = await command(page, { type: 'embedding-lab:set-state', state: { context: '0 1 2', temperature: -1 } });
  assert.deepEqual(events.map((e) => e.name), ['error']);
  assert.deepEqual(events[0].notices, ['temperature “-1” is not a number from 0 to 5: the current value stays',
    "context 0 1 2 names an id past the vocabulary's 2 symbols: the current value stays"]);
  const [answer] = await command(page, { type: 'embedding-lab:get-state' });
  assert.equal(answer.state.context, '0 1');
  assert.equal(await text(page, '.context-ids'), '[0, 1]');  // get-state says what the page shows
  assert.equal(answer.state.temperature, '1');
  assert.equal(await text(page, '#temperature-value'), '1.00');
  assert.deepEqual(problems, []);
});

test('a set-state that holds no setting, or a command of the wrong shape, is answered by an error', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=lookup`);
  const empty = await command(page, { type: 'embedding-lab:set-state', state: {} });
  assert.deepEqual(empty.map((e) => [e.name, e.notices]), [['error', ['set-state changed nothing: its state object holds no setting']]]);
  const shapeless = await command(page, { type: 'embedding-lab:set-state', state: 'temperature=0' });
  assert.deepEqual(shapeless.map((e) => [e.name, e.notices]), [['error', ['set-state needs a state object']]]);
  const section = await command(page, { type: 'embedding-lab:set-state', state: { section: 'cost' } });
  assert.deepEqual(section.map((e) => [e.name, e.notices]), [['error', ['section cannot change once the lab is built: the current sections stay']]]);
  assert.deepEqual(problems, []);
});

test('sample before any model is answered by an error event', async () => {
  const { page, problems } = await open(`${site.server.url}index.html#section=training`);
  const events = await command(page, { type: 'embedding-lab:sample' });
  assert.deepEqual(events.map((e) => [e.name, e.command]), [['error', 'sample']]);
  assert.deepEqual(problems, []);
});

test('the teacher\'s embed panel shows on the whole lab\'s page, and embedded labs hide it unless asked', async () => {
  const whole = await open(site.server.url);
  assert.equal(await whole.page.getByText('Embed this in a course page').isVisible(), true);
  const single = await open(`${site.server.url}index.html#section=lookup`);
  assert.equal(await single.page.getByText('Embed this in a course page').isVisible(), false);
  const iframeLab = await open(`${site.server.url}embed.html#section=all`);
  assert.equal(await iframeLab.page.getByText('Embed this in a course page').isVisible(), false);
  const course = await open(`${site.server.url}examples/course.html`, { count: 4 });
  assert.equal(await course.page.getByText('Embed this in a course page').count(), 4);
  assert.equal(await course.page.getByText('Embed this in a course page').first().isVisible(), false);
  const asked = await open(`${site.server.url}embed.html#section=lookup&embedcode=on`);
  assert.equal(await asked.page.getByText('Embed this in a course page').isVisible(), true);
  await asked.page.evaluate(() => window.postMessage({ type: 'embedding-lab:set-state', state: { embedCode: 'off' } }, location.origin));
  await asked.page.getByText('Embed this in a course page').waitFor({ state: 'hidden' });
  assert.deepEqual([...whole.problems, ...single.problems, ...iframeLab.problems, ...course.problems, ...asked.problems], []);
});

test('a section shown alone keeps its number and says what the context it reads is', async () => {
  const { page, problems } = await open(`${site.server.url}embed.html#section=unembedding&context=3+4`, { options: { viewport: { width: 900, height: 900 } } });
  assert.equal(await page.locator('#unembedding-title .number').textContent(), '5');
  assert.ok(await page.locator('#unembedding-title .number').isVisible());
  assert.equal(await page.locator('nav').count(), 0);
  assert.equal(await text(page, '.givens'),
    'Here the symbols are @ a b c . (ids 0 to 4), the table C gives each one a row, and the context is c . (ids 3, 4).');
  await page.screenshot({ path: `${screenshots}/single-section.png`, fullPage: true });
  const whole = await open(site.server.url);
  assert.equal(await whole.page.locator('.givens').count(), 0);  // with section 1 above it, no need
  assert.deepEqual([...problems, ...whole.problems], []);
});

test('in a browser without Web Workers the training section says it cannot start, and the others work', async () => {
  const { page, problems } = await watchedPage(site.browser, site.server.url);
  await page.addInitScript(() => { delete globalThis.Worker; });
  await page.goto(site.server.url);
  await page.waitForSelector('embedding-lab[ready]', { timeout: 15000 });
  assert.match(await text(page, '#training .message[role=alert]'), /^This section could not start: .*Worker.*\. The other sections work\.$/);
  assert.equal(await page.locator('#training-controls button').count(), 0);  // no control that half works
  await page.getByLabel('W[2][0]', { exact: true }).fill('-0.5');  // section 1 still computes
  assert.equal(await text(page, '#spotlight-row'), '[-0.50, 0.20]');
  assert.deepEqual(problems, []);
});
