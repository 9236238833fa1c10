// The foundation's promise, in a real Chromium against dist/: the sample is analyzed on open,
// charts carry real data, pasting updates the results, and nothing breaks the CSP, logs an
// error or leaves 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitForState, screenshots, openSession, closeSession } from './harness.mjs';

let server, browser;
before(async () => ({ server, browser } = await openSession()));
after(() => closeSession({ server, browser }));

const stat = (page, name) => page.$eval(`[data-stat="${name}"]`, (el) => Number(el.textContent.replace(/\D/g, '')));

test('the sample article is analyzed on open', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await waitForState(page, 'ready');
  assert.ok((await stat(page, 'words')) > 3000, 'word count of the sample');
  assert.ok((await stat(page, 'sentences')) > 100, 'sentence count of the sample');
  assert.match(await page.textContent('#dct-source'), /dateline/);
  assert.equal(await page.inputValue('#dct'), '2025-11-05');
  const items = await page.getAttribute('#keyword-chart', 'data-items');
  assert.equal(items, '20');
  // The keyword chart's canvas has pixels drawn, not just an element.
  const inked = await page.$eval('#keyword-chart canvas', (c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  assert.ok(inked > 1000, `keyword chart has ink (${inked} pixels)`);
  assert.ok(Number(await page.getAttribute('#timeline-chart', 'data-items')) > 0, 'timeline has points');
  const firstTerms = await page.$$eval('#reading mark.date', (ms) => ms.length);
  assert.ok(firstTerms > 0, 'dates are marked in the reading pane');
  await page.screenshot({ path: join(screenshots, 'sample.png'), fullPage: false });
});

test('pasting a new text updates the results', async () => {
  const { page } = browser;
  const text = 'Harbour report\nThe port opened in 1998. Trade grew fast. Ships came in 2004 and again in 2010.\n';
  await page.fill('#text', text);
  await page.waitForFunction(() => document.querySelector('[data-stat="words"]')?.textContent === '18', null, { timeout: 20000 });
  assert.equal(await stat(page, 'sentences'), 4);
  assert.equal(await page.getAttribute('#timeline-chart', 'data-items'), '3');
  assert.equal(await page.$$eval('#reading mark.date', (ms) => ms.map((m) => m.textContent).join(',')), '1998,2004,2010');
});

test('pasted HTML stays text', async () => {
  const { page } = browser;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.fill('#text', 'Alert <img src=x onerror=alert(1)> and <script>alert(2)</script> in 2020.');
  await page.waitForFunction(() => document.querySelector('#reading')?.textContent.includes('onerror'), null, { timeout: 20000 });
  assert.equal(await page.$$eval('#reading img, #reading script', (els) => els.length), 0);
  assert.equal(dialogs, 0);
});

test('no CSP violation, console error or foreign request', async () => {
  const { page, problems } = browser;
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreign, []);
  assert.ok(server.requests.every((u) => u.startsWith('/')), 'only same-origin paths were requested');
});
