// The benchmark harness: `make bench` (or `node bench/run.mjs`). See docs/bench.md.
//
// In one run, on the same inputs (bench/lib/inputs.mjs): our core natively (criterion, benches/core.rs)
// and as wasm in Node, the JavaScript peers (bench/lib/tasks.mjs) and the Python peers
// (bench/py_task.py), each measurement in a fresh process; then the page in Chromium
// (bench/browser.mjs). Writes bench/results/results.json and bench/results/results.md.
//
//   --smoke            tiny inputs, one repetition, results to a temporary folder: checks that the
//                      harness runs (the test suite calls this); never asserts a timing
//   --out DIR          where to write results.json / results.md (default bench/results)
//   --skip LIST        comma-separated: native, python, browser, corpus, corpus-page, corpus-cli
//                      (the corpus command on 1 and 2 threads, and its memory: bench/corpus_cli.mjs),
//                      corpus-summary (one article's summary, wasm against native: bench/summary.mjs),
//                      peers, wheel (the Python
//                      wheel against the CLI, and Dask with 1 and 2 workers: bench/py_wheel.py;
//                      not in smoke runs, python/tests runs that script's own smoke mode)
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { makeInputs, root, benchDir, dataDir, MiB } from './lib/inputs.mjs';
import { TOOLS } from './lib/tasks.mjs';
import { median, cv, exponent } from './lib/stats.mjs';
import { renderMarkdown } from './lib/report.mjs';
import { measurePair } from './lib/pair.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const smoke = args.includes('--smoke');
const skip = new Set((opt('--skip') ?? '').split(',').filter(Boolean));
const outDir = opt('--out') ?? join(benchDir, 'results');
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
const started = Date.now();

// Budgets: a single run projected above SINGLE_RUN_MS is skipped (recorded, not hidden); repetitions
// stop once a measurement has spent its budget. Fewer repetitions for big inputs keep `make bench`
// within ~15 minutes on 2 cores.
const SINGLE_RUN_MS = smoke ? 60_000 : 45_000;
// A peer's process is killed after this long (the projection can underestimate a quadratic tool);
// the measurement is then listed as skipped with the reason.
const PEER_TIMEOUT_MS = smoke ? 300_000 : 150_000;
const NOISY_CV = 0.10;
const NOISY_LOAD = 1.5;
function plan(bytes) {
  if (smoke) return { warmup: 1, reps: 1, budgetMs: 5_000, warmupMax: 1 };
  if (bytes < 200_000) return { warmup: 3, reps: 15, budgetMs: 4_000 };
  if (bytes < 2 * MiB) return { warmup: 1, reps: 5, budgetMs: 6_000 };
  return { warmup: 1, reps: 3, budgetMs: 8_000 };
}

const sh = (cmd, a, o = {}) => execFileSync(cmd, a, { encoding: 'utf8', cwd: root, ...o }).trim();
const tryShell = (cmd, a) => { try { return sh(cmd, a, { stdio: ['ignore', 'pipe', 'ignore'] }); } catch { return null; } };
const load1 = () => os.loadavg()[0];

// ---- set-up -------------------------------------------------------------------------------------
mkdirSync(dataDir, { recursive: true });
let python = null;
if (!skip.has('python')) {
  try {
    execFileSync(join(benchDir, 'setup-python.sh'), [], { stdio: 'inherit' });
    python = join(benchDir, '.venv/bin/python');
  } catch (e) {
    log(`Python peers skipped: ${e.message}`);
  }
}
const inputs = makeInputs({ smoke, python, corpus: !skip.has('corpus') });
const runnable = inputs.filter((i) => !i.skipped);
log('inputs:', runnable.map((i) => `${i.name} ${(i.bytes / 1024).toFixed(0)} KB`).join(', '));

const meta = {
  date: new Date().toISOString(),
  smoke,
  commit: tryShell('git', ['rev-parse', '--short', 'HEAD']),
  dirty: (tryShell('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock']) ?? '').length > 0,
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}` },
  node: process.version,
  rustc: tryShell('rustc', ['--version']),
  python: python ? tryShell(python, ['--version']) : null,
  chromium: tryShell('/usr/bin/chromium', ['--version']),
  loadavg_start: os.loadavg(),
  versions: {},
  noise_rule: `flagged when the coefficient of variation of the repetitions > ${NOISY_CV * 100}% or the 1-minute load average > ${NOISY_LOAD} when the measurement started`,
};
for (const [name, t] of Object.entries(TOOLS)) meta.versions[name] = t.version();

const results = { meta, inputs, measurements: [], native: null, startup: null, browser: null, wheel: null, corpus_cli: null, corpus_summary: null, pair: [], skipped: [] };

// ---- one measurement in a fresh process ---------------------------------------------------------
const history = new Map(); // `${tool}/${task}/${lang}` → [[bytes, ms], …]

function project(key, bytes) {
  const h = history.get(key) ?? [];
  if (!h.length) return null;
  const last = h.at(-1);
  const k = h.length >= 2 ? Math.min(2.5, Math.max(1, exponent(h.at(-2), last) ?? 1)) : 1;
  return { ms: last[1] * (bytes / last[0]) ** k, k };
}

function measure({ tool, task, input, runner, label }) {
  const key = `${tool}/${task}/${input.lang}`;
  const projected = project(key, input.bytes);
  // our core and the floors are never skipped (the goals need them); slow runs are just repeated less
  const mustRun = TOOLS[tool]?.ours || TOOLS[tool]?.floor;
  if (projected && projected.ms > SINGLE_RUN_MS && !mustRun) {
    const why = `projected ${(projected.ms / 1000).toFixed(0)} s for one run (time ∝ size^${projected.k.toFixed(2)} from the smaller inputs) > ${SINGLE_RUN_MS / 1000} s budget`;
    log(`skip ${tool} ${task} ${input.name}: ${why}`);
    results.skipped.push({ tool, task, input: input.name, reason: why });
    return null;
  }
  const p = plan(input.bytes);
  if (projected && projected.ms > 3_000) Object.assign(p, { warmup: 0, warmupMs: 0 });
  if (projected && projected.ms > SINGLE_RUN_MS) p.reps = 1;
  const job = { tool, task, path: input.path, lang: input.lang, ...p };
  const load = load1();
  const cmd = runner === 'python' ? [python, [join(benchDir, 'py_task.py'), JSON.stringify(job)]]
    : [process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(benchDir, 'task.mjs'), JSON.stringify(job)]];
  const t0 = Date.now();
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, encoding: 'utf8', maxBuffer: 256 * MiB, timeout: mustRun ? Math.max(4 * SINGLE_RUN_MS, 3 * (projected?.ms ?? 0)) + 60_000 : PEER_TIMEOUT_MS });
  if (r.status !== 0) {
    const why = r.error?.code === 'ETIMEDOUT' ? `killed after ${(PEER_TIMEOUT_MS / 1000).toFixed(0)} s (one warm-up-free run did not finish)`
      : `failed (${r.signal ?? `exit ${r.status}`}): ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
    log(`${tool} ${task} ${input.name} ${why}`);
    results.skipped.push({ tool, task, input: input.name, reason: why });
    return null;
  }
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const ms = median(out.times);
  history.set(key, [...(history.get(key) ?? []), [input.bytes, ms]]);
  const m = {
    tool, task, input: input.name, lang: input.lang, bytes: input.bytes, label: label ?? TOOLS[tool]?.label ?? tool,
    runtime: runner === 'python' ? 'python' : 'node', warmup: out.warmupRuns ?? p.warmup, reps: out.times.length, times_ms: out.times,
    cold_ms: out.cold ?? null,
    median_ms: ms, cv: cv(out.times), load1: load, wall_s: (Date.now() - t0) / 1000,
    produced: out.first, rss: out.rss,
    peak_added_bytes: out.rss ? Math.max(0, out.rss.afterFirst - out.rss.baseline) : null,
  };
  if (out.runs?.[0]?.stages) {
    const names = Object.keys(out.runs[0].stages);
    m.stages_ms = Object.fromEntries(names.map((n) => [n, median(out.runs.map((r) => r.stages[n] ?? 0))]));
    const sum = (r, ks) => ks.reduce((a, k) => a + (r.stages[k] ?? 0), 0);
    const seg = ['text_in', 'structure', 'segmentation'];
    // The stages are the core's own progress callbacks; when its Keywords stage is empty the keywords
    // are built while the report is (the Report stage), and "count" must include that stage.
    m.keywords_in_report = median(out.runs.map((r) => r.stages.keywords ?? 0)) < 0.01 * ms && (m.stages_ms.report ?? 0) > 0;
    m.derived_ms = {
      segment: median(out.runs.map((r) => sum(r, seg))),
      count: median(out.runs.map((r) => sum(r, [...seg, 'keywords', ...(m.keywords_in_report ? ['report'] : [])]))),
      dates: median(out.runs.map((r) => sum(r, [...seg, 'timeline']))),
    };
    m.wasm_memory_bytes = out.first.wasmMemory;
    m.wasm_memory_before_bytes = out.first.wasmMemoryBefore ?? null;
  }
  m.noisy = m.cv > NOISY_CV || load > NOISY_LOAD;
  results.measurements.push(m);
  log(`${tool.padEnd(18)} ${task.padEnd(7)} ${input.name.padEnd(12)} ${ms.toFixed(2).padStart(10)} ms  ${(input.bytes / MiB / (ms / 1000)).toFixed(2).padStart(8)} MB/s  cv ${(m.cv * 100).toFixed(1)}%  load ${load.toFixed(2)}${m.noisy ? '  NOISY' : ''}`);
  return m;
}

// ---- our wasm start-up ---------------------------------------------------------------------------
function startup() {
  const n = smoke ? 1 : 7;
  const inst = [];
  const compile = [];
  const dictionary = [];
  let wasmBytes = null;
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, [join(benchDir, 'task.mjs'), JSON.stringify({ task: 'instantiate' })], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const o = JSON.parse(r.stdout);
    inst.push(o.times[0]);
    compile.push(o.compileMs);
    if (o.dictionaryMs != null) dictionary.push(o.dictionaryMs);
    wasmBytes = o.wasmBytes;
  }
  return { runs: n, instantiate_ms: median(inst), instantiate_cv: cv(inst), compile_again_ms: median(compile), dictionary_ms: median(dictionary), wasm_bytes: wasmBytes };
}

// ---- native (criterion) ------------------------------------------------------------------------
function native() {
  const env = {
    ...process.env,
    AE_BENCH_INPUTS: runnable.map((i) => `${i.name}=${i.path}`).join(','),
    AE_BENCH_MEMORY: join(dataDir, 'native-memory.json'),
  };
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const load = load1();
  // smoke: criterion's test mode (each bench once, debug build) — checks the benches build and run
  const cargoArgs = smoke ? ['test', '--quiet', '--bench', 'core'] : ['bench', '--quiet', '--bench', 'core'];
  log(`native: cargo ${cargoArgs.join(' ')}`);
  const r = spawnSync('cargo', cargoArgs, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`cargo ${cargoArgs[0]} failed (exit ${r.status})`);
  const side = JSON.parse(readFileSync(env.AE_BENCH_MEMORY, 'utf8'));
  const rows = [];
  for (const input of runnable) {
    const manual = side.stages.find((r) => r.input === input.name && r.manual_ms);
    if (manual && manual.manual_ms.length) {
      // one analysis took longer than the bench's limit: timed by hand (3 runs), not by criterion
      const per = manual.manual_ms;
      rows.push({ input: input.name, lang: input.lang, bytes: input.bytes, bench: 'analyze', median_ms: median(per), cv: cv(per), samples: per.length,
        manual: true, noisy: cv(per) > NOISY_CV || load > NOISY_LOAD });
    } else if (manual) {
      results.skipped.push({ tool: 'ours-native', task: 'e2e', input: input.name, reason: `one analysis took ${manual.probe_s} s; not repeated` });
    }
    const dir = join(targetDir, 'criterion', input.name);
    if (smoke || !existsSync(dir)) continue;
    for (const bench of manual ? ['scan', 'scan_chars'] : ['scan', 'scan_chars', 'analyze']) {
      const sample = join(dir, bench, 'new', 'sample.json');
      if (!existsSync(sample)) continue;
      const s = JSON.parse(readFileSync(sample, 'utf8'));
      const per = s.iters.map((it, i) => s.times[i] / it / 1e6);
      const m = median(per);
      rows.push({ input: input.name, lang: input.lang, bytes: input.bytes, bench, median_ms: m, cv: cv(per), samples: per.length,
        noisy: cv(per) > NOISY_CV || load > NOISY_LOAD });
    }
  }
  return { load1: load, profile: 'bench (inherits release: opt-level "z", lto, codegen-units 1)', rows, memory: side.memory, stages: side.stages, ran: true };
}

// ---- run everything --------------------------------------------------------------------------------
const byLangSize = [...runnable].sort((a, b) => (a.lang === b.lang ? a.bytes - b.bytes : a.lang < b.lang ? -1 : 1));

if (!skip.has('native')) {
  try {
    results.native = native();
  } catch (e) {
    log(`native benches failed: ${e.message}`);
    results.skipped.push({ tool: 'ours-native', task: '*', input: '*', reason: e.message });
  }
}

try {
  results.startup = startup();
} catch (e) {
  results.skipped.push({ tool: 'ours-wasm', task: 'instantiate', input: '-', reason: e.message.slice(0, 300) });
}

// The alignment of a 30 KB text-and-translation pair in wasm, against its own two analyses.
try {
  const r = spawnSync(process.execPath, [join(benchDir, 'align.mjs'), '--json', '--reps', smoke ? '1' : '20'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  results.align = JSON.parse(r.stdout.trim().split('\n').at(-1));
  log(`align      ${results.align.align_ms.toFixed(2)} ms (analyses ${results.align.analyses_ms.toFixed(2)} ms)`);
} catch (e) {
  results.skipped.push({ tool: 'ours-wasm', task: 'align', input: 'align-pair', reason: String(e.message).slice(0, 300) });
}

const PY_TOOLS = {
  jieba: { label: 'jieba (Python)', langs: ['zh'], tasks: ['segment', 'count'] },
  dateparser: { label: 'dateparser (Python)', langs: ['en', 'zh'], tasks: ['dates'] },
};
if (python) {
  for (const tool of Object.keys(PY_TOOLS)) {
    const r = spawnSync(python, [join(benchDir, 'py_task.py'), JSON.stringify({ tool, task: 'version', lang: 'en' })], { encoding: 'utf8' });
    meta.versions[tool] = r.status === 0 ? JSON.parse(r.stdout).version : null;
  }
}

for (const input of byLangSize) {
  for (const [tool, t] of Object.entries(TOOLS)) {
    if (!t.langs.includes(input.lang)) continue;
    if (skip.has('peers') && !t.ours && !t.floor) continue;
    for (const task of t.tasks) measure({ tool, task, input, runner: 'node' });
  }
  if (python && !skip.has('peers')) {
    for (const [tool, t] of Object.entries(PY_TOOLS)) {
      if (!t.langs.includes(input.lang)) continue;
      for (const task of t.tasks) measure({ tool, task, input, runner: 'python', label: t.label });
    }
  }
}

// ---- Chinese against jieba-wasm + chrono-node zh, the two taking turns (bench/lib/pair.mjs) -------
// The rows above measure each tool once, in one process at one time: on a shared machine that
// is too little for a ratio on the 8 KB sample, so the pair is measured again in alternating rounds.
if (!skip.has('peers')) {
  const names = smoke ? ['zh-sample-cut'] : ['zh-sample', 'zh-pd1998', 'zh-10mb'];
  for (const name of names.filter((n) => runnable.some((i) => i.name === n))) {
    try {
      const p = measurePair({ name, tools: ['ours-wasm', 'jieba-wasm+chrono'], rounds: smoke ? 1 : undefined });
      if (!p) continue;
      results.pair.push(p);
      const q = p.ratios['jieba-wasm+chrono'];
      log(`pair ${name.padEnd(12)} ours ${p.tools['ours-wasm'].median_ms.toFixed(2)} ms, jieba-wasm+chrono ${p.tools['jieba-wasm+chrono'].median_ms.toFixed(2)} ms: ${q.median.toFixed(2)}x (rounds ${Math.min(...q.rounds).toFixed(2)}-${Math.max(...q.rounds).toFixed(2)}x, ${p.rounds} rounds)`);
    } catch (e) {
      log(`pair ${name} failed: ${e.message}`);
      results.skipped.push({ tool: 'jieba-wasm+chrono', task: 'pair', input: name, reason: String(e.message).slice(0, 300) });
    }
  }
}

// ---- the Python wheel against the CLI, and Dask with 1 and 2 workers (bench/py_wheel.py) --------
if (!smoke && !skip.has('wheel')) {
  try {
    log('python wheel: build and install (bench/setup-wheel.sh), release CLI');
    execFileSync(join(benchDir, 'setup-wheel.sh'), [], { stdio: 'inherit' });
    sh('cargo', ['build', '--release', '--quiet', '--bin', 'article-explorer']);
    const cli = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'article-explorer');
    const r = spawnSync(join(benchDir, '.venv-wheel/bin/python'), [join(benchDir, 'py_wheel.py'), '--cli', cli],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * MiB });
    if (r.status !== 0) throw new Error(`bench/py_wheel.py failed (${r.signal ?? `exit ${r.status}`})`);
    results.wheel = JSON.parse(r.stdout.trim().split('\n').at(-1));
    const w = results.wheel;
    log(`python wheel ${w.per_article.median.wheel.toFixed(2)} ms/article vs CLI ${w.per_article.median.cli.toFixed(2)} ms; dask 2 workers ${w.dask.speedup_2_vs_1.toFixed(2)}x faster than 1`);
  } catch (e) {
    log(`python wheel bench failed: ${e.message}`);
    results.skipped.push({ tool: 'python-wheel', task: '*', input: '*', reason: String(e.message).slice(0, 300) });
  }
}

// ---- the corpus command: 2 threads against 1, peak memory on a corpus 10x larger ---------------
if (!skip.has('corpus-cli')) {
  try {
    // A smoke run only checks that the step works: the debug build `cargo test` made will do.
    sh('cargo', ['build', '--quiet', '--bin', 'article-explorer', ...(smoke ? [] : ['--release'])]);
    const cli = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), smoke ? 'debug' : 'release', 'article-explorer');
    const r = spawnSync(process.execPath, [join(benchDir, 'corpus_cli.mjs'), '--cli', cli, ...(smoke ? ['--smoke'] : [])],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`bench/corpus_cli.mjs failed (${r.signal ?? `exit ${r.status}`})`);
    results.corpus_cli = JSON.parse(r.stdout.trim().split('\n').at(-1));
    log(`corpus CLI: 2 threads ${results.corpus_cli.speedup_2_vs_1.toFixed(2)}x faster than 1 (large corpus ${results.corpus_cli.speedup_2_vs_1_large.toFixed(2)}x, start-up ${results.corpus_cli.startup_ms.toFixed(0)} ms); peak RSS large/small ${results.corpus_cli.rss_large_vs_small.toFixed(2)}`);
  } catch (e) {
    log(`corpus CLI bench failed: ${e.message}`);
    results.skipped.push({ tool: 'corpus-cli', task: '*', input: '*', reason: String(e.message).slice(0, 300) });
  }
}

// ---- one article's corpus summary: wasm in Node against native, CPU time, taking turns --------
if (!skip.has('corpus-summary')) {
  try {
    sh('cargo', ['build', '--quiet', '--example', 'summary_timing', ...(smoke ? [] : ['--release'])]);
    const bin = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), smoke ? 'debug' : 'release', 'examples', 'summary_timing');
    const r = spawnSync(process.execPath, [join(benchDir, 'summary.mjs'), '--cpu', '--native', bin, ...(smoke ? ['--smoke', '--inputs', 'en-sample-cut,zh-sample-cut'] : [])],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`bench/summary.mjs failed (${r.signal ?? `exit ${r.status}`})`);
    results.corpus_summary = JSON.parse(r.stdout.trim().split('\n').at(-1));
    log(`corpus summary: ${results.corpus_summary.inputs.map((i) => `${i.input} wasm ${i.ratio.toFixed(2)}x native`).join(', ')}`);
  } catch (e) {
    log(`corpus summary bench failed: ${e.message}`);
    results.skipped.push({ tool: 'corpus-summary', task: '*', input: '*', reason: String(e.message).slice(0, 300) });
  }
}

if (!skip.has('browser')) {
  try {
    const { browserBench } = await import('./browser.mjs');
    results.browser = await browserBench({ smoke, inputs: runnable, log });
  } catch (e) {
    log(`browser bench failed: ${e.stack ?? e}`);
    results.skipped.push({ tool: 'browser', task: '*', input: '*', reason: String(e.message ?? e).slice(0, 300) });
  }
}

// The corpus explorer of the page (bench/corpus-page.mjs): three corpora, one run each.
if (!skip.has('browser') && !skip.has('corpus-page')) {
  try {
    const { corpusPageBench } = await import('./corpus-page.mjs');
    results.corpusPage = await corpusPageBench({ smoke, log });
  } catch (e) {
    log(`corpus page bench failed: ${e.stack ?? e}`);
    results.skipped.push({ tool: 'corpus-page', task: '*', input: '*', reason: String(e.message ?? e).slice(0, 300) });
  }
}

meta.loadavg_end = os.loadavg();
meta.duration_s = Math.round((Date.now() - started) / 1000);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 1) + '\n');
writeFileSync(join(outDir, 'results.md'), renderMarkdown(results));
log(`wrote ${join(outDir, 'results.json')} and results.md in ${meta.duration_s} s`);
