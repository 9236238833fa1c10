// The explorer page as a researcher uses it, in Debian's Chromium against dist/: input in every
// way (paste, files in each encoding, HTML, samples), the reference date, charts with data and
// tables, timeline → sentence, keyword → concordance, exports, the library across reloads,
// comparison, cancel, hostile text, and the keyboard. Every test ends with no CSP violation,
// console error or foreign request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  waitForState, pasteText, dropFile, downloadFrom, analyzedCount, waitForAnalysis, problemsOf, screenshots,
  root, openSession, closeSession,
} from './harness.mjs';

let server, browser, page;
before(async () => ({ server, browser, page } = await openSession({ ready: true })));
after(() => closeSession({ server, browser }));

const stat = (name) => page.$eval(`[data-stat="${name}"]`, (el) => Number(el.textContent.replace(/\D/g, '')));
const items = (id) => page.getAttribute(`#${id}`, 'data-items').then(Number);
const editorText = () => page.inputValue('#text');
const fixture = (name) => readFile(join(root, 'tests/browser/fixtures', name));

async function tableRows(box) {
  const pressed = await page.getAttribute(`#${box} [data-tool="table"]`, 'aria-pressed');
  if (pressed !== 'true') await page.click(`#${box} [data-tool="table"]`);
  // The table view's code is a lazy chunk (www/features/charts/chart-tools.js): a click before it has arrived fills the view a moment later.
  await page.waitForSelector(`#${box} .table-view:not([hidden]) table`);
  return page.$$eval(`#${box} .table-view tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
}
async function closeTable(box) {
  if ((await page.getAttribute(`#${box} [data-tool="table"]`, 'aria-pressed')) === 'true') await page.click(`#${box} [data-tool="table"]`);
}
const inked = (sel) => page.$eval(sel, (c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
});

test('the sample is analyzed on open and every chart has data, in a table too', async () => {
  assert.ok((await stat('words')) > 3000);
  for (const id of ['keyword-chart', 'dispersion-chart', 'timeline-chart', 'sections-chart']) {
    const n = await items(id);
    assert.ok(n > 0, `${id} has items (${n})`);
    assert.ok((await inked(`#${id} canvas`)) > 500, `${id} is drawn`);
  }
  // The table views hold the same data as the charts.
  assert.equal((await tableRows('box-timeline')).length, await items('timeline-chart'));
  assert.equal((await tableRows('box-sections')).length, await items('sections-chart'));
  assert.equal((await tableRows('box-dispersion')).length, await items('dispersion-chart'));
  const kw = await tableRows('box-keywords');
  assert.ok(kw.length >= 20, 'keyword table has at least the charted rows');
  assert.equal(Number(kw[0][2]) > 0, true, 'counts in the table');
  for (const b of ['box-timeline', 'box-sections', 'box-dispersion', 'box-keywords']) await closeTable(b);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshots, 'page-sample.png') });
  // Sections in the outline jump to their heading.
  const outline = await page.$$eval('#outline-list button', (bs) => bs.map((b) => b.textContent));
  assert.equal(outline.length, await stat('sections'));
  await page.click('#outline-list li:last-child button');
  const focused = await page.evaluate(() => document.activeElement?.dataset.section);
  assert.equal(Number(focused), outline.length - 1);
});

test('pasting analyzes by itself (debounced) and keeps the structure in the reading pane', async () => {
  const text = 'Harbour report\nThe port opened in 1998. Trade grew fast.\nShips came in 2004 and again in 2010.\n';
  const before = await analyzedCount(page);
  await page.fill('#text', text);
  await waitForAnalysis(page, before);
  assert.equal(await stat('sentences'), 4);
  assert.equal(await stat('paragraphs'), 3);
  assert.equal(await page.$$eval('#reading mark.date', (ms) => ms.map((m) => m.textContent).join(',')), '1998,2004,2010');
  assert.equal(await page.textContent('#reading'), text.replace(/\n/g, ''), 'the reading pane holds exactly the text');
  // Typing several characters quickly starts one analysis, not one per keystroke.
  const n0 = await analyzedCount(page);
  await page.focus('#text');
  await page.keyboard.press('End');
  await page.keyboard.type(' More in 2012.', { delay: 20 });
  await waitForAnalysis(page, n0);
  await page.waitForTimeout(400);
  assert.equal(await analyzedCount(page), n0 + 1, 'one analysis for a burst of typing');
  assert.match(await page.$$eval('#reading mark.date', (ms) => ms.map((m) => m.textContent).join(',')), /2012/);
});

test('files in each encoding open by drop or pick, HTML gives its text only', async () => {
  const en = 'Harbour notes\nThe quay reopened on 12 May 2021. Crews said “déjà vu” — 20 years after 2001.\n';
  const utf16 = (s, le) => {
    const b = Buffer.alloc(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (le) b.writeUInt16LE(c, i * 2);
      else b.writeUInt16BE(c, i * 2);
    }
    return b;
  };
  const zh = '人民日报 2024年3月5日\n城市更新\n去年秋天，老街改造启动。今年春节前，居民搬回新居。\n';
  const cases = [
    ['utf8.txt', Buffer.from(en, 'utf8'), en, 'UTF-8'],
    ['bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(en, 'utf8')]), en, 'UTF-8 (BOM)'],
    ['le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(en, true)]), en, 'UTF-16 LE'],
    ['be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(en, false)]), en, 'UTF-16 BE'],
    ['nobom.txt', await fixture('en-utf16le-nobom.txt'), en, 'UTF-16 LE'],
    ['gbk.txt', await fixture('zh-gbk.txt'), zh, 'GB18030'],
    ['gb18030.txt', await fixture('zh-gb18030.txt'), `${zh}罕用字𠀾也能读出。\n`, 'GB18030'],
  ];
  for (const [name, bytes, expected, encoding] of cases) {
    const before = await analyzedCount(page);
    await dropFile(page, name, bytes);
    await waitForAnalysis(page, before, 60000);
    assert.equal(await editorText(), expected, `${name} decodes`);
    assert.equal(await page.evaluate(() => document.body.dataset.encoding), encoding, `${name} is ${encoding}`);
    assert.ok((await page.textContent('#message')).includes(name));
  }
  assert.equal(await page.$eval('[data-stat="language"]', (e) => e.textContent), 'Chinese');
  // Picking a file works like dropping one.
  const before = await analyzedCount(page);
  await page.setInputFiles('#file', { name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('Picked on 3 June 2022.\n') });
  await waitForAnalysis(page, before);
  assert.equal(await editorText(), 'Picked on 3 June 2022.\n');
  // HTML: text only, scripts and styles dropped, nothing executed or loaded.
  let dialogs = 0;
  const onDialog = (d) => { dialogs++; d.dismiss(); };
  page.on('dialog', onDialog);
  const html = `<!doctype html><html><head><title>Dock news</title><style>p{color:red}</style>
    <script>alert('head')</script></head><body><nav>Menu</nav><article><h1>Dock news</h1>
    <p style="color:blue">The dock opened in <b>2019</b>.</p><script>alert('body')</script>
    <img src="http://example.com/x.png" onerror="alert(3)"><p>It grew&nbsp;in 2020.</p></article></body></html>`;
  const b2 = await analyzedCount(page);
  await dropFile(page, 'page.html', Buffer.from(html), 'text/html');
  await waitForAnalysis(page, b2);
  assert.equal(await editorText(), 'Dock news\nThe dock opened in 2019.\nIt grew in 2020.');
  assert.equal(dialogs, 0);
  page.off('dialog', onDialog);
});

test('the sample picker loads the English and the Chinese sample', async () => {
  const options = await page.$$eval('#sample option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(options.some((o) => o.startsWith('en-')), 'an English sample');
  assert.ok(options.some((o) => o.startsWith('zh-')), 'a Chinese sample');
  for (const id of options) {
    const before = await analyzedCount(page);
    await page.selectOption('#sample', id);
    await waitForAnalysis(page, before, 60000);
    const lang = await page.$eval('[data-stat="language"]', (e) => e.textContent);
    assert.equal(lang, id.startsWith('zh-') ? 'Chinese' : 'English', id);
    assert.ok((await stat('sentences')) > 20, `${id} has sentences`);
    assert.ok((await items('timeline-chart')) > 3, `${id} has dated events`);
    assert.equal(await page.$eval('#dct-source', (e) => e.dataset.source), 'dateline', `${id}'s date comes from its dateline`);
    if (id.startsWith('zh-')) await page.screenshot({ path: join(screenshots, 'page-chinese.png') });
  }
});

test('the reference date is shown with its source and can be changed', async () => {
  const text = 'Harbour plan\nThe plan was adopted last year. Work began in March 2019.\n';
  await pasteText(page, text);
  assert.equal(await page.$eval('#dct-source', (e) => e.dataset.source), 'none');
  const values = async () => (await tableRows('box-timeline')).map((r) => `${r[0]}=${r[1]}`).join(' ');
  for (const [dct, year] of [['2020-06-01', '2019'], ['2011-02-03', '2010']]) {
    const before = await analyzedCount(page);
    await page.fill('#dct', dct);
    await page.dispatchEvent('#dct', 'change');
    await waitForAnalysis(page, before);
    assert.equal(await page.$eval('#dct-source', (e) => e.dataset.source), 'caller');
    assert.match(await values(), new RegExp(`last year=${year}`), `last year against ${dct}`);
  }
  assert.equal(await page.isVisible('#dct-reset'), true);
  const before = await analyzedCount(page);
  await page.click('#dct-reset');
  await waitForAnalysis(page, before);
  assert.equal(await page.$eval('#dct-source', (e) => e.dataset.source), 'none');
  assert.equal(await page.inputValue('#dct'), '');
  await closeTable('box-timeline');
});

test('a timeline click scrolls to the sentence and highlights it', async () => {
  const before = await analyzedCount(page);
  await page.selectOption('#sample', { index: 1 });
  await waitForAnalysis(page, before);
  const n = await items('timeline-chart');
  for (const index of [0, Math.floor(n / 2), n - 1]) {
    const p = await page.evaluate((i) => window.articleExplorer.timelinePoint(i), index);
    assert.ok(p, `entry ${index} is drawn`);
    // Hovering shows the sentence in the tooltip; clicking jumps to it.
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction((s) => {
      const tip = [...document.querySelectorAll('#timeline-chart .tip-sentence')].pop();
      return tip && document.getElementById(`s-${s}`) && tip.textContent.slice(0, 40) === document.getElementById(`s-${s}`).textContent.slice(0, 40);
    }, p.sentence, { timeout: 5000 });
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((s) => document.querySelector('#reading .flash')?.id === `s-${s}`, p.sentence, { timeout: 5000 });
    // The highlighted sentence holds the expression of that entry, and it is scrolled into view.
    const [expr] = (await tableRows('box-timeline'))[index];
    await closeTable('box-timeline');
    assert.ok((await page.textContent(`#s-${p.sentence}`)).includes(expr), `sentence ${p.sentence} holds “${expr}”`);
    const visible = await page.$eval(`#s-${p.sentence}`, (el) => {
      const r = el.getBoundingClientRect();
      const c = document.getElementById('reading').getBoundingClientRect();
      return r.bottom > c.top && r.top < c.bottom;
    });
    assert.ok(visible, 'the sentence is scrolled into the reading pane');
  }
});

test('a keyword opens its concordance, marked in the text', async () => {
  const p = await page.evaluate(() => window.articleExplorer.keywordBar(0));
  await page.mouse.click(p.x, p.y);
  await page.waitForSelector('#concordance:not([hidden])');
  const term = await page.getAttribute('#concordance', 'data-term');
  assert.equal(term, p.term);
  const rows = await page.$$eval('#conc-body tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const marks = await page.$$eval('#reading mark.key', (ms) => ms.length);
  assert.ok(rows.length > 1);
  assert.ok(marks >= Math.min(rows.length, 300), 'occurrences marked in the reading pane');
  for (const [left, kw, right] of rows.slice(0, 50)) {
    assert.ok(kw.length > 0 && left !== undefined && right !== undefined);
  }
  // The keyword itself is one of the term's spellings.
  assert.ok(rows.every((r) => r[1].toLowerCase().startsWith(term.toLowerCase().slice(0, 3))), 'concordance centres on the term');
  // Phrases and distinctive words, when the engine reports them, have their own views.
  for (const view of ['phrase', 'distinctive']) {
    const disabled = await page.$eval(`[data-kw="${view}"]`, (b) => b.disabled);
    if (disabled) continue;
    await page.click(`[data-kw="${view}"]`);
    assert.equal(await page.getAttribute(`[data-kw="${view}"]`, 'aria-pressed'), 'true');
    assert.ok((await items('keyword-chart')) > 0, `${view} view has items`);
  }
  await page.click('[data-kw="word"]');
  // Any word or phrase has a concordance too.
  await page.fill('#conc-query', 'social work');
  await page.press('#conc-query', 'Enter');
  await page.waitForFunction(() => document.getElementById('concordance').dataset.term === 'social work');
  const phraseRows = await page.$$eval('#conc-body tr', (trs) => trs.map((tr) => tr.cells[1]?.textContent ?? ''));
  assert.ok(phraseRows.length > 3, 'the phrase occurs several times in the sample');
  assert.ok(phraseRows.filter((r) => r).every((r) => /^social work/i.test(r)), `phrase lines: ${phraseRows.slice(0, 5)}`);
  await page.click('#conc-close');
  assert.equal(await page.$$eval('#reading mark.key', (ms) => ms.length), 0);
});

test('chart legends are buttons: series hide and show from the keyboard; exported images keep a legend', async () => {
  const legend = '#box-timeline .chart-legend';
  assert.match(await page.getAttribute(legend, 'aria-label'), /Timeline/);
  const buttons = () => page.$$eval(`${legend} button`, (bs) => bs.map((b) => ({ id: b.dataset.series, on: b.getAttribute('aria-pressed'), name: b.textContent })));
  const drawn = () => page.evaluate(() => window.articleExplorer.drawnItems('timeline-chart'));
  assert.deepEqual((await buttons()).map((b) => [b.id, b.on]), [['explicit', 'true'], ['relative', 'true'], ['domain', 'true']]);
  const all = await drawn();
  assert.equal(all, await items('timeline-chart'), 'every dated expression is drawn');
  const perKind = {};
  for (const [, , , , , kind] of await tableRows('box-timeline')) perKind[kind] = (perKind[kind] ?? 0) + 1;
  await closeTable('box-timeline');
  // Space on a focused button hides its series; the chart then draws the other kinds only.
  await page.focus(`${legend} [data-series="explicit"]`);
  await page.keyboard.press('Space');
  assert.equal((await buttons())[0].on, 'false');
  assert.equal(await drawn(), all - (perKind.explicit ?? 0), 'the explicit dates are hidden');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await drawn(), all - (perKind.explicit ?? 0) - (perKind.relative ?? 0), 'the relative dates are hidden too');
  // The SVG has ECharts' legend with every series' name (the hidden ones greyed).
  const svg = (await downloadFrom(page, '#box-timeline [data-tool="svg"]')).bytes.toString('utf8');
  for (const b of await buttons()) assert.ok(svg.includes(`>${b.name}<`), `the SVG's legend names ${b.name}`);
  const png = await downloadFrom(page, '#box-timeline [data-tool="png"]');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  await page.focus(`${legend} [data-series="relative"]`);
  await page.keyboard.press('Enter');
  await page.click(`${legend} [data-series="explicit"]`);
  assert.equal(await drawn(), all, 'every series shown again');
  assert.ok((await buttons()).every((b) => b.on === 'true'));
  // The sections chart has one per statistic; the table view hides the legend with the chart.
  assert.ok((await page.$$(`#box-sections .chart-legend button`)).length >= 2);
  await page.click('#box-sections [data-tool="table"]');
  assert.equal(await page.isVisible('#box-sections .chart-legend'), false);
  await closeTable('box-sections');
  assert.equal(await page.isVisible('#box-sections .chart-legend'), true);
});

test('the timeline zooms from the keyboard, the wheel and a drag, and a click still reads the sentence', async () => {
  const zoom = '#box-timeline .chart-zoom';
  const range = () => page.$eval(`${zoom} .zoom-range`, (r) => ({ from: Date.parse(r.dataset.from), to: Date.parse(r.dataset.to), text: r.textContent }));
  const span = (r) => r.to - r.from;
  const full = await range();
  assert.ok(span(full) > 0 && /^Showing all/.test(full.text), full.text);
  assert.equal(await page.$eval(`${zoom} [data-zoom="out"]`, (b) => b.disabled), true, 'nothing to zoom out of');
  assert.match(await page.getAttribute(zoom, 'aria-label'), /Timeline/);
  // Keyboard: Enter on "Zoom in" shows a narrower range inside the whole; "Earlier" moves it back.
  await page.focus(`${zoom} [data-zoom="in"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((f) => document.querySelector('#box-timeline .zoom-range').dataset.from !== f, new Date(full.from).toISOString().slice(0, 10));
  const zin = await range();
  assert.ok(span(zin) < span(full) * 0.8 && zin.from >= full.from && zin.to <= full.to, `zoomed in: ${zin.text}`);
  await page.focus(`${zoom} [data-zoom="earlier"]`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  const back = await range();
  assert.ok(back.from < zin.from && Math.abs(span(back) - span(zin)) < 2 * 86400000, `moved earlier: ${back.text}`);
  // The wheel over the plot zooms in further; a drag to the right moves to earlier dates.
  const c = await page.$eval('#timeline-chart', (e) => {
    e.scrollIntoView({ block: 'center' });
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(c.x, c.y);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(150);
  const wheeled = await range();
  assert.ok(span(wheeled) < span(back), `the wheel zooms in: ${wheeled.text}`);
  await page.click(`${zoom} [data-zoom="later"]`);
  await page.waitForTimeout(100);
  const before = await range();
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + 120, c.y, { steps: 6 });
  await page.mouse.up();
  await page.waitForTimeout(150);
  const dragged = await range();
  assert.ok(dragged.from < before.from, `a drag to the right shows earlier dates: ${before.text} → ${dragged.text}`);
  // A point inside the zoomed range is still where a click reads its sentence.
  const n = await items('timeline-chart');
  let hit = null;
  for (let i = 0; i < n && !hit; i++) {
    const p = await page.evaluate((k) => window.articleExplorer.timelinePoint(k), i);
    const r = await page.$eval('#timeline-chart', (e) => e.getBoundingClientRect().toJSON());
    if (p && p.x > r.left + 60 && p.x < r.right - 30) hit = p;
  }
  assert.ok(hit, 'a point is in view');
  await page.mouse.click(hit.x, hit.y);
  await page.waitForFunction((s) => document.querySelector('#reading .flash')?.id === `s-${s}`, hit.sentence, { timeout: 5000 });
  await page.click(`${zoom} [data-zoom="all"]`);
  await page.waitForTimeout(100);
  assert.deepEqual(await range(), full, 'Show all returns to the whole timeline');
});

test('exports download with the right content', async () => {
  const kwRows = await tableRows('box-keywords'); // the table view's first page
  const kwTotal = await page.$eval('#box-keywords .table-view', (v) => Number(v.dataset.rows));
  assert.ok(kwTotal >= kwRows.length);
  await closeTable('box-keywords');
  const csv = await downloadFrom(page, '#box-keywords [data-tool="csv"]');
  assert.match(csv.name, /-keywords\.csv$/);
  const lines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(lines[0].split(',').slice(0, 3).join(','), 'rank,term,count');
  assert.equal(lines.length - 1, kwTotal);
  assert.equal(lines[1].split(',')[1], kwRows[0][1]);
  const json = JSON.parse((await downloadFrom(page, '#box-timeline [data-tool="json"]')).bytes);
  assert.equal(json.chart, 'timeline');
  assert.equal(json.rows.length, await items('timeline-chart'));
  assert.ok(json.rows.every((r) => /^\d{4}-\d\d-\d\d$/.test(r.start)));
  const png = await downloadFrom(page, '#box-sections [data-tool="png"]');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 2000);
  const svg = (await downloadFrom(page, '#box-keywords [data-tool="svg"]')).bytes.toString('utf8');
  assert.match(svg, /^<svg[\s>]/);
  const svgText = svg.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  assert.ok(svgText.includes(kwRows[0][1].slice(0, 27)), `the SVG has the top keyword ${kwRows[0][1]}`);
  const report = JSON.parse((await downloadFrom(page, '#export-report')).bytes);
  // The contract version the engine in use writes (1: warnings as sentences; 2: as codes; 3: with
  // the reasons for each date).
  assert.equal(report.version, (await page.evaluate(() => window.articleExplorer.features())).reportVersion);
  assert.ok([1, 2, 3].includes(report.version), `report version ${report.version}`);
  assert.equal(report.stats.words, await stat('words'));
});

test('pasted HTML renders as text everywhere', async () => {
  let dialogs = 0;
  const onDialog = (d) => { dialogs++; d.dismiss(); };
  page.on('dialog', onDialog);
  await pasteText(page, '<img src=x onerror=alert(1)> title\n<script>alert(2)</script> in 2020. <b onmouseover=alert(3)>bold</b> 2021.\n');
  assert.equal(await page.$$eval('img, script:not([src]), b', (els) => els.length), 0);
  assert.match(await page.textContent('#reading'), /<img src=x onerror=alert\(1\)>/);
  assert.match(await page.textContent('#library-list'), /<img src=x/);
  await page.hover('#timeline-chart');
  assert.equal(dialogs, 0);
  page.off('dialog', onDialog);
});

test('the text is stored before the analysis starts, and the library survives a reload', async () => {
  await page.click('#new-article');
  const unique = `Dockside diary ${Date.now()}`;
  const big = `${unique}\n${'The tide rose in 2015 and fell in 2016. '.repeat(12000)}\n`;
  await page.evaluate((t) => {
    const ta = document.getElementById('text');
    ta.value = t;
    ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  }, big);
  await waitForState(page, 'busy');
  // While the worker is still busy, the text is already in IndexedDB.
  const stored = await page.evaluate(() => new Promise((resolve) => {
    const r = indexedDB.open('article-explorer');
    r.onsuccess = () => {
      const q = r.result.transaction('articles').objectStore('articles').getAll();
      q.onsuccess = () => resolve(q.result.map((e) => e.text.slice(0, 60)));
    };
  }));
  assert.ok(stored.some((s) => s.startsWith(unique)), 'stored before analysis');
  await waitForState(page, 'ready', 60000);
  const title = 'Harbour days';
  await page.click('#new-article');
  await pasteText(page, `${title}\nBoats left in 1999. They returned in 2003.\n`);
  await page.reload();
  await waitForState(page, 'ready');
  assert.equal(await editorText(), `${title}\nBoats left in 1999. They returned in 2003.\n`, 'the last article reopens');
  const listed = await page.$$eval('#library-list .entry-title', (bs) => bs.map((b) => b.textContent));
  assert.ok(listed.includes(title));
  assert.ok(listed.some((s) => s.startsWith('Dockside diary')));
  // Rename, then reload: the name stays.
  const li = `#library-list li:has(.entry-title:text-is("${title}"))`;
  await page.click(`${li} button:text-is("Rename")`);
  await page.fill('#library-list .rename input', 'Harbour, renamed');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#library-list .entry-title:text-is("Harbour, renamed")');
  await page.reload();
  await waitForState(page, 'ready');
  await page.waitForSelector('#library-list .entry-title:text-is("Harbour, renamed")');
  // Delete and undo.
  const count = await page.$$eval('#library-list .entry-title', (bs) => bs.length);
  await page.click('#library-list li:has(.entry-title:text-is("Harbour, renamed")) button:text-is("Delete")');
  await page.waitForFunction((left) => document.querySelectorAll('#library-list .entry-title').length === left, count - 1);
  await page.click('#lib-message button');
  await page.waitForSelector('#library-list .entry-title:text-is("Harbour, renamed")');
});

test('the library exports and imports as one file; bad files change nothing', async () => {
  const exported = await downloadFrom(page, '#lib-export');
  const data = JSON.parse(exported.bytes);
  assert.equal(data.format, 'article-explorer-library');
  const n = await page.$$eval('#library-list .entry-title', (bs) => bs.length);
  assert.equal(data.articles.length, n);
  const importFile = async (name, text) => {
    await page.evaluate(() => { document.getElementById('lib-message').textContent = ''; });
    await page.setInputFiles('#lib-import', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.getElementById('lib-message').textContent.length > 0);
    const msg = await page.textContent('#lib-message');
    await page.evaluate(() => { document.getElementById('lib-message').textContent = ''; });
    return msg;
  };
  const titles = () => page.$$eval('#library-list .entry-title', (bs) => bs.map((b) => b.textContent).sort());
  const before = await titles();
  assert.match(await importFile('bad.json', '{"format": "article-explorer-library", "version": 1, "articles": [{"id": 3}]}'), /damaged/);
  assert.match(await importFile('future.json', JSON.stringify({ ...data, version: 99 })), /newer version/);
  assert.match(await importFile('junk.json', 'not json at all'), /not valid JSON/);
  assert.match(await importFile('other.json', '{"hello": 1}'), /not an Article Explorer library/);
  assert.deepEqual(await titles(), before, 'refused imports change nothing');
  // Importing the same file again adds nothing; into an empty library it restores everything.
  assert.match(await importFile('same.json', exported.bytes.toString()), /Imported 0 article/);
  for (let k = n; k > 0; k--) {
    await page.click('#library-list button:text-is("Delete") >> nth=0');
    await page.waitForFunction((left) => document.querySelectorAll('#library-list .entry-title').length === left, k - 1);
  }
  assert.match(await importFile('restore.json', exported.bytes.toString()), new RegExp(`Imported ${n} article`));
  assert.deepEqual(await titles(), before);
});

test('comparison: shared and unique dated events side by side, keyness when the engine has it', async () => {
  await page.click('#new-article');
  await pasteText(page, 'Port of Amberley\nThe harbour opened in 2019. Cargo doubled in 2020. Harbour cranes, harbour cranes, harbour boats everywhere.\n');
  await page.click('#new-article');
  await pasteText(page, 'Line of Birchwood\nThe railway opened in 2020. Ridership rose in 2021. Railway stations, railway trains, railway bridges everywhere.\n');
  const ids = await page.$$eval('#library-list li', (lis) => Object.fromEntries(lis.map((li) => [li.querySelector('.entry-title')?.textContent, li.dataset.id])));
  await page.selectOption('#cmp-a', ids['Port of Amberley']);
  await page.selectOption('#cmp-b', ids['Line of Birchwood']);
  await page.click('#compare-btn');
  await page.waitForFunction(() => document.body.dataset.compare === 'ready', null, { timeout: 30000 });
  const list = (id) => page.$$eval(`#${id} li`, (lis) => lis.map((li) => li.textContent).join(' | '));
  assert.match(await list('ev-both'), /2020-01-01/);
  assert.match(await list('ev-a'), /2019/);
  assert.doesNotMatch(await list('ev-a'), /2020|2021/);
  assert.match(await list('ev-b'), /2021/);
  const features = await page.evaluate(() => window.articleExplorer.features());
  if (features.compare) {
    const rows = await tableRows('box-keyness');
    assert.ok(rows.some((r) => /harbour/i.test(r[0])), 'A over-uses harbour');
    assert.ok(rows.some((r) => /railway/i.test(r[0])), 'B over-uses railway');
  } else {
    assert.match(await page.textContent('#compare-message'), /compare entry/);
  }
  await page.locator('#compare').screenshot({ path: join(screenshots, 'page-compare.png') });
});

test('cancel stops a long analysis for real', async () => {
  const n0 = await analyzedCount(page);
  const gen0 = Number(await page.evaluate(() => document.body.dataset.worker));
  const words0 = await stat('words');
  await page.evaluate(() => {
    const ta = document.getElementById('text');
    ta.value = 'Long text\n' + 'The committee met on 5 May 2019 and again in June. '.repeat(150000);
    ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  });
  await page.waitForSelector('#cancel:not([hidden])');
  assert.equal(await page.isVisible('#progress'), true, 'progress bar for a long text');
  await page.click('#cancel');
  await waitForState(page, 'cancelled');
  // Nothing from the cancelled run arrives later, and the old results stay.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'cancelled');
  assert.equal(await analyzedCount(page), n0);
  assert.equal(await stat('words'), words0);
  // The next analysis runs on a fresh worker.
  await pasteText(page, 'After the cancel\nAll fine in 2024.\n');
  assert.equal(Number(await page.evaluate(() => document.body.dataset.worker)), gen0 + 1);
});

test('keyboard only: tab order, visible focus, shortcuts', async () => {
  await page.goto(server.url);
  await waitForState(page, 'ready');
  await page.evaluate(() => document.activeElement?.blur());
  const order = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const a = document.activeElement;
      const style = getComputedStyle(a);
      return { id: a.id || a.className || a.tagName, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    }));
  }
  const ids = order.map((o) => o.id);
  assert.equal(ids[0], 'skip');
  for (const id of ['ui-lang', 'shortcuts-btn', 'sample', 'new-article', 'file', 'text', 'dct']) assert.ok(ids.includes(id), `${id} in tab order`);
  assert.ok(ids.indexOf('sample') < ids.indexOf('text') && ids.indexOf('text') < ids.indexOf('dct'), 'tab order follows the layout');
  assert.ok(order.every((o) => o.outline), `focus is visible on every stop: ${JSON.stringify(order.filter((o) => !o.outline))}`);
  // The shortcut list opens with ? and closes with Escape.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('?');
  assert.equal(await page.$eval('#shortcuts-dialog', (d) => d.open), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#shortcuts-dialog', (d) => d.open), false);
  // k: keywords; v: tables; then Tab to the first table action opens the concordance.
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'box-keywords');
  await page.keyboard.press('v');
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement.closest?.('#box-keywords .table-view') !== null)) && guard++ < 30) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#concordance:not([hidden])');
  // l: timeline; Tab to its first "Read" button; Enter jumps to the sentence and focuses it.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('l');
  guard = 0;
  while (!(await page.evaluate(() => document.activeElement.closest?.('#box-timeline .table-view') !== null)) && guard++ < 30) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const focusedSentence = await page.evaluate(() => document.activeElement.id);
  assert.match(focusedSentence, /^s-\d+$/);
  assert.equal(await page.$eval(`#${focusedSentence}`, (e) => e.classList.contains('flash')), true);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('v');
  await page.keyboard.press('t');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text');
});

test('English and Chinese interface, responsive to phone width', async () => {
  await page.selectOption('#ui-lang', 'zh');
  // The Chinese strings are a chunk of their own: the interface switches once it has arrived.
  await page.waitForFunction(() => document.getElementById('input-heading').textContent === '文章', null, { timeout: 5000 });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.$eval('[data-stat="words"]', (e) => e.previousElementSibling.textContent), '词数');
  await page.reload();
  await waitForState(page, 'ready');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans', null, { timeout: 5000 });
  assert.equal(await page.textContent('#input-heading'), '文章', 'the choice persists');
  assert.equal(await page.inputValue('#ui-lang'), 'zh');
  await page.selectOption('#ui-lang', 'en');
  assert.equal(await page.textContent('#input-heading'), 'Article');
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px)`);
  await page.screenshot({ path: join(screenshots, 'page-phone.png') });
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('no CSP violation, console error or foreign request', async () => {
  const p = await problemsOf(page, browser.problems);
  assert.deepEqual(p, { csp: [], console: [], pageErrors: [], foreign: [] });
  assert.ok(server.requests.every((u) => u.startsWith('/')));
});
