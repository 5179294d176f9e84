// What the browser tests share: the built site served on a free localhost port, and Debian's
// Chromium driven headless by playwright-core (no browser download).
import http from 'node:http';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { fileURLToPath } from 'node:url';

export const siteDir = fileURLToPath(new URL('../../build/site', import.meta.url));
export const screenshots = fileURLToPath(new URL('../../build/screenshots', import.meta.url));

/**
 * Serves build/site at a free port; resolves to { url, origin, close() }.
 * @param options.prefix the site's folder on the server, e.g. '/course/lab/' (default '/')
 * @param options.headers headers for every response, e.g. a Content-Security-Policy
 * @param options.host '127.0.0.1' or 'localhost': two hosts are two origins
 * @param options.extra { path: html or () => html } pages served besides the site (a host page)
 */
export function serveSite({ prefix = '/', headers = {}, host = '127.0.0.1', extra = {} } = {}) {
  const files = sirv(siteDir, { dev: true });
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const notFound = () => { res.statusCode = 404; res.end(); };
    if (extra[req.url]) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(typeof extra[req.url] === 'function' ? extra[req.url]() : extra[req.url]);
    } else if (req.url.startsWith(prefix)) {
      req.url = `/${req.url.slice(prefix.length)}`;
      files(req, res, notFound);
    } else {
      notFound();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const origin = `http://${host}:${server.address().port}`;
    // close() also drops the browser's kept-alive connections, which would otherwise hold it open.
    resolve({ url: `${origin}${prefix}`, origin, close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }) });
  }));
}

/**
 * The lab served on one origin (localhost) and a course page on another (127.0.0.1) at
 * /host.html, whose iframe shows embed.html with the hash hashFor(the course page's origin).
 * Resolves to { lab, parent }, two servers to close.
 */
export async function iframeOnAnotherOrigin(hashFor) {
  const lab = await serveSite({ host: 'localhost' });
  const parent = await serveSite({
    extra: {
      '/host.html': () => `<!doctype html><html lang="en"><head><title>A course</title><link rel="icon" href="data:,"></head><body>
        <iframe id="lab" title="Embedding Lab" width="900" height="700" src="${lab.url}embed.html#${hashFor(parent.origin)}"></iframe></body></html>`,
    },
  });
  return { lab, parent };
}

/** The strictest policy the lab supports: its own scripts and styles only, WebAssembly compiled from bytes. */
export const strictPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Serves the site under strictPolicy for the time check(site) runs, then closes the server. */
export async function underStrictPolicy(check) {
  const strict = await serveSite({ headers: { 'Content-Security-Policy': strictPolicy } });
  try {
    return await check(strict);
  } finally {
    await strict.close();
  }
}

/** The four ways a reader sees the page: desktop and phone widths, each in light and dark. */
export const layouts = ['light', 'dark'].flatMap((colorScheme) => [1280, 360].map((width) => ({ width, colorScheme })));

/**
 * One browser and one server of the site for a test file: started before its tests, closed
 * after them. The returned object's `browser` and `server` are set once started.
 */
export function browserAndSite() {
  const shared = { browser: null, server: null };
  before(async () => {
    shared.browser = await launchBrowser();
    shared.server = await serveSite();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
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
 * exceptions, and requests outside `origin` (a URL prefix, or several; a folder for file://).
 * `options` are Playwright's page options (viewport, hasTouch...).
 */
export async function watchedPage(browser, origin, options = {}) {
  const allowed = [origin].flat();
  const page = await browser.newPage(options);
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    const local = url.startsWith('data:') || url.startsWith('blob:');  // made by the page itself
    if (!allowed.some((prefix) => url.startsWith(prefix)) && !local) problems.push(`request outside the site: ${url}`);
  });
  return { page, problems };
}

/**
 * The page at `url` (the site's own by default), once its lab is ready, seen at `width` px in a
 * colour scheme, with its problems and the requests for the site file `watch` recorded.
 */
export async function openWatched(site, { url = site.server.url, origin = site.server.url, width = 1280, colorScheme = 'light', watch } = {}) {
  const { page, problems } = await watchedPage(site.browser, origin, { colorScheme });
  await page.setViewportSize({ width, height: 900 });
  const requests = [];
  page.on('request', (request) => { if (request.url().endsWith(watch)) requests.push(request.url()); });
  await page.goto(url);
  await page.waitForSelector('embedding-lab[ready]', { timeout: 15000 });
  return { page, problems, requests };
}
