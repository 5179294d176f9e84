// Prints what the first view of the built site costs a reader: the bytes transferred (each file
// the browser asked for, gzip-compressed as a web host would send it) and the time from
// navigation to the first section's numbers on screen, in headless Chromium on localhost
// (median of 7 loads). The browser says which files; their bytes are read from build/site, since
// Chromium may drop a response's body before it can be read.
//   node scripts/measure-site.mjs
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchBrowser, serveSite, siteDir } from '../tests/browser/harness.mjs';

const loads = 7;
const server = await serveSite();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const requested = new Set();  // the site paths of the last load's requests, each once
  let recording = false;
  page.on('request', (request) => {
    if (recording && request.url().startsWith(server.url)) requested.add(new URL(request.url()).pathname);
  });
  // Records when the concatenated context first shows numbers; performance.now() counts from navigation.
  await page.addInitScript(() => {
    const check = () => {
      const output = document.querySelector('embedding-lab')?.shadowRoot?.getElementById('concatenation');
      if (output?.textContent.startsWith('[')) window.firstNumbersAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });

  const times = [];
  for (let i = 0; i < loads; i++) {
    recording = i === loads - 1;
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.firstNumbersAt !== undefined);
    times.push(await page.evaluate(() => window.firstNumbersAt));
  }
  let total = 0;
  console.log('First view, bytes a host sends gzip-compressed:');
  await page.waitForLoadState('networkidle');  // what the first view goes on to load (the training worker)
  recording = false;
  for (const path of requested) {
    const bytes = gzipSync(readFileSync(`${siteDir}${path === '/' ? '/index.html' : path}`), { level: 9 }).length;
    total += bytes;
    console.log(`  ${String(bytes).padStart(9)}  ${path}`);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${String(total).padStart(9)}  in all (${(total / 1024).toFixed(1)} KiB; aim: under 400 KB)`);
  console.log(`Navigation to the first numbers on screen: median ${times[loads >> 1].toFixed(0)} ms ` +
    `(fastest ${times[0].toFixed(0)}, slowest ${times[loads - 1].toFixed(0)}, ${loads} loads; aim: under 1000 ms)`);
} finally {
  await browser.close();
  await server.close();
}
