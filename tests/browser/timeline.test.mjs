// The chronological timeline (features/timeline/): its events in order with their sentences, the
// reason for three kinds of date, a correction kept across a reload and a re-analysis and present in
// every export, the same corrections in the first view's chart, its table and the reading pane, the
// TimelineJS export opened by TimelineJS itself (the npm package, served here),
// and the same view in the Chinese interface. The page's own report is the reference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, closeSession, serve, openBrowser, waitForState, waitForAnalysis, analyzedCount, downloadFrom, root } from './harness.mjs';
import STRINGS from '../../www/features/timeline/strings.js';

const fill = (s, vars = {}) => s.replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);

let session;
let page;
before(async () => {
  session = await openSession({ ready: true });
  page = session.page;
});
after(async () => closeSession(session));

const openView = async () => {
  await page.click('#tl-open');
  await page.waitForSelector('#timeline-view:not([hidden]) .tl-event');
};

const events = () => page.$$eval('#timeline-view .tl-dates .tl-event', (items) => items.map((li) => ({
  date: li.dataset.date, end: li.dataset.end, start: Number(li.dataset.start), text: li.querySelector('.tl-expr').textContent,
  sentence: li.querySelector('.tl-sentence').textContent, reason: li.querySelector('.tl-reason').textContent,
  corrected: li.classList.contains('corrected'), label: li.closest('.tl-date').querySelector('.tl-date-label').textContent,
})));

const eventAt = async (text, nth = 0) => (await events()).filter((e) => e.text === text)[nth];

test('the sample\'s events are listed in order, each with its sentence and the date marked', async () => {
  await openView();
  const report = await page.evaluate(() => window.articleExplorer.report());
  const shown = await events();
  assert.equal(shown.length, report.timeline.length, 'one event per dated expression');
  assert.ok(shown.length >= 10, `the sample has dated events (${shown.length})`);
  for (let i = 1; i < shown.length; i++) {
    assert.ok(shown[i - 1].date <= shown[i].date, `in order: ${shown[i - 1].date} then ${shown[i].date}`);
  }
  const text = await page.evaluate(() => document.getElementById('text').value);
  for (const e of shown) {
    const x = report.timexes.find((t) => t.start === e.start);
    assert.equal(x.text, e.text);
    const s = report.sentences[x.sentence];
    assert.equal(e.sentence, text.slice(s.start, s.end).trim(), `the sentence of ${e.text}`);
  }
  const years = await page.$$eval('#timeline-view .tl-year', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(years, [...new Set(shown.map((e) => String(Number(e.date.slice(0, 4)))))], 'years are headings, once each');
  // The events of one date are grouped under one label.
  const labels = await page.$$eval('#timeline-view .tl-date', (ds) => ds.map((d) => d.querySelectorAll('.tl-event').length));
  assert.equal(labels.reduce((a, b) => a + b, 0), shown.length);
  assert.ok(labels.some((n) => n > 1), 'some date has several events');
  // From the timeline to the reading pane: the sentence is flashed there.
  const first = shown.find((e) => e.text === 'November 5 to 6 last year');
  await page.click(`#timeline-view .tl-event[data-start="${first.start}"] .tl-sentence`);
  await page.waitForSelector('#reading .sentence.flash');
  assert.ok((await page.$eval('#reading .sentence.flash', (s) => s.textContent)).includes('November 5 to 6 last year'));
  // And back: a date clicked in the reading pane is flashed in the timeline.
  await page.click('#reading .sentence.flash mark[data-timex]');
  assert.equal(await page.$eval('#timeline-view .tl-event.flash .tl-expr', (q) => q.textContent), 'November 5 to 6 last year');
});

test('the reason for an explicit, a relative and an institutional date', async () => {
  const en = STRINGS.en;
  assert.equal((await eventAt('November 5, 2025')).reason, en['reason.explicit']);
  const rel = await eventAt('November 5 to 6 last year');
  assert.equal(rel.reason, fill(en['reason.relative.dateline'], { text: 'November 5 to 6 last year', date: '5 November 2024 – 6 November 2024', ref: '5 November 2025' }));
  const report = await page.evaluate(() => window.articleExplorer.report());
  const plenum = report.timexes.find((t) => t.text === 'Third Plenary Session of the 20th Central Committee');
  assert.equal((await eventAt(plenum.text)).reason, fill(en['reason.institutional'], { source: plenum.source }));
  assert.equal((await eventAt(plenum.text)).label, 'July 2024');
});

/** Reads a download's text. */
const downloaded = async (selector) => (await downloadFrom(page, selector)).bytes.toString('utf8');

let timelineJs;
test('a correction survives a reload and a re-analysis, shows in the exports, and can be undone', async () => {
  const todays = (await events()).filter((e) => e.text === 'Today').length;
  page.once('dialog', (d) => d.accept('2025-03-06'));
  const march = await eventAt('March 5 this year');
  await page.click(`#timeline-view .tl-event[data-start="${march.start}"] .tl-change`);
  await page.waitForSelector(`#timeline-view .tl-event.corrected[data-start="${march.start}"]`);
  const today = await eventAt('Today');
  await page.click(`#timeline-view .tl-event[data-start="${today.start}"] .tl-dismiss`);
  await page.waitForSelector('#timeline-view .tl-dismissed');
  const check = async (what) => {
    const e = (await events()).find((x) => x.start === march.start);
    assert.ok(e.corrected, `${what}: the changed date is marked`);
    assert.equal(e.date, '2025-03-06', `${what}: the changed date`);
    assert.equal(e.label, '6 March 2025');
    assert.equal((await events()).filter((x) => x.text === 'Today').length, todays - 1, `${what}: one "Today" dismissed`);
    assert.ok(!(await events()).some((x) => x.start === today.start));
  };
  await check('at once');
  // The library keeps them: after a reload the page opens the same article.
  await page.waitForFunction(() => true);
  await page.reload();
  await waitForState(page, 'ready', 60000);
  await openView();
  await check('after a reload');
  // A re-analysis with another reference date: the span and its text are unchanged.
  const n = await analyzedCount(page);
  await page.fill('#dct', '2025-12-01');
  await page.dispatchEvent('#dct', 'change');
  await waitForAnalysis(page, n);
  await page.waitForFunction(() => document.querySelector('#timeline-view .tl-reason')?.textContent.includes('1 December 2025')
    || !!document.querySelector('#timeline-view .tl-event.corrected'));
  await check('after a re-analysis');

  const csv = await downloaded('#timeline-view .tl-export-csv');
  const row = csv.split('\r\n').find((l) => l.startsWith('2025-03-06,'));
  assert.ok(row && row.includes(',value,'), `the CSV marks the correction: ${row}`);
  assert.equal(csv.split('\r\n').filter((l) => /,Today,/.test(l)).length, todays - 1);
  const ics = await downloaded('#timeline-view .tl-export-ics');
  assert.match(ics, /DTSTART;VALUE=DATE:20250306\r\n(?:[^\r]*\r\n)*?CATEGORIES:CORRECTED/);
  timelineJs = JSON.parse(await downloaded('#timeline-view .tl-export-timelinejs'));
  const slide = timelineJs.events.find((e) => e.start_date.year === '2025' && e.start_date.month === '3' && e.start_date.day === '6');
  assert.ok(slide.text.headline.includes(`(${STRINGS.en['tl.corrected']})`), slide.text.headline);
  assert.equal(timelineJs.events.length, (await events()).length);

  // Undo: the analysis's date is back.
  await page.click(`#timeline-view .tl-event[data-start="${march.start}"] .tl-undo`);
  await page.waitForFunction((s) => !document.querySelector(`#timeline-view .tl-event.corrected[data-start="${s}"]`), march.start);
  assert.equal((await events()).find((x) => x.start === march.start).date, '2025-03-05');
});

/** The timeline chart's table view (opened if it is not), as objects keyed by column label. */
async function chartTable() {
  if ((await page.getAttribute('#box-timeline [data-tool="table"]', 'aria-pressed')) !== 'true') await page.click('#box-timeline [data-tool="table"]');
  await page.waitForSelector('#box-timeline .table-view:not([hidden]) table');
  return page.$eval('#box-timeline .table-view table', (t) => {
    const head = [...t.querySelectorAll('thead th')].map((th) => th.textContent);
    return [...t.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries([...tr.cells].map((c, i) => [head[i], c.textContent])));
  });
}

test('corrections made in the view show in the timeline chart, its table and exports and the reading pane, also after a reload', async () => {
  const report = await page.evaluate(() => window.articleExplorer.report());
  const changedX = report.timexes.findIndex((t) => t.text === 'March 5 this year');
  const dismissedX = report.timexes.findIndex((t) => t.text === 'November 5 to 6 last year');
  assert.ok(changedX >= 0 && dismissedX >= 0, 'the sample has both expressions');
  // The table view is open while the reader corrects: it follows.
  const before = await chartTable();
  assert.equal(before.filter((r) => r.Expression === 'November 5 to 6 last year').length, 1);
  await openView();
  page.once('dialog', (d) => d.accept('2025-04-07'));
  await page.click(`#timeline-view .tl-event[data-start="${report.timexes[changedX].start}"] .tl-change`);
  await page.waitForSelector(`#timeline-view .tl-event.corrected[data-start="${report.timexes[changedX].start}"]`);
  await page.click(`#timeline-view .tl-event[data-start="${report.timexes[dismissedX].start}"] .tl-dismiss`);
  await page.waitForFunction((s) => !document.querySelector(`#timeline-view .tl-dates .tl-event[data-start="${s}"]`), report.timexes[dismissedX].start);
  const viewCount = (await events()).length;

  const check = async (what) => {
    // The table view opened before the corrections follows them (a reload starts with it closed).
    await chartTable();
    await page.waitForFunction(() => [...document.querySelectorAll('#box-timeline .table-view td')].some((td) => td.textContent === '2025-04-07'));
    const rows = await chartTable();
    assert.equal(rows.length, viewCount, `${what}: the chart's table has the view's events`);
    assert.ok(!rows.some((r) => r.Expression === 'November 5 to 6 last year'), `${what}: the dismissed date is not in the table`);
    const march = rows.find((r) => r.Expression === 'March 5 this year');
    assert.equal(march.Value, '2025-04-07', `${what}: the changed value`);
    assert.equal(march.Start, '2025-04-07');
    assert.equal(march.Correction, 'Corrected by the reader', `${what}: marked as a correction`);
    assert.equal(rows.filter((r) => r.Correction).length, 1, `${what}: only the corrected row says so`);
    const marks = await page.$$eval('#reading mark[data-timex]', (ms) => ms.map((m) => ({ timex: Number(m.dataset.timex), cls: m.className,
      correction: m.dataset.correction ?? '', title: m.title })));
    const changed = marks.find((m) => m.timex === changedX);
    const dismissed = marks.find((m) => m.timex === dismissedX);
    assert.equal(changed.correction, 'value', `${what}: the pane marks the change`);
    assert.ok(changed.cls.includes('corrected') && changed.title.startsWith('Corrected by the reader: 2025-04-07'), changed.title);
    assert.equal(dismissed.correction, 'dismiss', `${what}: the pane marks the dismissal`);
    assert.ok(dismissed.cls.includes('dismissed') && dismissed.title.startsWith('Dismissed by the reader'), dismissed.title);
    assert.ok(!marks.some((m) => m.timex !== changedX && m.timex !== dismissedX && m.correction && m.timex !== undefined
      && report.timexes[m.timex].text !== 'Today'), `${what}: no other date marked`);
    const csv = await downloaded('#box-timeline [data-tool="csv"]');
    const head = csv.split(/\r?\n/)[0].split(',');
    assert.ok(head.includes('correction'), `${what}: the CSV has a correction column: ${head}`);
    assert.ok(!csv.includes('November 5 to 6 last year'), `${what}: the CSV leaves the dismissed date out`);
    assert.ok(csv.split(/\r?\n/).some((l) => l.startsWith('March 5 this year,2025-04-07,')), `${what}: the CSV has the changed value`);
  };
  await check('at once');
  await page.reload();
  await waitForState(page, 'ready', 60000);
  await check('after a reload');
});

test('the TimelineJS export opens in TimelineJS with one slide per event', async () => {
  assert.ok(timelineJs, 'the export of the previous test');
  const dir = await mkdtemp(join(tmpdir(), 'ae-tljs-'));
  const pkg = join(root, 'node_modules/@knight-lab/timelinejs/dist');
  await cp(join(pkg, 'js'), join(dir, 'js'), { recursive: true });
  await cp(join(pkg, 'css'), join(dir, 'css'), { recursive: true });
  await writeFile(join(dir, 'data.json'), JSON.stringify(timelineJs));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="css/timeline.css"><script src="js/timeline.js"></script></head>
<body><div id="tl" style="width: 1000px; height: 600px"></div>
<script>fetch('data.json').then((r) => r.json()).then((d) => { window.tl = new TL.Timeline('tl', d, { script_path: new URL('js/', location.href).href }); window.tl.on('loaded', () => { window.loaded = true; }); });</script>
</body></html>`);
  const server = await serve(dir);
  const browser = await openBrowser();
  try {
    await browser.page.goto(server.url);
    await browser.page.waitForFunction(() => window.loaded === true || document.querySelectorAll('.tl-slide').length > 1, null, { timeout: 30000 });
    const slides = await browser.page.$$eval('.tl-slide', (s) => s.length);
    // A title slide, then one slide per event.
    assert.equal(slides, timelineJs.events.length + 1);
    const headlines = await browser.page.$$eval('.tl-slide .tl-headline', (h) => h.map((x) => x.textContent));
    assert.ok(headlines.some((h) => h.includes('November 5 to 6 last year')));
  } finally {
    await browser.context.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the Chinese interface shows the same timeline in Chinese', async () => {
  const zh = await openSession({ ready: true, locale: 'zh-CN' });
  try {
    page = zh.page;
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    await openView();
    assert.equal(await page.$eval('#tl-title', (h) => h.textContent), STRINGS.zh['tl.title']);
    const report = await page.evaluate(() => window.articleExplorer.report());
    assert.equal((await events()).length, report.timeline.length);
    assert.equal((await eventAt('November 5, 2025')).reason, STRINGS.zh['reason.explicit']);
    assert.equal((await eventAt('November 5, 2025')).label, '2025年11月5日');
    const rel = await eventAt('November 5 to 6 last year');
    assert.equal(rel.reason, fill(STRINGS.zh['reason.relative.dateline'], { text: 'November 5 to 6 last year', date: '2024年11月5日 – 2024年11月6日', ref: '2025年11月5日' }));
    const plenum = report.timexes.find((t) => t.text === 'Third Plenary Session of the 20th Central Committee');
    assert.equal((await eventAt(plenum.text)).reason, fill(STRINGS.zh['reason.institutional'], { source: plenum.source }));
    assert.equal((await eventAt(plenum.text)).label, '2024年7月');
  } finally {
    await closeSession(zh);
  }
});

test('without a dateline or reference date the view lists the unresolved dates and offers to set one', async () => {
  const s = await openSession({ ready: true });
  try {
    page = s.page;
    const n = await analyzedCount(page);
    await page.evaluate(() => {
      const ta = document.getElementById('text');
      ta.value = 'The council met on March 3 and again last year.\n\nIt voted in 2021 to build a bridge; the work began in May 2021.';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    await waitForAnalysis(page, n);
    await page.click('#tl-open');
    await page.waitForSelector('#timeline-view .tl-unresolved');
    const listed = await page.$$eval('#timeline-view .tl-unresolved li q', (q) => q.map((x) => x.textContent));
    assert.deepEqual(listed, ['March 3', 'last year']);
    await page.click('#timeline-view .tl-set-date');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dct');
    const m = await analyzedCount(page);
    await page.fill('#dct', '2022-06-01');
    await page.dispatchEvent('#dct', 'change');
    await waitForAnalysis(page, m);
    await page.waitForFunction(() => !document.querySelector('#timeline-view .tl-unresolved'));
    assert.deepEqual((await events()).map((e) => [e.text, e.date]),
      [['last year', '2021-01-01'], ['2021', '2021-01-01'], ['May 2021', '2021-05-01'], ['March 3', '2022-03-03']]);
  } finally {
    await closeSession(s);
  }
});
