// Page weight: an English first visit fetches exactly the files dist/sizes.json
// marks `initial` before its charts are drawn — the light engine module, never the full (Chinese)
// module, its glue or the Chinese dictionary, nor the lazy chunks (tooltip, export, Chinese UI
// strings and sample); the Service Worker precaches the lazy chunks after that, never the Chinese
// engine; a hover brings the tooltip; and a pasted Chinese text brings the Chinese engine in and is
// analyzed with real Chinese words and dates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  waitForState, pasteText, problemsOf, analyzedCount, waitForAnalysis, dist, root,
  openSession, closeSession,
} from './harness.mjs';

let server, browser, page, sizes;
before(async () => {
  sizes = JSON.parse(await readFile(join(dist, 'sizes.json'), 'utf8'));
  ({ server, browser, page } = await openSession());
});
after(() => closeSession({ server, browser }));

const fileOf = (u) => new URL(u, 'http://x').pathname.split('/').pop() || 'index.html';
const fetched = () => new Set(server.requests.map(fileOf));
// The files `requests` names before the Service Worker's script: what the page had fetched when its
// charts were drawn (it registers the worker at that moment; the precache requests follow).
const beforeServiceWorker = (requests) => {
  const names = requests.map(fileOf);
  const sw = names.indexOf('sw.js');
  return sw < 0 ? names : names.slice(0, sw);
};
const noted = (prefix) => sizes.files.filter((f) => f.note?.startsWith(prefix)).map((f) => f.file);
// Everything Chinese: the full module, its glue chunk, the dictionary.
const chineseFiles = () => ['article_explorer_bg.wasm', 'jieba-dict.txt.gz', ...noted('engine glue, full module')];

async function tableText(box) {
  if ((await page.getAttribute(`#${box} [data-tool="table"]`, 'aria-pressed')) !== 'true') await page.click(`#${box} [data-tool="table"]`);
  await page.waitForSelector(`#${box} .table-view:not([hidden]) table`); // a lazy chunk (www/features/charts/chart-tools.js)
  const text = await page.$eval(`#${box} .table-view`, (t) => t.textContent);
  await page.click(`#${box} [data-tool="table"]`);
  return text;
}

test('sizes.json lists both engine modules; only the light one is initial', () => {
  const file = (name) => sizes.files.find((f) => f.file === name);
  assert.equal(file('article_explorer_light_bg.wasm')?.initial, true);
  assert.equal(file('article_explorer_bg.wasm')?.initial, false);
  assert.equal(file('jieba-dict.txt.gz')?.initial, false);
  assert.equal(noted('engine glue, full module').length, 1, 'one glue chunk for the full module');
  assert.ok(file('article_explorer_light_bg.wasm').gzip < file('article_explorer_bg.wasm').gzip, 'the light module is smaller');
  const sum = sizes.files.filter((f) => f.initial).reduce((a, f) => a + f.gzip, 0);
  assert.equal(sizes.initial_gzip, sum, 'initial_gzip is the sum of the initial files');
  // The weight goal of a first visit. The test below checks that `initial` is exactly what a first visit fetches.
  assert.ok(sizes.initial_gzip < 400_000, `the first visit is ${sizes.initial_gzip} B gzip, over 400 KB`);
});

// One ECharts for the page: its core (the only module with this string) in one file, which the
// first visit loads; the corpus's line series (its option key) only in the corpus chunk, which
// uses the first view's core. (The embed view is a build of its own, with its own copy.)
test('one copy of ECharts: the core in the first visit, the line series in the corpus chunk', async () => {
  const scripts = sizes.files.filter((f) => f.file.endsWith('.js') && !f.file.startsWith('embed'));
  const holding = async (s) => (await Promise.all(scripts.map(async (f) => ((await readFile(join(dist, f.file), 'utf8')).includes(s) ? f : null)))).filter(Boolean);
  const core = await holding('_echarts_instance_');
  assert.equal(core.length, 1, `ECharts' core in ${core.map((f) => f.file)}`);
  assert.equal(core[0].initial, true);
  const line = await holding('showAllSymbol');
  assert.deepEqual(line.map((f) => f.file), noted('corpus explorer'), 'the line series only in the corpus chunk');
});

test('the light and the full module give identical reports on English text', async () => {
  const load = async (dir) => {
    const m = await import(`${join(root, dir, 'article_explorer.js')}?${dir}`);
    await m.default({ module_or_path: await readFile(join(root, dir, 'article_explorer_bg.wasm')) });
    return m;
  };
  const [light, full] = [await load('pkg/light'), await load('pkg')];
  assert.equal(light.hasChinese(), false);
  assert.equal(full.hasChinese(), true);
  const texts = [await readFile(join(root, 'samples/en-peoples-daily-2025-11-05.txt'), 'utf8')];
  for (const f of ['tests/data/segmentation/en_sentences.txt', 'tests/data/timex/en_cases.txt']) {
    for (const l of (await readFile(join(root, f), 'utf8')).split('\n')) if (l && !l.startsWith('#') && !/[\u3400-\u9fff]/.test(l)) texts.push(l);
  }
  texts.push(texts.slice(1).join('\n\n'));
  assert.ok(texts.length > 100);
  for (const t of texts) {
    for (const options of [{}, { dct: '2020-02-29' }]) {
      assert.equal(JSON.stringify(light.analyze(t, options)), JSON.stringify(full.analyze(t, options)), t.slice(0, 80));
    }
  }
});

test('an English first visit fetches exactly its initial files before the charts are drawn', async () => {
  await page.goto(server.url);
  await waitForState(page, 'ready', 60000);
  await page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0);
  // What the page had requested when its charts were drawn: everything before the Service
  // Worker's script, which the page registers at that moment (its precache requests follow it).
  // register() fetches the script a moment later: wait for that request (at most 5 s).
  for (let i = 0; i < 100 && !server.requests.some((u) => new URL(u, 'http://x').pathname.endsWith('/sw.js')); i++) await page.waitForTimeout(50);
  const atDraw = new Set(beforeServiceWorker(server.requests));
  const initial = sizes.files.filter((f) => f.initial).map((f) => f.file);
  const lazyChunks = [...noted('ECharts tooltip'), ...noted('chart export')];
  assert.equal(lazyChunks.length, 2, 'the tooltip and the chart export are chunks of their own');
  assert.deepEqual([...atDraw].sort(), initial.sort(), 'the first visit fetches the initial files and nothing else');
  for (const f of [...chineseFiles(), ...lazyChunks]) assert.ok(!atDraw.has(f), `${f} is not initial`);
  // Then the Service Worker installs and precaches the site: the lazy chunks too, never the
  // Chinese engine or dictionary (each is kept once a Chinese text has fetched it).
  await page.evaluate(() => navigator.serviceWorker.ready); // resolves once installed: its precache is complete
  const got = fetched();
  assert.ok(got.has('sw.js') && !atDraw.has('sw.js'), 'the Service Worker registered after the charts were drawn');
  for (const f of sizes.files.filter((x) => x.precached)) assert.ok(got.has(f.file), `${f.file} is precached after load`);
  for (const f of chineseFiles()) assert.ok(!got.has(f), `${f} was fetched on an English first visit`);
  for (const f of sizes.files.filter((x) => !x.initial && x.precached)) assert.match(f.note ?? '', /precached by the service worker after load/, f.file);
  assert.equal(await page.$eval('[data-stat="language"]', (e) => e.textContent), 'English');
});

test('the tooltip loads on the first hover and shows without moving the pointer again', async () => {
  const [tipChunk] = noted('ECharts tooltip');
  assert.ok(tipChunk, 'the tooltip is a chunk of its own');
  assert.ok(!sizes.files.find((f) => f.file === tipChunk).initial);
  await page.reload(); // a fresh page: the tooltip code is not installed yet (the Service Worker serves the files)
  await waitForState(page, 'ready', 60000);
  await page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0);
  const loaded = () => page.evaluate((c) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/${c}`)), tipChunk);
  assert.equal(await loaded(), false, 'no tooltip code before a hover');
  const p = await page.evaluate(() => window.articleExplorer.keywordBar(0));
  await page.mouse.move(p.x, p.y); // one move, no second one
  await page.waitForFunction((term) => [...document.querySelectorAll('#keyword-chart .chart-tip')]
    .some((t) => t.offsetParent !== null && t.textContent.includes(term)), p.term, { timeout: 5000 });
  assert.equal(await loaded(), true);
});

test('the Chinese interface strings load for a Chinese browser, before its charts are drawn', async () => {
  const [strings] = noted('Chinese interface strings');
  const [sample] = noted('sample text zh-');
  assert.ok(strings && sample, 'the Chinese strings and the Chinese sample are chunks of their own');
  for (const f of [strings, sample]) assert.equal(sizes.files.find((x) => x.file === f).initial, false, `${f} is not initial`);
  const zh = await openSession({ locale: 'zh-CN' });
  try {
    await zh.page.goto(zh.server.url);
    await zh.page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0, null, { timeout: 60000 });
    await zh.page.waitForFunction(() => document.documentElement.lang === 'zh-Hans', null, { timeout: 5000 });
    assert.equal(await zh.page.textContent('#input-heading'), '文章');
    assert.equal(await zh.page.inputValue('#ui-lang'), 'zh');
    const atDraw = beforeServiceWorker(zh.server.requests);
    assert.ok(atDraw.includes(strings), 'the Chinese strings came with the first visit');
    assert.ok(!atDraw.includes(sample), 'the Chinese sample did not (the default sample is English)');
    assert.deepEqual(await problemsOf(zh.page, zh.browser.problems), { console: [], pageErrors: [], csp: [], foreign: [] });
  } finally {
    await closeSession(zh);
  }
});

test('a long English text (over a million characters) is analyzed by the full module, without the dictionary', async () => {
  const unit = await readFile(join(root, 'samples', 'en-peoples-daily-2025-11-05.txt'), 'utf8');
  const text = unit.repeat(Math.ceil(1_100_000 / unit.length));
  const before = server.requests.length;
  const analyzed = await analyzedCount(page);
  await pasteText(page, text, { wait: false });
  await waitForAnalysis(page, analyzed, 120000);
  const got = server.requests.slice(before).map((u) => u.split('/').pop());
  assert.ok(got.includes('article_explorer_bg.wasm'), 'the full module is fetched for a long text');
  assert.ok(!got.includes('jieba-dict.txt.gz'), 'but not the Chinese dictionary');
  assert.equal(await page.$eval('[data-stat="language"]', (e) => e.textContent), 'English');
});

test('pasting Chinese loads the full module and the dictionary, and analyzes with words and dates', async () => {
  // A short article of our own (not a sample): multi-character words jieba keeps whole and dates.
  const text = [
    '国家统计局发布粮食生产报告',
    '新华社北京2024年3月5日电 国家统计局今天发布报告说，2023年全国粮食总产量再创新高。报告指出，粮食生产连续多年保持稳定，农业现代化建设取得新进展。',
    '统计局有关负责人表示，明年将继续加强粮食生产统计监测工作。粮食安全关系全局，粮食生产必须常抓不懈。',
  ].join('\n\n');
  await pasteText(page, text);
  const got = fetched();
  for (const f of chineseFiles()) assert.ok(got.has(f), `${f} is fetched for Chinese text`);
  assert.equal(await page.$eval('[data-stat="language"]', (e) => e.textContent), 'Chinese');
  const warnings = await page.$eval('#warnings', (e) => (e.hidden ? '' : e.textContent));
  assert.doesNotMatch(warnings, /dictionary is not loaded|no Chinese support/, 'segmented with the dictionary');
  const keywords = await tableText('box-keywords');
  assert.match(keywords, /粮食/, 'a two-character word is a keyword (per-character fallback would not give it)');
  const timeline = await tableText('box-timeline');
  assert.match(timeline, /2024-03-05/, 'the Chinese date is read');
  // English again: still right, now from the full module (no second download).
  const before = server.requests.length;
  await pasteText(page, 'Beijing, March 5, 2024. The statistics bureau reported a record grain harvest in 2023.\n\nOfficials said grain output would stay stable next year.');
  assert.equal(await page.$eval('[data-stat="language"]', (e) => e.textContent), 'English');
  assert.ok(!server.requests.slice(before).some((u) => /article_explorer(_light)?_bg\.wasm|jieba-dict/.test(u)), 'no engine reloaded');
  const p = await problemsOf(page, browser.problems);
  assert.deepEqual(p, { console: [], pageErrors: [], csp: [], foreign: [] });
});
