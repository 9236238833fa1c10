// A chart's box on the page: the chart drawn (charts.js) from its data, the note that says what
// the drawing leaves out, its label for screen readers, and its toolbar (table view and
// downloads, in chart-tools.js, in the lazy chunk).
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { t, uiLang } from '../../i18n.js';
import { lazy, loaded } from '../../lazy.js';
import { draw, isDark } from './charts.js';

const ARIA = { keywords: 'chart.aria.keywords', dispersion: 'chart.aria.dispersion', timeline: 'chart.aria.timeline',
  sections: 'chart.aria.sections', keyness: 'chart.aria.keyness' };

/** A cheap identity of a chart's data, so an edit that leaves a chart unchanged does not redraw it. */
function signature(/** @type {string} */ kind, /** @type {any} */ data) {
  const size = kind === 'dispersion' ? data.terms.reduce((/** @type {number} */ a, /** @type {any} */ k) => a + k.occurrences.length, 0)
    : kind === 'timeline' ? data.entries.length : 0;
  if (size > 20000) return null;
  // What the dispersion chart draws: the terms' ticks and the section bands, positions to 0.1 %
  // of the text (its D values only appear in the table, which always gets the new data).
  let drawn = data;
  if (kind === 'dispersion') {
    drawn = { len: Math.round(Math.log(Math.max(1, data.length)) * 1000), sections: data.sections.map((/** @type {any} */ x) => [x.start, x.title]),
      terms: data.terms.map((/** @type {any} */ k) => [k.term, k.occurrences.map((/** @type {any} */ o) => o.start)]) };
  } else if (kind === 'keywords') {
    drawn = { view: data.view, items: data.items.slice(0, 20).map((/** @type {any} */ k) => [k.term, k.count, k.score, k.variants]) };
  }
  return `${kind}|${uiLang()}|${isDark()}|${JSON.stringify(drawn)}`;
}

/**
 * Draws `shown` (the data or a lighter version of it) in the chart `elem` of kind `kind`, and keeps
 * `data` for the table and the exports; `note` says what the drawing leaves out; `onPick` is
 * called with the item clicked.
 * @param {HTMLElement} elem
 * @param {keyof typeof ARIA} kind
 * @param {any} data
 * @param {((item: any) => void) | null} onPick
 * @param {any} [shown]
 * @param {string} [note]
 */
export function drawChart(elem, kind, data, onPick, shown = data, note = '') {
  const sig = signature(kind, shown);
  const same = sig !== null && state.chartData.get(elem)?.sig === sig;
  state.chartData.set(elem, { kind, data, onPick, sig });
  if (!same) draw(elem, kind, shown, onPick);
  let noteEl = /** @type {HTMLElement | null} */ (elem.parentElement?.querySelector(':scope > .chart-note'));
  if (note && !noteEl) {
    noteEl = elt('p', { class: 'chart-note small muted' });
    elem.after(noteEl);
  }
  if (noteEl) {
    noteEl.textContent = note;
    noteEl.hidden = !note;
  }
  const n = kind === 'timeline' ? data.entries.length : 0;
  elem.setAttribute('aria-label', t(ARIA[kind], { n, view: t(`keywords.${state.kwView === 'word' ? 'words' : state.kwView === 'phrase' ? 'phrases' : 'distinctive'}`) }));
  const box = /** @type {HTMLElement | null} */ (elem.closest('.chart-box'));
  // A table view is on only once the lazy chunk is loaded (the table button loads it).
  if (box?.dataset.table === 'on') loaded()?.fillTable(box);
}

/** The chart's name as its box's caption shows it. */
export const chartName = (/** @type {HTMLElement} */ box) => box.querySelector('figcaption span')?.textContent ?? box.dataset.chart ?? '';

/** Fills every chart box's toolbar (again, in the current language): Table, PNG, SVG, CSV, JSON. */
export function buildToolbars() {
  document.querySelectorAll('.chart-box').forEach((node) => {
    const box = /** @type {HTMLElement} */ (node);
    const bar = /** @type {HTMLElement} */ (box.querySelector('.chart-tools'));
    const name = chartName(box);
    const table = elt('button', { type: 'button', dataset: { tool: 'table' }, 'aria-pressed': box.dataset.table === 'on' ? 'true' : 'false',
      textContent: t('tools.table'), 'aria-label': t('tools.tableAria', { chart: name }), onclick: () => lazy('setTableMode', box, box.dataset.table !== 'on') });
    const dl = ['png', 'svg', 'csv', 'json'].map((f) => elt('button', { type: 'button', dataset: { tool: f }, textContent: t(`tools.${f}`),
      'aria-label': t('tools.dlAria', { chart: name, format: f.toUpperCase() }), onclick: () => lazy('exportChart', box, f) }));
    bar.replaceChildren(table, ...dl);
  });
}
