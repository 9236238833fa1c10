// First load of dist/ to the sample's charts drawn, in Chromium, N cold visits (a fresh profile
// each) and N reloads: medians, recorded not asserted. node tests/browser/first-load.mjs [N]
import { loadavg } from 'node:os';
import { serve, openBrowser, waitForState } from './harness.mjs';

const N = Number(process.argv[2] ?? 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const server = await serve();
const drawn = async (page) => {
  await waitForState(page, 'ready', 60000);
  await page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0, null, { timeout: 60000 });
  return page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
    const res = (f) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(f));
    return {
      charts: performance.getEntriesByName('ae:charts-drawn')[0].startTime,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      run: performance.getEntriesByName('ae:run')[0]?.duration,
      received: at('ae:received'),
      engineReady: window.__engineReady ?? NaN,
      requested: performance.getEntriesByName('ae:run')[0]?.startTime,
    };
  });
};
const cold = [], warm = [];
for (let i = 0; i < N; i++) {
  const { context, page } = await openBrowser({ intercept: process.env.INTERCEPT === '1' });
  // When the engine said it was ready (body[data-engine]), on the page's clock.
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.dataset.engine === 'ready' && !window.__engineReady) window.__engineReady = performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-engine'] });
  });
  // EARLY=0: a stored hint of null turns off boot.js's early analysis (www/features/analysis/start-hint.js), to
  // measure what it gains in the same conditions.
  if (process.env.EARLY === '0') await context.addInitScript(() => localStorage.setItem('ae:start', 'null'));
  await page.goto(server.url);
  cold.push(await drawn(page));
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.reload();
  warm.push(await drawn(page));
  await context.close();
}
await server.close();
const r = (x) => Math.round(x);
const sum = (xs) => Object.fromEntries(Object.keys(xs[0]).map((k) => [k, r(median(xs.map((x) => x[k])))]));
console.log(JSON.stringify({ loadavg: loadavg().map((x) => x.toFixed(2)), n: N, cold: sum(cold), reload: sum(warm), coldCharts: cold.map((x) => r(x.charts)), reloadCharts: warm.map((x) => r(x.charts)) }));
