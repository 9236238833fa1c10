// The page in Chromium (playwright-core + /usr/bin/chromium, the launch of tests/browser/harness.mjs),
// against dist/ served on 127.0.0.1. Measures, without asserting anything:
//   - first load to charts drawn: navigation start → the page's first finished analysis
//     (body[data-analyzed] set after the charts are drawn), in fresh browser profiles (cold) and on reload;
//   - re-analysis latency after an edit of the sample: input event → analysis drawn (this includes the
//     page's deliberate 300 ms typing debounce), and the page's own `ae:run` measure (analysis + drawing);
//   - long tasks (PerformanceObserver 'longtask') on the main thread during a 10 MB paste and analysis;
//   - the transfer size of every asset of the first load, raw and gzip, and of every file in dist/.
// Usable alone: node bench/browser.mjs [--smoke]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, openBrowser, dist } from '../tests/browser/harness.mjs';
import { median, cv } from './lib/stats.mjs';

const OBSERVE = () => {
  window.__bench = { analyzedAt: [], longtasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => new MutationObserver(() => {
    const n = Number(document.body.dataset.analyzed ?? 0);
    if (n > window.__bench.analyzedAt.length) window.__bench.analyzedAt.push(performance.now());
  }).observe(document.body, { attributes: true, attributeFilter: ['data-analyzed'] });
  if (document.body) watch();
  else document.addEventListener('DOMContentLoaded', watch);
};

async function fresh(collect) {
  // Requests watched, not routed: routing slows every request and turns off the HTTP cache.
  const b = await openBrowser({ intercept: false });
  await b.context.addInitScript(OBSERVE);
  const responses = [];
  if (collect) b.page.on('response', async (r) => { try { responses.push({ url: r.url(), body: await r.body() }); } catch { /* redirects */ } });
  return { ...b, responses };
}

async function firstAnalysis(page, timeout = 60000) {
  await page.waitForFunction(() => window.__bench?.analyzedAt.length > 0, null, { timeout });
  return page.evaluate(() => window.__bench.analyzedAt[0]);
}

async function paste(page, text, timeout) {
  const before = await page.evaluate(() => window.__bench.analyzedAt.length);
  const t0 = await page.evaluate((t) => {
    const ta = document.getElementById('text');
    const start = performance.now();
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return start;
  }, text);
  await page.waitForFunction((b) => window.__bench.analyzedAt.length > b && document.body.dataset.state === 'ready', before, { timeout });
  return page.evaluate(({ b, start }) => {
    const done = window.__bench.analyzedAt[b];
    const run = performance.getEntriesByName('ae:run').at(-1);
    const tasks = window.__bench.longtasks.filter((x) => x.start >= start - 1 && x.start <= done);
    return { inputToDrawn: done - start, run: run ? run.duration : null, start, done, longtasks: tasks };
  }, { b: before, start: t0 });
}

export async function browserBench({ smoke = false, inputs = [], log = console.error } = {}) {
  const server = await serve(dist);
  const out = { summary: [], cold: [], warm: [], edits: [], big: [], assets: [] };
  try {
    // cold first loads, each in a fresh profile (empty cache)
    const coldRuns = smoke ? 1 : 3;
    let loaded = [];
    for (let i = 0; i < coldRuns; i++) {
      const b = await fresh(i === 0);
      try {
        await b.page.goto(server.url);
        out.cold.push(await firstAnalysis(b.page));
        if (i > 0) continue;
        loaded = [...b.responses];
        // warm: reloads in the same profile (HTTP cache and compiled wasm may be reused)
        for (let j = 0; j < (smoke ? 1 : 5); j++) {
          await b.page.reload();
          out.warm.push(await firstAnalysis(b.page));
        }
        // re-analysis after an edit of the sample (one word appended, as typing would)
        const sample = await b.page.inputValue('#text');
        for (let j = 0; j < (smoke ? 2 : 8); j++) out.edits.push(await paste(b.page, `${sample} edit${j}`, 30000));
        // a 10 MB paste: long tasks on the main thread while it is analyzed
        const bigInputs = inputs.filter((x) => (smoke ? /20kb$/.test(x.name) : /10mb$/.test(x.name)));
        for (const input of bigInputs) {
          const text = readFileSync(input.path, 'utf8');
          const r = await paste(b.page, text, 180000);
          const lt = r.longtasks;
          const max = lt.length ? Math.max(...lt.map((x) => x.duration)) : 0;
          out.big.push({ input: input.name, bytes: input.bytes, inputToDrawn: r.inputToDrawn, run: r.run,
            longtasks: lt.length, longtaskMax: max, longtaskTotal: lt.reduce((a, x) => a + x.duration, 0), tasks: lt });
          log(`browser: ${input.name} pasted and drawn in ${(r.inputToDrawn / 1000).toFixed(2)} s, ${lt.length} long tasks (max ${max.toFixed(0)} ms)`);
          await paste(b.page, sample, 60000); // back to something small
        }
      } finally {
        await b.context.close();
      }
    }
    // assets: what the first load fetched, and everything in dist/
    const initial = new Map();
    for (const r of loaded) {
      const u = new URL(r.url);
      if (u.protocol !== 'http:') continue;
      const file = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'index.html';
      initial.set(file, r.body);
    }
    const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile() && !f.endsWith('.map'));
    for (const f of files.sort()) {
      const body = readFileSync(join(dist, f));
      out.assets.push({ file: f, initial: initial.has(f), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    for (const [f, body] of initial) if (!files.includes(f)) out.assets.push({ file: f, initial: true, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    const init = out.assets.filter((a) => a.initial);
    out.initial_raw = init.reduce((a, x) => a + x.raw, 0);
    out.initial_gzip = init.reduce((a, x) => a + x.gzip, 0);

    const f = (x) => (x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
    const kb = (x) => `${(x / 1024).toFixed(0)} KB`;
    const runs = out.edits.map((e) => e.run).filter((x) => x != null);
    out.first_load_cold_ms = median(out.cold);
    out.first_load_warm_ms = median(out.warm);
    out.edit_input_to_drawn_ms = median(out.edits.map((e) => e.inputToDrawn));
    out.edit_run_ms = median(runs);
    out.summary.push(`First load of dist/ to the sample's charts drawn (navigation start → first analysis drawn): fresh profile median **${f(out.first_load_cold_ms)}** (${out.cold.length} runs: ${out.cold.map(f).join(', ')}); reload median ${f(out.first_load_warm_ms)} (${out.warm.length} runs, CV ${(cv(out.warm) * 100).toFixed(0)}%). Goal < 1 s.`);
    out.summary.push(`Re-analysis of the sample after an edit: input event → charts drawn median **${f(out.edit_input_to_drawn_ms)}** (includes the page's 300 ms typing debounce); the page's own analysis + drawing (\`ae:run\`) median **${f(out.edit_run_ms)}** over ${runs.length} edits. Goal < 50 ms end to end.`);
    for (const b of out.big) out.summary.push(`${b.input} pasted: input → drawn ${f(b.inputToDrawn)} (analysis + drawing ${f(b.run)}); ${b.longtasks} long tasks (> 50 ms) on the main thread, longest ${f(b.longtaskMax)}, ${f(b.longtaskTotal)} in all (setting the textarea's value to the pasted text is one of them).`);
    out.summary.push(`Initial transfer (every response of the first load): ${kb(out.initial_raw)} raw, **${kb(out.initial_gzip)} gzip** (gzip -9 of each body; the test server sends them uncompressed). Goal < 400 KB gzip.`);
    return out;
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { makeInputs } = await import('./lib/inputs.mjs');
  const smoke = process.argv.includes('--smoke');
  const r = await browserBench({ smoke, inputs: makeInputs({ smoke, corpus: false }) });
  console.log(r.summary.join('\n'));
}
