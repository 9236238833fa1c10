// A few rows of the harness, without the whole `make bench`: end-to-end medians of tools on named
// inputs, the tools taking turns in fresh processes (bench/task.mjs, as bench/run.mjs measures
// them), so machine load hits them alike; then each tool's ratio to the first one's.
//
//   node bench/pair.mjs [--inputs zh-sample,zh-10mb,zh-pd1998] [--tools ours-wasm,jieba-wasm+chrono] [--rounds N] [--cpu]
//
// Inputs are bench/.data/<name>.txt (`node bench/run.mjs` writes them); a name with a slash is a
// file path. Every tool runs its `e2e` task; the language is `zh` for names starting with zh,
// else `en`. AE_BENCH_PKG picks another build of ours (default pkg/). Each round is one process per
// tool (warm-up runs, then repetitions within a time budget); the median is over all rounds' runs.
// Warm-up is the same for every tool (bench/task.mjs: until 1 s or 30 runs, at least 1 or 3), and
// each tool's first run in each process is reported too (cold: before V8 optimised anything).
// --cpu times each run in the process's CPU time instead of wall time (for a loaded machine; the
// stage splits stay wall time).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { root, benchDir } from './lib/inputs.mjs';
import { median } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const inputs = opt('--inputs', 'zh-sample,zh-10mb,zh-pd1998').split(',');
const tools = opt('--tools', 'ours-wasm,jieba-wasm+chrono').split(',');
const rounds = Number(opt('--rounds', 3));
const cpu = args.includes('--cpu');

console.log(`load at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const name of inputs) {
  const path = name.includes('/') ? resolve(name) : join(benchDir, '.data', `${name}.txt`);
  if (!existsSync(path)) { console.log(`${name}: no ${path}`); continue; }
  const bytes = statSync(path).size;
  const big = bytes > 2 * 1024 * 1024;
  const job = { task: 'e2e', path, lang: /^zh|[/-]zh/.test(name) ? 'zh' : 'en', warmup: big ? 1 : 3, reps: big ? 2 : 15, budgetMs: big ? 8000 : 3000, cpu };
  const times = Object.fromEntries(tools.map((t) => [t, []]));
  const colds = Object.fromEntries(tools.map((t) => [t, []]));
  const warmups = Object.fromEntries(tools.map((t) => [t, []]));
  const stages = [];
  for (let r = 0; r < rounds; r++) {
    for (const tool of tools) {
      const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(benchDir, 'task.mjs'), JSON.stringify({ ...job, tool })],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
      times[tool].push(...out.times);
      colds[tool].push(out.cold);
      warmups[tool].push(out.warmupRuns);
      if (tool === 'ours-wasm') stages.push(...(out.runs ?? []).map((x) => x.stages).filter(Boolean));
    }
  }
  const base = median(times[tools[0]]);
  console.log(`\n${name} (${(bytes / 1024).toFixed(0)} KB, ${rounds} rounds, ${cpu ? 'CPU' : 'wall'} time, load ${os.loadavg()[0].toFixed(2)})`);
  for (const tool of tools) {
    const m = median(times[tool]);
    // The fastest run too: on a loaded machine it is the one the scheduler disturbed least.
    console.log(`  ${tool.padEnd(22)} ${m.toFixed(2).padStart(10)} ms  (min ${Math.min(...times[tool]).toFixed(2)}, ${times[tool].length} runs after ${warmups[tool].join('/')} warm-up)  ${tool === tools[0] ? '' : `${(m / base).toFixed(2)}x the time of ${tools[0]}`}`);
  }
  // The first run of each fresh process (before any warm-up: cold caches, wasm and JS not yet
  // optimised), median over the rounds: what a page's first analysis costs.
  const coldBase = median(colds[tools[0]]);
  for (const tool of tools) {
    const m = median(colds[tool]);
    console.log(`  ${`${tool} first run`.padEnd(22)} ${m.toFixed(2).padStart(10)} ms  (${colds[tool].map((x) => x.toFixed(1)).join(', ')})  ${tool === tools[0] ? '' : `${(m / coldBase).toFixed(2)}x the time of ${tools[0]}`}`);
  }
  if (stages.length) {
    const keys = Object.keys(stages[0]);
    console.log(`  ours-wasm stages (median ms): ${keys.map((k) => `${k} ${median(stages.map((s) => s[k] ?? 0)).toFixed(2)}`).join(', ')}`);
  }
}
console.log(`\nload at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
