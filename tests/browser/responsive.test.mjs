// A 10 MB paste is analyzed with progress and the page stays responsive throughout: the UI never
// blocks for more than 50 ms (long tasks, from a PerformanceObserver).
// A 10 MB English text (the sample repeated) is pasted into the editor; from the paste to the
// reading pane and every chart drawn, the page records every long task ('longtask' entries) and,
// while the worker is busy, the test presses a key every 250 ms and reads how long each key event
// waited for the main thread (Event Timing entries) — the long-task API does not see everything
// (a 10 MB text area's layout freezes the page for 5–9 s while reporting a single 0.2 s task).
// On a quiet machine (load average under 1.5) the 50 ms bound is asserted for every task of the
// page except the one that runs the paste event (Chromium reading the clipboard: 100-300 ms that
// no page can split, recorded as paste_task_ms). Otherwise the bound asserted is 200 ms: the test
// machine may share its cores with other builds, and task times stretch several fold under load
// (at load 2–4 the page's own tasks stay under ~50 ms and the paste's is 100–140 ms). When the
// machine is busy (load average above its core count, the rule of measure.test.mjs) the 200 ms
// bound is reported, not judged, and only a coarse bound is asserted: 100 ms per unit of load, at
// least 500 ms (a thread waiting for a core stretches a task; a page that does its work in one
// task has tasks of 1–2 s even on a quiet machine). The measured numbers are printed and written
// to target/page-responsive.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { serve, openBrowser, waitForState, waitForAnalysis, analyzedCount, problemsOf, root } from './harness.mjs';

const MB = Number(process.env.PAGE_BIG_MB ?? 10);
const LONG_TASK_BOUND_MS = 200;
const INPUT_DELAY_BOUND_MS = 300;
const overloadedBound = (load) => Math.max(500, Math.round(100 * load));
// Below this load average the machine counts as quiet and the 50 ms bound is asserted for every
// task of the page except the paste's own (Chromium's clipboard read of the 10 MB, one task no
// page can split).
const QUIET_LOAD = 1.5;

test(`a ${MB} MB paste: progress, complete results, no long task over ${LONG_TASK_BOUND_MS} ms`, async (t) => {
  const server = await serve();
  const { context, page, problems } = await openBrowser();
  try {
    await page.goto(server.url);
    await waitForState(page, 'ready', 60000);
    await page.waitForFunction(() => performance.getEntriesByName('ae:charts-drawn').length > 0);
    const sample = await readFile(join(root, 'samples/en-peoples-daily-2025-11-05.txt'), 'utf8');
    const big = sample.repeat(Math.ceil((MB * 1024 * 1024) / sample.length)).slice(0, MB * 1024 * 1024);
    // The text goes to the system clipboard first; the measurement starts at Ctrl+V.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.evaluate((t) => navigator.clipboard.writeText(t), big);
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__longtasks = [];
      window.__pasteAt = null; // when the paste event ran: the task holding it is Chromium's clipboard read
      document.addEventListener('paste', () => { window.__pasteAt ??= performance.now(); }, true);
      window.__inputs = [];
      window.__progress = new Set();
      window.__cancelSeen = false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name === 'keydown' || e.name === 'keyup') window.__inputs.push(Math.round(e.processingStart - e.startTime));
        }
      }).observe({ type: 'event', durationThreshold: 16 });
      const progress = document.getElementById('progress');
      new MutationObserver(() => {
        window.__progress.add(Math.round(progress.value * 100));
        if (!document.getElementById('cancel').hidden) window.__cancelSeen = true;
      }).observe(progress, { attributes: true });
    });
    const before = await analyzedCount(page);
    const t0 = Date.now();
    // A real paste (Ctrl+A, Ctrl+V in the text box): the text replaces all of it.
    await page.focus('#text');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    // Keys pressed while the analysis runs (on the focused big-text panel: they do nothing).
    let presses = 0;
    const done = waitForAnalysis(page, before, 240000).then(() => true);
    let finished = false;
    done.then(() => { finished = true; }, () => { finished = true; });
    while (!finished) {
      await page.keyboard.press('Shift');
      presses++;
      await Promise.race([done, new Promise((r) => setTimeout(r, 250))]);
    }
    await done;
    await page.waitForTimeout(500); // what the last redraw leaves for the next frame is measured too
    const r = await page.evaluate(() => ({
      longTasks: window.__longtasks.map((t) => Math.round(t.duration)),
      // The task that ran the paste event (Chromium reading 10 MB from the clipboard) and the others.
      pasteTask: window.__longtasks.filter((t) => window.__pasteAt !== null && t.start <= window.__pasteAt && window.__pasteAt <= t.start + t.duration).map((t) => Math.round(t.duration)),
      pageTasks: window.__longtasks.filter((t) => !(window.__pasteAt !== null && t.start <= window.__pasteAt && window.__pasteAt <= t.start + t.duration)).map((t) => Math.round(t.duration)),
      inputs: window.__inputs,
      progress: [...window.__progress].filter((x) => x > 0 && x < 100).length,
      cancelSeen: window.__cancelSeen,
      textBox: document.getElementById('text').value.length,
      textBoxHidden: document.getElementById('text').hidden,
      note: document.getElementById('big-note')?.textContent ?? '',
      characters: document.querySelector('[data-stat="characters"]').textContent,
      paragraphsShown: document.querySelectorAll('#reading .para').length,
      outline: document.querySelectorAll('#outline-list li').length,
      timelineRows: Number(document.querySelector('#box-timeline .table-view')?.dataset.rows ?? NaN),
      notes: [...document.querySelectorAll('.chart-note:not([hidden])')].map((n) => n.textContent),
      stale: document.body.dataset.stale,
      msg: document.getElementById('message').textContent,
    }));
    const wall = Date.now() - t0;
    // Every chart as a table ('v'): capped views (rows and columns), the full count in data-rows.
    await page.evaluate(() => { window.__longtasks = []; document.activeElement?.blur(); });
    await page.keyboard.press('v');
    await page.waitForFunction(() => [...document.querySelectorAll('.chart-box')].every((b) => b.dataset.table === 'on'));
    await page.waitForTimeout(300);
    const tables = await page.evaluate(() => ({
      longTasks: window.__longtasks.map((t) => Math.round(t.duration)),
      dispersion: document.querySelector('#box-dispersion .table-view').textContent,
      timelineRows: Number(document.querySelector('#box-timeline .table-view').dataset.rows),
      timelineShown: document.querySelectorAll('#box-timeline .table-view tbody tr').length,
    }));
    await page.keyboard.press('v');
    // The whole report reached the page (nothing trimmed): the JSON download is complete.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
    const report = JSON.parse(await readFile(await dl.path(), 'utf8'));
    const metrics = {
      date: new Date().toISOString(), loadavg: loadavg().map((x) => Math.round(x * 10) / 10), megabytes: MB, wall_ms: wall,
      engine_ms: Number(/in ([\d.]+) ms/.exec(r.msg)?.[1]),
      long_tasks_count: r.longTasks.length, long_tasks_max_ms: Math.max(0, ...r.longTasks), long_tasks_ms: r.longTasks,
      paste_task_ms: r.pasteTask, page_long_tasks_ms: r.pageTasks,
      key_presses: presses, tables_long_tasks_ms: tables.longTasks, input_delay_max_ms: Math.max(0, ...r.inputs), slow_inputs_ms: r.inputs, progress_steps_seen: r.progress,
    };
    // Judged on the load during the run and at its end.
    const load = Math.min(metrics.loadavg[0], loadavg()[0]);
    const overloaded = load > cpus().length;
    const quiet = Math.max(metrics.loadavg[0], loadavg()[0]) < QUIET_LOAD;
    metrics.quiet = quiet;
    const OVERLOADED_BOUND_MS = overloadedBound(Math.max(metrics.loadavg[0], loadavg()[0]));
    metrics.overloaded = overloaded;
    await mkdir(join(root, 'target'), { recursive: true });
    await writeFile(join(root, 'target/page-responsive.json'), JSON.stringify(metrics, null, 2) + '\n');
    console.log(JSON.stringify(metrics));

    assert.equal(r.textBox, 0, 'the big text stays out of the text box');
    assert.ok(r.textBoxHidden, 'the big-text panel replaces the text box');
    assert.match(r.note, /10\.\d MB/);
    assert.match(r.note, /10,485,760 characters/);
    assert.equal(r.characters, (MB * 1024 * 1024).toLocaleString('en'));
    assert.ok(r.progress >= 2, `the progress bar moved (${r.progress} steps seen)`);
    assert.ok(r.cancelSeen, 'Cancel was offered while it ran');
    assert.ok(r.paragraphsShown > 50 && r.paragraphsShown < report.paragraphs.length, 'the reading pane shows a window of the text');
    assert.ok(r.outline <= 202, `the outline holds a page of sections (${r.outline})`);
    assert.equal(r.stale, 'false');
    assert.equal(report.trimmed, undefined, 'nothing trimmed');
    assert.equal(report.sentences.length, report.stats.sentences);
    assert.ok(report.keywords.some((k) => k.dispersion?.paragraphs?.length > 0), 'per-paragraph counts arrived');
    assert.ok(report.timeline.length > 1500, 'a big timeline');
    assert.ok(r.notes.some((n) => /1,000 of the [\d,]+ dated expressions/.test(n)), `the timeline says what it draws: ${r.notes}`);
    assert.ok(presses >= 3, `keys pressed during the analysis: ${presses}`);
    assert.match(tables.dispersion, /Showing the first 40 of [\d,]+ columns/);
    assert.equal(tables.timelineRows, report.timeline.length, 'the timeline table has every date');
    assert.equal(tables.timelineShown, 100, 'a page of rows');
    assert.ok(Math.max(0, ...tables.longTasks) < (overloaded ? OVERLOADED_BOUND_MS : LONG_TASK_BOUND_MS),
      `tables shown without a long freeze: ${tables.longTasks}`);
    // On a quiet machine, the 50 ms bound itself: no task of the page over 50 ms (the long-task API
    // reports only those), the paste's clipboard read aside.
    if (quiet) assert.deepEqual(tables.longTasks, [], `tables shown without a task over 50 ms (load ${metrics.loadavg[0]})`);
    // Paging through a table keeps the focus on the button pressed.
    await page.keyboard.press('v');
    await page.click('#box-timeline [data-nav="next"]');
    assert.match(await page.textContent('#box-timeline .table-nav'), /Rows 101–200 of [\d,]+/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.nav), 'next');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('#box-timeline .table-nav'), /Rows 201–300 of/);
    await page.keyboard.press('v');
    if (overloaded) {
      t.diagnostic(`overloaded machine (load ${metrics.loadavg[0]} on ${cpus().length} cores): the ${LONG_TASK_BOUND_MS} ms bound is not judged; longest task ${metrics.long_tasks_max_ms} ms`);
      assert.deepEqual(r.longTasks.filter((d) => d >= OVERLOADED_BOUND_MS), [], `no long task of ${OVERLOADED_BOUND_MS} ms or more even so`);
    } else {
      assert.deepEqual(r.longTasks.filter((d) => d >= LONG_TASK_BOUND_MS), [], `no long task of ${LONG_TASK_BOUND_MS} ms or more`);
      if (quiet) assert.deepEqual(r.pageTasks, [], `quiet machine (load ${metrics.loadavg[0]}): no task of the page over 50 ms besides the paste's clipboard read (${r.pasteTask} ms)`);
      assert.ok(metrics.input_delay_max_ms < INPUT_DELAY_BOUND_MS, `key events waited at most ${metrics.input_delay_max_ms} ms`);
    }
    assert.deepEqual(await problemsOf(page, problems), { csp: [], console: [], pageErrors: [], foreign: [] });
  } finally {
    await context.close();
    await server.close();
  }
});
