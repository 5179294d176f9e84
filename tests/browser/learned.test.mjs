// Section 8, "Learned, not defined", in headless Chromium: on the tiny corpus cos(cat, dog) rises
// as the word model trains and two words started with one vector are pushed apart; WordNet's
// glosses load only when chosen; bad corpora, settings and words are named and lose nothing; the
// section works from the keyboard, from file:// and under a strict Content-Security-Policy, and
// fits 360 px in light and dark (screenshots in build/screenshots/). The default WordNet run
// ends with related words among the nearest of at least 7 of 10 probe words, fixed beforehand.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserAndSite, layouts, openWatched, screenshots, siteDir, underStrictPolicy } from './harness.mjs';

const site = browserAndSite();
before(() => mkdirSync(screenshots, { recursive: true }));

/** The page, ready, with its problems and wordnet-corpus.js's requests recorded; `lab` is the section's root. */
async function openPage(options = {}) {
  const { requests: corpusRequests, page, problems } = await openWatched(site, { ...options, watch: 'wordnet-corpus.js' });
  return { page, problems, corpusRequests, lab: page.locator('embedding-lab') };
}

const trainButton = (lab) => lab.locator('#learned-run-controls button').first();

/** The cosine chart's numbers: { names, rows: [[step, ...cosines]] }. */
async function cosineTable(lab) {
  const names = (await lab.locator('#learned-cosine-chart details thead th').allTextContents()).slice(1);
  const rows = await lab.locator('#learned-cosine-chart details tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.cells, (td) => Number(td.textContent))));
  return { names, rows };
}

/** Presses Train with the keyboard and waits for the run to finish. */
async function trainToTheEnd(lab, timeout = 60000) {
  await trainButton(lab).focus();
  await trainButton(lab).press('Enter');
  await lab.locator('#learned-progress', { hasText: /^Finished/ }).waitFor({ timeout });
}

test('on the tiny corpus cos(cat, dog) rises during training, cat\'s nearest word becomes dog, and the loss ends below ln V', async () => {
  const { lab, problems } = await openPage();
  await trainToTheEnd(lab);
  const { names, rows } = await cosineTable(lab);
  assert.deepEqual(names, ['cat · dog', 'cat · the']);
  const [first, last] = [rows[0], rows.at(-1)];
  console.log(`# cos(cat, dog) ${first[1]} at step ${first[0]} -> ${last[1]} at step ${last[0]} (${rows.length} reports); cos(cat, the) ${last[2]}`);
  assert.equal(first[0], 0);
  assert.equal(last[0], 2000);
  assert.ok(rows.length > 20, `${rows.length} reports: the curve needs points`);
  assert.ok(last[1] > first[1] + 0.5 && last[1] > last[2], `${first[1]} -> ${last[1]}, the ${last[2]}`);
  assert.match(await lab.locator('#learned-neighbours li').first().textContent(), /^dog 0\.\d{3}$/);
  const [dev, uniform] = (await lab.locator('#learned-losses').textContent()).match(/\d+\.\d{3}/g).map(Number);
  assert.ok(dev < uniform, `dev ${dev}, ln V ${uniform}`);
  assert.equal(await lab.locator('#learned-scatter .scatter-label').count(), 11);
  assert.deepEqual(problems, []);
});

test('two words started with one vector leave cosine 1.000 as training goes on', async () => {
  const { lab, problems } = await openPage();
  assert.deepEqual([await lab.getByLabel('Copy the vector of').inputValue(), await lab.getByLabel('to the word').inputValue()], ['cat', 'car']);
  await lab.getByRole('button', { name: 'Start with these two vectors equal, and learn' }).click();
  await lab.locator('#learned-progress', { hasText: /^Finished/ }).waitFor({ timeout: 60000 });
  const { names, rows } = await cosineTable(lab);
  assert.equal(names[0], 'cat · car');
  console.log(`# cos(cat, car) ${rows[0][1]} at step 0 -> ${rows.at(-1)[1]} at step ${rows.at(-1)[0]}`);
  assert.equal(rows[0][1], 1);
  assert.ok(rows.at(-1)[1] < 0.9, String(rows.at(-1)[1]));
  assert.match(await lab.locator('#learned-duplicate-result').textContent(), /^cos\(cat, car\) = 0\.\d{3} at step 2,000 \(it was 1\.000 at step 0\)\.$/);
  assert.match(await lab.locator('#learned-quote').textContent(), /Backpropagation would immediately force the vectors apart/);
  assert.deepEqual(problems, []);
});

/**
 * What the views show of the model: the neighbours as text, and the cosines of the chart's last
 * row, or of its caption for a loaded model, which has no steps to chart.
 */
async function shownView(lab) {
  const { rows } = await cosineTable(lab);
  const caption = await lab.locator('#learned-cosine-caption').textContent();
  const cosines = rows.length ? rows.at(-1).slice(1) : Array.from(caption.matchAll(/ (-?\d+\.\d+)(?=[,.])/g), (match) => Number(match[1]));
  return { neighbours: await lab.locator('#learned-neighbours li').allTextContents(), cosines };
}

/** Downloads the word model: the file's path. */
async function downloadModel(page, lab) {
  const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: 'Download the word model (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), 'embedlab-words.json');
  return download.path();
}

/** Loads a file as a word model and waits for the keep message to match `expected`. */
async function loadWordModel(lab, file, expected) {
  await lab.getByLabel('Load a word model file (JSON)').setInputFiles(file);
  await lab.locator('#learned-keep-message', { hasText: expected }).waitFor({ timeout: 30000 });
  return lab.locator('#learned-keep-message').textContent();
}

test('the trained word model downloads, loads back after starting again, and shows what it showed trained; it exports for the Projector', async () => {
  const { page, lab, problems } = await openPage({ width: 360, colorScheme: 'dark' });
  await trainToTheEnd(lab);
  const trained = await shownView(lab);
  const path = await downloadModel(page, lab);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).format, 'embedlab-words');
  assert.match(await lab.locator('#learned-keep-message').textContent(), /^The word model’s file \(format “embedlab-words”\) at step 2,000/);

  await lab.getByRole('button', { name: 'Start again from random vectors' }).click();
  await lab.locator('#learned-progress', { hasText: 'Ready at step 0' }).waitFor();
  assert.notDeepEqual(await shownView(lab), trained);
  const loaded = await loadWordModel(lab, path, 'Loaded');
  assert.equal(loaded, 'Loaded a word model of 13 words (with “.” and “<unk>”): window 2, 8-dimensional vectors, its own W_U. The views above show it.');
  assert.deepEqual(await shownView(lab), trained);
  assert.equal((await cosineTable(lab)).rows.length, 0);  // no steps: the chart hides, the caption says the cosines
  assert.equal(await lab.locator('#learned-cosine-chart').isHidden(), true);
  assert.equal(await lab.locator('#learned-loss-chart').isHidden(), true);
  assert.match(await lab.locator('#learned-cosine-caption').textContent(), /^The loaded model was trained elsewhere, so there are no steps to chart\. Its cosines: cat · dog /);
  assert.match(await lab.locator('#learned-neighbours-caption').textContent(), /in the loaded model$/);
  assert.equal(await lab.locator('#learned-scatter .scatter-label').count(), 11);
  assert.match(await lab.locator('#learned-progress').textContent(), /^A loaded model is not trained further/);
  assert.equal(await trainButton(lab).textContent(), 'Learn anew from random vectors');
  await lab.locator('#learned').screenshot({ path: `${screenshots}/learned-360-dark-loaded.png` });
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [360, 360]);

  const downloads = [];
  page.on('download', (download) => downloads.push(download));
  await lab.locator('#learned-keep-controls').getByRole('button', { name: 'Export the word model for the Embedding Projector (TSV)' }).click();
  await lab.locator('#learned-keep-message', { hasText: 'Embedding Projector' }).waitFor();
  while (downloads.length < 2) await page.waitForEvent('download');
  assert.deepEqual(downloads.map((d) => d.suggestedFilename()), ['embedlab-word-vectors.tsv', 'embedlab-word-metadata.tsv']);
  const [vectors, metadata] = await Promise.all(downloads.map(async (d) => readFileSync(await d.path(), 'utf8').split('\n').slice(0, -1)));
  assert.equal(vectors.length, 11);
  assert.equal(metadata.length, vectors.length);
  assert.ok(vectors.every((row) => row.split('\t').length === 8 && row.split('\t').every((x) => Number.isFinite(Number(x)))), vectors[0]);
  assert.ok(!metadata.includes('.') && !metadata.includes('<unk>') && metadata.includes('cat'), metadata.join(' '));
  assert.deepEqual(problems, []);
});

test('a malformed, a character model\'s and a too-large file are each refused by name, and the word model stays', async () => {
  const { lab, problems } = await openPage();
  await trainToTheEnd(lab);
  const trained = await shownView(lab);
  const broken = join(tmpdir(), 'broken-words.json');
  writeFileSync(broken, '{"format": "embedlab-words", "version": 1, "vocab": [".", "<unk>"');
  assert.match(await loadWordModel(lab, broken, 'stays'), /^the model file is not valid JSON: .*\. The current model stays\.$/);
  const mlp = join(tmpdir(), 'character-model.json');
  writeFileSync(mlp, '{"format":"embedlab-mlp","version":1,"vocab":[".","a","b"],"context":1,"embed":1,"hidden":2,' +
    '"C":[[0.5],[-1.0],[0.1]],"W1":[[0.25,2.0]],"b1":[0.0,-0.5],"W2":[[1.0,-2.0,3.0],[1e-07,0.0,4.0]],"b2":[0.0,0.0,100.0]}');
  assert.equal(await loadWordModel(lab, mlp, 'stays'),
    'this is an "embedlab-mlp" file (section 7\'s character model), not an "embedlab-words" file (section 8\'s word model). The current model stays.');
  const huge = join(tmpdir(), 'huge-words.json');
  writeFileSync(huge, ' '.repeat(64 * 1024 * 1024 + 1));
  assert.equal(await loadWordModel(lab, huge, 'Nothing was loaded'),
    'huge-words.json is 67,108,865 bytes, more than the 67,108,864 a model file can be. Nothing was loaded.');
  assert.deepEqual(await shownView(lab), trained);
  assert.match(await lab.locator('#learned-neighbours-caption').textContent(), /at step 2000$/);
  assert.equal(await trainButton(lab).textContent(), 'Learned');
  assert.deepEqual(problems, []);
});

test('a loaded word model that lacks the watched words shows its own most frequent words, and says so', async () => {
  const { lab, problems } = await openPage();
  const file = join(tmpdir(), 'cat-dog-words.json');  // V = 4 (. <unk> cat dog), k = 1, d = 2
  writeFileSync(file, '{"format":"embedlab-words","version":1,"vocab":[".","<unk>","cat","dog"],"window":1,"embed":2,"tied":false,' +
    '"E":[[0.0,0.0],[0.5,-0.5],[1.0,2.0],[-1.0,0.25]],"W_U":[[1.0,0.0,-1.0,0.5],[0.0,2.0,0.0,-3.0]],"b":[0.0,-1.0,0.5,2.0]}');
  assert.equal(await loadWordModel(lab, file, 'Loaded'), 'Loaded a word model of 4 words (with “.” and “<unk>”): window 1, ' +
    '2-dimensional vectors, its own W_U. The views above show it, with its most frequent words: it does not hold all the words that were watched.');
  assert.equal(await lab.getByLabel('Pairs', { exact: true }).inputValue(), 'cat dog');
  // cos(cat, dog) = (1·-1 + 2·0.25) / (|(1, 2)| |(-1, 0.25)|) = -0.5 / (2.236 · 1.031) = -0.217
  assert.deepEqual(await shownView(lab), { neighbours: ['dog -0.217'], cosines: [-0.217] });
  assert.equal(await lab.locator('#learned-scatter .scatter-label').count(), 2);
  assert.deepEqual(problems, []);
});

test('WordNet\'s glosses are not loaded until chosen, and then once', async () => {
  const { lab, problems, corpusRequests } = await openPage();
  await trainToTheEnd(lab);
  assert.deepEqual(corpusRequests, []);
  await lab.getByLabel('Corpus', { exact: true }).selectOption('wordnet');
  await lab.locator('#learned-corpus-status', { hasText: 'loaded' }).waitFor({ timeout: 30000 });
  assert.match(await lab.locator('#learned-corpus-status').textContent(), /^WordNet 3\.0’s glosses: [\d,]+ lines/);
  assert.equal(await lab.getByLabel('Learning rate η').inputValue(), '20');
  await lab.getByLabel('Corpus', { exact: true }).selectOption('tiny');
  await lab.getByLabel('Corpus', { exact: true }).selectOption('wordnet');
  assert.equal(corpusRequests.length, 1);
  assert.deepEqual(problems, []);
});

test('an empty corpus, a garbage setting and unknown words are named, and nothing is lost', async () => {
  const { lab, problems } = await openPage();
  const runMessage = lab.locator('#learned-run-message');
  const corpus = lab.getByLabel('The tiny corpus, one sentence a line');
  const text = await corpus.inputValue();
  await corpus.fill('');
  await trainButton(lab).click();
  await runMessage.filter({ hasText: 'lines with words' }).waitFor();
  assert.equal(await runMessage.textContent(), 'the corpus has 0 lines with words: at least two are needed to split it into training and evaluation sets. Nothing changed.');
  await corpus.fill(text);

  const lr = lab.getByLabel('Learning rate η');
  await lr.fill('0');
  await lr.press('Enter');
  assert.match(await lab.locator('#learned-settings-message').textContent(), /^Learning rate η “0” is not a number from 1\.4e-45 to 3\.4e\+38: it stays 0\.5\.$/);
  assert.equal(await lr.inputValue(), '0.5');

  await trainToTheEnd(lab);
  const before = await cosineTable(lab);
  const pairs = lab.getByLabel('Pairs', { exact: true });
  await pairs.fill('cat zebra');
  await pairs.press('Enter');
  const watchMessage = lab.locator('#learned-watch-message');
  await watchMessage.filter({ hasText: 'zebra' }).waitFor();
  assert.equal(await watchMessage.textContent(), 'the word "zebra" is not among the table\'s 11 words. What was watched stays.');
  assert.equal(await pairs.inputValue(), 'cat dog, cat the');
  assert.deepEqual(await cosineTable(lab), before);
  await pairs.fill('cat dog car');
  await pairs.press('Enter');
  assert.match(await watchMessage.textContent(), /^the pair “cat dog car” is not two words separated by a space: it stays as it was\.$/);
  await lab.getByLabel('Neighbours of', { exact: true }).fill('<unk>');
  await lab.getByLabel('Neighbours of', { exact: true }).press('Enter');
  await watchMessage.filter({ hasText: '<unk>' }).waitFor();
  await lab.getByLabel('Neighbours of', { exact: true }).fill('car');
  await lab.getByLabel('Neighbours of', { exact: true }).press('Enter');
  await lab.locator('#learned-neighbours-caption', { hasText: '“car”' }).waitFor();

  await lab.getByLabel('to the word').fill('bus');
  await lab.getByRole('button', { name: 'Start with these two vectors equal, and learn' }).click();
  const duplicateMessage = lab.locator('#learned-duplicate-message');
  await duplicateMessage.filter({ hasText: 'bus' }).waitFor();
  assert.equal(await duplicateMessage.textContent(), 'the word "bus" is not among the table\'s 11 words. The current model stays.');
  assert.match(await lab.locator('#learned-neighbours-caption').textContent(), /at step 2000$/);
  assert.deepEqual(problems, []);
});

test('the section trains from file:// and under a strict Content-Security-Policy', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  const local = await openPage({ url: `${folder}index.html`, origin: folder });
  await trainToTheEnd(local.lab);
  assert.match(await local.lab.locator('#learned-neighbours li').first().textContent(), /^dog /);
  await underStrictPolicy(async (strict) => {
    const policed = await openPage({ url: strict.url, origin: strict.url });
    await trainToTheEnd(policed.lab);
    assert.match(await policed.lab.locator('#learned-neighbours li').first().textContent(), /^dog /);
    await policed.lab.getByLabel('Corpus', { exact: true }).selectOption('wordnet');
    await policed.lab.locator('#learned-corpus-status', { hasText: 'loaded' }).waitFor({ timeout: 30000 });
    assert.deepEqual([...local.problems, ...policed.problems], []);
  });
});

test('the section fits a phone and a desktop, in light and dark', async () => {
  for (const { width, colorScheme } of layouts) {
    const { page, lab, problems } = await openPage({ width, colorScheme });
    await trainToTheEnd(lab);
    await lab.locator('#learned').screenshot({ path: `${screenshots}/learned-${width}-${colorScheme}.png` });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [width, width]);
    assert.deepEqual(problems, []);
  }
});

// The probes and the rule were fixed before any WordNet run was looked at: each probe's related
// words are what a dictionary reader would group with it; a probe passes when one of them is
// among its 10 nearest words, and the test asks the aim, 7 of the 10. The first defaults (a
// separate W_U, subsampling 1e-3) reached 6, so the count was printed, not asserted, until the
// defaults changed; the rule itself never changed. Asserted too: the run ends, its dev loss is
// below the uniform guess's, and every probe gets 10 neighbours from the core.
const probes = {
  mother: ['father', 'wife', 'husband', 'son', 'daughter', 'parent', 'child', 'woman', 'sister', 'brother'],
  night: ['day', 'morning', 'evening', 'week', 'hour', 'time', 'afternoon', 'darkness', 'sleep'],
  dog: ['cat', 'dogs', 'breed', 'horse', 'animal', 'hound', 'puppy', 'wolf', 'fox', 'pet'],
  red: ['blue', 'green', 'yellow', 'white', 'black', 'color', 'colour', 'brown', 'purple', 'orange'],
  water: ['liquid', 'sea', 'river', 'ocean', 'lake', 'ice', 'fluid', 'salt', 'rain', 'moisture'],
  king: ['queen', 'prince', 'emperor', 'ruler', 'monarch', 'throne', 'kingdom', 'lord', 'pope', 'duke'],
  city: ['town', 'village', 'capital', 'port', 'state', 'country', 'region', 'county', 'province'],
  music: ['song', 'songs', 'musical', 'dance', 'singing', 'art', 'poetry', 'melody', 'composer', 'instrument', 'instruments'],
  money: ['payment', 'funds', 'cash', 'price', 'cost', 'pay', 'credit', 'wealth', 'income', 'currency', 'paid'],
  car: ['vehicle', 'automobile', 'truck', 'motor', 'wheels', 'bus', 'train', 'engine', 'boat', 'ship'],
};

test('the default WordNet run ends below the uniform loss, and at least 7 of its 10 probe words have a related word among their 10 nearest', async () => {
  const { lab, problems } = await openPage();
  await lab.getByLabel('Corpus', { exact: true }).selectOption('wordnet');
  await lab.locator('#learned-corpus-status', { hasText: 'loaded' }).waitFor({ timeout: 30000 });
  const started = Date.now();
  await trainButton(lab).press('Enter');
  let report = '';  // the page's last progress line, with its words a second
  while (!/^Finished/.test(report)) {
    const line = await lab.locator('#learned-progress').textContent();
    if (/words a second/.test(line)) report = line;
    else if (/^Finished/.test(line)) break;
    assert.ok(Date.now() - started < 600000, 'the run took over 10 minutes');
    await new Promise((resume) => setTimeout(resume, 500));
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`# default WordNet run: ${seconds.toFixed(0)} s from Train to Finished, corpus reading included; the page's last report: ${report}`);
  const [dev, uniform] = (await lab.locator('#learned-losses').textContent()).match(/dev loss ([\d.]+) nats, against ([\d.]+)/).slice(1).map(Number);
  assert.ok(dev < uniform, `dev loss ${dev} is not below the uniform guess's ${uniform}`);
  const word = lab.getByLabel('Neighbours of', { exact: true });
  let passed = 0;
  for (const [probe, related] of Object.entries(probes)) {
    await word.fill(probe);
    await word.press('Enter');
    await lab.locator('#learned-neighbours-caption', { hasText: `“${probe}”` }).waitFor();
    const nearest = (await lab.locator('#learned-neighbours li').allTextContents()).map((line) => line.split(' ')[0]);
    assert.equal(nearest.length, 10, probe);
    const hit = nearest.some((w) => related.includes(w));
    passed += hit ? 1 : 0;
    console.log(`# ${probe}: ${nearest.join(' ')}${hit ? '' : '   (none related)'}`);
  }
  console.log(`# probes with a related word among their 10 nearest: ${passed} of 10 (7 needed, under the rule fixed before the first run)`);
  assert.ok(passed >= 7, `only ${passed} of the 10 probes have a related word among their 10 nearest`);
  assert.deepEqual(problems, []);
});
