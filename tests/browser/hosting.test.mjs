// Hosting: dist/ served from a sub-path works (every URL relative), a Service Worker keeps it
// working offline after the first visit, nothing is requested outside the sub-path, and the
// colours meet WCAG AA contrast in the light and the dark theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, openBrowser, waitForState, pasteText, problemsOf, screenshots } from './harness.mjs';

test('works from a sub-path, then offline after the first visit', async () => {
  const server = await serve(undefined, '/some/sub/path/');
  const { context, page, problems } = await openBrowser();
  try {
    await page.goto(server.url);
    await waitForState(page, 'ready');
    assert.ok(Number(await page.getAttribute('#keyword-chart', 'data-items')) > 0);
    // The Service Worker takes control and has the site cached. (It registers once the charts are
    // drawn; `ready` resolves once it is installed — its precache complete — and active.)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    assert.ok(await page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('article-explorer-'))), 'the site is cached');
    assert.ok(server.requests.every((u) => u.startsWith('/some/sub/path/')), `only the sub-path was requested: ${server.requests.filter((u) => !u.startsWith('/some/sub/path/'))}`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(new URL(scope).pathname, '/some/sub/path/');

    await context.setOffline(true);
    await page.reload();
    await waitForState(page, 'ready');
    assert.ok(Number(await page.getAttribute('#keyword-chart', 'data-items')) > 0, 'charts drawn offline');
    // The lazy chunks come from the Service Worker's cache: the tooltip on the first hover.
    const bar = await page.evaluate(() => window.articleExplorer.keywordBar(0));
    await page.mouse.move(bar.x, bar.y);
    await page.waitForFunction((term) => [...document.querySelectorAll('#keyword-chart .chart-tip')]
      .some((t) => t.offsetParent !== null && t.textContent.includes(term)), bar.term, { timeout: 5000 });
    // … and the Chinese interface strings when the interface switches (back to English after).
    await page.selectOption('#ui-lang', 'zh');
    await page.waitForFunction(() => document.getElementById('input-heading').textContent === '文章', null, { timeout: 5000 });
    await page.selectOption('#ui-lang', 'en');
    await pasteText(page, 'Offline note\nWritten on 2 March 2024 without a network.\n');
    assert.equal(await page.$$eval('#reading mark.date', (ms) => ms.length) > 0, true, 'analysis runs offline');
    await page.screenshot({ path: join(screenshots, 'page-offline.png') });
    await context.setOffline(false);
    assert.deepEqual(await problemsOf(page, problems), { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await context.close();
    await server.close();
  }
});

// WCAG 2.x contrast of the text colours the page uses, on the surfaces they appear on.
function contrastPairs() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    const [r, g, b] = m[1].split(',').map((x) => parseFloat(x));
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [parse(a), parse(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const css = getComputedStyle(document.documentElement);
  const v = (name) => {
    const probe = document.createElement('span');
    probe.className = 'contrast-probe';
    document.body.append(probe);
    probe.style.color = css.getPropertyValue(name);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  };
  const pairs = [
    ['--fg', '--bg'], ['--fg', '--panel'], ['--muted', '--bg'], ['--muted', '--panel'], ['--link', '--panel'], ['--link', '--bg'],
    ['--accent', '--bg'], ['--accent', '--panel'], ['--fg', '--btn'], ['--panel', '--link'],
    ['--fg', '--mark-date'], ['--fg', '--mark-rel'], ['--fg', '--mark-dom'], ['--fg', '--mark-key'],
  ];
  return pairs.map(([f, b]) => ({ pair: `${f} on ${b}`, ratio: Math.round(ratio(v(f), v(b)) * 100) / 100 }));
}

for (const scheme of ['light', 'dark']) {
  test(`AA contrast in the ${scheme} theme`, async () => {
    const server = await serve();
    const { context, page, problems } = await openBrowser({ colorScheme: scheme });
    try {
      await page.goto(server.url);
      await waitForState(page, 'ready');
      const pairs = await page.evaluate(contrastPairs);
      const bad = pairs.filter((p) => p.ratio < 4.5);
      assert.deepEqual(bad, [], `pairs below 4.5:1 — ${JSON.stringify(bad)}`);
      await page.screenshot({ path: join(screenshots, `page-${scheme}.png`) });
      assert.deepEqual(await problemsOf(page, problems), { csp: [], console: [], pageErrors: [], foreign: [] });
    } finally {
      await context.close();
      await server.close();
    }
  });
}
