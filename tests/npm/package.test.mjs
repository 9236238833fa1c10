// The npm package (pkg/, scripts/build-npm.mjs) as a user gets it: `npm pack` makes the tarball,
// which is installed offline into an empty project and used from Node (English, then Chinese
// with the dictionary read from a file path), from a page and a module Web Worker in headless
// Chromium (served from 127.0.0.1, no request leaving it), and from TypeScript (a consumer file
// type-checked against the package's declarations).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, openBrowser } from '../browser/harness.mjs';

const root = new URL('../..', import.meta.url).pathname;
const pkg = join(root, 'pkg');
const crateVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
const reportVersion = Number(readFileSync(join(root, 'src/report.rs'), 'utf8').match(/pub const REPORT_VERSION: u32 = (\d+);/)[1]);
const englishSample = readFileSync(join(root, 'samples/en-peoples-daily-2025-11-05.txt'), 'utf8');
const chineseSample = readFileSync(join(root, 'samples/zh-community-governance-2025.txt'), 'utf8');

let project; // the empty project the tarball is installed into
let packed; // npm pack's description of the tarball

before(() => {
  if (!existsSync(join(pkg, 'package.json')) || !existsSync(join(pkg, 'index.d.ts'))) {
    throw new Error('pkg/ is not an npm package yet: run make wasm (scripts/build-wasm.sh, build-zh-dict.sh, build-npm.mjs)');
  }
  project = mkdtempSync(join(tmpdir(), 'ae-npm-'));
  [packed] = JSON.parse(execFileSync('npm', ['pack', pkg, '--json', '--pack-destination', project], { encoding: 'utf8' }));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', `./${packed.filename}`, '--offline', '--no-audit', '--no-fund'], { cwd: project, stdio: 'pipe' });
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Runs `code` as an ES module in the project with Node; returns what it prints, parsed. */
function runNode(code) {
  writeFileSync(join(project, 'script.mjs'), code);
  return JSON.parse(execFileSync(process.execPath, ['script.mjs'], { cwd: project, encoding: 'utf8' }));
}

test('the tarball holds the package, versioned with the crate, without dependencies', () => {
  assert.equal(packed.name, 'article-explorer');
  assert.equal(packed.version, crateVersion, 'the npm version is the crate version');
  const files = new Set(packed.files.map((f) => f.path));
  for (const f of ['package.json', 'index.js', 'index.d.ts', 'report.d.ts', 'report.schema.json', 'article_explorer.js', 'article_explorer.d.ts',
    'article_explorer_bg.wasm', 'light/article_explorer.js', 'light/article_explorer.d.ts', 'light/article_explorer_bg.wasm', 'jieba-dict.txt.gz',
    'README.md', 'CHANGELOG.md']) {
    assert.ok(files.has(f), `${f} is missing from the tarball`);
  }
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/article-explorer/package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined, 'the package has no runtime dependencies');
  assert.equal(manifest.type, 'module');
  const schema = JSON.parse(readFileSync(join(project, 'node_modules/article-explorer/report.schema.json'), 'utf8'));
  assert.match(schema.$id, new RegExp(`report-v${reportVersion}\\.`), 'the schema names the report version');
});

test('Node: English with the light module, Chinese with the dictionary from a file path', () => {
  // The dictionary somewhere else than beside the module, given as a path relative to the working directory.
  mkdirSync(join(project, 'data'), { recursive: true });
  copyFileSync(join(pkg, 'jieba-dict.txt.gz'), join(project, 'data/dict.gz'));
  const out = runNode(`
    import * as ae from 'article-explorer';
    await ae.init({ dictionary: 'data/dict.gz' });
    const en = await ae.analyze(${JSON.stringify(englishSample)});
    const afterEnglish = ae.chineseLoaded();
    const zh = await ae.analyze(${JSON.stringify(chineseSample)}, { tokens: true });
    const words = await ae.segmentLine('我们在北京工作');
    console.log(JSON.stringify({ en: { version: en.version, language: en.language, timexes: en.timexes.map((t) => t.value), warnings: en.warnings },
      afterEnglish, zh: { version: zh.version, language: zh.language, timexes: zh.timexes.map((t) => t.value), warnings: zh.warnings,
        tokens: zh.tokens.length }, chinese: ae.chineseLoaded(), reportVersion: ae.reportVersion(), words }));
  `);
  assert.equal(out.en.version, reportVersion);
  assert.equal(out.reportVersion, reportVersion);
  assert.equal(out.en.language, 'en');
  assert.ok(out.en.timexes.includes('2025-11-05'), `English timexes: ${out.en.timexes}`);
  assert.deepEqual(out.en.warnings, []);
  assert.equal(out.afterEnglish, false, 'an English text does not load the Chinese parts');
  assert.equal(out.zh.version, reportVersion);
  assert.equal(out.zh.language, 'zh');
  assert.ok(out.zh.timexes.length > 0, 'Chinese dates are read');
  assert.deepEqual(out.zh.warnings, [], 'no warning: the dictionary was loaded');
  assert.ok(out.zh.tokens > 100);
  assert.equal(out.chinese, true);
  assert.equal(out.words, '我们  在  北京  工作', 'segmented by words, not characters');
});

test('Node: official terms set before the Chinese parts load are given to them, and replaced by the next call', () => {
  const text = '各地加快发展新型储能。新型储能装机规模扩大。新型储能产业链完善。学习二十届三中全会精神。二十届三中全会召开。';
  const out = runNode(`
    import * as ae from 'article-explorer';
    await ae.init();
    const words = async () => (await ae.analyze(${JSON.stringify(text)})).keywords.filter((k) => k.kind === 'word').map((k) => k.term);
    ae.setOfficialTerms(['新型储能'], ['二十届三中全会']);
    const edited = await words();
    ae.setOfficialTerms();
    console.log(JSON.stringify({ edited, builtin: await words() }));
  `);
  assert.ok(out.edited.includes('新型储能') && !out.edited.includes('二十届三中全会'), out.edited.join(' '));
  assert.ok(!out.builtin.includes('新型储能') && out.builtin.includes('二十届三中全会'), out.builtin.join(' '));
});

test('Node: a dictionary that cannot be read, and calls before init, fail with clear messages', () => {
  const out = runNode(`
    import * as ae from 'article-explorer';
    const errors = [];
    try { ae.reportVersion(); } catch (e) { errors.push(e.message); }
    await ae.analyze('x').catch((e) => errors.push(e.message));
    await ae.init({ dictionary: 'no/such/dict.gz' });
    await ae.analyze('北京').catch((e) => errors.push(e.message));
    await ae.analyze('x', { lang: 'fr' }).catch((e) => errors.push(e.message));
    console.log(JSON.stringify(errors));
  `);
  assert.equal(out.length, 4, JSON.stringify(out));
  assert.match(out[0], /call init\(\) first/);
  assert.match(out[1], /call init\(\) first/);
  assert.match(out[2], /cannot read the Chinese dictionary from no\/such\/dict\.gz/);
  assert.match(out[3], /lang/);
});

test('TypeScript: a consumer type-checks against the package declarations', () => {
  writeFileSync(join(project, 'consumer.ts'), `
    import { init, analyze, compare, concordance, type Report, type AnalysisOptions } from 'article-explorer';
    import type { Warning, Timex } from 'article-explorer/report';
    await init({ full: new URL('https://example.org/article_explorer_bg.wasm') });
    const options: AnalysisOptions = { dct: '2025-11-05', lang: 'en', tokens: true };
    const report: Report = await analyze('It rained on 5 November.', options);
    const version: 3 = report.version;
    const first: Timex | undefined = report.timexes[0];
    const type: 'DATE' | 'TIME' | 'DURATION' | 'SET' | undefined = first?.type;
    const counts: number[] = report.warnings.map((w: Warning) => (w.code === 'replacement_characters' ? w.params.count : 0));
    const over: string[] = (await compare('a', 'b')).over_a.map((t) => t.term);
    const lines: number = (await concordance('a b', 'a', { mode: 'exact' })).lines.length;
    export { version, type, counts, over, lines };
  `);
  // The same file with a mistake the types must catch.
  writeFileSync(join(project, 'wrong.ts'), `
    import { analyze } from 'article-explorer';
    const report = await analyze('x', { lang: 'fr' });
    const n: string = report.stats.words;
    export { n };
  `);
  const tsc = join(root, 'node_modules/.bin/tsc');
  const args = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2023,dom', '--types', ''];
  try {
    execFileSync(tsc, [...args, 'consumer.ts'], { cwd: project, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`consumer.ts does not type-check:\n${e.stdout}${e.stderr}`);
  }
  let errors = '';
  try {
    execFileSync(tsc, [...args, 'wrong.ts'], { cwd: project, encoding: 'utf8' });
  } catch (e) {
    errors = e.stdout;
  }
  assert.match(errors, /"fr"/, `the wrong lang is caught: ${errors}`);
  assert.match(errors, /not assignable to type 'string'/, `the wrong field type is caught: ${errors}`);
});

test('browser: a page and a module worker use the package from the same origin only', async () => {
  writeFileSync(join(project, 'index.html'), `<!doctype html><meta charset="utf-8"><title>consumer</title>
<script type="importmap">{"imports": {"article-explorer": "./node_modules/article-explorer/index.js"}}</script>
<script type="module">
  import * as ae from 'article-explorer';
  window.run = async (en, zh) => {
    await ae.init();
    const english = await ae.analyze(en);
    const lightOnly = !ae.chineseLoaded();
    const chinese = await ae.analyze(zh);
    return { english: { version: english.version, timexes: english.timexes.map((t) => t.value), sentences: english.stats.sentences },
      lightOnly, chinese: { language: chinese.language, timexes: chinese.timexes.length, warnings: chinese.warnings } };
  };
  window.inWorker = (text) => new Promise((resolve, reject) => {
    const worker = new Worker('./worker.js', { type: 'module' });
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(text);
  });
</script>`);
  // Workers have no import maps: the worker imports the package by its path.
  writeFileSync(join(project, 'worker.js'), `import * as ae from './node_modules/article-explorer/index.js';
self.onmessage = async (e) => {
  await ae.init();
  const report = await ae.analyze(e.data);
  self.postMessage({ version: report.version, timexes: report.timexes.map((t) => t.value) });
};`);
  const server = await serve(project);
  const { context, page, problems } = await openBrowser();
  try {
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => typeof window.run === 'function');
    const out = await page.evaluate(([en, zh]) => window.run(en, zh), [englishSample, chineseSample]);
    assert.equal(out.english.version, reportVersion);
    assert.ok(out.english.timexes.includes('2025-11-05'), `timexes: ${out.english.timexes}`);
    assert.ok(out.english.sentences > 5);
    assert.equal(out.lightOnly, true, 'an English text does not fetch the Chinese parts');
    assert.equal(out.chinese.language, 'zh');
    assert.ok(out.chinese.timexes > 0);
    assert.deepEqual(out.chinese.warnings, [], 'the dictionary was fetched and loaded');
    const fromWorker = await page.evaluate((en) => window.inWorker(en), englishSample);
    assert.equal(fromWorker.version, reportVersion);
    assert.ok(fromWorker.timexes.includes('2025-11-05'));
    const fetched = server.requests.map((r) => r.split('?')[0]);
    for (const f of ['light/article_explorer_bg.wasm', 'article_explorer_bg.wasm', 'jieba-dict.txt.gz']) {
      assert.ok(fetched.includes(`/node_modules/article-explorer/${f}`), `${f} was not fetched: ${fetched}`);
    }
    assert.deepEqual(problems.foreign, [], 'no request left the origin');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.console, []);
  } finally {
    await context.close();
    await server.close();
  }
});
