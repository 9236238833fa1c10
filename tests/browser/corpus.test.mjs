// The corpus explorer on a generated corpus: dates from a dateline, a file name and the user;
// a duplicate; a binary file, an empty archive entry and a broken archive listed with reasons;
// trend counts and phrasing changes against counts made here from the generated texts; the
// corpus surviving a reload mid-run and resuming.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, closeSession, problemsOf, downloadFrom, pasteText, waitForState } from './harness.mjs';
import { dateFromName, validDay, articleDate } from '../../www/features/corpus/summary.js';
import { periodOf, termPattern, countIn } from '../../www/features/corpus/aggregate.js';
import { readZip, bytesToText } from '../../www/features/corpus/intake.js';

// The page reads archives with fflate, in JavaScript, where cargo-fuzz cannot reach: damaged
// archives (bytes flipped, cut short, a seeded generator so a failure repeats) must each end as
// texts or listed problems, never as an exception.
test('damaged archives become texts or listed problems, never an exception', () => {
  const good = zipSync({ 'a/2024-01-02-x.txt': strToU8('Alpha text.\n'.repeat(40)), 'b.txt': strToU8('Beta text here.'), 'c.bin': new Uint8Array([0, 1, 2, 0, 0, 3]) });
  let seed = 12345;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const whole = { texts: [], problems: [] };
  readZip(good, 'good.zip', whole);
  assert.deepEqual(whole.texts.map((x) => x.path), ['good.zip/a/2024-01-02-x.txt', 'good.zip/b.txt']);
  assert.deepEqual(whole.problems.map((x) => [x.path, x.reason]), [['good.zip/c.bin', 'binary']]);
  let broken = 0;
  for (let i = 0; i < 400; i++) {
    const bytes = Uint8Array.from(good);
    const cut = i % 3 === 0 ? 1 + rand(bytes.length - 1) : bytes.length;
    for (let k = rand(8); k >= 0; k--) bytes[rand(cut)] = rand(256);
    const out = { texts: [], problems: [] };
    assert.doesNotThrow(() => readZip(bytes.subarray(0, cut), 'damaged.zip', out));
    assert.ok(out.texts.length + out.problems.length > 0, 'every archive leaves a trace');
    for (const t of out.texts) assert.equal(typeof t.text, 'string');
    for (const p of out.problems) assert.ok(['archive', 'binary', 'empty', 'tooLarge'].includes(p.reason), p.reason);
    if (out.problems.some((p) => p.reason === 'archive')) broken++;
  }
  assert.ok(broken > 100, `most damaged archives are reported broken (${broken})`);
  assert.equal(bytesToText(new Uint8Array(0), 'e.txt', 'file').problem?.reason, 'empty');
  const empty = { texts: [], problems: [] };
  readZip(zipSync({}), 'nothing.zip', empty);
  assert.deepEqual(empty.problems.map((x) => [x.path, x.reason]), [['nothing.zip', 'empty']]);
});

test('dates from file names, periods, term patterns', () => {
  assert.equal(dateFromName('news/2024-03-05-budget.txt'), '2024-03-05');
  assert.equal(dateFromName('pd_20240305.txt'), '2024-03-05');
  assert.equal(dateFromName('2024.03.05 report.md'), '2024-03-05');
  assert.equal(dateFromName('2024-02-30.txt'), null, 'no 30 February');
  assert.equal(dateFromName('2024-0305.txt'), null, 'mixed separators');
  assert.equal(dateFromName('id-120240305999.txt'), null, 'digits run on');
  assert.equal(dateFromName('2024-03-05/notes.txt'), null, 'a folder\'s date is not the file\'s');
  assert.equal(validDay('2024-02-29'), '2024-02-29');
  assert.equal(validDay('2023-02-29'), null);
  // The dateline wins over the file name, the file name over the user.
  assert.deepEqual(articleDate({ fileDate: '2024-01-01', userDate: '2024-02-02', summary: { dateline: '2023-12-31' } }), { date: '2023-12-31', source: 'dateline' });
  assert.deepEqual(articleDate({ fileDate: '2024-01-01', userDate: '2024-02-02' }), { date: '2024-01-01', source: 'filename' });
  assert.deepEqual(articleDate({ fileDate: null, userDate: '2024-02-02' }), { date: '2024-02-02', source: 'user' });
  assert.equal(periodOf('2024-03-07', 'week'), '2024-03-04', 'a week is named by its Monday');
  assert.equal(periodOf('2024-03-04', 'week'), '2024-03-04');
  assert.equal(periodOf('2024-03-10', 'week'), '2024-03-04', 'Sunday ends the week');
  assert.equal(periodOf('2024-03-07', 'month'), '2024-03');
  assert.equal(countIn('War, software, WAR; warfare. war', termPattern('war')), 3);
  assert.equal(countIn('common  prosperity and Common\nprosperity', termPattern('common prosperity')), 2);
  assert.equal(countIn('推进共同富裕，共同 富裕', termPattern('共同 富裕')), 2);
});

const filler = (n, seed) => Array.from({ length: n }, (_, i) => `Officials met residents in district ${seed}${i} and talked about schools and roads.`).join(' ');

// Each text: [file name, text]. Term counts are made from these strings below, not written by hand.
const DATELINE = ['river-news.txt',
  `Rivers and mountains\n\nBEIJING, March 3, 2024 -- The reform of river management began. The glacier retreat worried experts. ${filler(3, 'a')} The glacier study and the reform plan were discussed. Another glacier survey is planned. The glacier museum opened. Reform goes on. A moderately prosperous society was the aim. Building a moderately prosperous society took years.`];
const NAMED = ['2024-03-20-budget.txt',
  `Budget debate\n\nThe budget reform passed the council yesterday. ${filler(3, 'b')} Members praised the reform of taxes.`];
const UNDATED = ['notes.txt', `Notes from a meeting\n\nThe meeting yesterday discussed reform once. ${filler(2, 'c')}`];
const ZIPPED = ['2024-04-10-summit.txt',
  `Summit report\n\nThe summit backed reform. A sandstorm hit the city. ${filler(3, 'd')} Reform of trade, reform of ports, and reform of customs. The sandstorm closed roads; a second sandstorm followed. Sandstorm warnings stayed. Reform won. Common prosperity was named the goal. Delegates said common prosperity would guide the plan.`];

const count = (text, term) => (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${term}(?![\\p{L}\\p{N}])`, 'giu')) ?? []).length;
const file = (name, data, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(data) });

async function openCorpus(page) {
  await page.click('#corpus-btn');
  await page.waitForSelector('#corpus[open]');
}
// Waits until the corpus counts `n` analyzed articles; a timeout says what the page shows (the
// summary and each article's status and error), so a run that ends short says why.
async function analyzed(page, n, timeout = 120000) {
  try {
    await page.waitForFunction((want) => document.getElementById('corpus')?.dataset.articles === want, String(n), { timeout });
  } catch (e) {
    const state = await page.evaluate(() => ({
      summary: document.getElementById('corpus-summary')?.textContent,
      running: document.getElementById('corpus')?.hasAttribute('data-running'),
      articles: [...document.querySelectorAll('#corpus-articles tbody tr')].map((tr) => `${tr.dataset.status}: ${tr.textContent}`),
    })).catch(() => 'no state');
    throw new Error(`${/** @type {Error} */ (e).message}\n${JSON.stringify(state, null, 1)}`);
  }
}
const idle = (page, timeout = 120000) => page.waitForFunction(() => {
  const d = document.getElementById('corpus');
  return d && !d.hasAttribute('data-running') && d.dataset.pending === '0';
}, null, { timeout });

/** A session whose page runs `patch` (an init script) before its own code, opened and ready. */
async function openPatched(patch) {
  const session = await openSession();
  try {
    await session.page.addInitScript(patch);
    await session.page.goto(session.server.url);
    await waitForState(session.page, 'ready', 60000);
    return session;
  } catch (e) {
    await closeSession(session);
    throw e;
  }
}

test('a generated corpus: dates, duplicates, bad inputs, trends, phrasing changes', async () => {
  const session = await openSession({ ready: true });
  try {
    const { page } = session;
    await openCorpus(page);
    const zip = zipSync({ [ZIPPED[0]]: strToU8(ZIPPED[1]), 'empty.txt': new Uint8Array(0) });
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 7)]);
    const binary = Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 0 : i % 256)));
    await page.setInputFiles('#corpus-files', [file(...DATELINE), file(...NAMED), file(...UNDATED), file('copy-of-budget.txt', NAMED[1]),
      file('picture.png', binary, 'image/png'), file('broken.zip', broken, 'application/zip'), file('more.zip', zip, 'application/zip')]);
    await analyzed(page, 4);
    await idle(page);

    // The articles: dates and their sources, the duplicate, the undated one.
    const rows = await page.$$eval('#corpus-articles tbody tr', (trs) => trs.map((tr) => ({
      status: tr.dataset.status, source: tr.dataset.source, cells: [...tr.cells].map((c) => c.textContent) })));
    const row = (name) => rows.find((r) => r.cells[4].endsWith(name));
    assert.equal(row('river-news.txt').cells[0], '2024-03-03');
    assert.equal(row('river-news.txt').source, 'dateline');
    assert.equal(row('2024-03-20-budget.txt').cells[0], '2024-03-20');
    assert.equal(row('2024-03-20-budget.txt').source, 'filename');
    assert.equal(row(ZIPPED[0]).source, 'filename');
    assert.equal(row('notes.txt').source, '');
    assert.equal(row('copy-of-budget.txt').status, 'duplicate');
    assert.match(row('copy-of-budget.txt').cells[8], /Budget debate/);
    // Sorted by date, the undated and the duplicate last.
    assert.deepEqual(rows.slice(0, 3).map((r) => r.cells[0]), ['2024-03-03', '2024-03-20', '2024-04-10']);

    // The bad inputs, each with its reason.
    const problems = await page.$$eval('#corpus-problems li', (lis) => lis.map((li) => [li.querySelector('strong')?.textContent, li.dataset.reason]));
    assert.deepEqual(problems.sort(), [['broken.zip', 'archive'], ['more.zip/empty.txt', 'empty'], ['picture.png', 'binary']]);
    assert.match(await page.textContent('#corpus-summary'), /^4 articles .*1 duplicates not counted; 1 undated/);

    // The user dates the undated article.
    await page.fill('#corpus-articles tr[data-status="done"]:not([data-source]) input.corpus-date, #corpus-articles input.corpus-date', '2024-05-02');
    await page.press('#corpus-articles input.corpus-date', 'Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('#corpus-articles tbody tr')].some((tr) => tr.dataset.source === 'user'));
    await idle(page); // analyzed again with its date
    assert.match(await page.textContent('#corpus-summary'), /0 undated/);

    // Trends per month: the counts are those of the generated texts.
    await page.click('#corpus-tab-trends');
    await page.fill('#corpus-terms', 'reform, glacier');
    await page.click('#corpus-trends-go');
    await page.waitForSelector('#corpus-trend-table tbody tr', { state: 'attached' });
    const table = await page.$$eval('#corpus-trend-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(0, 4).map((c) => c.textContent)));
    const want = [
      ['2024-03', 'reform', String(count(DATELINE[1], 'reform') + count(NAMED[1], 'reform'))],
      ['2024-03', 'glacier', String(count(DATELINE[1], 'glacier'))],
      ['2024-04', 'reform', String(count(ZIPPED[1], 'reform'))],
      ['2024-04', 'glacier', '0'],
      ['2024-05', 'reform', String(count(UNDATED[1], 'reform'))],
      ['2024-05', 'glacier', '0'],
    ];
    assert.deepEqual(table.map((r) => r.slice(0, 3)), want);
    assert.ok(count(DATELINE[1], 'reform') + count(NAMED[1], 'reform') > 3, 'the March count adds two articles');
    // The exports: the term × period table as CSV and JSON, the chart as SVG and PNG.
    const csv = (await downloadFrom(page, '#corpus-trend-csv')).bytes.toString('utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
    assert.equal(csv[0], 'period,term,count,words,articles,articles_with_term,per_10k_words');
    assert.deepEqual(csv.slice(1).map((l) => l.split(',').slice(0, 3)), want);
    const json = JSON.parse((await downloadFrom(page, '#corpus-trend-json')).bytes.toString('utf8'));
    assert.deepEqual(json.terms, ['reform', 'glacier']);
    const svg = (await downloadFrom(page, '#corpus-trend-svg')).bytes.toString('utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // ECharts' SVG renderer marks each data point it draws (legend items are marked 'legend').
    assert.equal((svg.match(/ecmeta_ssr_type="chart"/g) ?? []).length, 6);
    const png = (await downloadFrom(page, '#corpus-trend-png')).bytes;
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    // The chart has a point per period and term; a point clicked opens its articles and lines,
    // and so does one reached with the arrow keys and opened with Enter.
    assert.equal(await page.getAttribute('#corpus-trend-chart .trend-plot', 'data-items'), '6');
    const glacierMarch = await page.evaluate(() => window.articleExplorer.trendPoint(0, 1));
    await page.mouse.click(glacierMarch.x, glacierMarch.y);
    await page.waitForSelector('#corpus-point #corpus-conc-lines tbody tr');
    assert.match(await page.textContent('#corpus-point-title'), /glacier/);
    assert.equal(await page.locator('#corpus-point #corpus-conc-lines tbody tr').count(), count(DATELINE[1], 'glacier'));
    await page.focus('#corpus-trend-chart .trend-plot');
    await page.keyboard.press('ArrowUp'); // from the point clicked to the first term's
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /reform/.test(document.getElementById('corpus-point-title')?.textContent ?? ''));
    assert.equal(await page.locator('#corpus-point #corpus-conc-lines tbody tr').count(), count(DATELINE[1], 'reform') + count(NAMED[1], 'reform'));
    await page.keyboard.press('ArrowRight');
    assert.match(await page.textContent('#corpus-trend-status'), /^reform, 2024-04: /);

    // Phrasing changes between the dateline article (A) and the summit (B).
    await page.click('#corpus-tab-changes');
    await page.selectOption('#corpus-change-mode', 'articles');
    const opt = async (sel, title) => page.$eval(sel, (s, t) => [...s.options].find((o) => o.textContent.includes(t))?.value, title);
    await page.selectOption('#corpus-artA', await opt('#corpus-artA', 'Rivers and mountains'));
    await page.selectOption('#corpus-artB', await opt('#corpus-artB', 'Summit report'));
    await page.click('#corpus-changes-go');
    await page.waitForSelector('#corpus-changes-table tbody tr', { timeout: 60000 });
    // The row of `term` (the engine shows a term in its most frequent spelling: any case here).
    const change = async (term) => page.$$eval('#corpus-changes-table tbody tr', (trs, t) => {
      const tr = trs.find((x) => x.dataset.term.toLowerCase() === t);
      return tr ? [tr.dataset.change, tr.cells[2].textContent, tr.cells[3].textContent, tr.cells[6].textContent, tr.dataset.kind] : null;
    }, term);
    const glacier = await change('glacier');
    assert.deepEqual(glacier.slice(0, 3), ['vanished', String(count(DATELINE[1], 'glacier')), '0']);
    assert.match(glacier[3], /glacier/i, 'with its sentences');
    const sandstorm = await change('sandstorm');
    assert.deepEqual(sandstorm.slice(0, 3), ['appeared', '0', String(count(ZIPPED[1], 'sandstorm'))]);
    // Phrases too: a sequence of words that appears, one that vanishes.
    const common = await change('common prosperity');
    assert.deepEqual(common.slice(0, 3), ['appeared', '0', String(count(ZIPPED[1], 'common prosperity'))]);
    assert.match(common[3], /common prosperity/i);
    const moderately = await change('moderately prosperous society');
    assert.deepEqual(moderately.slice(0, 3), ['vanished', String(count(DATELINE[1], 'moderately prosperous society')), '0']);
    assert.equal(common[4], 'phrase');
    // The other way round (the worker reuses the summaries it made for the first comparison):
    // what vanished has appeared, with the same counts.
    await page.selectOption('#corpus-artA', await opt('#corpus-artA', 'Summit report'));
    await page.selectOption('#corpus-artB', await opt('#corpus-artB', 'Rivers and mountains'));
    await page.click('#corpus-changes-go');
    await page.waitForFunction(() => [...document.querySelectorAll('#corpus-changes-table tbody tr')]
      .some((tr) => tr.dataset.term?.toLowerCase() === 'glacier' && tr.dataset.change === 'appeared'), null, { timeout: 60000 });
    assert.deepEqual((await change('glacier')).slice(0, 3), ['appeared', '0', String(count(DATELINE[1], 'glacier'))]);
    assert.deepEqual((await change('common prosperity')).slice(0, 3), ['vanished', String(count(ZIPPED[1], 'common prosperity')), '0']);

    // The corpus concordance: a line per occurrence, with the article's date.
    await page.click('#corpus-tab-concordance');
    await page.fill('#corpus-conc-term', 'sandstorm');
    await page.click('#corpus-conc-go');
    await page.waitForSelector('#corpus-conc-lines tbody tr');
    const lines = await page.$$eval('#corpus-conc-lines tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
    assert.deepEqual(lines, Array(count(ZIPPED[1], 'sandstorm')).fill('2024-04-10'));

    // The merged timeline has the dateline's date; the keywords view lists terms.
    await page.click('#corpus-tab-timeline');
    await page.waitForSelector('#corpus-timeline-table tbody tr');
    assert.ok(await page.locator('#corpus-timeline-table tr[data-start="2024-03-03"]').count() === 1);
    // "yesterday" resolved against the file name's date and against the date the user entered.
    assert.equal(await page.locator('#corpus-timeline-table tr[data-start="2024-03-19"]').count(), 1);
    assert.equal(await page.locator('#corpus-timeline-table tr[data-start="2024-05-01"]').count(), 1);
    await page.click('#corpus-tab-keywords');
    assert.ok(await page.locator('#corpus-keywords-table tbody tr').count() > 0);
    // Each article's keyword counts add up (the duplicate counted once), with the reference rate.
    const reform = await page.$$eval('#corpus-keywords-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent))
      .find((cells) => cells[0].toLowerCase() === 'reform'));
    assert.equal(reform?.[1], String([DATELINE, NAMED, UNDATED, ZIPPED].reduce((n, [, text]) => n + count(text, 'reform'), 0)));
    assert.equal(reform?.[2], '4');
    assert.ok(Number(reform?.[4]) > 0, 'a reference rate');

    const p = await problemsOf(page, session.browser.problems);
    assert.deepEqual(p, { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await closeSession(session);
  }
});

test('files added while the stored corpus is still loading are kept, and seen as duplicates', async () => {
  // The stored corpus takes 2 s to list (a slow disk, a fresh profile under load); the files
  // come in at once.
  const session = await openPatched(() => {
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (...args) {
      const r = getAll.apply(this, args);
      if (this.name !== 'corpus') return r;
      /** @type {((e: Event) => void) | null} */
      let handler = null;
      Object.defineProperty(r, 'onsuccess', { configurable: true, get: () => handler, set: (f) => { handler = f; } });
      r.addEventListener('success', (e) => setTimeout(() => handler?.call(r, e), 2000));
      return r;
    };
  });
  try {
    const { page } = session;
    await openCorpus(page);
    await page.setInputFiles('#corpus-files', [file(...NAMED)]);
    await analyzed(page, 1);
    await idle(page);
    // Again after a reload: the same text (stored now) and a new one.
    await page.reload();
    await waitForState(page, 'ready', 60000);
    await openCorpus(page);
    await page.setInputFiles('#corpus-files', [file('again.txt', NAMED[1]), file(...UNDATED)]);
    await analyzed(page, 2);
    await idle(page);
    const rows = await page.$$eval('#corpus-articles tbody tr', (trs) => trs.map((tr) => [tr.cells[4].textContent, tr.dataset.status]));
    assert.deepEqual(rows.map(([name, status]) => [name.replace(/^.*\//, ''), status]).sort(),
      [['2024-03-20-budget.txt', 'done'], ['again.txt', 'duplicate'], ['notes.txt', 'done']]);
  } finally {
    await closeSession(session);
  }
});

test('the corpus survives a reload in the middle of a run and resumes', async () => {
  // Each batch of the corpus is handed to its worker 600 ms late, so that the run is still going
  // when the reload lands, however quickly the machine of the day analyzes (a run of 400 short
  // articles otherwise ends in about a second, sometimes before the reload stops it).
  const session = await openPatched(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg?.op === 'summarize' && msg.texts?.length) {
        setTimeout(() => post.call(this, msg, ...rest), 600);
        return;
      }
      post.call(this, msg, ...rest);
    };
  });
  try {
    const { page } = session;
    await openCorpus(page);
    const N = 400; // 16 batches of 25, two workers: about 5 s of run
    const files = Array.from({ length: N }, (_, i) => file(`2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-item${i}.txt`,
      `Item ${i}\n\n${filler(20 + (i % 5), `r${i}x`)} The harbour ${i} reopened.`));
    await page.setInputFiles('#corpus-files', files);
    // Reload once some, not all, articles are done.
    await page.waitForFunction(() => Number(document.getElementById('corpus')?.dataset.articles) >= 1, null, { timeout: 120000 });
    const before = await page.evaluate(() => ({ done: Number(document.getElementById('corpus')?.dataset.articles), pending: Number(document.getElementById('corpus')?.dataset.pending) }));
    await page.reload();
    assert.ok(before.pending > 0, `the run was still going (${JSON.stringify(before)})`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60000 });
    await openCorpus(page);
    await page.waitForFunction(() => document.getElementById('corpus')?.dataset.pending !== undefined);
    const after = await page.evaluate(() => ({ done: Number(document.getElementById('corpus')?.dataset.articles), pending: Number(document.getElementById('corpus')?.dataset.pending) }));
    assert.ok(after.done >= before.done, `what was done stays done (${JSON.stringify({ before, after })})`);
    assert.equal(after.done + after.pending, N);
    assert.ok(after.pending > 0);
    await page.click('#corpus-resume');
    await idle(page);
    assert.equal(await page.evaluate(() => document.getElementById('corpus')?.dataset.articles), String(N));
  } finally {
    await closeSession(session);
  }
});

test('a folder and the library go into the corpus', async () => {
  const session = await openSession({ ready: true });
  const dir = mkdtempSync(join(tmpdir(), 'ae-corpus-folder-'));
  try {
    const { page } = session;
    // An article of the library (the page keeps what it analyzes).
    await pasteText(page, `Library article\n\nLONDON, June 9, 2022 -- The harbour reopened after the storm. The harbour board met.`);
    await page.waitForFunction(() => document.querySelectorAll('#library-list li').length > 0, null, { timeout: 30000 });
    await openCorpus(page);
    await page.click('#corpus-from-library');
    await page.click('#corpus-library-add');
    await analyzed(page, 1);
    // A folder, walked through with its sub-folder.
    mkdirSync(join(dir, 'reports', 'older'), { recursive: true });
    writeFileSync(join(dir, 'reports', '2022-06-10-harbour.txt'), 'Harbour report\n\nThe harbour board met again and the harbour stayed open.');
    writeFileSync(join(dir, 'reports', 'older', '2021-01-05-port.txt'), 'Port note\n\nThe port and the harbour were quiet.');
    await page.setInputFiles('#corpus-folder', join(dir, 'reports'));
    await analyzed(page, 3);
    await idle(page);
    const rows = await page.$$eval('#corpus-articles tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.dataset.source, tr.cells[4].textContent]));
    assert.deepEqual(rows, [
      ['2021-01-05', 'filename', 'reports/older/2021-01-05-port.txt'],
      ['2022-06-09', 'dateline', 'library/Library article'],
      ['2022-06-10', 'filename', 'reports/2022-06-10-harbour.txt'],
    ]);
  } finally {
    await closeSession(session);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cancel stops a corpus run; what is done stays, resume finishes it', async () => {
  const session = await openSession({ ready: true });
  try {
    const { page } = session;
    await openCorpus(page);
    const N = 1500; // enough batches that the cancel lands while the run is still going
    const files = Array.from({ length: N }, (_, i) => file(`2023-05-${String(1 + (i % 28)).padStart(2, '0')}-c${i}.txt`,
      `Note ${i}\n\n${filler(20, `c${i}y`)} The ferry ${i} sailed.`));
    await page.setInputFiles('#corpus-files', files);
    // Pressed from inside the page, in the same task that sees the run going with an article done:
    // a separate wait and click let a loaded machine finish the whole run in between (the wait
    // polls on animation frames, which a busy page delays).
    await page.waitForFunction(() => {
      const dialog = document.getElementById('corpus');
      const cancel = /** @type {HTMLButtonElement | null} */ (document.getElementById('corpus-cancel'));
      if (!dialog?.hasAttribute('data-running') || !(Number(dialog.dataset.articles) >= 1) || !cancel || cancel.hidden || !cancel.offsetParent) return false;
      cancel.click();
      return true;
    }, null, { timeout: 120000, polling: 10 });
    await page.waitForFunction(() => !document.getElementById('corpus')?.hasAttribute('data-running'), null, { timeout: 30000 });
    const after = await page.evaluate(() => ({ done: Number(document.getElementById('corpus')?.dataset.articles), pending: Number(document.getElementById('corpus')?.dataset.pending) }));
    assert.ok(after.done >= 1 && after.pending > 0, JSON.stringify(after));
    assert.equal(after.done + after.pending, N);
    assert.match(await page.textContent('#corpus-status'), /^Cancelled after/);
    assert.equal(await page.isVisible('#corpus-resume'), true);
    await page.click('#corpus-resume');
    await idle(page);
    assert.equal(await page.evaluate(() => document.getElementById('corpus')?.dataset.articles), String(N));
  } finally {
    await closeSession(session);
  }
});
