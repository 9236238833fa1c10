// The official terms in the keyword settings: a term the reader adds is one keyword (its parts no
// longer count alone), the setting survives a reload, a built-in term dropped there splits again,
// and a share link carries the edits to a fresh browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, closeSession, openBrowser, pasteText, waitForAnalysis, waitForState, analyzedCount, problemsOf } from './harness.mjs';

// 新型储能 is not a built-in term, and the segmenter cuts it (新型 / 储能); 二十届三中全会 is built in.
const TEXT = '各地加快发展新型储能。新型储能装机规模扩大。新型储能产业链完善。推动新型储能多元化发展。'
  + '党的二十届三中全会召开。学习二十届三中全会精神。贯彻二十届三中全会部署。';

let session;
before(async () => {
  session = await openSession({ ready: true });
});
after(() => closeSession(session));

/** The single-word keywords of the report on screen. */
const words = (page) => page.evaluate(() => window.articleExplorer.report().keywords.filter((k) => k.kind === 'word').map((k) => k.term));

/** Writes the two official-term fields of the keyword settings and applies them. */
async function applyTerms(page, add, drop) {
  await page.evaluate(() => { document.querySelector('details.kw-settings').open = true; });
  await page.fill('#terms-add', add);
  await page.fill('#terms-drop', drop);
  const before = await analyzedCount(page);
  await page.click('#kw-settings button[type=submit]');
  await waitForAnalysis(page, before, 60000);
}

test('a term added in the settings is one keyword, and is still there after a reload', async () => {
  const { page } = session;
  await pasteText(page, TEXT);
  const plain = await words(page);
  assert.ok(!plain.includes('新型储能') && plain.includes('二十届三中全会'), plain.join(' '));

  await applyTerms(page, '新型储能', '');
  const added = await words(page);
  assert.ok(added.includes('新型储能'), added.join(' '));
  assert.ok(!added.includes('储能'), `its parts no longer count alone: ${added.join(' ')}`);
  // The keyword chart draws it whole.
  const bars = await page.evaluate(() => [0, 1, 2, 3, 4].map((i) => window.articleExplorer.keywordBar(i)?.term));
  assert.ok(bars.includes('新型储能'), bars.join(' '));

  await page.reload();
  await waitForState(page, 'ready', 60000);
  assert.equal(await page.inputValue('#terms-add'), '新型储能', 'the setting is kept');
  await pasteText(page, TEXT);
  assert.ok((await words(page)).includes('新型储能'));
});

test('a built-in term dropped in the settings splits again; clearing the fields restores it', async () => {
  const { page } = session;
  await pasteText(page, TEXT);
  await applyTerms(page, '', '二十届三中全会');
  assert.ok(!(await words(page)).includes('二十届三中全会'));
  await applyTerms(page, '', '');
  assert.ok((await words(page)).includes('二十届三中全会'));
});

test('a share link carries the term edits to a fresh browser', async () => {
  const { page, server } = session;
  await pasteText(page, TEXT);
  await applyTerms(page, '新型储能', '二十届三中全会');
  await page.click('#share-btn');
  await page.click('#share-copy');
  await page.waitForFunction(() => document.getElementById('share-link')?.value.includes('#share/1/'));
  const link = await page.inputValue('#share-link');
  assert.ok(link.startsWith(server.url));
  const b = await openBrowser();
  try {
    await b.page.goto(link);
    await b.page.waitForSelector('#share-banner #share-check[data-same="true"]', { timeout: 60000 });
    await waitForState(b.page, 'ready', 60000);
    const shown = await words(b.page);
    assert.ok(shown.includes('新型储能') && !shown.includes('二十届三中全会'), shown.join(' '));
    assert.equal(await b.page.inputValue('#terms-add'), '新型储能');
    assert.deepEqual(await problemsOf(b.page, b.problems), { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await b.context.close();
  }
});
