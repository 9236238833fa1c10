// One measurement in a fresh process: node --expose-gc bench/task.mjs '<json>'
//   {tool, task, path, lang, warmup, reps, budgetMs, warmupMs?, warmupMax?, cpu?}
// Prints one JSON line: {times: [ms…], cold: ms of the first run, warmupRuns, first: {...what the first
// run produced}, runs: [...per-run results], rss: {baseline, afterFirst, peak}, instantiateMs?}.
// Warm-up: at least `warmup` runs, then more while fewer than warmupMax (default 30) have run and
// less than warmupMs (default 1000) has been spent warming up after the first run, the same rule for every tool: V8
// compiles wasm and hot JS in tiers (our sample takes ~12 runs to reach its steady time), so the
// timed runs compare steady states; `cold` keeps the first run's time for the start-up story.
// Stops repeating once budgetMs of measured time is spent.
import { readFileSync } from 'node:fs';
import { TOOLS, loadOurs } from './lib/tasks.mjs';

const job = JSON.parse(process.argv[2]);
const gc = globalThis.gc ?? (() => {});
const maxRss = () => process.resourceUsage().maxRSS * 1024;

if (job.task === 'instantiate') {
  // fresh-process start-up of our wasm: read nothing else, compile + instantiate from bytes
  const { instantiateMs, dictionaryMs, bytes } = await loadOurs();
  const t0 = performance.now();
  await WebAssembly.compile(bytes);
  const compileMs = performance.now() - t0;
  console.log(JSON.stringify({ times: [instantiateMs], compileMs, dictionaryMs, wasmBytes: bytes.length }));
  process.exit(0);
}

const tool = TOOLS[job.tool];
const fns = await tool.load();
const run = fns[job.task];
if (!run) throw new Error(`${job.tool} has no task ${job.task}`);
const text = readFileSync(job.path, 'utf8');
gc(); gc();
const baseline = process.memoryUsage().rss;
const baselinePeak = maxRss();

const times = [];
const runs = [];
let spent = 0;
let first;
let afterFirst;
let cold;
let warming = 0;
let warmupRuns = 0;
const warmupMs = job.warmupMs ?? 1000;
const warmupMax = Math.max(job.warmup, job.warmupMax ?? 30);
// job.cpu: the process's CPU time (all its threads) instead of wall time, which a loaded machine
// stretches whenever the scheduler takes the core away (bench/pair.mjs --cpu).
const clock = job.cpu ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } : () => performance.now();
for (let i = 0; times.length < job.reps; i++) {
  const t0 = clock();
  const out = run(text, job.lang);
  const ms = clock() - t0;
  if (i === 0) {
    first = out;
    cold = ms;
    afterFirst = maxRss();
  }
  const warm = i < job.warmup || (warmupRuns === i && i < warmupMax && warming < warmupMs);
  if (warm) {
    warmupRuns++;
    // the first run's one-time costs (lazy tables, first compile) do not use up the warm-up time
    if (i > 0) warming += ms;
  } else {
    times.push(ms);
    runs.push(out);
    spent += ms;
    if (spent > job.budgetMs) break;
  }
  gc();
}
console.log(JSON.stringify({ times, cold, warmupRuns, first, runs, rss: { baseline, baselinePeak, afterFirst, peak: maxRss() } }));
