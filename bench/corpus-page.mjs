// The page's corpus explorer in Chromium (the launch of tests/browser/harness.mjs, dist/ served on
// 127.0.0.1). Measures, without asserting anything:
//   - zh-pd1998-3000: the People's Daily January 1998 corpus (bench/lib/inputs.mjs realCorpus) cut
//     into 3,000 articles of consecutive lines, each dated by its file name (1998-01-DD);
//   - timeml-256: the 256 TimeBank + AQUAINT documents of the shared evaluation data ($EVAL_DIR,
//     default ../shared/eval), their <TEXT> untagged, each dated by its DCT in its file name;
//   - en-20000: 20,000 generated English articles of ~120 words (the memory row);
// each handed to the page as one .zip: wall time from the file input to every article analyzed
// and stored, and to the trend chart of one term drawn; the peak resident memory of the browser's
// processes (the page, its workers, the GPU and browser processes: summed PSS from /proc) and the
// peak JS heap of the page's main thread (CDP Performance.getMetrics), sampled every 250 ms; and the
// CPU time the browser's processes spent from the file input to every article analyzed (cpuMs).
// Usable alone: node bench/corpus-page.mjs [--smoke] [--only NAME] [--no-one-worker]; run.mjs calls
// corpusPageBench. DIST=dir measures another build of the site (a baseline copy).
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { zipSync, strToU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/harness.mjs';
import { root, dataDir } from './lib/inputs.mjs';

const EVAL_DIR = process.env.EVAL_DIR ?? join(root, '../shared/eval');

/** PD-1998 cut into `n` articles of consecutive lines, dated across January 1998. */
function pdArticles(n) {
  const path = join(dataDir, 'zh-pd1998.txt');
  if (!existsSync(path)) return { skipped: `${path} missing (make bench fetches it: bench/lib/inputs.mjs realCorpus)` };
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  // Articles of the size 3,000 of them have (a smoke run takes fewer, not longer ones).
  const per = Math.max(1, Math.floor(lines.length / 3000));
  const files = {};
  for (let i = 0; i < n; i++) {
    const day = String(1 + Math.floor((i * 31) / n)).padStart(2, '0');
    files[`pd/1998-01-${day}-${String(i).padStart(4, '0')}.txt`] = strToU8(lines.slice(i * per, (i + 1) * per).join('\n'));
  }
  return { files, term: '经济', note: `${lines.length} lines, ${per} per article` };
}

/** The TimeBank + AQUAINT documents: <TEXT> without its tags, the DCT as the file name's date. */
function timemlArticles(limit = Infinity) {
  const files = {};
  for (const set of ['timebank', 'aquaint']) {
    const dir = join(EVAL_DIR, 'data/timeml', set);
    if (!existsSync(dir)) return { skipped: `${dir} missing` };
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tml')).sort().slice(0, limit)) {
      const xml = readFileSync(join(dir, f), 'utf8');
      const dct = /<DCT>.*?value="(\d{4}-\d{2}-\d{2})/s.exec(xml)?.[1] ?? 'undated';
      const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
      const text = body.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim();
      files[`${set}/${dct}-${f.replace(/\.tml$/, '')}.txt`] = strToU8(text);
    }
  }
  return { files, term: 'percent' };
}

/** `n` generated English articles, dated across 2020–2024 by file name. */
function generated(n) {
  const words = ['market', 'reform', 'river', 'school', 'budget', 'council', 'harbour', 'trade', 'energy', 'village', 'court', 'rail'];
  const files = {};
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2020, 0, 1) + (i % 1800) * 86400000).toISOString().slice(0, 10);
    const s = Array.from({ length: 12 }, (_, j) => `The ${words[(i + j) % 12]} plan ${i}-${j} was discussed by the ${words[(i * 7 + j) % 12]} board on Monday.`).join(' ');
    files[`gen/${d}-${i}.txt`] = strToU8(`Article ${i}\n\n${s}`);
  }
  return { files, term: 'reform' };
}

// The summed proportional set size (bytes; shared pages split between the processes sharing them,
// so the sum is not inflated as summed RSS is) of the process `pid` and its descendants.
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  const pss = (p) => {
    try {
      return Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(p), Number(fields[21]) * 4096); // RSS, replaced by PSS below for the tree's processes
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch { /* gone */ }
  }
  let sum = 0;
  const walk = (q) => { sum += pss(q) || (rss.get(q) ?? 0); for (const c of children.get(q) ?? []) walk(c); };
  walk(pid);
  return sum;
}

// The CPU time (ms, user + system, all threads) of the process `pid` and its descendants: on a
// loaded machine a steadier measure of the work done than wall time.
function treeCpuMs(pid) {
  const children = new Map();
  const cpu = new Map();
  const tick = 1000 / 100; // USER_HZ
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(Number(p), (Number(fields[11]) + Number(fields[12])) * tick);
      const ppid = Number(fields[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch { /* gone */ }
  }
  let sum = 0;
  const walk = (q) => { sum += cpu.get(q) ?? 0; for (const c of children.get(q) ?? []) walk(c); };
  walk(pid);
  return sum;
}

function browserPid(userDataDir) {
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes(userDataDir) && !cmd.includes('--type=')) return Number(p);
    } catch { /* gone */ }
  }
  return null;
}

async function runOne(name, input, server, log, workers = null) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ae-corpus-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  try {
    // The baseline: the same corpus with one worker (the page sizes its pool from this number).
    if (workers) await context.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), workers);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pid = browserPid(userDataDir);
    const peak = { rss: 0, heap: 0 };
    const sample = async () => {
      if (pid) peak.rss = Math.max(peak.rss, treeRss(pid));
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
      peak.heap = Math.max(peak.heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
    };
    const baseline = pid ? treeRss(pid) : 0;
    const timer = setInterval(sample, 250);
    await page.click('#corpus-btn');
    await page.waitForSelector('#corpus[open]');
    const zip = Buffer.from(zipSync(input.files, { level: 1 }));
    const n = Object.keys(input.files).length;
    const cpu0 = pid ? treeCpuMs(pid) : 0;
    const pageT0 = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await page.setInputFiles('#corpus-files', [{ name: `${name}.zip`, mimeType: 'application/zip', buffer: zip }]);
    await page.waitForFunction(() => {
      const d = document.getElementById('corpus');
      return d && !d.hasAttribute('data-running') && d.dataset.pending === '0' && Number(d.dataset.articles) > 0;
    }, null, { timeout: 30 * 60 * 1000, polling: 200 });
    const analyzedMs = Date.now() - t0;
    const cpuMs = pid ? Math.round(treeCpuMs(pid) - cpu0) : null;
    await page.click('#corpus-tab-trends');
    await page.fill('#corpus-terms', input.term);
    await page.selectOption('#corpus-unit', 'week');
    await page.click('#corpus-trends-go');
    await page.waitForSelector('#corpus-trend-chart .trend-plot[data-items]', { timeout: 5 * 60 * 1000 }); // set once ECharts has drawn
    const chartedMs = Date.now() - t0;
    clearInterval(timer);
    await sample();
    const info = await page.evaluate(() => ({ articles: Number(document.getElementById('corpus')?.dataset.articles),
      workers: Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)), status: document.getElementById('corpus-status')?.textContent,
      timing: JSON.parse(document.getElementById('corpus')?.dataset.timing ?? '{}') }));
    // The page's own times: from the file input to the intake's start ('at'), and to the run's end.
    if (info.timing.at) Object.assign(info.timing, { at: info.timing.at - pageT0, end: info.timing.end - pageT0 });
    const row = { name, files: n, zipBytes: zip.length, ...info, analyzedMs, chartedMs, trendMs: chartedMs - analyzedMs, cpuMs,
      peakPssMB: Math.round(peak.rss / 1048576), baselinePssMB: Math.round(baseline / 1048576), peakMainHeapMB: Math.round(peak.heap / 1048576), note: input.note };
    log(`corpus page ${name}: ${JSON.stringify(row)}`);
    return row;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The corpus rows: [{name, files, articles, workers, analyzedMs, chartedMs, peakPssMB, …, oneWorker?,
 * speedup?} | {name, skipped}]. One run each (a corpus run is long); for the two timed corpora the
 * same corpus with one worker first, in the same run, as the baseline of the pool's speed-up.
 */
export async function corpusPageBench({ smoke = false, only = null, oneWorker = true, log = console.error } = {}) {
  const scale = smoke ? 0.01 : 1;
  const inputs = [
    ['zh-pd1998-3000', () => pdArticles(Math.round(3000 * scale)), true],
    ['timeml-256', () => timemlArticles(smoke ? 20 : Infinity), true],
    ['en-20000', () => generated(Math.round(20000 * scale)), false],
  ].filter(([n]) => !only || n === only);
  const server = await serve();
  const rows = [];
  try {
    for (const [name, make, baseline] of inputs) {
      const input = make();
      if (input.skipped) {
        rows.push({ name, skipped: input.skipped });
        continue;
      }
      try {
        const one = baseline && oneWorker ? await runOne(name, input, server, log, 1) : null;
        const row = await runOne(name, input, server, log);
        if (one) Object.assign(row, { oneWorker: { analyzedMs: one.analyzedMs, chartedMs: one.chartedMs, peakPssMB: one.peakPssMB }, speedup: one.analyzedMs / row.analyzedMs });
        rows.push(row);
      } catch (e) {
        rows.push({ name, skipped: String(e.message ?? e).slice(0, 300) });
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--only');
  const rows = await corpusPageBench({ smoke: args.includes('--smoke'), only: i >= 0 ? args[i + 1] : null, oneWorker: !args.includes('--no-one-worker') });
  console.log(JSON.stringify(rows, null, 2));
}
