// Measurements of the page in Chromium (recorded, not asserted as timings): first load of dist/
// to the sample's charts drawn, bytes transferred for it (gzip), re-analysis latency of the sample
// after an edit, and a large paste analyzed with progress. The one assertion is the page's
// responsiveness rule: while the sample is re-analyzed after edits, no task blocks the main
// thread for more than 50 ms (PerformanceObserver 'longtask'). Results: target/page-metrics.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { serve, openBrowser, waitForState, waitForAnalysis, analyzedCount, root, dist } from './harness.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;
const BIG_MB = Number(process.env.PAGE_BIG_MB ?? 2); // make measure-page uses 10

test('measure: first load, transfer, re-analysis, long tasks, a large paste', async (t) => {
  const metrics = { date: new Date().toISOString(), loadavg: loadavg().map(r1), cpus: cpus().length, chromium: null };
  const server = await serve();
  const { context, page } = await openBrowser({ intercept: false }); // timings: requests watched, not routed
  try {
    metrics.chromium = context.browser()?.version() ?? null;
    await page.goto(server.url);
    await waitForState(page, 'ready', 60000);
    await page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0);
    const firstLoad = await page.evaluate(() => ({
      chartsDrawn: performance.getEntriesByName('ae:charts-drawn')[0].startTime,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      firstRun: performance.getEntriesByName('ae:run')[0]?.duration,
      longTasks: window.__longtasks.map((t) => Math.round(t.duration)),
    }));
    // Bytes of the first load: every file requested before the charts were drawn, gzip -9.
    // The Service Worker registers when the charts are drawn: its script and precache come after.
    const swAt = server.requests.findIndex((u) => new URL(u, 'http://x').pathname === '/sw.js');
    const loaded = [...new Set((swAt < 0 ? server.requests : server.requests.slice(0, swAt))
      .map((u) => new URL(u, 'http://x').pathname.slice(1) || 'index.html'))];
    const files = [];
    for (const f of loaded) {
      try {
        const bytes = await readFile(join(dist, f));
        files.push({ file: f, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      } catch { /* not a file of dist (favicon probe …) */ }
    }
    metrics.first_load = {
      charts_drawn_ms: r1(firstLoad.chartsDrawn),
      dom_content_loaded_ms: r1(firstLoad.domContentLoaded),
      first_analysis_end_to_end_ms: r1(firstLoad.firstRun ?? NaN),
      long_tasks_ms: firstLoad.longTasks,
      files,
      transfer_gzip_bytes: files.reduce((a, f) => a + f.gzip, 0),
      transfer_raw_bytes: files.reduce((a, f) => a + f.bytes, 0),
    };
    const sizes = JSON.parse(await readFile(join(dist, 'sizes.json'), 'utf8'));
    metrics.initial_gzip_by_build = sizes.initial_gzip;

    // Re-analysis of the sample after an edit: from the analysis request (after the debounce)
    // to the reading pane and every chart redrawn.
    await page.evaluate(() => { window.__longtasks = []; });
    const runs = [];
    const engine = [];
    for (let i = 0; i < 9; i++) {
      const before = await analyzedCount(page);
      await page.focus('#text');
      await page.keyboard.press('End');
      await page.keyboard.type(i % 2 ? 'x' : ' ');
      await waitForAnalysis(page, before);
      const m = await page.evaluate(() => {
        const all = performance.getEntriesByName('ae:run');
        return { run: all[all.length - 1].duration, msg: document.getElementById('message').textContent };
      });
      runs.push(m.run);
      engine.push(Number(/in ([\d.]+) ms/.exec(m.msg)?.[1]));
    }
    const editLong = await page.evaluate(() => window.__longtasks.map((t) => Math.round(t.duration)));
    metrics.reanalysis = {
      runs: runs.length,
      end_to_end_median_ms: r1(median(runs.slice(1))),
      end_to_end_max_ms: r1(Math.max(...runs.slice(1))),
      engine_median_ms: r1(median(engine.slice(1))),
      long_tasks_ms: editLong,
    };

    // A large paste: English built from the sample, analyzed with progress.
    const sample = await readFile(join(root, 'samples/en-peoples-daily-2025-11-05.txt'), 'utf8');
    const big = sample.repeat(Math.ceil((BIG_MB * 1024 * 1024) / sample.length)).slice(0, BIG_MB * 1024 * 1024);
    await page.evaluate(() => {
      window.__longtasks = [];
      window.__progress = [];
      new MutationObserver(() => window.__progress.push(document.getElementById('progress').value))
        .observe(document.getElementById('progress'), { attributes: true });
      setInterval(() => window.__progress.push(Number(document.getElementById('progress').value)), 50);
    });
    const before = await analyzedCount(page);
    const t0 = Date.now();
    // Pasted (the page keeps a big text out of the text box, whose layout alone would freeze it);
    // the text reaches the page first, as the clipboard would hold it.
    await page.evaluate((text) => { window.__clip = text; }, big);
    await page.evaluate(() => {
      window.__longtasks = [];
      window.__t0 = performance.now();
      const ta = document.getElementById('text');
      ta.focus();
      ta.select();
      const dt = new DataTransfer();
      dt.setData('text/plain', window.__clip);
      window.__clip = null;
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitForAnalysis(page, before, 180000);
    const bigRes = await page.evaluate(() => {
      const all = performance.getEntriesByName('ae:run');
      return {
        run: all[all.length - 1].duration,
        msg: document.getElementById('message').textContent,
        progressSeen: [...new Set(window.__progress.filter((x) => x > 0 && x < 1).map((x) => Math.round(x * 100)))].length,
        longTasks: window.__longtasks.map((t) => Math.round(t.duration)),
      };
    });
    metrics.large_paste = {
      megabytes: BIG_MB,
      wall_ms: Date.now() - t0,
      end_to_end_ms: r1(bigRes.run),
      engine_ms: Number(/in ([\d.]+) ms/.exec(bigRes.msg)?.[1]),
      progress_steps_seen: bigRes.progressSeen,
      long_tasks_count: bigRes.longTasks.length,
      long_tasks_max_ms: bigRes.longTasks.length ? Math.max(...bigRes.longTasks) : 0,
      long_tasks_over_50_ms: bigRes.longTasks.filter((d) => d > 50).length,
    };
    await mkdir(join(root, 'target'), { recursive: true });
    await writeFile(join(root, 'target/page-metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    console.log(JSON.stringify(metrics, null, 2));
    // On a machine busy with other work (load above its core count) task times stretch several
    // fold: the run is flagged noisy in the results and the 50 ms rule is not judged on it.
    metrics.noisy = loadavg()[0] > cpus().length;
    await writeFile(join(root, 'target/page-metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    if (metrics.noisy) {
      t.diagnostic(`noisy run (load ${metrics.loadavg[0]} on ${metrics.cpus} cores): long tasks while re-analyzing ${JSON.stringify(editLong)}`);
      t.skip('machine overloaded: timings recorded, not judged');
      return;
    }
    assert.deepEqual(editLong.filter((d) => d > 50), [], 'no long task over 50 ms while re-analyzing the sample');
  } finally {
    await context.close();
    await server.close();
  }
});
