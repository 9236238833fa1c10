// The early start (www/features/analysis/boot.js and start-hint.js): the page asks the worker for the sample's
// analysis before main.js has loaded, and uses that report only when it then asks for exactly
// the same text and options.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState, openSession, closeSession, keepWorkers } from './harness.mjs';

let server, browser;
before(async () => ({ server, browser } = await openSession()));
after(() => closeSession({ server, browser }));

const topTerm = (page) => page.evaluate(() => window.articleExplorer.keywordBar(0)?.term);
const hint = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('ae:start')));

test('a first visit is answered by the early analysis, and the hint names the sample shown', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.articleExplorer.answeredEarly()), true);
  const h = await hint(page);
  assert.equal(h.sampleId, await page.inputValue('#sample'));
  assert.deepEqual(h.options.stopwords_add, []);
});

test('an early analysis with other options is not used: the page shows its own options\' report', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await waitForState(page, 'ready');
  const top = await topTerm(page);
  assert.ok(top, 'the sample has a top keyword');
  // A hint whose options drop that keyword; the page itself still has the default options.
  await page.evaluate((term) => {
    const h = JSON.parse(localStorage.getItem('ae:start'));
    localStorage.setItem('ae:start', JSON.stringify({ ...h, options: { ...h.options, stopwords_add: [term] } }));
  }, top);
  await page.reload();
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.articleExplorer.answeredEarly()), false);
  assert.equal(await topTerm(page), top, 'the report is the one for the page\'s own options');
  // The page wrote the true hint back: the next visit starts early again.
  assert.deepEqual((await hint(page)).options.stopwords_add, []);
  await page.reload();
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.articleExplorer.answeredEarly()), true);
  assert.equal(await topTerm(page), top);
});

test('a library article in the editor: no early analysis on the next visit', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await waitForState(page, 'ready');
  const before = await page.evaluate(() => Number(document.body.dataset.analyzed ?? 0));
  await page.fill('#text', 'A short article of my own.\n\nOn 3 March 2021 the council met. It will meet again next year.');
  await page.waitForFunction((b) => Number(document.body.dataset.analyzed ?? 0) > b && document.body.dataset.state === 'ready', before);
  assert.equal(await hint(page), null);
  await page.reload();
  await waitForState(page, 'ready');
  assert.equal(await page.evaluate(() => window.articleExplorer.answeredEarly()), false);
  assert.match(await page.inputValue('#text'), /A short article of my own/);
});

test('the Chinese sample shown last is analyzed early on the next visit', async () => {
  const { page } = browser;
  await page.goto(server.url);
  await waitForState(page, 'ready');
  const zh = await page.$$eval('#sample option', (os) => os.map((o) => o.value).find((v) => v.startsWith('zh')));
  assert.ok(zh, 'a Chinese sample is offered');
  const before = await page.evaluate(() => Number(document.body.dataset.analyzed ?? 0));
  await page.selectOption('#sample', zh);
  await page.waitForFunction((b) => Number(document.body.dataset.analyzed ?? 0) > b && document.body.dataset.state === 'ready', before, { timeout: 60000 });
  assert.equal((await hint(page)).sampleId, zh);
  await page.reload();
  await waitForState(page, 'ready', 60000);
  assert.equal(await page.inputValue('#sample'), zh);
  assert.equal(await page.evaluate(() => window.articleExplorer.answeredEarly()), true);
  assert.equal(await page.evaluate(() => document.querySelector('[data-stat="language"]').textContent.length > 0), true);
});

test('boot.js arriving after the page has its worker starts no second one', async () => {
  // Held back until the page has analyzed with a worker of its own, then served with a marker
  // that says it ran; every analysis worker the page makes is counted. A fresh profile: no service worker
  // answers for the network yet.
  const session = await openSession();
  try {
    const { page } = session;
    await keepWorkers(page);
    const analysisWorkers = () => page.evaluate(() => window.__workers.filter((w) => w.analysis).length);
    let release = () => {};
    const held = new Promise((r) => { release = r; });
    await page.route('**/boot.js', async (route) => {
      await held;
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nglobalThis.__bootRan = true;\n` });
    });
    await page.goto(session.server.url, { waitUntil: 'domcontentloaded' }); // "load" would wait for boot.js
    await waitForState(page, 'ready', 60000);
    assert.equal(await analysisWorkers(), 1, 'the page started its own worker');
    release();
    await page.waitForFunction(() => globalThis.__bootRan === true, null, { timeout: 30000 });
    assert.equal(await analysisWorkers(), 1, 'boot.js started none');
    assert.equal(await page.evaluate(() => window.articleExplorer.answeredEarly()), false);
  } finally {
    await closeSession(session);
  }
});
