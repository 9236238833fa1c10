// Renders results.json as the Markdown the README quotes (bench/results/results.md).
import { MiB } from './inputs.mjs';

const fmt = (x, d = 2) => (x == null || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(d));
const ms = (x) => (x == null ? '—' : x < 1 ? `${x.toFixed(3)} ms` : x < 1000 ? `${fmt(x)} ms` : `${(x / 1000).toFixed(2)} s`);
const mbs = (bytes, t) => (t ? bytes / MiB / (t / 1000) : null);
const size = (b) => (b == null ? '—' : b >= MiB ? `${(b / MiB).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
const pct = (x) => (x == null ? '—' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);
const ratio = (x) => (x == null || !Number.isFinite(x) ? '—' : x > 0 && x < 0.1 ? `${x.toFixed(3)}× (1/${(1 / x).toFixed(0)})` : `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`);

/** Ours (wasm) time for a task on an input: the full call for e2e, the stage sums otherwise. */
export function oursTime(results, input, task) {
  const m = results.measurements.find((r) => r.tool === 'ours-wasm' && r.task === 'e2e' && r.input === input);
  if (!m) return null;
  return task === 'e2e' ? m.median_ms : m.derived_ms?.[task] ?? null;
}

function nativeRow(results, input, bench) {
  return results.native?.rows?.find((r) => r.input === input && r.bench === bench) ?? null;
}

/** The project's speed and memory goals, end to end and per stage, evaluated on this run. */
export function goals(results) {
  const out = [];
  const m = (tool, input, task) => results.measurements.find((r) => r.tool === tool && r.input === input && r.task === task);
  const ours = (input) => m('ours-wasm', input, 'e2e');
  const add = (goal, measured, target, ok, note = '') => out.push({ goal, measured, target, met: ok == null ? null : !!ok, note });

  const peer = m('wink+chrono', 'en-sample', 'e2e');
  const o = ours('en-sample');
  const r = peer && o ? peer.median_ms / o.median_ms : null;
  add('sample (27 KB) end to end in wasm vs wink-nlp (sentences+tokens+counts) + chrono-node (dates)',
    r == null ? '—' : `${ratio(r)} faster (${ms(o.median_ms)} vs ${ms(peer.median_ms)})`, '≥ 10×', r == null ? null : r >= 10);
  for (const [input, limit] of [['en-10mb', 1000], ['zh-10mb', 2500]]) {
    const x = ours(input);
    add(`${input === 'en-10mb' ? 'English' : 'Chinese'} 10 MB end to end in wasm (Node, report object included)`,
      x ? ms(x.median_ms) : '—', `< ${limit / 1000} s`, x ? x.median_ms < limit : null);
  }
  for (const input of ['en-10mb', 'zh-10mb']) {
    const mem = results.native?.memory?.find((r) => r.input === input);
    if (mem) add(`peak memory, ${input}, native (heap high-water mark of one analysis)`, `${(mem.peak_heap_bytes / mem.bytes).toFixed(1)}× input (${size(mem.peak_heap_bytes)})`, '< 10× input', mem.peak_heap_bytes < 10 * mem.bytes);
    const x = ours(input);
    if (x?.wasm_memory_bytes) {
      // growth of the linear memory over what it held before the text (code, statics, the Chinese
      // dictionary); older runs lack that number: then the smallest input's memory stands for it
      const all = results.measurements.filter((r) => r.tool === 'ours-wasm' && r.wasm_memory_bytes);
      const before = x.wasm_memory_before_bytes ?? Math.min(...all.map((r) => r.wasm_memory_bytes));
      const grew = x.wasm_memory_bytes - before;
      add(`peak memory, ${input}, wasm (growth of the linear memory during the analysis; it never shrinks)`,
        `${(grew / x.bytes).toFixed(1)}× input (${size(x.wasm_memory_bytes)} after − ${size(before)} before${x.wasm_memory_before_bytes == null ? ', taken from the smallest input' : ''}: code, statics, Chinese dictionary)`,
        '< 10× input', grew < 10 * x.bytes);
    }
  }
  for (const input of ['en-10mb', 'zh-10mb', 'en-sample']) {
    const a = nativeRow(results, input, 'analyze');
    const s = nativeRow(results, input, 'scan');
    if (a && s) add(`full analysis vs single-scan floor, native, ${input}`, `${pct(s.median_ms / a.median_ms)} of the floor's speed (${fmt(mbs(a.bytes, a.median_ms))} vs ${fmt(mbs(s.bytes, s.median_ms))} MB/s)`, '≥ 25%', s.median_ms / a.median_ms >= 0.25);
  }
  // per-stage goals (segmentation, keywords, timeline), wasm in Node
  const stage = (input, names) => {
    const x = ours(input);
    return x?.stages_ms ? names.reduce((a, n) => a + (x.stages_ms[n] ?? 0), 0) : null;
  };
  for (const [input, target] of [['en-10mb', 40], ['zh-10mb', 10]]) {
    const t = stage(input, ['text_in', 'structure', 'segmentation']);
    const x = ours(input);
    if (t != null) add(`segmentation speed (text in + structure + sentences + tokens), wasm, ${input}`, `${fmt(mbs(x.bytes, t))} MB/s`, `≥ ${target} MB/s`, mbs(x.bytes, t) >= target);
  }
  for (const [input, target] of [['en-10mb', 20], ['zh-10mb', 8]]) {
    const t = stage(input, ['keywords']);
    const x = ours(input);
    // The core's Keywords stage runs the whole keyword analysis (word stream, frequencies, lemma
    // groups, phrases, keyness, dispersion, occurrence offsets); a build whose Keywords stage is
    // empty (keywords built inside the Report stage) cannot be timed apart.
    if (t != null && x.keywords_in_report) add(`keyword stage speed alone, wasm, ${input}`, 'not measured: this build computes keywords inside its Report stage (its Keywords stage is empty)', `≥ ${target} MB/s`, null);
    else if (t != null) add(`keyword stage speed (frequencies, lemmas, phrases, keyness, dispersion), wasm, ${input}`, `${fmt(mbs(x.bytes, t))} MB/s (${ms(t)})`, `≥ ${target} MB/s`, mbs(x.bytes, t) >= target);
  }
  for (const input of ['en-10mb', 'zh-10mb']) {
    const q = m('ours-wasm', input, 'kwic');
    if (q) add(`concordance: query on an indexed text (ConcordanceIndex.query), wasm, ${input}`, `${ms(q.median_ms)} (${q.produced?.total ?? '?'} hits; index built once in ${ms(q.produced?.indexMs)})`, '< 50 ms', q.median_ms < 50);
  }
  // The Python wheel (bench/py_wheel.py): per article against the CLI, and Dask's scaling.
  const pa = results.wheel?.per_article;
  const wr = pa ? pa.median.wheel / pa.median.cli : null;
  add(`Python wheel, time per article vs the native CLI (a process per article)${pa ? `, ${pa.articles} articles` : ''}`,
    pa ? `${ratio(wr)} (${ms(pa.median.wheel)} vs ${ms(pa.median.cli)}; CLI start-up alone ${ms(pa.median.cli_empty_file)})` : '—', '≤ 1.3×', pa ? wr <= 1.3 : null);
  const dk = results.wheel?.dask;
  add(`Dask LocalCluster, 2 workers vs 1${dk ? ` (${size(dk.bytes)}, ${dk.files} articles)` : ''}`,
    dk ? `${ratio(dk.speedup_2_vs_1)} faster (${dk.median_s['2'].toFixed(1)} s vs ${dk.median_s['1'].toFixed(1)} s)${dk.cpu_speedup_2_vs_1 ? `; on free cores (busiest worker's CPU time) ${ratio(dk.cpu_speedup_2_vs_1)}` : ''}` : '—',
    '≥ 1.6×', dk ? dk.speedup_2_vs_1 >= 1.6 : null);
  // The corpus command (bench/corpus_cli.mjs): 2 threads against 1, and memory on a corpus ten times larger.
  const cc = results.corpus_cli;
  add(`CLI \`corpus\`, 2 threads vs 1${cc ? ` (${size(cc.small.bytes)}, ${cc.small.files} articles)` : ''}`,
    cc ? `${ratio(cc.speedup_2_vs_1)} faster (${ms(cc.median_ms.threads_2)} vs ${ms(cc.median_ms.threads_1)})` : '—', '≥ 1.8×', cc ? cc.speedup_2_vs_1 >= 1.8 : null);
  add(`CLI \`corpus\`, peak RSS on a corpus 10× larger${cc ? ` (${size(cc.large.bytes)}, ${cc.large.files} articles)` : ''}`,
    cc ? `${fmt(cc.peak_rss_kb.large / 1024)} MB vs ${fmt(cc.peak_rss_kb.small / 1024)} MB (${ratio(cc.rss_large_vs_small)})` : '—', 'bounded: ≤ 1.5×', cc ? cc.rss_large_vs_small <= 1.5 : null);
  // Chinese against the pair a developer would otherwise assemble, the two taking turns in fresh
  // processes (bench/lib/pair.mjs); older results have no such section.
  for (const p of results.pair ?? []) {
    const o = p.tools['ours-wasm'];
    const t = p.tools['jieba-wasm+chrono'];
    const q = p.ratios['jieba-wasm+chrono'];
    if (!o || !t || !q) continue;
    add(`${p.input} end to end in wasm vs jieba-wasm (tokens+counts) + chrono-node zh (dates), ${p.rounds} rounds taking turns`,
      `${q.median.toFixed(2)}× faster (${ms(o.median_ms)} vs ${ms(t.median_ms)}; single rounds ${Math.min(...q.rounds).toFixed(2)}–${Math.max(...q.rounds).toFixed(2)}×)`, '≥ 1.5×', q.median >= 1.5);
  }
  const tn = results.native?.stages?.find((r) => r.input === 'en-sample')?.stages_ms?.timeline;
  if (tn != null) add('timeline stage: sample, native', ms(tn), '< 1 ms', tn < 1);
  for (const [input, limit] of [['en-sample', 3], ['en-10mb', 2000]]) {
    const t = stage(input, ['timeline']);
    if (t != null) add(`timeline stage: ${input}, wasm`, ms(t), `< ${ms(limit)}`, t < limit);
  }
  return out;
}

export function renderMarkdown(results) {
  const { meta } = results;
  const L = [];
  const noisyCount = results.measurements.filter((m) => m.noisy).length + (results.native?.rows ?? []).filter((r) => r.noisy).length;
  L.push('# Benchmark results', '');
  L.push(`Generated by \`make bench\` (bench/run.mjs) on ${meta.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${meta.commit}\`${meta.dirty ? ' (with uncommitted changes to the core)' : ''}${meta.smoke ? ' — **SMOKE RUN: tiny inputs, one repetition, numbers meaningless**' : ''}.`);
  L.push(`Machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memory_gb} GB, ${meta.machine.os}; ${meta.node}; ${meta.rustc}; ${meta.python ?? 'no Python'}; ${meta.chromium ?? 'no Chromium'}.`);
  L.push(`Load average (1/5/15 min) at start ${meta.loadavg_start.map((x) => x.toFixed(2)).join('/')}, at end ${(meta.loadavg_end ?? []).map((x) => x.toFixed(2)).join('/')}; run took ${meta.duration_s} s.`);
  L.push(`Medians of the repetitions after warm-up, each measurement in a fresh process. **${noisyCount} measurements are flagged noisy** (${meta.noise_rule}); they are kept, marked ⚠.`);
  L.push('');
  L.push('Versions: ' + Object.entries(meta.versions).map(([k, v]) => `${k} ${v ?? 'n/a'}`).join('; ') + '.', '');

  L.push('## Goals (same run)', '', '| goal | measured | target | met |', '|---|---|---|---|');
  for (const g of goals(results)) L.push(`| ${g.goal} | ${g.measured} | ${g.target} | ${g.met == null ? 'not measured' : g.met ? 'yes' : '**NO**'} |`);
  L.push('');

  L.push('## Inputs', '', '| input | size | source |', '|---|---|---|');
  for (const i of results.inputs) L.push(`| ${i.name} | ${i.skipped ? '—' : size(i.bytes)} | ${i.skipped ? `skipped: ${i.skipped}` : i.source}${i.licence ? `. Licence: ${i.licence}` : ''} |`);
  L.push('');

  L.push('## Side by side', '');
  L.push('Same task definitions for every tool (bench/lib/tasks.mjs, bench/py_task.py): **segment** = sentences + word tokens (jieba: words only),',
    '**count** = tokenize + term→count table, **dates** = find and resolve time expressions, **e2e** = the whole job (ours: text into wasm,',
    'full report back as a JS object; peers: the pair run back to back). Our segment/count/dates times are the matching stage sums',
    '(text in + structure + segmentation [+ keywords | + timeline]) inside the end-to-end wasm runs. "speed-up" = peer time / our wasm time',
    'for the same task and input. Tokens/s uses each tool\'s own token count. Peak = RSS high-water mark of the first run minus the',
    'process\'s RSS before it (libraries and input already loaded), as a multiple of the input size.', '');
  const inputs = results.inputs.filter((i) => !i.skipped);
  for (const input of inputs) {
    const rows = results.measurements.filter((m) => m.input === input.name);
    if (!rows.length) continue;
    L.push(`### ${input.name} (${size(input.bytes)})`, '', '| tool | task | median | MB/s | tokens/s | peak added | runs | CV | load | our speed-up |', '|---|---|---|---|---|---|---|---|---|---|');
    const nat = nativeRow(results, input.name, 'analyze');
    if (nat) L.push(`| Article Explorer, native (${nat.manual ? 'timed by hand: one run too slow for criterion' : 'criterion'}) | e2e | ${ms(nat.median_ms)} | ${fmt(mbs(input.bytes, nat.median_ms))} | — | — | ${nat.samples} ${nat.manual ? 'runs' : 'samples'} | ${pct(nat.cv)} | ${fmt(results.native.load1)} | ${nat.noisy ? '⚠' : ''} |`);
    const order = (m) => (m.tool === 'ours-wasm' ? 0 : m.tool.startsWith('floor') ? 2 : 1);
    for (const m of [...rows].sort((a, b) => order(a) - order(b))) {
      const tokens = m.produced?.tokens;
      const tps = tokens ? tokens / (m.median_ms / 1000) : null;
      const speedup = m.tool === 'ours-wasm' || m.tool.startsWith('floor') ? '' : ratio(m.median_ms / oursTime(results, input.name, m.task));
      const peak = m.peak_added_bytes != null ? `${size(m.peak_added_bytes)} (${(m.peak_added_bytes / input.bytes).toFixed(1)}×)` : '—';
      L.push(`| ${m.label} | ${m.task} | ${ms(m.median_ms)} | ${fmt(mbs(input.bytes, m.median_ms))} | ${tps ? fmt(tps / 1e6, 2) + 'M' : '—'} | ${peak} | ${m.reps} | ${pct(m.cv)} | ${fmt(m.load1)} | ${speedup}${m.noisy ? ' ⚠' : ''} |`);
      if (m.tool === 'ours-wasm' && m.derived_ms) {
        for (const t of ['segment', 'count', 'dates']) L.push(`| ↳ Article Explorer (wasm), stages${t === 'count' && m.keywords_in_report ? ' (keywords are built in the Report stage: count includes it)' : ''} | ${t} | ${ms(m.derived_ms[t])} | ${fmt(mbs(input.bytes, m.derived_ms[t]))} | — | | | | | |`);
      }
    }
    L.push('');
  }

  L.push('## Our stages', '', 'Median time inside each stage of the pipeline (between its progress callbacks). Native: criterion samples of `analyze_with_progress`;',
    'wasm: Node, `analyze(text, {}, progress)` from pkg/, text in = JS string → wasm memory, report out = report → JS object (serde-wasm-bindgen).', '',
    '| input | runtime | text in | structure | segmentation | timeline | keywords | report | report out | total | MB/s |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const input of inputs) {
    const n = results.native?.stages?.find((r) => r.input === input.name);
    const na = nativeRow(results, input.name, 'analyze');
    if (n) {
      const s = n.stages_ms;
      L.push(`| ${input.name} | native | — | ${ms(s.structure)} | ${ms(s.segmentation)} | ${ms(s.timeline)} | ${ms(s.keywords)} | ${ms(s.report)} | — | ${ms(na?.median_ms)} | ${fmt(mbs(input.bytes, na?.median_ms))} |`);
    }
    const w = results.measurements.find((r) => r.tool === 'ours-wasm' && r.task === 'e2e' && r.input === input.name);
    if (w?.stages_ms) {
      const s = w.stages_ms;
      L.push(`| ${input.name} | wasm | ${ms(s.text_in)} | ${ms(s.structure)} | ${ms(s.segmentation)} | ${ms(s.timeline)} | ${ms(s.keywords)} | ${ms(s.report)} | ${ms(s.report_out)} | ${ms(w.median_ms)} | ${fmt(mbs(input.bytes, w.median_ms))} |`);
    }
  }
  L.push('');

  L.push('## How close to reading the text once', '', 'Floors: native `scan` counts line feeds over the bytes, native `scan_chars` decodes every UTF-8 character,',
    'JS scan walks the JS string with charCodeAt in the same kind of Node process that runs the wasm. All compiled with the crate\'s bench profile.', '',
    '| input | native scan | native char scan | native analysis | analysis / scan | analysis / char scan | JS scan | wasm analysis | wasm / JS scan |', '|---|---|---|---|---|---|---|---|---|');
  for (const input of inputs) {
    const s = nativeRow(results, input.name, 'scan'), c = nativeRow(results, input.name, 'scan_chars'), a = nativeRow(results, input.name, 'analyze');
    const j = results.measurements.find((r) => r.tool === 'floor-js' && r.input === input.name);
    const w = results.measurements.find((r) => r.tool === 'ours-wasm' && r.task === 'e2e' && r.input === input.name);
    const sp = (r) => (r ? `${fmt(mbs(input.bytes, r.median_ms))} MB/s` : '—');
    L.push(`| ${input.name} | ${sp(s)} | ${sp(c)} | ${sp(a)} | ${s && a ? pct(s.median_ms / a.median_ms) : '—'} | ${c && a ? pct(c.median_ms / a.median_ms) : '—'} | ${sp(j)} | ${sp(w)} | ${j && w ? pct(j.median_ms / w.median_ms) : '—'} |`);
  }
  L.push('');

  L.push('## Memory', '', '| input | size | native peak heap | native report | wasm linear memory after run | wasm process RSS added |', '|---|---|---|---|---|---|');
  for (const input of inputs) {
    const n = results.native?.memory?.find((r) => r.input === input.name);
    const w = results.measurements.find((r) => r.tool === 'ours-wasm' && r.task === 'e2e' && r.input === input.name);
    const x = (b) => (b == null ? '—' : `${size(b)} (${(b / input.bytes).toFixed(1)}×)`);
    if (input === inputs[0]) {
      const first = results.native?.memory?.find((r) => r.bytes === 0);
      if (first) L.push(`| first analysis of a process (embedded data loaded) | — | ${size(first.peak_heap_bytes)} | — | — | — |`);
    }
    L.push(`| ${input.name} | ${size(input.bytes)} | ${x(n?.peak_heap_bytes)} | ${x(n?.report_heap_bytes)} | ${x(w?.wasm_memory_bytes)} | ${x(w?.peak_added_bytes)} |`);
  }
  L.push('');

  if (results.startup) {
    const s = results.startup;
    L.push('## Start-up', '', `Fresh Node process, \`init({module_or_path: bytes})\` of pkg/article_explorer_bg.wasm (${size(s.wasm_bytes)}): median **${ms(s.instantiate_ms)}** to compile + instantiate over ${s.runs} processes (CV ${pct(s.instantiate_cv)}); compiling the same bytes again in that process: ${ms(s.compile_again_ms)}.${s.dictionary_ms != null ? ` Loading the Chinese dictionary (pkg/jieba-dict.txt.gz, inflated in JS, then \`loadChineseDictionary\`), which the page does once before the first Chinese text and the timed runs exclude: ${ms(s.dictionary_ms)}.` : ''}`, '');
  }

  if (results.align) {
    const a = results.align;
    L.push('## Text and translation', '', `bench/align.mjs: \`align\` of the test pair (tests/fixtures/align/, ${size(a.bytes)}, ${a.rows} rows) in wasm (pkg/, Node), ${a.reps} repetitions, load ${fmt(a.load1)}: median **${ms(a.align_ms)}** (goal < 50 ms); the two analyses it starts with, timed in turn in the same run: ${ms(a.analyses_ms)} (ratio ${fmt(a.ratio)}).`, '');
  }

  if (results.wheel) {
    const { per_article: p, dask: d } = results.wheel;
    L.push('## Python wheel and Dask', '', `bench/py_wheel.py (docs/bench.md), Python ${results.wheel.python}, load average ${fmt(results.wheel.load1_start)} at start, ${fmt(results.wheel.load1_end)} at end.`, '');
    if (p) {
      L.push(`Per article: ${p.articles} articles (${p.source}, ${size(p.bytes)}), ${p.rounds} rounds alternating, medians of the rounds' time per article.`, '',
        '| how | time per article | vs CLI |', '|---|---|---|',
        `| native CLI, a process per article | ${ms(p.median.cli)} | 1× |`,
        `| ↳ its start-up alone (empty file) | ${ms(p.median.cli_empty_file)} | |`,
        `| wheel, \`analyze\` (report as a dict) | ${ms(p.median.wheel)} | ${ratio(p.median.wheel / p.median.cli)} |`,
        `| wheel, \`analyze_json\` (report as a string) | ${ms(p.median.wheel_json)} | ${ratio(p.median.wheel_json / p.median.cli)} |`, '');
    }
    if (d) {
      L.push(`Dask: python/examples/dask_corpus.py on a LocalCluster (processes, one thread each), ${d.files} files, ${size(d.bytes)} (${d.source}), Parquet written; warm workers; runs alternating.`, '',
        '| workers | runs (s) | median | speed-up | busiest worker\'s CPU time (s) | speed-up on free cores |', '|---|---|---|---|---|---|',
        ...['1', '2'].map((k) => `| ${k} | ${d.seconds[k].map((x) => x.toFixed(1)).join(', ')} | ${d.median_s[k].toFixed(2)} s | ${k === '1' ? '1×' : ratio(d.speedup_2_vs_1)} | ${(d.busiest_worker_cpu_s?.[k] ?? []).map((x) => x.toFixed(1)).join(', ') || '—'} | ${k === '1' ? '1×' : ratio(d.cpu_speedup_2_vs_1)} |`), '');
    }
  }

  if (results.corpus_cli) {
    const c = results.corpus_cli;
    L.push('## The corpus command', '', `bench/corpus_cli.mjs (docs/bench.md): release CLI, \`corpus --term … --period year\` on generated dated articles (English and Chinese samples rotated by paragraph), ${c.reps} runs of each thread count taking turns, ${c.cores} cores, load average ${fmt(c.load1_start)} at start, ${fmt(c.load1_end)} at end.`, '',
      '| run | corpus | median | peak RSS |', '|---|---|---|---|',
      `| 1 thread | ${size(c.small.bytes)}, ${c.small.files} articles | ${ms(c.median_ms.threads_1)} | |`,
      `| 2 threads | ${size(c.small.bytes)}, ${c.small.files} articles | ${ms(c.median_ms.threads_2)} (${ratio(c.speedup_2_vs_1)} faster) | ${fmt(c.peak_rss_kb.small / 1024)} MB |`,
      `| 2 threads | ${size(c.large.bytes)}, ${c.large.files} articles | ${ms(c.large_ms)} | ${fmt(c.peak_rss_kb.large / 1024)} MB (${ratio(c.rss_large_vs_small)}) |`, '');
  }

  if (results.browser) {
    const b = results.browser;
    L.push('## In the browser (Chromium, Playwright)', '');
    for (const line of b.summary ?? []) L.push(`- ${line}`);
    if (b.assets?.length) {
      L.push('', '| asset | loaded at start | raw | gzip |', '|---|---|---|---|');
      for (const a of b.assets) L.push(`| ${a.file} | ${a.initial ? 'yes' : 'no'} | ${size(a.raw)} | ${size(a.gzip)} |`);
    }
    L.push('');
  }

  if (results.corpusPage?.length) {
    L.push('## The corpus explorer in the browser (bench/corpus-page.mjs)', '',
      'Each corpus handed to the page as one .zip; one run each. Analyzed: file input → every article analyzed and stored; charted: → the weekly trend of one term drawn. Memory: summed PSS of the browser\'s processes (peak, and before the corpus); heap: the page\'s main-thread JS heap (peak).', '',
      '| corpus | articles | workers | analyzed | charted | with 1 worker | speed-up | peak memory (before) | main heap |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of results.corpusPage) {
      if (r.skipped) {
        L.push(`| ${r.name} | skipped: ${r.skipped.replace(/\|/g, '/')} | | | | | | | |`);
        continue;
      }
      L.push(`| ${r.name} | ${r.articles} of ${r.files} files | ${r.workers} | ${ms(r.analyzedMs)} | ${ms(r.chartedMs)} | ${r.oneWorker ? ms(r.oneWorker.analyzedMs) : '—'} | ${r.speedup ? ratio(r.speedup) : '—'} | ${r.peakPssMB} MB (${r.baselinePssMB} MB) | ${r.peakMainHeapMB} MB |`);
    }
    L.push('');
  }

  if (results.skipped.length) {
    L.push('## Skipped or failed', '', '| tool | task | input | why |', '|---|---|---|---|');
    for (const s of results.skipped) L.push(`| ${s.tool} | ${s.task} | ${s.input} | ${s.reason.replace(/\|/g, '/')} |`);
    L.push('');
  }
  return L.join('\n');
}
