// Every UI string the page asks for exists in English and in Chinese: the keys in index.html
// (data-i18n, data-i18n-aria, data-i18n-title), every literal t('…') in www/**/*.js, and the key
// families the code builds from report values (stages, kinds, languages, columns, warning codes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from './harness.mjs';
import { STRING_TABLE as LOADED } from '../../www/i18n.js';
import zh from '../../www/i18n-zh.js'; // loaded on demand by the page

// The views in lazy chunks bring their own strings (www/features/*/strings.js, added by addStrings).
const STRING_TABLE = { en: { ...LOADED.en }, zh: { ...zh } };
const featureDir = new URL('../../www/features/', import.meta.url);
for (const d of await readdir(featureDir)) {
  const file = new URL(`${d}/strings.js`, featureDir);
  const tables = await import(file.href).then((m) => m.default, () => null);
  if (!tables) continue;
  assert.deepEqual(Object.keys(tables).sort(), ['en', 'zh'], `${d}/strings.js has en and zh`);
  for (const l of ['en', 'zh']) {
    const clash = Object.keys(tables[l]).filter((k) => k in STRING_TABLE[l]);
    assert.deepEqual(clash, [], `${d}/strings.js redefines keys`);
    Object.assign(STRING_TABLE[l], tables[l]);
  }
}

test('every UI string exists in English and Chinese', async () => {
  const www = join(root, 'www');
  const keys = new Set();
  const html = await readFile(join(www, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n(?:-aria|-title)?="([^"]+)"/g)) keys.add(m[1]);
  const scripts = (await readdir(www, { recursive: true })).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.some((f) => f.startsWith('features')), 'the feature folders are read too');
  for (const f of scripts) {
    const src = await readFile(join(www, f), 'utf8');
    for (const m of src.matchAll(/\bt\('([^']+)'/g)) keys.add(m[1]);
  }
  const families = {
    stage: ['structure', 'segmentation', 'timeline', 'keywords', 'report'],
    kind: ['explicit', 'relative', 'domain'],
    lang: ['en', 'zh', 'mixed', 'other'],
    stat: ['characters', 'words', 'sentences', 'paragraphs', 'sections', 'dates', 'language'],
    col: ['words', 'sentences', 'paragraphs', 'dates'],
    tools: ['table', 'png', 'svg', 'csv', 'json'],
    'keywords.note': ['word', 'phrase', 'distinctive'],
    // The report's warning codes (contract version 2), and the sentence for a code not known yet.
    warning: ['chinese_dictionary_missing', 'chinese_unsupported', 'replacement_characters', 'reference_date_invalid', 'unknown'],
  };
  for (const [prefix, names] of Object.entries(families)) for (const n of names) keys.add(`${prefix}.${n}`);
  for (const code of ['import-json', 'import-format', 'import-future', 'import-entry']) keys.add(code);
  assert.ok(keys.size > 150, `found ${keys.size} keys`);
  for (const lang of ['en', 'zh']) {
    const missing = [...keys].filter((k) => !(k in STRING_TABLE[lang]));
    assert.deepEqual(missing, [], `${lang} lacks strings`);
  }
  // Placeholders match between the two languages.
  for (const k of Object.keys(STRING_TABLE.en)) {
    const vars = (s) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    assert.equal(vars(STRING_TABLE.zh[k]), vars(STRING_TABLE.en[k]), `placeholders of ${k}`);
  }
});
