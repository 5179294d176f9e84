// What the browser tests share: the built site served on a free localhost port, and Debian's
// Chromium driven headless by playwright-core (no browser download).
import http from 'node:http';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { fileURLToPath } from 'node:url';

export const siteDir = fileURLToPath(new URL('../../build/site', import.meta.url));

/** Serves build/site on 127.0.0.1 at a free port; resolves to { url, close() }. */
export function serveSite() {
  const files = sirv(siteDir, { dev: true });
  const server = http.createServer((req, res) => files(req, res, () => { res.statusCode = 404; res.end(); }));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

/** Headless Chromium with the flags this machine's closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * A new page that records what a reader would never want to see: console errors, uncaught
 * exceptions, and requests that leave the page's own origin (or folder, for file://).
 */
export async function watchedPage(browser, origin) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`request outside the site: ${url}`);
  });
  return { page, problems };
}
