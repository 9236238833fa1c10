// End-to-end medians of a few tools on a few inputs, the tools taking turns in fresh processes
// (bench/task.mjs), and each tool's time as a multiple of the first tool's. Shared by
// bench/pair.mjs (the command line) and bench/run.mjs (`make bench`'s Chinese pair section).
//
// Why rounds, and why many on a small input: a process measures one tool for a few hundred
// milliseconds, and on a shared machine the load changes from one such window to the next. With
// 3 rounds on the 8 KB sample one neighbour's burst during one tool's windows moved the ratio by
// a third between runs of the same command; 9 rounds, the order of the tools reversed every
// other round so that neither always runs first, spread the bursts over both tools. Each round's
// ratio is kept too, so the spread is reported beside the median.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { root, benchDir } from './inputs.mjs';
import { median } from './stats.mjs';

/** Inputs above this size are "big": fewer repetitions per process and fewer rounds. */
const BIG_BYTES = 2 * 1024 * 1024;

/** The default number of rounds for an input of `bytes`. */
export function defaultRounds(bytes) {
  return bytes > BIG_BYTES ? 3 : 9;
}

/** The file of an input name: bench/.data/<name>.txt, or a path when the name has a slash. */
export function inputPath(name) {
  return name.includes('/') ? resolve(name) : join(benchDir, '.data', `${name}.txt`);
}

/**
 * Measures `tools` on the input `name`. `rounds` (default by size) processes per tool, in
 * alternating order; `cpu` times runs in process CPU time. Returns null when the input is missing,
 * else {input, bytes, rounds, load_start, load_end, tools: {tool: {median_ms, min_ms, runs,
 * warmups, cold_ms, round_ms}}, ratios: {tool: {median, rounds: [...]}}, stages} where a ratio is
 * the tool's time over the first tool's (above 1: the first tool is faster).
 */
export function measurePair({ name, tools, rounds, cpu = false }) {
  const path = inputPath(name);
  if (!existsSync(path)) return null;
  const bytes = statSync(path).size;
  const big = bytes > BIG_BYTES;
  const n = rounds ?? defaultRounds(bytes);
  const job = { task: 'e2e', path, lang: /^zh|[/-]zh/.test(name) ? 'zh' : 'en', warmup: big ? 1 : 3, reps: big ? 2 : 15, budgetMs: big ? 8000 : 3000, cpu };
  const per = Object.fromEntries(tools.map((t) => [t, { times: [], colds: [], warmups: [], rounds: [] }]));
  const stages = [];
  const loadStart = os.loadavg()[0];
  for (let r = 0; r < n; r++) {
    const order = r % 2 ? [...tools].reverse() : tools;
    for (const tool of order) {
      const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(benchDir, 'task.mjs'), JSON.stringify({ ...job, tool })],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
      const p = per[tool];
      p.times.push(...out.times);
      p.colds.push(out.cold);
      p.warmups.push(out.warmupRuns);
      p.rounds.push(median(out.times));
      if (tool === 'ours-wasm') stages.push(...(out.runs ?? []).map((x) => x.stages).filter(Boolean));
    }
  }
  const result = { input: name, bytes, rounds: n, cpu, load_start: loadStart, load_end: os.loadavg()[0], tools: {}, ratios: {}, stages: null };
  for (const tool of tools) {
    const p = per[tool];
    result.tools[tool] = { median_ms: median(p.times), min_ms: Math.min(...p.times), runs: p.times.length, warmups: p.warmups, cold_ms: median(p.colds), colds_ms: p.colds, round_ms: p.rounds };
  }
  const first = per[tools[0]];
  for (const tool of tools.slice(1)) {
    const p = per[tool];
    result.ratios[tool] = {
      median: median(p.times) / median(first.times),
      cold: median(p.colds) / median(first.colds),
      rounds: p.rounds.map((ms, i) => ms / first.rounds[i]),
    };
  }
  if (stages.length) {
    result.stages = Object.fromEntries(Object.keys(stages[0]).map((k) => [k, median(stages.map((s) => s[k] ?? 0))]));
  }
  return result;
}
