// The corpus's trends chart: one line per term, occurrences per 10,000 words per period, drawn by
// ECharts. Only the line series is this chunk's own: the core, the grid, the canvas renderer, the
// tooltip and the exports are the first view's (imported from the same files, so the build shares
// them). A point clicked, or reached with the arrow keys and opened with Enter, opens the articles
// and concordance lines behind it. The PNG and the SVG are drawn off-screen by chart-export.js
// from the same option, with ECharts' legend, as the first view's charts are.
import { use, init } from 'echarts/core';
import { install as LineChart } from '../../../node_modules/echarts/lib/chart/line/install.js';
import { install as GridComponent } from '../../../node_modules/echarts/lib/component/grid/installSimple.js';
import { install as CanvasRenderer } from '../../../node_modules/echarts/lib/renderer/installCanvasRenderer.js';
import { elt } from '../../dom.js';
import { t } from '../../i18n.js';
import { fmt } from '../../format.js';
import { perTenThousand } from './aggregate.js';

use([LineChart, GridComponent, CanvasRenderer]);

// One colour per term (at most 8 terms); corpus.css has the same as .swatch-0 … .swatch-7.
const PALETTE = ['#1a5fd1', '#b3261e', '#2e7d32', '#8e24aa', '#ef6c00', '#00838f', '#6d4c41', '#546e7a'];
// The exported image's size (CSS pixels; the PNG has twice as many).
const W = 900;
const H = 400;

/** @typedef {{terms: string[], unit: string, rows: import('./aggregate.js').TrendRow[]}} Trend */

const round = (/** @type {number} */ v) => Number(v.toFixed(3));
/** The value of term `i` in row `row` of `r`: occurrences per 10,000 words. */
const valueOf = (/** @type {Trend} */ r, /** @type {number} */ row, /** @type {number} */ i) => round(perTenThousand(r.rows[row].counts[i], r.rows[row].words));

/** A point said in words (the keyboard's status line, the tooltip). */
const pointText = (/** @type {Trend} */ r, /** @type {number} */ row, /** @type {number} */ i) => t('corpus.trendPoint', {
  term: r.terms[i], period: r.rows[row].period, value: valueOf(r, row, i), n: fmt(r.rows[row].counts[i]) });

/** The chart's ECharts option: light or `dark` colours. */
function trendOption(/** @type {Trend} */ r, /** @type {boolean} */ dark) {
  const fg = dark ? '#e6e7e9' : '#1c1d1f';
  const muted = dark ? '#a4a8ae' : '#5d6167';
  const line = dark ? '#3a3d43' : '#d9dbde';
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { color: fg },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', confine: true, className: 'chart-tip', borderColor: line, backgroundColor: dark ? '#1f2125' : '#ffffff', textStyle: { color: fg },
      // An element with text nodes: a term is the user's text.
      formatter: (/** @type {{dataIndex: number, seriesIndex: number}} */ q) => elt('div', {}, pointText(r, q.dataIndex, q.seriesIndex)) },
    xAxis: { type: 'category', data: r.rows.map((x) => x.period), boundaryGap: r.rows.length < 2,
      axisLine: { lineStyle: { color: muted } }, axisLabel: { color: fg, rotate: r.rows.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', name: t('corpus.per10k'), nameTextStyle: { color: muted, align: 'left' },
      axisLine: { lineStyle: { color: muted } }, axisLabel: { color: fg }, splitLine: { lineStyle: { color: line } } },
    series: r.terms.map((term, i) => ({
      type: 'line', name: term, data: r.rows.map((_, row) => valueOf(r, row, i)),
      // Every point drawn (a line series otherwise drops some when they crowd): each one opens.
      symbol: 'circle', symbolSize: 8, showSymbol: true, showAllSymbol: true,
      itemStyle: { color: PALETTE[i % PALETTE.length] }, lineStyle: { color: PALETTE[i % PALETTE.length], width: 2 },
      emphasis: { scale: 1.75 }, cursor: 'pointer',
    })),
  };
}

/** The option of an exported image: light colours, ECharts' legend above the plot. */
function exportOption(/** @type {Trend} */ r) {
  const { tooltip, ...option } = trendOption(r, false);
  return { ...option, legend: { top: 0, icon: 'roundRect', textStyle: { color: '#1c1d1f' } }, grid: { ...option.grid, top: option.grid.top + 24 } };
}

/** @type {{chart: import('echarts/core').ECharts, observer: ResizeObserver, r: Trend} | null} the chart on screen */
let live = null;
let tipLoaded = false;
const darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');

/** The option as the chart gets it: without `tooltip` until the tooltip's code is loaded. */
function shown(/** @type {Trend} */ r) {
  const { tooltip, ...option } = trendOption(r, !!darkQuery?.matches);
  return tipLoaded ? { ...option, tooltip } : option;
}

// A change of the system's theme redraws the chart in its colours.
darkQuery?.addEventListener?.('change', () => {
  if (live && !live.chart.isDisposed()) live.chart.setOption(shown(live.r));
});

/**
 * Draws the trend `r` into `box` (replacing its content); `onPoint(row, term)` when a point is
 * clicked or opened from the keyboard.
 * @param {HTMLElement} box
 * @param {Trend} r
 * @param {(row: number, term: number) => void} onPoint
 */
export function drawTrend(box, r, onPoint) {
  live?.observer.disconnect();
  live?.chart.dispose();
  const plot = elt('div', { class: 'trend-plot' });
  const hint = elt('p', { class: 'small muted', id: 'corpus-trend-keys' }, t('corpus.trendKeys'));
  const status = elt('p', { class: 'small trend-status', id: 'corpus-trend-status', role: 'status' });
  const legend = r.terms.length > 1 ? elt('ul', { class: 'chart-legend trend-legend', 'aria-label': t('corpus.trendLegend') },
    ...r.terms.map((term, i) => elt('li', { class: 'trend-key' }, elt('span', { class: `swatch swatch-${i % PALETTE.length}`, 'aria-hidden': 'true' }), term))) : null;
  box.replaceChildren(plot);
  if (legend) box.append(legend);
  box.append(hint, status);
  const chart = init(plot, null, { renderer: 'canvas' });
  chart.setOption(shown(r));
  const observer = new ResizeObserver(() => {
    if (plot.clientWidth && plot.clientHeight && (plot.clientWidth !== chart.getWidth() || plot.clientHeight !== chart.getHeight())) chart.resize();
  });
  observer.observe(plot);
  live = { chart, observer, r };
  // What ECharts holds (not what was asked for): the tests and screen readers read it.
  plot.dataset.items = String((/** @type {{data?: unknown[]}[]} */ (chart.getOption().series)).reduce((n, s) => n + (s.data?.length ?? 0), 0));

  // The tooltip's code (the first view's lazy chunk) on the first hover or focus.
  const wakeTip = () => {
    if (tipLoaded) return;
    import('../charts/chart-tooltip.js').then(() => {
      tipLoaded = true;
      if (!chart.isDisposed()) chart.setOption(shown(r));
    }, () => {});
  };
  plot.addEventListener('pointerenter', wakeTip);

  // The keyboard: the plot is one tab stop; the arrow keys move between points (left and right
  // along the periods, up and down between the terms), Enter or Space opens the point.
  plot.tabIndex = 0;
  plot.setAttribute('role', 'group');
  plot.setAttribute('aria-label', t('corpus.trendChart', { terms: r.terms.join(', ') }));
  plot.setAttribute('aria-describedby', 'corpus-trend-keys');
  /** @type {{row: number, term: number} | null} */
  let at = null;
  const show = (/** @type {number} */ row, /** @type {number} */ term) => {
    at = { row, term };
    chart.dispatchAction({ type: 'downplay' });
    chart.dispatchAction({ type: 'highlight', seriesIndex: term, dataIndex: row });
    if (tipLoaded) chart.dispatchAction({ type: 'showTip', seriesIndex: term, dataIndex: row });
    status.textContent = pointText(r, row, term);
    plot.dataset.point = `${row},${term}`;
  };
  plot.addEventListener('focus', () => {
    wakeTip();
    // From the keyboard only: a click's focus leaves the point to the click.
    if (r.rows.length && plot.matches(':focus-visible')) show(at?.row ?? 0, at?.term ?? 0);
  });
  plot.addEventListener('blur', () => {
    chart.dispatchAction({ type: 'downplay' });
    chart.dispatchAction({ type: 'hideTip' });
  });
  plot.addEventListener('keydown', (e) => {
    const last = r.rows.length - 1;
    const n = r.terms.length;
    const { row, term } = at ?? { row: 0, term: 0 };
    /** @type {Record<string, () => void>} */
    const keys = {
      ArrowRight: () => show(Math.min(last, row + 1), term),
      ArrowLeft: () => show(Math.max(0, row - 1), term),
      ArrowDown: () => show(row, (term + 1) % n),
      ArrowUp: () => show(row, (term + n - 1) % n),
      Home: () => show(0, term),
      End: () => show(last, term),
      Enter: () => onPoint(row, term),
      ' ': () => onPoint(row, term),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    if (at) act();
    else show(row, term); // the first key shows where the keyboard is
  });
  chart.on('click', (q) => {
    if (q.componentType !== 'series' || typeof q.dataIndex !== 'number' || typeof q.seriesIndex !== 'number') return;
    at = { row: q.dataIndex, term: q.seriesIndex };
    plot.dataset.point = `${at.row},${at.term}`;
    onPoint(q.dataIndex, q.seriesIndex);
  });

  // The automation hook (www/automation.js): where point (row, term) is drawn, in page coordinates.
  const hook = /** @type {any} */ (window).articleExplorer;
  if (hook) {
    hook.trendPoint = (/** @type {number} */ row, /** @type {number} */ term) => {
      if (chart.isDisposed()) return null;
      plot.scrollIntoView({ block: 'center' });
      const p = chart.convertToPixel({ seriesIndex: term }, [row, valueOf(r, row, term)]);
      const b = plot.getBoundingClientRect();
      return p && { x: b.left + p[0], y: b.top + p[1] };
    };
  }
}

/** The trend `r` as an SVG document string (ECharts' SVG renderer; light colours, white background). */
export async function trendSvgString(/** @type {Trend} */ r) {
  const { renderSvg } = await import('../charts/chart-export.js');
  return renderSvg(exportOption(r), W, H, '#ffffff');
}

/** The trend `r` as a PNG blob (twice its size in pixels). */
export async function trendPng(/** @type {Trend} */ r) {
  const { renderPng } = await import('../charts/chart-export.js');
  const url = renderPng(exportOption(r), W, H, '#ffffff');
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}
