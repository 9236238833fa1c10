// The page cannot be turned against its user — checked on the source, so a regression fails
// before anyone opens the page:
// - no HTML sink and no string-to-code call in our JavaScript (www/ and any JS under src/):
//   user text reaches the DOM only as text nodes;
// - the Content-Security-Policy (www/index.html and the built dist/index.html) is strict: no
//   'unsafe-inline', no 'unsafe-eval', nothing from another origin, no plugins, no <base>;
// - the HTML has no inline script, inline handler or inline style the CSP would have to allow;
// - no address of another origin anywhere in www/ (the runtime check that nothing leaves
//   127.0.0.1 is in foundation.test.mjs and every page test);
// - the library's IndexedDB is namespaced and versioned with one migration step per version, and
//   its file import refuses malformed and future-version files before writing anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, dist } from './harness.mjs';

async function filesUnder(dir, ext) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p, ext)));
    else if (ext.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** Source without comments, so a comment explaining a rule does not trip it. */
const code = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const SINKS = [
  [/\.innerHTML\b/, 'innerHTML'],
  [/\.outerHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write'],
  [/(^|[^.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/\bFunction\s*\(\s*['"`]/, 'Function(string)'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'string timer'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/\.srcdoc\b/, 'srcdoc'],
  [/\bsetHTML(Unsafe)?\s*\(/, 'setHTML'],
  [/['"`]javascript:/i, 'javascript: URL'],
];

test('no HTML sink or string-to-code call in the page source', async () => {
  const files = [...(await filesUnder(join(root, 'www'), ['.js', '.mjs'])), ...(await filesUnder(join(root, 'src'), ['.js', '.mjs']))];
  assert.ok(files.length >= 5, `found the page's scripts (${files.length})`);
  const hits = [];
  for (const f of files) {
    const lines = code(await readFile(f, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      for (const [re, name] of SINKS) if (re.test(line)) hits.push(`${relative(root, f)}:${i + 1}: ${name}: ${line.trim()}`);
    });
  }
  assert.deepEqual(hits, []);
});

test('the scan itself catches each sink (so a pass means something)', () => {
  const bad = ['el.innerHTML = t', 'x.outerHTML=y', 'el.insertAdjacentHTML("beforeend", t)', 'document.write(t)', 'eval(t)',
    'new Function("return 1")', 'setTimeout("alert(1)", 0)', 'r.createContextualFragment(t)', 'f.srcdoc = t', 'a.href = "javascript:alert(1)"'];
  for (const b of bad) assert.ok(SINKS.some(([re]) => re.test(code(b))), `caught: ${b}`);
  for (const ok of ['el.textContent = t', 'x.evaluate()', '// el.innerHTML is never used', 'medieval(1)']) {
    assert.ok(!SINKS.some(([re]) => re.test(code(ok))), `not flagged: ${ok}`);
  }
});

function csp(html) {
  const m = html.match(/<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(?:"([^"]+)"|'([^']+)')/i);
  assert.ok(m, 'a CSP meta tag');
  return Object.fromEntries((m[1] ?? m[2]).split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values];
  }));
}

for (const [label, path] of [['www/index.html', join(root, 'www/index.html')], ['dist/index.html', join(dist, 'index.html')]]) {
  test(`${label}: a strict CSP, and nothing inline for it to allow`, { skip: !existsSync(path) && 'not built' }, async () => {
    const html = await readFile(path, 'utf8');
    const policy = csp(html);
    const all = Object.values(policy).flat();
    assert.ok(!all.includes("'unsafe-inline'"), "no 'unsafe-inline'");
    assert.ok(!all.includes("'unsafe-eval'"), "no 'unsafe-eval'");
    const foreign = all.filter((v) => /^(\*|https?:|wss?:|ftp:|\*\.|[a-z0-9-]+\.[a-z0-9.-]+)/i.test(v));
    assert.deepEqual(foreign, [], 'no other origin allowed');
    for (const [d, values] of Object.entries(policy)) {
      const schemes = values.filter((v) => /^[a-z]+:$/.test(v));
      if (d !== 'img-src') assert.deepEqual(schemes, [], `${d}: no scheme sources`);
      else assert.ok(schemes.every((v) => ['data:', 'blob:'].includes(v)), `img-src: ${schemes}`);
    }
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.ok(policy['script-src'].every((v) => ["'self'", "'wasm-unsafe-eval'"].includes(v)), `script-src: ${policy['script-src']}`);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'none'"]);
    // Nothing the policy would have to allow: inline scripts, handlers, styles, javascript: URLs.
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim());
    assert.deepEqual(inlineScripts.map((m) => m[0].slice(0, 80)), []);
    assert.deepEqual(html.match(/\son[a-z]+\s*=/gi) ?? [], [], 'no inline event handlers');
    assert.deepEqual(html.match(/\sstyle\s*=/gi) ?? [], [], 'no inline style attributes');
    assert.doesNotMatch(html, /javascript:/i);
  });
}

test('no address of another origin in the page', async () => {
  const files = await filesUnder(join(root, 'www'), ['.js', '.mjs', '.html', '.css', '.webmanifest', '.json', '.svg']);
  const hits = [];
  for (const f of files) {
    const text = await readFile(f, 'utf8');
    for (const m of text.matchAll(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`)]*/gi)) {
      // XML namespaces are names, not requests.
      if (/^https?:\/\/www\.w3\.org\//.test(m[0])) continue;
      if (/^\/\/\s/.test(m[0])) continue;
      hits.push(`${relative(root, f)}: ${m[0]}`);
    }
  }
  assert.deepEqual(hits.filter((h) => !/\/\/ /.test(h)), []);
});

test('IndexedDB is namespaced and versioned, with one migration step per version', async () => {
  const lib = await import(join(root, 'www/features/library/library.js'));
  assert.equal(lib.DB_NAME, 'article-explorer');
  assert.ok(Number.isInteger(lib.DB_VERSION) && lib.DB_VERSION >= 1);
  const src = await readFile(join(root, 'www/features/library/library-db.js'), 'utf8'); // where the database is opened
  const steps = src.match(/const MIGRATIONS = \[([\s\S]*?)\n\];/);
  assert.ok(steps, 'a MIGRATIONS list');
  const count = (steps[1].match(/^\s{2}\(db\b/gm) ?? []).length;
  assert.equal(count, lib.DB_VERSION, 'MIGRATIONS[i] upgrades version i to i + 1, for each version');
  assert.match(src, /for \(let v = event\.oldVersion; v < DB_VERSION; v\+\+\) MIGRATIONS\[v\]/, 'an old database upgrades step by step');
  assert.doesNotMatch(await readFile(join(root, 'www/features/library/library.js'), 'utf8'), /indexedDB\.open/, 'one place opens the database');
});

test('library import refuses malformed and future-version files before writing anything', async () => {
  const { validateLibraryFile, FILE_FORMAT, FILE_VERSION, LibraryError } = await import(join(root, 'www/features/library/library.js'));
  const good = { id: 'a', text: 'Some text in 2019.', created: 1, updated: 2, title: null };
  const file = (over) => ({ format: FILE_FORMAT, version: FILE_VERSION, articles: [good], ...over });
  assert.deepEqual(validateLibraryFile(file({})), [good]);
  const refused = [
    ['not an object', null],
    ['an array', []],
    ['another format', file({ format: 'something-else' })],
    ['no version', file({ version: undefined })],
    ['version 0', file({ version: 0 })],
    ['a fractional version', file({ version: 1.5 })],
    ['a future version', file({ version: FILE_VERSION + 1 })],
    ['articles not a list', file({ articles: { 0: good } })],
    ['an entry without text', file({ articles: [good, { ...good, id: 'b', text: undefined }] })],
    ['an entry with a numeric text', file({ articles: [{ ...good, text: 42 }] })],
    ['an entry with an object title', file({ articles: [{ ...good, title: { html: '<b>x</b>' } }] })],
    ['an entry with an empty id', file({ articles: [{ ...good, id: '' }] })],
    ['an entry with a huge id', file({ articles: [{ ...good, id: 'x'.repeat(500) }] })],
    ['an entry with NaN dates', file({ articles: [{ ...good, created: NaN }] })],
  ];
  for (const [label, data] of refused) {
    assert.throws(() => validateLibraryFile(data), (e) => e instanceof LibraryError, label);
  }
  assert.throws(() => validateLibraryFile(file({ version: FILE_VERSION + 1 })), (e) => e.code === 'import-future');
});
