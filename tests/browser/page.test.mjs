// The built page in headless Chromium: the core starts from the bundled WASM and the worked
// example's numbers appear, served over http and opened straight from the folder (file://).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launchBrowser, serveSite, siteDir, watchedPage } from './harness.mjs';

let browser, server;
before(async () => {
  browser = await launchBrowser();
  server = await serveSite();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function expectWorkedExample(url, origin) {
  const { page, problems } = await watchedPage(browser, origin);
  await page.goto(url);
  await page.locator('#concatenation', { hasText: '[0.10, -0.20, 0.00, 0.30, -0.40, 0.20]' }).waitFor({ timeout: 10000 });
  assert.equal(await page.locator('#lookup-b').textContent(), '[-0.40, 0.20]');
  assert.deepEqual(await page.locator('#table-c tr').allTextContents(),
    ['0 @0.10-0.20', '1 a0.000.30', '2 b-0.400.20', '3 c0.50-0.10', '4 .-0.200.40']);
  assert.deepEqual(problems, []);
  return page;
}

test('served over http, the page shows the lookup of b and the concatenated context', async () => {
  const page = await expectWorkedExample(server.url, server.url);
  await page.screenshot({ path: `${siteDir}/../screenshot-page.png`, fullPage: true });
});

test('opened from file:// with no server, the core still starts', async () => {
  const folder = pathToFileURL(`${siteDir}/`).href;
  await expectWorkedExample(`${folder}index.html`, folder);
});
