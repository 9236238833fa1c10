// The options objects the engine modules read (src/wasm/options.rs, a hand-written reader in place of
// serde-wasm-bindgen's): every field takes effect, missing / undefined / null fields
// and unknown ones leave the defaults, and a value of the wrong type is an error naming the field.
// Runs on pkg/light and pkg (scripts/build-wasm.sh), no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './harness.mjs';

const TEXT = 'The harbour board met in Hull on Monday. The harbour ferry runs daily; 2024 was a record year '
  + 'for the ferry. Harbour fees rose again last year.';

async function load(dir) {
  const m = await import(`${join(root, dir, 'article_explorer.js')}?options-${dir}`);
  await m.default({ module_or_path: await readFile(join(root, dir, 'article_explorer_bg.wasm')) });
  return m;
}

const terms = (report) => report.keywords.map((k) => k.term);

for (const dir of ['pkg/light', 'pkg']) {
  test(`${dir}: every analysis option takes effect; absent, null and unknown fields keep the defaults`, async () => {
    const m = await load(dir);
    const plain = JSON.stringify(m.analyze(TEXT, {}));
    for (const same of [undefined, null, { dct: null, keyword_limit: null, lang: undefined }, { unknown: 1, tokens: false }]) {
      assert.equal(JSON.stringify(m.analyze(TEXT, same)), plain, JSON.stringify(same));
    }
    assert.ok(terms(m.analyze(TEXT, {})).includes('harbour'));
    assert.deepEqual(terms(m.analyze(TEXT, { keyword_limit: 1 })), ['harbour']);
    assert.ok(!terms(m.analyze(TEXT, { stopwords_add: ['Harbour'] })).includes('harbour'));
    assert.ok(!terms(m.analyze(TEXT, {})).includes('2024'));
    assert.ok(terms(m.analyze(TEXT, { keep_numbers: true })).includes('2024'));
    assert.equal(m.analyze(TEXT, { dct: '2025-03-05' }).reference_date.value, '2025-03-05');
    assert.equal(m.analyze(TEXT, {}).tokens, undefined);
    assert.ok(m.analyze(TEXT, { tokens: true }).tokens.length > 20);
    assert.equal(m.analyze(TEXT, { lang: 'en' }).language, 'en');
    assert.ok(Array.isArray(m.analyze(TEXT, { stopwords_remove: ['the'] }).keywords));
  });

  test(`${dir}: an option of the wrong type is refused with a message naming it`, async () => {
    const m = await load(dir);
    const cases = [
      [{ lang: 'fr' }, /`lang` must be one of auto, en, zh/],
      [{ keyword_limit: 2.5 }, /`keyword_limit` must be a whole number/],
      [{ keyword_limit: -1 }, /`keyword_limit` must be a whole number/],
      [{ keyword_limit: '5' }, /`keyword_limit` must be a whole number/],
      [{ dct: 20250305 }, /`dct` must be a string/],
      [{ tokens: 1 }, /`tokens` must be true or false/],
      [{ stopwords_add: 'harbour' }, /`stopwords_add` must be an array of strings/],
      [{ stopwords_remove: [1] }, /`stopwords_remove` must be an array of strings/],
      ['en', /invalid options: expected an object/],
    ];
    for (const [options, message] of cases) assert.throws(() => m.analyze(TEXT, options), message, JSON.stringify(options));
    assert.throws(() => m.compare(TEXT, TEXT, { keyword_limit: 'all' }), /invalid options: `keyword_limit`/);
  });

  test(`${dir}: concordance options take effect and are checked`, async () => {
    const m = await load(dir);
    const all = m.concordance(TEXT, 'harbour', {});
    assert.equal(all.mode, 'term');
    assert.equal(all.total, 3);
    assert.equal(all.lines.length, 3);
    const some = m.concordance(TEXT, 'harbour', { mode: 'exact', limit: 1, context: 4 });
    assert.deepEqual([some.mode, some.total, some.lines.length], ['exact', 3, 1]);
    assert.ok(some.lines[0].right.length <= 4, some.lines[0].right);
    assert.throws(() => m.concordance(TEXT, 'harbour', { mode: 'regex' }), /invalid concordance options: `mode` must be one of term, exact, text/);
    assert.throws(() => m.concordance(TEXT, 'harbour', { limit: -3 }), /`limit` must be a whole number/);
  });
}

test('pkg: setOfficialTerms edits the lexicon for later calls; the light module has no lexicon', async () => {
  const m = await load('pkg');
  const text = '各地加快发展新型储能。新型储能装机规模扩大。新型储能产业链完善。学习二十届三中全会精神。二十届三中全会召开。';
  const words = () => m.analyze(text, {}).keywords.filter((k) => k.kind === 'word').map((k) => k.term);
  try {
    assert.ok(!words().includes('新型储能') && words().includes('二十届三中全会'), words().join(' '));
    m.setOfficialTerms(['新型儲能'], ['二十届三中全会']);
    assert.ok(words().includes('新型储能') && !words().includes('二十届三中全会'), words().join(' '));
    m.setOfficialTerms([], []);
    assert.ok(!words().includes('新型储能') && words().includes('二十届三中全会'), 'each call replaces the edits');
  } finally {
    m.setOfficialTerms([], []);
  }
  assert.equal(typeof (await load('pkg/light')).setOfficialTerms, 'undefined');
});
