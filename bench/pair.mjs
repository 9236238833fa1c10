// A few rows of the harness, without the whole `make bench`: end-to-end medians of tools on named
// inputs, the tools taking turns in fresh processes (bench/task.mjs, as bench/run.mjs measures
// them), so machine load hits them alike; then each tool's ratio to the first one's.
//
//   node bench/pair.mjs [--inputs zh-sample,zh-10mb,zh-pd1998] [--tools ours-wasm,jieba-wasm+chrono] [--rounds N] [--cpu] [--json]
//
// Inputs are bench/.data/<name>.txt (`node bench/run.mjs` writes them); a name with a slash is a
// file path. Every tool runs its `e2e` task; the language is `zh` for names starting with zh,
// else `en`. AE_BENCH_PKG picks another build of ours (default pkg/). Each round is one process per
// tool (warm-up runs, then repetitions within a time budget), the tools' order reversed every
// other round; the median is over all rounds' runs, and each round's ratio is printed too.
// Rounds default to 9 for inputs up to 2 MB and 3 above (bench/lib/pair.mjs says why).
// Warm-up is the same for every tool (bench/task.mjs: until 1 s or 30 runs, at least 1 or 3), and
// each tool's first run in each process is reported too (cold: before V8 optimised anything).
// --cpu times each run in the process's CPU time instead of wall time (for a loaded machine; the
// stage splits stay wall time). --json prints the results as one JSON array instead.
import os from 'node:os';
import { measurePair, inputPath } from './lib/pair.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const inputs = opt('--inputs', 'zh-sample,zh-10mb,zh-pd1998').split(',');
const tools = opt('--tools', 'ours-wasm,jieba-wasm+chrono').split(',');
const rounds = opt('--rounds') === undefined ? undefined : Number(opt('--rounds'));
const cpu = args.includes('--cpu');
const json = args.includes('--json');

const all = [];
if (!json) console.log(`load at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const name of inputs) {
  const r = measurePair({ name, tools, rounds, cpu });
  if (!r) {
    if (!json) console.log(`${name}: no ${inputPath(name)}`);
    continue;
  }
  all.push(r);
  if (json) continue;
  const base = tools[0];
  console.log(`\n${name} (${(r.bytes / 1024).toFixed(0)} KB, ${r.rounds} rounds, ${cpu ? 'CPU' : 'wall'} time, load ${r.load_start.toFixed(2)}–${r.load_end.toFixed(2)})`);
  for (const tool of tools) {
    const t = r.tools[tool];
    // The fastest run too: on a loaded machine it is the one the scheduler disturbed least.
    const ratio = r.ratios[tool];
    const rounds = ratio ? `; rounds ${Math.min(...ratio.rounds).toFixed(2)}–${Math.max(...ratio.rounds).toFixed(2)}x` : '';
    console.log(`  ${tool.padEnd(22)} ${t.median_ms.toFixed(2).padStart(10)} ms  (min ${t.min_ms.toFixed(2)}, ${t.runs} runs after ${t.warmups.join('/')} warm-up)  ${ratio ? `${ratio.median.toFixed(2)}x the time of ${base}${rounds}` : ''}`);
  }
  // The first run of each fresh process (before any warm-up: cold caches, wasm and JS not yet
  // optimised), median over the rounds: what a page's first analysis costs.
  for (const tool of tools) {
    const t = r.tools[tool];
    const ratio = r.ratios[tool];
    console.log(`  ${`${tool} first run`.padEnd(22)} ${t.cold_ms.toFixed(2).padStart(10)} ms  (${t.colds_ms.map((x) => x.toFixed(1)).join(', ')})  ${ratio ? `${ratio.cold.toFixed(2)}x the time of ${base}` : ''}`);
  }
  if (r.stages) console.log(`  ours-wasm stages (median ms): ${Object.entries(r.stages).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
}
if (json) console.log(JSON.stringify(all));
else console.log(`\nload at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
