// One measurement in a fresh process: node --expose-gc bench/task.mjs '<json>'
//   {tool, task, path, lang, warmup, reps, budgetMs, cpu?}
// Prints one JSON line: {times: [ms…], first: {...what the first run produced}, runs: [...per-run results],
// rss: {baseline, afterFirst, peak}, instantiateMs?}. Stops repeating once budgetMs of measured time is spent.
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
const total = job.warmup + job.reps;
for (let i = 0; i < total; i++) {
  // job.cpu: the process's CPU time (all its threads) instead of wall time, which a loaded machine
  // stretches whenever the scheduler takes the core away (bench/pair.mjs --cpu).
  const clock = job.cpu ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } : () => performance.now();
  const t0 = clock();
  const out = run(text, job.lang);
  const ms = clock() - t0;
  if (i === 0) {
    first = out;
    afterFirst = maxRss();
  }
  if (i >= job.warmup) {
    times.push(ms);
    runs.push(out);
    spent += ms;
    if (spent > job.budgetMs && times.length >= 1) break;
  }
  gc();
}
console.log(JSON.stringify({ times, first, runs, rss: { baseline, baselinePeak, afterFirst, peak: maxRss() } }));
