// The charts' tools (in the lazy chunk, later.js): the table view of a chart, its PNG, SVG, CSV
// and JSON downloads, and the whole report's download.
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t } from '../../i18n.js';
import { download } from '../../download.js';
import { jumpToSentence, jumpToSection } from '../reading/reading-pane.js';
import { openConcordance } from '../reading/concordance.js';
import { currentTitle } from '../library/title.js';
import { CHART_KINDS, pngBlob, svgString } from './charts.js';

// A table view shows a page of rows at a time (the browser lays a table out whole: 500 rows of
// dates take about 0.2 s) and at most so many columns (a 10 MB text's dispersion table has a column per
// section: 2 000 of them); the CSV and JSON exports have everything.
const TABLE_PAGE = 100;
const TABLE_COLUMNS = 40;

/** Fills the table view of the chart box `box` with its chart's data (the page `box.dataset.page`). */
export function fillTable(/** @type {HTMLElement} */ box) {
  const elem = /** @type {HTMLElement} */ (box.querySelector('.chart'));
  const cd = state.chartData.get(elem);
  const view = /** @type {HTMLElement} */ (box.querySelector('.table-view'));
  if (!cd) return;
  const full = CHART_KINDS[/** @type {keyof typeof CHART_KINDS} */ (cd.kind)].table(cd.data);
  const table = { ...full, columns: full.columns.slice(0, TABLE_COLUMNS) };
  const caption = elt('caption', { textContent: box.querySelector('figcaption span')?.textContent ?? '' });
  const head = elt('tr', {}, ...table.columns.map((/** @type {{key: string, label: string}} */ c) => elt('th', { scope: 'col', textContent: c.label })),
    table.action ? elt('th', { scope: 'col', textContent: t('col.action') }) : null);
  const pages = Math.max(1, Math.ceil(table.rows.length / TABLE_PAGE));
  const pageNo = Math.min(pages - 1, Math.max(0, Number(box.dataset.page ?? 0) || 0));
  box.dataset.page = String(pageNo);
  const first = pageNo * TABLE_PAGE;
  const body = table.rows.slice(first, first + TABLE_PAGE).map((/** @type {Record<string, any>} */ r, /** @type {number} */ j) => elt('tr', {},
    ...table.columns.map((/** @type {{key: string}} */ c) => elt('td', { textContent: r[c.key] ?? '' })),
    table.action ? elt('td', {}, elt('button', { type: 'button', class: 'small-btn', textContent: table.action.label,
      'aria-label': `${table.action.label}: ${r[table.action.column]}`, onclick: () => tableAction(cd, first + j) })) : null));
  /** @type {HTMLElement[]} */
  const parts = [elt('table', { class: 'data' }, caption, elt('thead', {}, head), elt('tbody', {}, ...body))];
  if (pages > 1) {
    const go = (/** @type {number} */ delta, /** @type {string} */ which) => {
      box.dataset.page = String(pageNo + delta);
      fillTable(box);
      const btn = /** @type {HTMLButtonElement | null} */ (view.querySelector(`[data-nav="${which}"]`));
      (btn && !btn.disabled ? btn : /** @type {HTMLElement | null} */ (view.querySelector('[data-nav]:not([disabled])')))?.focus();
    };
    parts.push(elt('p', { class: 'small table-nav' },
      elt('button', { type: 'button', class: 'small-btn', dataset: { nav: 'prev' }, textContent: t('table.prev'), disabled: pageNo === 0,
        onclick: () => go(-1, 'prev') }), ' ',
      elt('span', { textContent: t('table.page', { from: fmt(first + 1), to: fmt(Math.min(table.rows.length, first + TABLE_PAGE)), total: fmt(table.rows.length) }) }), ' ',
      elt('button', { type: 'button', class: 'small-btn', dataset: { nav: 'next' }, textContent: t('table.next'), disabled: pageNo === pages - 1,
        onclick: () => go(1, 'next') })));
  }
  if (full.columns.length > TABLE_COLUMNS) {
    parts.push(elt('p', { class: 'small muted', textContent: t('table.columnsTruncated', { n: TABLE_COLUMNS, total: full.columns.length }) }));
  }
  view.replaceChildren(...parts);
  view.dataset.rows = String(table.rows.length);
}

/** The action of row `i` of a table: a keyword's concordance, a date's sentence, a section. */
function tableAction(/** @type {import('../../state.js').ChartData} */ cd, /** @type {number} */ i) {
  switch (cd.kind) {
    case 'keywords': return openConcordance(cd.data.items[i].term);
    case 'dispersion': return openConcordance(cd.data.terms[i].term);
    case 'timeline': return jumpToSentence(ui.reading, cd.data.entries[i].sentence);
    case 'sections': return jumpToSection(ui.reading, i);
    default: return undefined;
  }
}

/** Shows (`on`) or hides the table view of the chart box `box`. */
export function setTableMode(/** @type {HTMLElement} */ box, /** @type {boolean} */ on) {
  box.dataset.table = on ? 'on' : 'off';
  box.querySelector('[data-tool="table"]')?.setAttribute('aria-pressed', String(on));
  /** @type {HTMLElement} */ (box.querySelector('.table-view')).hidden = !on;
  box.querySelector('.chart')?.classList.toggle('collapsed', on);
  if (on) fillTable(box);
}

/** The `v` shortcut: every chart's table view on (or off, when all are on), one table per frame. */
export async function toggleAllTables() {
  const boxes = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('.chart-box')]);
  const on = !boxes.every((b) => b.dataset.table === 'on');
  // One table per frame: each frame lays out one new table (two tables of a 10 MB text in one
  // frame make a long task).
  for (const b of boxes) {
    setTableMode(b, on);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}

const slug = (/** @type {string} */ s) => (s || 'article').normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';

const csvCell = (/** @type {unknown} */ v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function toCsv(/** @type {{columns: {key: string}[], rows: Record<string, any>[]}} */ table) {
  const lines = [table.columns.map((c) => csvCell(c.key)).join(',')];
  for (const r of table.rows) lines.push(table.columns.map((c) => csvCell(r[c.key])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Downloads the chart of `box` as `format`: png, svg, csv or json. */
export async function exportChart(/** @type {HTMLElement} */ box, /** @type {string} */ format) {
  const elem = /** @type {HTMLElement} */ (box.querySelector('.chart'));
  const cd = state.chartData.get(elem);
  if (!cd) return;
  const base = `${slug(currentTitle())}-${box.dataset.chart}`;
  if (format === 'png') download(`${base}.png`, await pngBlob(elem));
  else if (format === 'svg') download(`${base}.svg`, new Blob([await svgString(elem)], { type: 'image/svg+xml' }));
  else {
    const table = CHART_KINDS[/** @type {keyof typeof CHART_KINDS} */ (cd.kind)].table(cd.data);
    if (format === 'csv') download(`${base}.csv`, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
    else {
      const json = { chart: box.dataset.chart, article: currentTitle(), columns: table.columns.map((/** @type {{key: string}} */ c) => c.key),
        rows: table.rows.map((/** @type {Record<string, any>} */ r) => Object.fromEntries(table.columns.map((/** @type {{key: string}} */ c) => [c.key, r[c.key]]))) };
      download(`${base}.json`, new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
    }
  }
}

/** Downloads the whole report as JSON. */
export function exportReport() {
  if (!state.report) return;
  download(`${slug(currentTitle())}-report.json`, new Blob([JSON.stringify(state.report, null, 2)], { type: 'application/json' }));
}
