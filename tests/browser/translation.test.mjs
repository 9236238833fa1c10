// The translation view: the test pair of tests/fixtures/align/ (a Chinese rendering of part of
// the sample's English text, with a date and a number changed on purpose) aligned in the page,
// scored against the expected alignment written beside it; flags reached by keyboard; exports;
// a clear message for two texts in one language; no CSP violation (the view's style sheet is
// constructed, not inline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, closeSession, pasteText, downloadFrom, problemsOf, root, screenshots } from './harness.mjs';

const dir = join(root, 'tests/fixtures/align');
const ZH = readFileSync(join(dir, 'zh.txt'), 'utf8');
const EN = readFileSync(join(dir, 'en.txt'), 'utf8');
const expected = readFileSync(join(dir, 'expected.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
const expectedLinks = new Set(expected.filter((r) => r[0] === 'link').map((r) => `${r[1]}-${r[2]}`));

let session;
let page;
before(async () => {
  session = await openSession({ ready: true });
  page = session.page;
});
after(() => closeSession(session));

test('a Chinese text and its English version align in the page with the planted flags', async () => {
  await page.click('#new-article');
  await pasteText(page, ZH);
  await page.click('#new-article');
  await pasteText(page, EN);
  const ids = await page.$$eval('#library-list li', (lis) => lis.map((li) => [li.querySelector('.entry-title')?.textContent ?? '', li.dataset.id]));
  const zhId = ids.find(([title]) => title.includes('坚定不移'))?.[1];
  const enId = ids.find(([title]) => title.includes('Firmly Upholding'))?.[1];
  assert.ok(zhId && enId, `library entries: ${JSON.stringify(ids)}`);
  await page.selectOption('#cmp-a', zhId);
  await page.selectOption('#cmp-b', enId);
  // The check runs in the view's chunk, loaded by the pickers' change: the hint comes a moment later.
  const hinted = await page.waitForSelector('#align-hint', { state: 'visible', timeout: 15000 }).then(() => true, () => false);
  assert.equal(hinted, true, 'a zh/en pair with common years is suggested');
  await page.click('#align-btn');
  await page.waitForFunction(() => document.body.dataset.translation === 'ready', null, { timeout: 60000 });

  // Links from the rows (every line of both files is one paragraph, so paragraph = line).
  const rows = await page.$$eval('#tr-table tbody tr', (trs) => trs.map((tr) => ({ zh: tr.dataset.zh, en: tr.dataset.en,
    flags: [...tr.querySelectorAll('.tr-flag')].map((b) => b.dataset.kind) })));
  const found = new Set();
  for (const r of rows) for (const z of r.zh.split(' ').filter(Boolean)) for (const e of r.en.split(' ').filter(Boolean)) found.add(`${z}-${e}`);
  const hits = [...found].filter((l) => expectedLinks.has(l)).length;
  const precision = hits / found.size;
  const recall = hits / expectedLinks.size;
  console.log(`page alignment: links P ${precision.toFixed(3)} R ${recall.toFixed(3)} (${hits}/${found.size} found, ${expectedLinks.size} expected)`);
  assert.ok(precision >= 0.9 && recall >= 0.9, `links P ${precision} R ${recall}`);
  const row = (zh, en) => rows.find((r) => r.zh.split(' ').includes(zh) && r.en.split(' ').includes(en));
  assert.ok(row('22', '25')?.flags.includes('date-differs'), 'the planted date change is flagged beside both passages');
  assert.ok(row('31', '82')?.flags.includes('number-differs'), 'the planted number change is flagged beside both passages');
  // Anchors are marked in both columns, shared ones as such.
  assert.ok(await page.locator('#tr-table td[lang="zh"] mark.tr-shared').count() > 10);
  assert.ok(await page.locator('#tr-table td[lang="en"] mark.tr-flagged').count() >= 2);
  // The partial translation is said to be one.
  assert.ok(await page.locator('#tr-notes li[data-code="unequal-lengths"]').count() === 1);

  // Keyboard: n / p go from flag to flag.
  await page.focus('#translation');
  await page.keyboard.press('n');
  const first = await page.evaluate(() => document.activeElement?.dataset.flag);
  assert.equal(first, '0');
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.flag), '1');
  await page.keyboard.press('p');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.flag), '0');
  assert.equal(await page.locator('#translation tr.tr-current').count(), 1);

  // Exports.
  const json = JSON.parse((await downloadFrom(page, '#tr-export-json')).bytes.toString());
  assert.equal(json.alignment.rows.length, rows.length);
  assert.equal(json.zh.text, ZH);
  const flagsCsv = (await downloadFrom(page, '#tr-export-flags')).bytes.toString();
  assert.match(flagsCsv, /"date-differs"/);
  assert.match(flagsCsv, /"153万"/);
  const rowsCsv = (await downloadFrom(page, '#tr-export-rows')).bytes.toString();
  assert.equal(rowsCsv.trim().split('\r\n').length, rows.length + 1);

  // The view's top (tools, confidence notes, the first rows) for the README.
  const box = await page.evaluate(() => {
    const r = /** @type {HTMLElement} */ (document.getElementById('translation')).getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path: join(screenshots, 'translation.png'), fullPage: true,
    clip: { ...box, height: Math.min(box.height, 1000) } });
});

test('two texts in one language get a clear message, not an alignment', async () => {
  const ids = await page.$$eval('#library-list li', (lis) => lis.map((li) => [li.querySelector('.entry-title')?.textContent ?? '', li.dataset.id]));
  const enId = ids.find(([title]) => title.includes('Firmly Upholding'))?.[1];
  await page.selectOption('#cmp-a', enId);
  await page.selectOption('#cmp-b', ''); // the editor: the English text again
  const unhinted = await page.waitForSelector('#align-hint', { state: 'hidden', timeout: 15000 }).then(() => true, () => false);
  assert.equal(unhinted, true, 'two English texts are not suggested as translations');
  await page.click('#align-btn');
  await page.waitForFunction(() => document.body.dataset.translation === 'error', null, { timeout: 30000 });
  assert.match(await page.textContent('#tr-message'), /same language/);
  assert.equal(await page.locator('#tr-table').count(), 0);
});

test('no CSP violation, console error or foreign request', async () => {
  const p = await problemsOf(page, session.browser.problems);
  assert.deepEqual(p, { csp: [], console: [], pageErrors: [], foreign: [] });
});
