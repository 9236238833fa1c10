// Failure drills, in Debian's Chromium against the real dist/: the engine panics, the worker is
// killed mid-analysis, IndexedDB runs out of quota, a stored entry is corrupted, the database is
// from a future version, the text is over the size limit. In each the page says what happened in
// words, the user's text survives, and the page recovers by itself — no reload (a marker set on
// `window` at the start must still be there).
//
// How each failure is caused (an init script, installed before the page's own code runs):
// - panic: the worker's next analyze message gets `options.__debug_panic = true`, which makes the
//   wasm `analyze` panic (src/wasm.rs; only page code can set options, never the text);
// - worker killed: the page keeps each worker it starts (harness `keepWorkers`); the drill terminates it
//   mid-analysis and delivers the error event the browser sends when a worker dies;
// - quota: IDBObjectStore.prototype.put throws QuotaExceededError while the drill is on;
// - corrupted entry / future database: written with indexedDB directly, then the page is reloaded
//   (the damage is at rest, so the page meets it when it opens).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitForState, pasteText, analyzedCount, screenshots, openSession, closeSession, keepWorkers } from './harness.mjs';

let server, browser, page;

before(async () => {
  ({ server, browser, page } = await openSession());
  await keepWorkers(browser.context);
  await browser.context.addInitScript(() => {
    const drill = { panicNext: false, quota: false };
    window.__drill = drill;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (drill.panicNext && msg && (msg.op ?? 'analyze') === 'analyze' && typeof msg.text === 'string') {
        drill.panicNext = false;
        msg = { ...msg, options: { ...(msg.options ?? {}), __debug_panic: true } };
      }
      return post.call(this, msg, ...rest);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (drill.quota && this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto(server.url);
  await waitForState(page, 'ready', 60000);
  await page.evaluate(() => { window.__notReloaded = true; });
});

after(() => closeSession({ server, browser }));

// The text being analyzed: the text box's, or a big text the page holds outside it.
const editorText = () => page.evaluate(() => window.articleExplorer.editorText());
const message = () => page.textContent('#message');
const libMessage = () => page.textContent('#lib-message');
const stat = (name) => page.$eval(`[data-stat="${name}"]`, (el) => Number(el.textContent.replace(/\D/g, '')));
const notReloaded = () => page.evaluate(() => window.__notReloaded === true);
/** Sets the editor's text as a paste does, without waiting for the analysis. */
const type = (text) => page.evaluate((t) => {
  const ta = document.getElementById('text');
  ta.value = t;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}, text);
/** Recovery: a fresh edit is analyzed to the end, with the right counts. */
async function recovers(label) {
  const text = `${label}\nThe bridge reopened in 2021. Traffic returned in 2022.\n`;
  await pasteText(page, text);
  assert.equal(await stat('sentences'), 3, `${label}: the next analysis is complete`);
  assert.ok(await notReloaded(), `${label}: recovered without a reload`);
}

test('drill: the engine panics — a clear message, the text kept, the next edit analyzed', async () => {
  const text = `Panic drill ${Date.now()}\nThe mill closed in 1998 and reopened in 2005.\n`;
  const workers = await page.evaluate(() => window.__workers.length);
  await page.evaluate(() => { window.__drill.panicNext = true; });
  await type(text);
  await waitForState(page, 'error', 30000);
  assert.match(await message(), /crashed/i);
  assert.match(await message(), /text is kept/i);
  assert.equal(await editorText(), text, 'the text survives');
  await page.screenshot({ path: join(screenshots, 'drill-panic.png') });
  await recovers('After the panic');
  assert.ok(await page.evaluate(() => window.__workers.length) > workers, 'a fresh worker replaced the crashed one');
});

test('drill: the worker is killed mid-analysis — a clear message, the text kept, the next edit analyzed', async () => {
  const n0 = await analyzedCount(page);
  const long = `Kill drill\n${'The council met on 5 May 2019 and again in June 2020. '.repeat(120000)}`;
  await page.evaluate((t) => {
    const ta = document.getElementById('text');
    ta.value = t;
    ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  }, long);
  await waitForState(page, 'busy');
  await page.waitForFunction(() => Number(document.getElementById('progress')?.value) > 0, null, { timeout: 30000 });
  await page.evaluate(() => {
    // The analysis worker (the page also has one that writes long texts to the library).
    const w = window.__workers.filter((x) => x.analysis).at(-1).worker;
    w.terminate();
    w.dispatchEvent(new ErrorEvent('error', { message: 'drill: the worker was killed', cancelable: true }));
  });
  await waitForState(page, 'error', 10000);
  assert.match(await message(), /crashed|stopped/i);
  assert.match(await message(), /drill: the worker was killed/);
  assert.equal((await editorText()).length, long.length, 'the text survives');
  assert.equal(await analyzedCount(page), n0, 'no result from the killed run');
  await recovers('After the kill');
});

test('drill: IndexedDB quota exceeded — the analysis still runs, the user is told, saving resumes', async () => {
  await page.click('#new-article');
  const text = `Quota drill ${Date.now()}\nThe dam was finished in 1961. It was raised in 1983.\n`;
  await page.evaluate(() => {
    document.getElementById('lib-message').textContent = '';
    window.__drill.quota = true;
  });
  await pasteText(page, text);
  assert.equal(await stat('sentences'), 3, 'analysis ran although saving failed');
  assert.match(await libMessage(), /could not save/i);
  assert.match(await libMessage(), /quota/i);
  assert.equal(await editorText(), text, 'the text survives');
  const titles = () => page.$$eval('#library-list .entry-title', (bs) => bs.map((b) => b.textContent));
  assert.ok(!(await titles()).some((s) => s.startsWith('Quota drill')), 'nothing half-saved');
  // Space again: the next edit is saved, without a reload.
  await page.evaluate(() => { window.__drill.quota = false; });
  await pasteText(page, `${text}It was repaired in 2011.\n`);
  await page.waitForFunction(() => [...document.querySelectorAll('#library-list .entry-title')].some((b) => b.textContent.startsWith('Quota drill')));
  assert.ok(await notReloaded());
});

test('drill: a text over the size limit is refused with the limit in the message, and kept', async () => {
  const max = await page.evaluate(() => window.articleExplorer?.features?.().maxInputBytes ?? null);
  assert.ok(max > 0, 'the engine reports its limit');
  const huge = await page.evaluate((limit) => {
    const unit = 'The harbour grew in 2019. ';
    const t = unit.repeat(Math.ceil((limit + 1024 * 1024) / unit.length));
    const ta = document.getElementById('text');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return t.length;
  }, max);
  await waitForState(page, 'error', 60000);
  const m = await message();
  assert.match(m, /too large|at most/i);
  assert.match(m, new RegExp(`${Math.round(max / 1024 / 1024)} MB`));
  assert.equal((await editorText()).length, huge, 'the text survives');
  await recovers('After the refusal');
});

test('drill: a corrupted stored entry is skipped with a message; the rest of the library works', async () => {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const r = indexedDB.open('article-explorer');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const tx = r.result.transaction(['articles', 'settings'], 'readwrite');
      tx.objectStore('articles').put({ id: 'drill-bad-1', text: 42, created: 'yesterday' });
      tx.objectStore('articles').put({ id: 'drill-bad-2', text: 'no dates', created: 1, updated: null, title: { html: '<b>x</b>' } });
      tx.objectStore('settings').put('drill-bad-1', 'current'); // the page was last on the broken entry
      tx.oncomplete = () => { r.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await waitForState(page, 'ready', 60000);
  await page.evaluate(() => { window.__notReloaded = true; });
  assert.match(await libMessage(), /2 damaged entr/);
  const ids = await page.$$eval('#library-list li', (lis) => lis.map((li) => li.dataset.id));
  assert.ok(!ids.includes('drill-bad-1') && !ids.includes('drill-bad-2'), 'damaged entries are not listed');
  assert.ok(ids.length > 0, 'the good entries are');
  assert.ok((await editorText()).length > 0, 'the page opened something readable instead of the broken entry');
  await page.click('#new-article');
  await recovers('After the corrupted entry');
});

test('drill: a database from a future version — the page still analyzes and says the library is unavailable', async () => {
  await page.evaluate(() => new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase('article-explorer');
    del.onsuccess = () => {
      const r = indexedDB.open('article-explorer', 999);
      r.onupgradeneeded = () => r.result.createObjectStore('from-the-future');
      r.onsuccess = () => { r.result.close(); resolve(); };
      r.onerror = () => reject(r.error);
    };
    del.onerror = () => reject(del.error);
    del.onblocked = () => reject(new Error('delete blocked'));
  }));
  await page.reload();
  await waitForState(page, 'ready', 60000);
  await page.evaluate(() => { window.__notReloaded = true; });
  assert.match(await page.textContent('#library-list'), /IndexedDB unavailable|does not keep a library/);
  // The future database is left as it was (no downgrade, no data loss).
  const stores = await page.evaluate(() => new Promise((resolve) => {
    const r = indexedDB.open('article-explorer');
    r.onsuccess = () => { const names = [...r.result.objectStoreNames]; const v = r.result.version; r.result.close(); resolve({ v, names }); };
  }));
  assert.deepEqual(stores, { v: 999, names: ['from-the-future'] });
  await recovers('With a future database');
});

test('drills left no CSP violation or foreign request', async () => {
  const { problems } = browser;
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems.foreign, []);
  // The panic drill logs the Rust panic message (console_error_panic_hook): expected; nothing else.
  const unexpected = problems.console.filter((m) => !/debug panic drill|RuntimeError|unreachable/.test(m));
  assert.deepEqual(unexpected, []);
  assert.deepEqual(problems.pageErrors.filter((m) => !/unreachable|RuntimeError/.test(m)), []);
});
