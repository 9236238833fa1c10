// The automation hook for the browser tests and for scripting the page (window.articleExplorer):
// where a chart item is drawn, what the engine offers, the failure drills.
import { state } from './state.js';
import { $ } from './dom.js';
import { ui } from './elements.js';
import { bridge } from './features/analysis/worker-bridge.js';
import { editorText } from './features/input/editor.js';
import { warningText } from './features/reading/warnings.js';
import { pixelOf, liveChart, drawnItems } from './features/charts/charts.js';

/** Installs window.articleExplorer (the corpus chunk adds trendPoint(row, term) when it draws its trends chart). */
export function installAutomation() {
  /** @type {any} */ (window).articleExplorer = {
    /** Where the timeline draws dated event `index` (page coordinates), and its sentence. */
    timelinePoint(/** @type {number} */ index) {
      const cd = state.chartData.get(ui.timelineChart);
      const e = cd?.data.entries[index];
      if (!e) return null;
      ui.timelineChart.scrollIntoView({ block: 'center' });
      const series = ['explicit', 'relative', 'domain'].indexOf(e.kind);
      const ms = Date.parse(`${e.start}T00:00:00Z`);
      const p = pixelOf(ui.timelineChart, series, [ms, e.sentence + 1]);
      if (!p) return null;
      const r = ui.timelineChart.getBoundingClientRect();
      return { x: r.left + p[0] + (e.start === e.end ? 0 : 2), y: r.top + p[1], sentence: e.sentence };
    },
    /** Where the keyword chart draws bar `index` (page coordinates), and its term. */
    keywordBar(/** @type {number} */ index) {
      const cd = state.chartData.get(ui.keywordChart);
      const top = cd?.data.items.slice(0, 20);
      const k = top?.[index];
      if (!cd || !k) return null;
      ui.keywordChart.scrollIntoView({ block: 'center' });
      const value = cd.data.view === 'distinctive' ? k.score : k.count;
      const p = pixelOf(ui.keywordChart, 0, [value / 2, top.length - 1 - index]);
      const r = ui.keywordChart.getBoundingClientRect();
      return p && { x: r.left + p[0], y: r.top + p[1], term: k.term };
    },
    features: () => ({ ...bridge.features }),
    /** The last report (the timeline tests compare the chronological view with it). */
    report: () => state.report,
    /** Whether the first report came from the analysis boot.js asked for before the page loaded. */
    answeredEarly: () => bridge.answeredEarly,
    /** The text being analyzed (a big text is held outside the text box). */
    editorText: () => editorText(),
    /** The sentences the warnings list shows for `warnings` (a report's, of any contract version). */
    warningTexts: (/** @type {import('./types/report').Warning[]} */ warnings) => warnings.map(warningText),
    // Failure drills: the worker's silence limit ({baseMs, perMbMs}), and a worker that dies silently.
    setWatchdog: (/** @type {{baseMs?: number, perMbMs?: number}} */ w) => Object.assign(bridge.watchdog, w),
    drillSilentDeath: () => bridge.drillSilentDeath(),
    chartKind: (/** @type {string} */ id) => liveChart($(id))?.kind ?? null,
    /** How many items the chart in element `id` draws now (a series hidden by its legend draws none). */
    drawnItems: (/** @type {string} */ id) => drawnItems($(id)),
  };
}
