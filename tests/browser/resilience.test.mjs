// A panic or out-of-memory in wasm shows a clear message, restarts the worker, and keeps the text
// (failure-drills.test.mjs); here the failures that send no error at all, and what the page shows
// meanwhile:
// - a worker that dies silently (ended the way the system ends it when memory runs out: no error
//   event, no message; the drill hook `articleExplorer.drillSilentDeath()` does exactly that): the
//   bridge's watchdog notices the silence, restarts the worker, the page says so and keeps the text;
// - the results of the previous text are then marked out of date (visible note, aria-describedby,
//   body[data-stale]) until a new analysis succeeds;
// - Cancel from the keyboard leaves the focus in the editor, not on the page body;
// - a text over the engine's limit (20 MB) is refused before it is sent, with its size and the
//   limit in the message, and is kept (in the editor, in the library, across a reload).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  waitForState, waitForAnalysis, analyzedCount, pasteText, problemsOf, openSession, closeSession,
} from './harness.mjs';

let server, browser, page;
before(async () => ({ server, browser, page } = await openSession({ ready: true })));
after(() => closeSession({ server, browser }));

const editorText = () => page.evaluate(() => window.articleExplorer.editorText());
const message = () => page.textContent('#message');
const generation = () => page.evaluate(() => Number(document.body.dataset.worker));
const staleState = () => page.evaluate(() => ({
  body: document.body.dataset.stale,
  notes: [...document.querySelectorAll('.stale-note')].filter((n) => !n.hidden).map((n) => n.textContent),
  described: [...document.querySelectorAll('.reading-pane, .charts-pane')].map((p) => p.getAttribute('aria-describedby')),
}));
// A paste into the text box, replacing its text, as the browser delivers it.
// A paste replacing the whole text, as the browser delivers it: into the text box (all of it
// selected), or, while a big text is shown instead, on the big-text panel's focused button.
const paste = (text) => page.evaluate((t) => {
  const ta = document.getElementById('text');
  const target = ta.hidden ? document.getElementById('big-edit') : ta;
  target.focus();
  if (!ta.hidden) ta.select();
  const dt = new DataTransfer();
  dt.setData('text/plain', t);
  if (target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))) {
    if (ta.hidden) throw new Error('the paste on the big-text panel was ignored');
    ta.setRangeText(t, ta.selectionStart, ta.selectionEnd, 'end');
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }
}, text);
// Written for this test: an article of about `chars` characters with dates in every paragraph.
function article(chars, seed) {
  const paras = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const p = `The ${seed} ferry line carried ${1000 + i} passengers in March ${2000 + (i % 20)}, a council report said on ${1 + (i % 28)} June. `
      + 'Residents asked for later sailings, and the operator promised a review before next winter.';
    paras.push(p);
    n += p.length + 2;
  }
  return `${seed} ferry report\n\n${paras.join('\n\n')}\n`;
}

test('a worker that dies silently: the watchdog restarts it, the text is kept, old results are marked stale', async (t) => {
  assert.equal((await staleState()).body, 'false', 'the sample\'s results are current');
  const defaults = await page.evaluate(() => ({ ...window.articleExplorer.setWatchdog({}) }));
  assert.ok(defaults.baseMs >= 10000, `a generous default silence limit (${defaults.baseMs} ms)`);
  const gen = await generation();
  const text = article(150000, 'Harbour');
  await page.evaluate(() => window.articleExplorer.setWatchdog({ baseMs: 1500, perMbMs: 0 }));
  // The worker dies right after it was given the text (when the page turns busy; the request is
  // sent in the same task, before this observer runs).
  await page.evaluate(() => {
    const mo = new MutationObserver(() => {
      if (document.body.dataset.state !== 'busy') return;
      mo.disconnect();
      window.articleExplorer.drillSilentDeath();
      window.__killedAt = performance.now();
    });
    mo.observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
  await pasteText(page, text, { wait: false });
  await waitForState(page, 'error', 20000);
  const noticed = Math.round(await page.evaluate(() => performance.now() - window.__killedAt));
  assert.match(await message(), /stopped answering .* restarted\. Your text is kept/);
  assert.equal(await editorText(), text, 'the text is kept');
  assert.ok(await generation() > gen, 'a fresh worker');
  const stale = await staleState();
  assert.equal(stale.body, 'true');
  assert.equal(stale.notes.length, 2, 'a note over the reading pane and over the charts');
  assert.match(stale.notes[0], /previous text/);
  assert.deepEqual(stale.described, ['stale-reading', 'stale-charts']);
  t.diagnostic(`silence noticed after ${noticed} ms`);
  // Back to the normal limit; Ctrl+Enter analyzes the kept text on the new worker.
  await page.evaluate((d) => window.articleExplorer.setWatchdog(d), defaults);
  const before = await analyzedCount(page);
  await page.focus('#text');
  await page.keyboard.press('Control+Enter');
  await waitForAnalysis(page, before, 60000);
  assert.equal(await page.$eval('[data-stat="characters"]', (e) => e.textContent), text.length.toLocaleString('en'));
  assert.deepEqual(await staleState(), { body: 'false', notes: [], described: [null, null] });
});

test('Cancel from the keyboard: the work stops, the focus stays in the editor, old results are marked stale', async () => {
  const big = article(3_000_000, 'Canal');
  await paste(big);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'big-edit', 'the big-text panel has the focus');
  await page.waitForFunction(() => !document.getElementById('cancel').hidden);
  await page.focus('#cancel');
  await page.keyboard.press('Enter');
  await waitForState(page, 'cancelled');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'big-edit', 'the focus went back to the editor');
  assert.equal(await editorText(), big);
  assert.equal((await staleState()).body, 'true', 'the charts still show the previous text');
  // "Edit it in the text box (slow)": the text goes into the text box and stays there while edited.
  await page.click('#big-edit');
  assert.deepEqual(await page.evaluate(() => ({ id: document.activeElement?.id, hidden: document.getElementById('text').hidden,
    note: !!document.getElementById('big-note'), length: document.getElementById('text').value.length })),
  { id: 'text', hidden: false, note: false, length: big.length });
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  assert.equal(await page.evaluate(() => document.getElementById('text').hidden), false, 'typing does not move it out again');
  assert.equal(await editorText(), `${big}!`);
  await waitForState(page, 'busy'); // the analysis the edit started (debounced) …
  await page.keyboard.press('Escape'); // … is cancelled from the text box
  await waitForState(page, 'cancelled');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'text');
  await page.click('#new-article');
});

test('a text over the limit: refused before the engine sees it, with both sizes, and kept across a reload', async () => {
  const max = await page.evaluate(() => window.articleExplorer.features().maxInputBytes);
  assert.equal(max, 20 * 1024 * 1024);
  const gen = await generation();
  const huge = 'The tide rose in 2019. '.repeat(Math.ceil((21 * 1024 * 1024) / 23)).slice(0, 21 * 1024 * 1024);
  await paste(huge);
  await waitForState(page, 'error', 60000);
  const m = await message();
  assert.equal(m, 'Not analyzed: this text is 21.0 MB (UTF-8) and the page analyzes at most 20 MB. The text is kept in your library. '
    + 'Split it into parts of at most 20 MB, or use the command-line tool, which has no limit.');
  assert.equal(await generation(), gen, 'nothing was sent to the worker');
  assert.equal((await editorText()).length, huge.length, 'the text is kept');
  assert.match(await page.textContent('#big-note'), /21\.0 MB, 22,020,096 characters/);
  assert.equal((await staleState()).body, 'true');
  // After a reload the library reopens the text, and the page says the same.
  await page.reload();
  await waitForState(page, 'error', 60000);
  assert.equal(await message(), m);
  assert.equal((await editorText()).length, huge.length, 'the text survived the reload');
  // Multi-byte text: the limit counts UTF-8 bytes, not characters (7.5 million Chinese characters
  // are 22.5 million bytes, 21.5 MB), and a paste on the big-text panel replaces the big text.
  await paste('潮水上涨。'.repeat(1_500_000));
  await page.waitForFunction((old) => document.getElementById('message').textContent !== old
    && document.body.dataset.state === 'error', m, { timeout: 60000 });
  assert.equal((await editorText()).length, 7_500_000);
  assert.match(await message(), /this text is 21\.5 MB \(UTF-8\)/);
  // Clear: the text box comes back, empty, with the focus.
  await page.click('#big-clear');
  assert.deepEqual(await page.evaluate(() => ({ id: document.activeElement?.id, hidden: document.getElementById('text').hidden,
    note: !!document.getElementById('big-note'), text: window.articleExplorer.editorText() })), { id: 'text', hidden: false, note: false, text: '' });
  assert.deepEqual(await problemsOf(page, browser.problems), { csp: [], console: [], pageErrors: [], foreign: [] });
});
