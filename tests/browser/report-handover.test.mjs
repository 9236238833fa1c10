// The full module's report hand-over (src/wasm/handover.rs + handover.js: words and a string
// table decoded in JavaScript) against the light module's serde-wasm-bindgen one: for English
// text both modules compute the same report, so the objects must be equal in every value, type
// (null, not undefined; numbers; plain objects and arrays) and key order. Runs on pkg/light and
// pkg (scripts/build-wasm.sh), no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { root } from './harness.mjs';

async function load(dir) {
  const m = await import(`${join(root, dir, 'article_explorer.js')}?handover-${dir}`);
  await m.default({ module_or_path: await readFile(join(root, dir, 'article_explorer_bg.wasm')) });
  return m;
}

// Warnings with parameters (replacement characters), timexes with anchors, modifiers and end
// values, sections with and without titles, non-ASCII strings (UTF-16 lengths differ from UTF-8),
// a "__proto__" word, keyword dispersion and keyness floats.
const TEXTS = [
  await readFile(join(root, 'tests/fixtures/align/en.txt'), 'utf8'),
  'Caf\u00e9 \uFFFD report \uFFFD on 5 May 2024, early 2023, mid-2021, three days later.\n\n'
    + 'Second paragraph __proto__ constructor \u{1F600} emoji \u{1D518} last Tuesday; 1990s to 2001. '
    + 'The harbour board met on Monday. The harbour ferry runs daily; the ferry fees rose in late 2024.',
  '# A title\n\nThe summit opened on 3 March 2025 in Geneva. Two days later the talks ended.\n\n'
    + '## Later\n\nBy the end of the year, the deal was signed; next spring it takes effect.',
];

test('the full module hands over the same report object as serde-wasm-bindgen does', async () => {
  const light = await load('pkg/light');
  const full = await load('pkg');
  for (const text of TEXTS) {
    for (const options of [{}, { tokens: true }, { keyword_limit: 3, dct: '2025-01-01' }]) {
      const a = light.analyze(text, options);
      const b = full.analyze(text, options);
      assert.deepStrictEqual(b, a);
      assert.equal(JSON.stringify(b), JSON.stringify(a));
      assert.equal(Object.getPrototypeOf(b), Object.prototype);
    }
  }
});

test('repeated hand-overs give the same report, also after garbage collections (one decoder, reset per call)', async () => {
  const full = await load('pkg');
  const first = JSON.stringify(full.analyze(TEXTS.at(-1), {}));
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    assert.equal(JSON.stringify(full.analyze(TEXTS.at(-1), {})), first);
  }
});

// The corpus summary takes the same hand-over: against the CLI's `corpus` lines (serde_json) for
// an English article dated by its file name, Traditional and Simplified Chinese news (dictionary
// words, dates, a masthead), and one dated by the user.
test('summarizeArticle hands over the same summary object as the CLI prints', async () => {
  const full = await load('pkg');
  full.loadChineseDictionary(gunzipSync(await readFile(join(root, 'data/zh/jieba-dict.txt.gz'))));
  const dir = await mkdtemp(join(tmpdir(), 'ae-summary-'));
  try {
    const files = {
      '2025-11-05-align.txt': join(root, 'tests/fixtures/align/en.txt'),
      'hant.txt': join(root, 'tests/fixtures/zh-hant-news.txt'),
      '2024-02-29 hans.txt': join(root, 'tests/fixtures/zh-hans-news.txt'),
    };
    for (const [name, from] of Object.entries(files)) await writeFile(join(dir, name), await readFile(from));
    await writeFile(join(dir, 'other.txt'), TEXTS[1]);
    const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'article-explorer', '--', 'corpus', '--output', 'articles', '--date', '2024-03-01', dir],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    for (const { kind, path, duplicate_of, ...cli } of lines) {
      assert.equal(kind, 'article');
      const name = path.split('/').pop();
      const summary = full.summarizeArticle(await readFile(path, 'utf8'), { id: cli.id, file_name: name, user_date: '2024-03-01' });
      assert.ok(summary.terms.length > 10, name);
      assert.deepStrictEqual(summary, cli, name);
      assert.equal(JSON.stringify(summary), JSON.stringify(cli), name);
      assert.equal(Object.getPrototypeOf(summary), Object.prototype);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// The decoder's object literals (the generated part of handover.js) are the shapes the reports
// have: a field added, renamed or moved without running the script would leave a shape to the
// slower key-by-key path, unnoticed.
test('the decoder has a maker for every shape of the sample reports, and no other', () => {
  // in a process of its own: this one's decoder has seen the shapes of the texts above too
  execFileSync(process.execPath, [join(root, 'scripts/handover-shapes.mjs'), '--check'], { cwd: root, stdio: 'inherit' });
});
