// Sharing: a link made from the sample opens in a fresh browser with the same report and without
// touching the library there; a changed or cut link and a malformed bundle get a message and change
// nothing; the single-file report opens from file:// without a request and shows its charts; the
// bundle opens again through the library's import; the embed view draws in an iframe of a page
// served from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, openBrowser, waitForState, downloadFrom, problemsOf, pasteText } from './harness.mjs';

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

let server;
let a; // the browser that makes the link and the files
let link;
let reportHash;
let html;
let bundle;

before(async () => {
  server = await serve();
  a = await openBrowser();
  await a.page.goto(server.url);
  await waitForState(a.page, 'ready', 60000);
  reportHash = sha((await downloadFrom(a.page, '#export-report')).bytes);
  await a.page.click('#share-btn');
  await a.page.click('#share-copy');
  await a.page.waitForFunction(() => document.getElementById('share-link')?.value.includes('#share/1/'));
  link = await a.page.inputValue('#share-link');
  html = (await downloadFrom(a.page, '#share-html')).bytes;
  bundle = (await downloadFrom(a.page, '#share-bundle')).bytes;
});

after(async () => {
  await a?.context.close();
  await server?.close();
});

const libraryCount = (page) => page.$$eval('#library-list li[data-id]', (l) => l.length);

test('a share link of the sample is under 16,000 characters and carries provenance', async () => {
  assert.ok(link.length < 16000, `${link.length} characters`);
  assert.ok(link.startsWith(server.url), link.slice(0, 80));
  const provenance = await a.page.textContent('#share-provenance');
  assert.match(provenance, /[0-9a-f]{64}/);
  assert.match(provenance, /engine \d+\.\d+\.\d+/);
});

test('the link opens in a fresh browser with the same report, and is not saved there', async () => {
  const b = await openBrowser();
  try {
    const before = server.requests.length;
    await b.page.goto(link);
    await b.page.waitForSelector('#share-banner #share-check[data-same="true"]', { timeout: 60000 });
    await waitForState(b.page, 'ready', 60000);
    const asked = server.requests.slice(before);
    assert.ok(asked.includes('/article_explorer_share_bg.wasm'), 'the share module reads the link');
    assert.ok(!asked.includes('/article_explorer_bg.wasm'), 'an English link does not need the full engine');
    assert.equal(sha((await downloadFrom(b.page, '#export-report')).bytes), reportHash, 'the same report');
    const shown = await b.page.textContent('#share-banner');
    assert.ok(shown.includes(createHash('sha256').update(await b.page.evaluate(() => window.articleExplorer.editorText())).digest('hex')));
    assert.equal(await libraryCount(b.page), 0, 'not saved to the library');
    // Saving is the reader's choice.
    await b.page.click('#share-save');
    await b.page.waitForFunction(() => document.querySelectorAll('#library-list li[data-id]').length === 1);
    assert.deepEqual(await problemsOf(b.page, b.problems), { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await b.context.close();
  }
});

test('a changed or cut link gets a message and changes nothing', async () => {
  const b = await openBrowser();
  try {
    const at = link.indexOf('#share/1/') + 200;
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    for (const bad of [changed, link.slice(0, link.length - 40)]) {
      await b.page.goto('about:blank');
      await b.page.goto(bad);
      await b.page.waitForSelector('#share-banner .error', { timeout: 60000 });
      assert.match(await b.page.textContent('#share-banner'), /could not be opened: the link is damaged/);
      assert.equal(await libraryCount(b.page), 0);
    }
  } finally {
    await b.context.close();
  }
});

test('the single-file report opens from file:// with no request and shows its charts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ae-report-'));
  const file = join(dir, 'report.html');
  await writeFile(file, html);
  const b = await openBrowser({ intercept: false });
  const requests = [];
  b.context.on('request', (r) => requests.push(r.url()));
  try {
    await b.page.goto(`file://${file}`);
    await b.page.waitForLoadState('load');
    const seen = await b.page.evaluate(() => ({
      scripts: document.scripts.length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      images: [...document.images].map((i) => ({ ok: i.complete && i.naturalWidth > 0, svg: i.src.startsWith('data:image/svg+xml') })),
      tables: document.querySelectorAll('table').length,
      marks: document.querySelectorAll('.reading mark.date').length,
      styled: getComputedStyle(document.body).maxWidth,
      violations: window.__csp,
    }));
    assert.equal(seen.scripts, 0, 'no script');
    assert.match(seen.csp, /default-src 'none'/);
    assert.ok(seen.images.length >= 4 && seen.images.every((i) => i.ok && i.svg), JSON.stringify(seen.images));
    assert.ok(seen.tables >= 4 && seen.marks > 0, JSON.stringify(seen));
    assert.notEqual(seen.styled, 'none', 'the style sheet applies under the CSP (by hash)');
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [`file://${file}`], 'no request but the file');
  } finally {
    await b.context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the bundle opens through the library import; a malformed one changes nothing', async () => {
  const b = await openBrowser();
  const dir = await mkdtemp(join(tmpdir(), 'ae-bundle-'));
  try {
    await b.page.goto(server.url);
    await waitForState(b.page, 'ready', 60000);
    const data = JSON.parse(bundle.toString('utf8'));
    const bad = { ...data, text: `${data.text} changed` };
    for (const [name, bytes] of [['changed.json', JSON.stringify(bad)], ['cut.json', bundle.subarray(0, bundle.length - 100)]]) {
      await writeFile(join(dir, name), bytes);
      await b.page.setInputFiles('#lib-import', join(dir, name));
      await b.page.waitForFunction(() => document.getElementById('lib-message').className.includes('error'), null, { timeout: 60000 });
      assert.match(await b.page.textContent('#lib-message'), /could not be opened: .*(fingerprint|not a valid).*Nothing was changed/);
      assert.equal(await libraryCount(b.page), 0);
      await b.page.evaluate(() => { document.getElementById('lib-message').className = ''; });
    }
    await writeFile(join(dir, 'good.json'), bundle);
    await b.page.setInputFiles('#lib-import', join(dir, 'good.json'));
    await b.page.waitForSelector('#share-banner #share-check[data-same="true"]', { timeout: 60000 });
    await waitForState(b.page, 'ready', 60000);
    assert.equal(sha((await downloadFrom(b.page, '#export-report')).bytes), reportHash, 'the same report');
    assert.deepEqual(await problemsOf(b.page, b.problems), { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await b.context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the embed view draws in an iframe of a page from another origin', async () => {
  const fragment = link.slice(link.indexOf('#'));
  const src = `${server.url}embed.html?view=timeline${fragment}`;
  const host = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' })
    .end(`<!doctype html><title>blog</title><iframe id="f" src="${src.replace(/"/g, '&quot;')}" width="640" height="420"></iframe>`));
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const b = await openBrowser();
  try {
    // A reader who has visited the site has its Service Worker, which must not answer the embed
    // view's navigation with the page.
    await b.page.goto(server.url);
    await waitForState(b.page, 'ready', 60000);
    await b.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    const before = server.requests.length;
    await b.page.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = b.page.frameLocator('#f');
    await frame.locator('body[data-state="ready"]').waitFor({ timeout: 60000 });
    assert.ok(await frame.locator('#embed-chart canvas').count() > 0, 'a chart is drawn');
    const box = await frame.locator('#embed-chart').boundingBox();
    assert.ok(box.width > 500 && box.height > 200, JSON.stringify(box));
    const asked = server.requests.slice(before).map((u) => u.split('?')[0]);
    assert.ok(!asked.some((u) => /\/(main|worker|boot)\.js$|style\.css$/.test(u)), `the embed loads only what it needs: ${asked}`);
    assert.deepEqual(await problemsOf(b.page, b.problems), { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await b.context.close();
    await new Promise((r) => host.close(r));
  }
});

test('a text too long for a link says so and points to the files', async () => {
  // Random letters barely compress: 60,000 of them make a link far over the limit.
  let x = 12345;
  const words = [];
  for (let i = 0; i < 10000; i++) {
    let w = '';
    for (let j = 0; j < 5; j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w += String.fromCharCode(97 + (x % 26));
    }
    words.push(w);
  }
  const page = a.page;
  await page.keyboard.press('Escape');
  await pasteText(page, `Long note\n\n${words.join(' ')}.\n`);
  await page.click('#share-btn');
  await page.click('#share-copy');
  await page.waitForFunction(() => document.getElementById('share-message')?.textContent.includes('too long for a link'));
  assert.match(await page.textContent('#share-message'), /limit is 32000.*as a file instead/);
  assert.equal(await page.isVisible('#share-link'), false, 'no link offered');
  assert.ok((await downloadFrom(page, '#share-bundle')).bytes.length > 60000, 'the bundle still works');
});
