// Keeps the benchmark harness from rotting: runs it end to end on tiny inputs (one repetition) and
// checks that every part produced results. Never asserts a timing (speed is measured by `make bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaleText, untagPku } from '../lib/inputs.mjs';
import { median, cv, exponent } from '../lib/stats.mjs';
import { goals, oursTime } from '../lib/report.mjs';

test('inputs are scaled from whole paragraphs to at least the size asked', () => {
  const text = 'First paragraph, 2019.\nSecond one.\n第三段。';
  const big = scaleText(text, 1000);
  assert.ok(Buffer.byteLength(big) >= 1000 && Buffer.byteLength(big) < 1100, `size ${Buffer.byteLength(big)}`);
  for (const line of big.split('\n')) assert.ok(line === '' || text.split('\n').includes(line), `whole paragraphs only: ${line}`);
});

test('the PKU tagged corpus is turned back into running text', () => {
  const tagged = '迈向/v  充满/v  希望/n  的/u  [中央/n  人民/n  广播/vn  电台/n]nt  ，/w  １９９８年/t\n\n江/nr  泽民/nr\n';
  assert.equal(untagPku(tagged), '迈向充满希望的中央人民广播电台，１９９８年\n江泽民');
});

test('statistics: median, coefficient of variation, scaling exponent', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(cv([5]), 0);
  assert.ok(Math.abs(cv([9, 11]) - Math.SQRT2 / 10) < 1e-12);
  assert.ok(Math.abs(exponent([1, 1], [10, 100]) - 2) < 1e-12);
});

test('goals are evaluated from the measurements of one run', () => {
  const r = {
    measurements: [
      { tool: 'ours-wasm', task: 'e2e', input: 'en-sample', bytes: 1000, median_ms: 2, derived_ms: { segment: 1, count: 1.5, dates: 1.2 }, stages_ms: { text_in: 0.1, structure: 0.2, segmentation: 0.7, timeline: 0.2, keywords: 0.5, report: 0.2, report_out: 0.1 } },
      { tool: 'wink+chrono', task: 'e2e', input: 'en-sample', bytes: 1000, median_ms: 30 },
    ],
    native: null,
  };
  const g = goals(r);
  const vsPeers = g.find((x) => x.goal.includes('wink-nlp'));
  assert.equal(vsPeers.met, true);
  assert.match(vsPeers.measured, /15× faster/);
  r.measurements[1].median_ms = 10;
  assert.equal(goals(r).find((x) => x.goal.includes('wink-nlp')).met, false);
  assert.equal(oursTime(r, 'en-sample', 'count'), 1.5);
  assert.equal(g.find((x) => x.goal.includes('English 10 MB')).met, null, 'a goal without data is "not measured", not met');
  // The keyword stage is timed on its own (the core fires Stage::Keywords where keyword work runs).
  r.measurements.push({ ...r.measurements[0], input: 'en-10mb', bytes: 10 * 1024 * 1024, stages_ms: { ...r.measurements[0].stages_ms, keywords: 400 } });
  const kw = goals(r).find((x) => x.goal.startsWith('keyword stage speed (') && x.goal.endsWith('en-10mb'));
  assert.equal(kw.met, true);
  assert.match(kw.measured, /^25\.0 MB\/s/);
  // The Chinese pair, measured in rounds taking turns: the goal reads the median ratio.
  r.pair = [{ input: 'zh-sample', rounds: 9, tools: { 'ours-wasm': { median_ms: 2 }, 'jieba-wasm+chrono': { median_ms: 3.2 } },
    ratios: { 'jieba-wasm+chrono': { median: 1.6, rounds: [1.4, 1.6, 2.1] } } }];
  const pair = goals(r).find((x) => x.goal.startsWith('zh-sample end to end in wasm vs jieba-wasm'));
  assert.equal(pair.met, true);
  assert.match(pair.measured, /^1\.60× faster .*single rounds 1\.40–2\.10×/);
  r.pair[0].ratios['jieba-wasm+chrono'].median = 1.45;
  assert.equal(goals(r).find((x) => x.goal.startsWith('zh-sample end to end in wasm vs jieba-wasm')).met, false);
});

test('the harness runs end to end on tiny inputs and writes its results', { timeout: 900_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'ae-bench-smoke-'));
  const skip = process.env.AE_BENCH_SMOKE_SKIP ?? '';
  const r = spawnSync(process.execPath, [new URL('../run.mjs', import.meta.url).pathname, '--smoke', '--out', out, ...(skip ? ['--skip', skip] : [])],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  process.stderr.write(r.stderr.split('\n').slice(-40).join('\n'));
  assert.equal(r.status, 0, 'run.mjs --smoke exits 0');
  const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  const md = readFileSync(join(out, 'results.md'), 'utf8');
  assert.equal(res.meta.smoke, true);
  const names = res.inputs.map((i) => i.name);
  assert.deepEqual(names, ['en-sample-cut', 'en-2kb', 'en-20kb', 'zh-sample-cut', 'zh-2kb', 'zh-20kb']);
  const failed = res.skipped.filter((s) => !/projected/.test(s.reason));
  assert.deepEqual(failed, [], 'nothing failed');
  for (const input of names) {
    const ours = res.measurements.find((m) => m.tool === 'ours-wasm' && m.task === 'e2e' && m.input === input);
    assert.ok(ours, `wasm measured on ${input}`);
    const kwic = res.measurements.find((m) => m.tool === 'ours-wasm' && m.task === 'kwic' && m.input === input);
    assert.ok(kwic?.produced.total > 0, `a concordance query found its word on ${input}`);
    assert.ok(ours.produced.sentences > 0 && ours.produced.tokens > 0, `the wasm report has sentences and words for ${input}`);
    for (const stage of ['text_in', 'structure', 'segmentation', 'timeline', 'keywords', 'report', 'report_out']) {
      assert.ok(ours.stages_ms[stage] >= 0, `stage ${stage} timed on ${input}`);
    }
    assert.ok(res.measurements.some((m) => m.tool === 'floor-js' && m.input === input), `JS floor on ${input}`);
  }
  const tools = new Set(res.measurements.map((m) => m.tool));
  const expected = ['wink-nlp', 'compromise', 'chrono-node', 'jieba-wasm', '@node-rs/jieba', 'wink+chrono', 'jieba-wasm+chrono'];
  if (!skip.includes('python')) expected.push('jieba', 'dateparser');
  for (const t of expected) assert.ok(tools.has(t), `peer ${t} measured`);
  const pair = res.pair.find((p) => p.input === 'zh-sample-cut');
  assert.ok(pair, 'the Chinese pair was measured taking turns');
  assert.ok(pair.tools['ours-wasm'].runs > 0 && pair.tools['jieba-wasm+chrono'].runs > 0, 'both tools of the pair ran');
  assert.equal(pair.ratios['jieba-wasm+chrono'].rounds.length, pair.rounds, 'one ratio per round');
  const winkWords = res.measurements.find((m) => m.tool === 'wink-nlp' && m.task === 'count' && m.input === 'en-2kb');
  assert.ok(winkWords.produced.tokens > 300, 'the peers really processed the text');
  if (!skip.includes('native')) {
    assert.ok(res.native?.ran, 'criterion benches built and ran (test mode)');
    // The first entry is the one-off cost of loading the embedded data (bytes 0); then one per input.
    assert.equal(res.native.memory[0].input, '(first analysis: embedded data loaded)');
    assert.deepEqual(res.native.memory.slice(1).map((m) => m.input), names);
    assert.ok(res.native.memory.every((m) => m.peak_heap_bytes > m.bytes), 'a peak heap was measured for every input');
  }
  if (!skip.includes('browser')) {
    assert.ok(res.browser?.cold.length === 1 && res.browser.edits.length === 2, 'the page was loaded and re-analyzed');
    assert.equal(res.browser.big.length, 2, 'the two 20 KB pastes were analyzed in the page');
    assert.ok(res.browser.assets.some((a) => a.file.endsWith('.wasm') && a.initial && a.gzip > 0), 'the wasm is among the initial assets');
  }
  assert.ok(res.startup?.wasm_bytes > 0, 'wasm start-up measured');
  if (!skip.includes('corpus-summary')) {
    const rows = res.corpus_summary?.inputs ?? [];
    assert.deepEqual(rows.map((r) => r.input), ['en-sample-cut', 'zh-sample-cut'], 'one article summarized natively and in wasm');
    assert.ok(rows.every((r) => r.native_ms > 0 && r.wasm_ms > 0 && r.ratio > 0), 'both sides timed');
  }
  if (!skip.includes('corpus-cli')) {
    assert.ok(res.corpus_cli?.small.files > 0 && res.corpus_cli.large.files > res.corpus_cli.small.files, 'the corpus command ran on two generated corpora');
    assert.ok(res.corpus_cli.peak_rss_kb.large > 0 && res.corpus_cli.median_ms.threads_1 > 0, 'its time and memory were measured');
  }
  for (const heading of ['## Goals', '## Side by side', '## Our stages', '## How close to reading the text once', '## Memory']) {
    assert.ok(md.includes(heading), `results.md has ${heading}`);
  }
  // Kept when an assertion above fails, to be read.
  rmSync(out, { recursive: true, force: true });
});
