// The alignment of a text with its translation, in wasm (Node): the test pair of
// tests/fixtures/align/ (the sample's 27 KB English text and a 3.6 KB Chinese rendering of part of
// it: a 30 KB pair). Baseline in the same run, the builds taking turns on every repetition: the two
// analyses the alignment starts with (analyze of each text), so the ratio is what aligning adds.
//
//   node bench/align.mjs [--pkg DIR] [--reps N] [--json]
//
// Prints the medians (and, with --json, one JSON line for bench/run.mjs). Goal: align < 50 ms.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadavg } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const pkg = resolve(opt('--pkg', join(root, 'pkg')));
const reps = Number(opt('--reps', 20));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const mod = await import(pathToFileURL(join(pkg, 'article_explorer.js')).href);
await mod.default({ module_or_path: readFileSync(join(pkg, 'article_explorer_bg.wasm')) });
const dict = [join(pkg, 'jieba-dict.txt.gz'), join(root, 'data/zh/jieba-dict.txt.gz')].find(existsSync);
if (mod.loadChineseDictionary && dict) mod.loadChineseDictionary(gunzipSync(readFileSync(dict)));
if (!mod.align) throw new Error(`${pkg} has no align entry: rebuild it (make wasm)`);

const zh = readFileSync(join(root, 'tests/fixtures/align/zh.txt'), 'utf8');
const en = readFileSync(join(root, 'tests/fixtures/align/en.txt'), 'utf8');
const bytes = Buffer.byteLength(zh) + Buffer.byteLength(en);
const load = loadavg()[0];
const times = { align: [], analyses: [] };
let rows = 0;
for (let i = 0; i < reps + 3; i++) {
  let t = performance.now();
  const a = mod.align(zh, en);
  const alignMs = performance.now() - t;
  t = performance.now();
  mod.analyze(zh, {});
  mod.analyze(en, {});
  const analysesMs = performance.now() - t;
  if (i >= 3) {
    times.align.push(alignMs);
    times.analyses.push(analysesMs);
  }
  rows = a.rows.length;
}
const out = {
  input: 'align-pair', bytes, rows, reps, load1: load,
  align_ms: median(times.align), analyses_ms: median(times.analyses),
  ratio: median(times.align) / median(times.analyses),
};
if (args.includes('--json')) console.log(JSON.stringify(out));
else {
  console.log(`align of a ${(bytes / 1024).toFixed(1)} KB pair (${rows} rows), wasm in Node, ${reps} reps, load ${load.toFixed(2)}`);
  console.log(`  align            ${out.align_ms.toFixed(2)} ms (goal < 50 ms)`);
  console.log(`  analyze zh + en  ${out.analyses_ms.toFixed(2)} ms (baseline)`);
  console.log(`  ratio            ${out.ratio.toFixed(2)}`);
}
