// The report's warnings in the interface's language. From contract version 2 on, the engine gives
// each warning as {code, params} and the page words it (features/reading/warnings.js, i18n
// `warning.<code>`); a code the page does not know yet gets a general sentence naming it, and a
// version-1 report's English sentences are shown as they are.
//
// Every warning the page can produce is triggered for real, on a copy of the site without the full
// engine module and the Chinese dictionary (as when both fail to load): a Chinese text is then
// analyzed by the light module without Chinese support or dictionary; two U+FFFD characters in
// it and a reference date with a five-digit year (which the date field accepts and the engine
// refuses) give the other two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, serve, openBrowser, waitForState, pasteText, analyzedCount, waitForAnalysis } from './harness.mjs';
import { STRING_TABLE } from '../../www/i18n.js';
import zh from '../../www/i18n-zh.js';

const en = STRING_TABLE.en;
const CODES = ['chinese_dictionary_missing', 'chinese_unsupported', 'replacement_characters', 'reference_date_invalid'];
const PARAMS = { replacement_characters: { count: '2' }, reference_date_invalid: { value: '10000-01-01' } };
/** The string `key` of `table` with `vars` filled in, as the page's t() does. */
const fill = (table, key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);
// Two English words in a row: an English sentence (codes, U+FFFD and YYYY-MM-DD are single words).
const ENGLISH = /[A-Za-z]{2,}[\s,:]+[A-Za-z]{2,}/;

let site, server, browser, page;
before(async () => {
  site = await mkdtemp(join(tmpdir(), 'ae-site-'));
  await cp(dist, site, { recursive: true, filter: (src) => !/(^|\/)(article_explorer_bg\.wasm|jieba-dict\.txt\.gz)$/.test(src) });
  server = await serve(site);
  browser = await openBrowser({ locale: 'zh-CN' });
  page = browser.page;
  await page.goto(server.url);
  await waitForState(page, 'ready', 60000);
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans', null, { timeout: 10000 });
});
after(async () => {
  await browser?.context.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

const shown = () => page.$$eval('#warnings li', (items) => items.map((li) => li.textContent));

test('the Chinese interface shows every warning in Chinese', async () => {
  await pasteText(page, '国家统计局今天发布报告说\uFFFD\uFFFD，2023年全国粮食总产量再创新高。\n\n统计局有关负责人表示，明年将继续加强粮食生产统计监测工作。');
  const before = await analyzedCount(page);
  await page.evaluate(() => {
    const field = document.getElementById('dct');
    field.value = '10000-01-01';
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitForAnalysis(page, before);
  const expected = CODES.map((code) => fill(zh, `warning.${code}`, PARAMS[code]));
  const got = await shown();
  assert.deepEqual([...got].sort(), [...expected].sort(), 'each warning the page produced, in Chinese');
  for (const text of got) assert.doesNotMatch(text, ENGLISH, `no English sentence: ${text}`);
  assert.equal(await page.$eval('#warnings', (e) => e.hidden), false);
  // A code this page does not know yet (a newer engine): a Chinese sentence that names it.
  const [unknown] = await page.evaluate(() => window.articleExplorer.warningTexts([{ code: 'some_new_code', params: {} }]));
  assert.equal(unknown, fill(zh, 'warning.unknown', { code: 'some_new_code' }));
  assert.doesNotMatch(unknown, ENGLISH);
  // The same report in the English interface: the list is worded again.
  await page.selectOption('#ui-lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction((n) => document.querySelectorAll('#warnings li').length === n, expected.length);
  assert.deepEqual([...(await shown())].sort(), CODES.map((code) => fill(en, `warning.${code}`, PARAMS[code])).sort());
  await page.selectOption('#ui-lang', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
});

test('each code is worded with its params in both languages; version-1 sentences are shown as they are', async () => {
  // As the engine writes them: counts as numbers (the page writes them with its digit grouping).
  const params = { replacement_characters: { count: 2 }, reference_date_invalid: { value: '10000-01-01' } };
  const warnings = [...CODES.map((code) => ({ code, params: params[code] ?? {} })),
    { code: 'replacement_characters', params: { count: 1 } },
    { code: 'some_new_code', params: { x: 1 } }, 'A version-1 warning, an English sentence.'];
  const words = (lang) => page.evaluate(async ([l, w]) => {
    document.getElementById('ui-lang').value = l;
    document.getElementById('ui-lang').dispatchEvent(new Event('change'));
    await new Promise((r) => requestAnimationFrame(r));
    return window.articleExplorer.warningTexts(w);
  }, [lang, warnings]);
  for (const [lang, table] of [['zh', zh], ['en', en]]) {
    const got = await words(lang);
    const expected = [...CODES.map((code) => fill(table, `warning.${code}`, PARAMS[code])),
      fill(table, 'warning.replacement_characters.one'),
      fill(table, 'warning.unknown', { code: 'some_new_code' }), 'A version-1 warning, an English sentence.'];
    assert.deepEqual(got, expected, lang);
  }
  await words('zh');
});
