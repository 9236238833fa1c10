// Interleaved A/B of cold first loads of two built sites (fresh profile each, alternating, same
// minutes): median time to the sample's charts drawn, per site. Recorded, not asserted.
// node tests/browser/ab-load.mjs DIR_A DIR_B [N]   e.g. a copy of an older dist/ against dist/
import { serve, openBrowser, waitForState } from './harness.mjs';
const [a, b, n = '8'] = process.argv.slice(2);
const servers = [await serve(a), await serve(b)];
const res = [[], []];
for (let i = 0; i < Number(n) * 2; i++) {
  const which = i % 2;
  const { context, page } = await openBrowser({ intercept: false });
  await page.goto(servers[which].url);
  await waitForState(page, 'ready', 60000);
  await page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0, null, { timeout: 60000 });
  res[which].push(await page.evaluate(() => ({ charts: performance.getEntriesByName('ae:charts-drawn')[0].startTime,
    kw: performance.getEntriesByName('ae:draw-keywords')[0]?.duration, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    recv: performance.getEntriesByName('ae:received')[0]?.startTime })));
  await context.close();
}
const med = (xs) => { const s = [...xs].sort((p, q) => p - q); return s[s.length >> 1]; };
for (const w of [0, 1]) console.log(['A', 'B'][w], ['charts', 'kw', 'dcl', 'recv'].map((k) => `${k} ${Math.round(med(res[w].map((r) => r[k])))}`).join(' '), JSON.stringify(res[w].map((r) => Math.round(r.charts))));
for (const s of servers) await s.close();
