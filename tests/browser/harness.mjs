// Shared set-up for the browser tests: a static server for dist/ on 127.0.0.1 that logs every
// request, and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

export const root = new URL('../..', import.meta.url).pathname;
// DIST serves another build of the site (scripts/build-site.mjs with OUT_DIR); default dist/.
export const dist = process.env.DIST ?? join(root, 'dist');
export const screenshots = join(root, 'target/screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
};

/** Serves `dir` under `prefix` (e.g. '/some/sub/path/') on a free port of 127.0.0.1. */
export async function serve(dir = dist, prefix = '/') {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
    if (path === '.' || path === '' || path.endsWith('/')) path = join(path, 'index.html');
    if (path.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(dir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, requests, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/**
 * Launches Chromium with a fresh profile (removed by `context.close()`) and opens a page that
 * records every problem: console errors, uncaught exceptions, CSP violations, requests that would
 * leave 127.0.0.1, and long tasks (window.__longtasks, from a PerformanceObserver).
 */
export async function openBrowser({ viewport = { width: 1400, height: 1000 }, colorScheme = 'light', locale = 'en-US', intercept = true } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ae-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport,
    colorScheme,
    locale,
    acceptDownloads: true,
  });
  // A profile is tens of megabytes and a full test run opens over a hundred: closing the context
  // also removes its profile, for every caller.
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    await rm(userDataDir, { recursive: true, force: true });
  };
  const problems = { console: [], pageErrors: [], csp: [], foreign: [] };
  const local = (url) => { const u = new URL(url); return u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1'; };
  if (intercept) {
    // Any request that would leave 127.0.0.1 is recorded and refused.
    await context.route('**/*', (route) => {
      if (local(route.request().url())) return route.continue();
      problems.foreign.push(route.request().url());
      return route.abort();
    });
  } else {
    // Timing runs: routing sends every request through this process and turns off Chromium's
    // HTTP cache (Playwright's rule), so requests are only watched. The browser's flags already
    // keep it from its own network traffic; a foreign request is still recorded.
    context.on('request', (r) => { if (!local(r.url())) problems.foreign.push(r.url()); });
  }
  await context.addInitScript(() => {
    window.__csp = [];
    window.__longtasks = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no long-task support */ }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  await mkdir(screenshots, { recursive: true });
  return { context, page, problems };
}

/**
 * What most test files share: dist/ served, a browser with a fresh profile (`browserOptions` as
 * for openBrowser) and, with `ready`, the page opened and its first analysis finished. Returns
 * `{server, browser, page}`; `closeSession` closes them.
 */
export async function openSession({ ready = false, ...browserOptions } = {}) {
  const server = await serve();
  const browser = await openBrowser(browserOptions);
  if (ready) {
    await browser.page.goto(server.url);
    await waitForState(browser.page, 'ready', 60000);
  }
  return { server, browser, page: browser.page };
}

/**
 * Makes the pages of `target` (a page or a context) keep every worker they start, in
 * `window.__workers` as `{ worker, analysis }`: `analysis` for the analysis worker (worker.js),
 * not for the library's writer. An init script, so it is in place before the page's own code.
 */
export async function keepWorkers(target) {
  await target.addInitScript(() => {
    const Native = window.Worker;
    window.__workers = [];
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        window.__workers.push({ worker: this, analysis: /(^|\/)worker\.js(\?|$)/.test(String(args[0])) });
      }
    };
  });
}

/** Closes what openSession opened (`session` may be empty when opening failed). */
export async function closeSession(session) {
  await session?.browser?.context.close();
  await session?.server?.close();
}

/** Waits until the page reports the state `state` ('ready', 'error', …). */
export async function waitForState(page, state, timeout = 20000) {
  await page.waitForFunction((s) => document.body.dataset.state === s, state, { timeout });
}

/** Replaces the editor's text as a paste would (one input event) and waits for the analysis. */
export async function pasteText(page, text, { wait = true } = {}) {
  const before = await page.evaluate(() => Number(document.body.dataset.analyzed ?? 0));
  await page.evaluate((t) => {
    const ta = document.getElementById('text');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  if (wait) await waitForAnalysis(page, before);
}

/** Waits until the page finished one more analysis than `before` (body[data-analyzed]). */
export async function waitForAnalysis(page, before, timeout = 30000) {
  await page.waitForFunction((b) => Number(document.body.dataset.analyzed ?? 0) > b && document.body.dataset.state === 'ready',
    before, { timeout });
}

export const analyzedCount = (page) => page.evaluate(() => Number(document.body.dataset.analyzed ?? 0));

/** Drops a file with `bytes` (Buffer/Uint8Array) named `name` on the editor, as a user's drag and drop would. */
export async function dropFile(page, name, bytes, type = 'text/plain') {
  await page.evaluate(({ name: n, data, type: ty }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], n, { type: ty }));
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, { name, data: [...bytes], type });
}

/** Clicks the button `selector` and returns the downloaded file's name and bytes. */
export async function downloadFrom(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** Asserts nothing went wrong: no CSP violation, console error, page error or foreign request. */
export async function problemsOf(page, problems) {
  return {
    csp: await page.evaluate(() => window.__csp),
    console: problems.console,
    pageErrors: problems.pageErrors,
    foreign: problems.foreign,
  };
}
