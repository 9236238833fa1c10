// The full module's report hand-over (src/wasm/handover.rs + handover.js: words and a string
// table decoded in JavaScript) against the light module's serde-wasm-bindgen one: for English
// text both modules compute the same report, so the objects must be equal in every value, type
// (null, not undefined; numbers; plain objects and arrays) and key order. Runs on pkg/light and
// pkg (scripts/build-wasm.sh), no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
