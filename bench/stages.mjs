// Per-stage timing of our wasm core in Node, several builds side by side (for before/after
// comparisons on a noisy shared machine: the builds take turns on every repetition, so load
// changes hit them alike).
//
//   node --expose-gc bench/stages.mjs [--pkg DIR]... [--inputs en-sample,en-10mb,...] [--reps N] [--query WORD] [--cpu]
//
// --cpu: every mark in the process's CPU time instead of wall time (on a loaded machine the
// scheduler's pauses stretch wall time; after the warm-up the process is mostly the one wasm thread).
//
// --pkg: a wasm-bindgen `--target web` output directory (article_explorer.js + _bg.wasm); default
// pkg/. Repeat it to compare builds (give copies in different directories: a module is loaded once
// per path). Inputs are bench/.data/<name>.txt (make bench or `node bench/run.mjs --only inputs`
// writes them). The Chinese dictionary is loaded from the pkg dir or data/zh/ once, untimed.
// An input with a slash is read as a file path instead. Prints, per input and build, the medians of every stage (from the core's own progress
// callbacks, as bench/run.mjs measures them), the segmentation and keyword-stage speeds,
// the wasm memory growth, and a concordance query (ConcordanceIndex built once, query timed).
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { repeatedOptions } from './lib/args.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = repeatedOptions(args);
const pkgs = opt('--pkg', [join(root, 'pkg')]).map((p) => resolve(p));
const inputs = opt('--inputs', ['en-sample,zh-sample,en-10mb,zh-10mb'])[0].split(',');
const repsArg = Number(opt('--reps', [0])[0]);
const query = opt('--query', [''])[0];
const now = args.includes('--cpu') ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } : () => performance.now();
const gc = globalThis.gc ?? (() => {});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const MB = 1024 * 1024;

async function load(dir) {
  const mod = await import(pathToFileURL(join(dir, 'article_explorer.js')).href);
  const exports = await mod.default({ module_or_path: readFileSync(join(dir, 'article_explorer_bg.wasm')) });
  const dict = [join(dir, 'jieba-dict.txt.gz'), join(root, 'pkg/jieba-dict.txt.gz'), join(root, 'data/zh/jieba-dict.txt.gz')].find(existsSync);
  if (mod.loadChineseDictionary && dict) mod.loadChineseDictionary(gunzipSync(readFileSync(dict)));
  return { dir, mod, exports, memBefore: exports.memory.buffer.byteLength };
}

function run(b, text) {
  const marks = [];
  const t0 = now();
  const report = b.mod.analyze(text, {}, (stage, fraction) => marks.push([stage, now()]));
  const t1 = now();
  const st = { text_in: (marks[0]?.[1] ?? t1) - t0 };
  marks.forEach(([stage], i) => { st[stage] = (st[stage] ?? 0) + ((marks[i + 1]?.[1] ?? marks[i][1]) - marks[i][1]); });
  st.report_out = t1 - (marks.at(-1)?.[1] ?? t0);
  st.total = t1 - t0;
  return { st, words: report.stats.words, sentences: report.sentences.length, keywords: report.keywords.length, top: report.keywords[0]?.term };
}

const builds = [];
for (const p of pkgs) builds.push(await load(p));
console.log(`builds: ${pkgs.join(', ')}${args.includes('--cpu') ? ' (CPU time)' : ''}\nload at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const name of inputs) {
  const path = name.includes('/') ? resolve(name) : join(root, 'bench/.data', `${name}.txt`);
  if (!existsSync(path)) { console.log(`${name}: no ${path}`); continue; }
  const text = readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(text);
  const reps = repsArg || (bytes > 2 * MB ? 5 : 15);
  const per = builds.map(() => []);
  const shape = [];
  // Warm-up as bench/task.mjs: until 1 s or 30 runs per build (V8 tiers wasm up while it runs).
  builds.forEach((b) => {
    for (let n = 0, spent = 0; n < 30 && spent < 1000; n++) { const t0 = performance.now(); run(b, text); spent += performance.now() - t0; }
  });
  for (let r = -1; r < reps; r++) {
    builds.forEach((b, i) => {
      gc();
      const out = run(b, text);
      if (r < 0) shape[i] = `${out.words} words, ${out.sentences} sentences, ${out.keywords} keywords, top "${out.top}", wasm memory +${((b.exports.memory.buffer.byteLength - b.memBefore) / MB).toFixed(1)} MB (${((b.exports.memory.buffer.byteLength - b.memBefore) / bytes).toFixed(1)}×)`;
      else per[i].push(out.st);
    });
  }
  console.log(`\n${name} (${(bytes / MB).toFixed(2)} MB, ${reps} reps, load ${loadavg()[0].toFixed(2)})`);
  const names = ['text_in', 'structure', 'segmentation', 'timeline', 'keywords', 'report', 'report_out', 'total'];
  console.log(`${'build'.padEnd(28)} ${names.map((n) => n.padStart(12)).join('')}  seg MB/s  kw MB/s`);
  builds.forEach((b, i) => {
    const med = Object.fromEntries(names.map((n) => [n, median(per[i].map((s) => s[n] ?? 0))]));
    const seg = median(per[i].map((s) => s.text_in + (s.structure ?? 0) + (s.segmentation ?? 0)));
    const label = b.dir.split('/').slice(-1)[0].slice(-28);
    console.log(`${label.padEnd(28)} ${names.map((n) => med[n].toFixed(2).padStart(12)).join('')}  ${(bytes / MB / (seg / 1000)).toFixed(1).padStart(8)}  ${(bytes / MB / (med.keywords / 1000)).toFixed(1).padStart(7)}`);
    console.log(`${''.padEnd(28)} ${shape[i]}`);
  });
  if (query) {
    builds.forEach((b) => {
      if (!b.mod.ConcordanceIndex) return;
      const t0 = performance.now();
      const index = new b.mod.ConcordanceIndex(text, {});
      const built = performance.now() - t0;
      const times = [];
      let total = 0;
      for (let r = 0; r < 7; r++) {
        const t = performance.now();
        total = index.query(query, {}).total;
        times.push(performance.now() - t);
      }
      index.free?.();
      console.log(`${b.dir.split('/').at(-1).padEnd(28)} concordance "${query}": index built in ${built.toFixed(0)} ms, query median ${median(times).toFixed(2)} ms (${total} hits)`);
    });
  }
}
console.log(`\nload at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
