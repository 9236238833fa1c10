// Charts, with ECharts tree-shaken to what the page uses. Each chart kind is an option builder
// (data → ECharts option) plus a table builder (data → columns and rows): the canvas on screen,
// the PNG and the SVG (drawn off-screen by chart-export.js; the SVG by ECharts' string renderer,
// so the live page never needs inline styles), the table view and the CSV/JSON exports all come from the same data.
// Text from the article only ever reaches the DOM as text nodes (tooltips are built as elements).
// Only the functions used, not `* as echarts`: a namespace object that is passed around keeps
// every export of 'echarts/core' (parseGeoJSON, the graphic and helper namespaces, …): 3.9 KB gzip.
import { use, init, registerVisual } from 'echarts/core';
import ZRText from 'zrender/lib/graphic/Text.js'; // ECharts' graphic.Text
// Series straight from their files too: the 'echarts/charts' index reaches every series, and a
// series a lazy chunk uses (the corpus's lines) would then land in the first visit's chunks.
import { install as BarChart } from '../../../node_modules/echarts/lib/chart/bar/install.js';
import { install as ScatterChart } from '../../../node_modules/echarts/lib/chart/scatter/install.js';
// Components straight from their files (as the canvas renderer below): through the
// 'echarts/components' index, the tooltip's code lands in the first visit's chunk even though
// only chart-tooltip.js uses it. The simple grid leaves out the axis pointer, which only the
// tooltip needs (it installs it). No ECharts legend on screen: an HTML one (buttons, see
// drawLegend); exported images get ECharts' legend from chart-export.js. No data zoom either: the
// timeline zooms with our own wheel, drag and buttons (see drawZoomControls), 11.7 KB gzip less.
import { install as GridComponent } from '../../../node_modules/echarts/lib/component/grid/installSimple.js';
import { install as CanvasRenderer } from '../../../node_modules/echarts/lib/renderer/installCanvasRenderer.js';
import { t } from '../../i18n.js';

/**
 * @typedef {ReturnType<typeof palette>} Palette
 * @typedef {Record<string, any>} Option  an ECharts option (built here; ECharts reads it as it draws)
 * @typedef {{dataIndex: number, seriesIndex: number, value: any}} Params  what ECharts passes to a formatter or a click
 * @typedef {{key: string, label: string}} Column
 * @typedef {{columns: Column[], rows: Record<string, any>[], action?: {label: string, column: string}}} Table
 * @typedef {import('./chart-data.js').KeywordItem} KeywordItem
 * @typedef {{view: string, items: KeywordItem[]}} KeywordsData
 * @typedef {ReturnType<typeof import('./chart-data.js').dispersionData>} DispersionData
 * @typedef {ReturnType<typeof import('./chart-data.js').timelineData>} TimelineData
 * @typedef {TimelineData['entries'][number]} TimelineItem
 * @typedef {ReturnType<typeof import('./chart-data.js').sectionsData>} SectionsData
 * @typedef {SectionsData['sections'][number]} SectionItem
 * @typedef {{term: string, side: 'a' | 'b', score: number, effect?: number, countA: number, countB: number}} KeynessItem
 * @typedef {{aTitle: string, bTitle: string, items: KeynessItem[]}} KeynessData
 */
/**
 * A kind of chart: its ECharts option and its table from the same data, the item a click picks,
 * whether it has a legend (several series) and a zoomable time axis.
 * @template D
 * @typedef {{option(data: D, p: Palette): Option, table(data: D): Table, pick?(data: D, q: Params): any, legend?: boolean,
 *   zoom?: boolean}} ChartKind
 */
/**
 * A chart on the page: its ECharts instance, what it shows, and its HTML legend and zoom controls.
 * @typedef {{chart: import('echarts/core').ECharts, hidden: Set<string>, legend: HTMLElement | null, zoomBar: HTMLElement | null,
 *   view: number[] | null, full: number[] | null, kind?: Kind, data?: any, onPick?: ((item: any) => void) | null, option?: Option,
 *   tip?: boolean, dragged?: boolean, viewFrame?: number}} LiveChart
 */

use([BarChart, ScatterChart, GridComponent, CanvasRenderer]);

// Spans without ECharts' custom series (its code is 8 KB gzip of the first visit): a scatter
// series with a `span` option draws each item as a rect along the x axis, from its first x value
// to its second (`encode: { x: [start, end] }`, so the axis fits both), `span.height` px high
// around its y, or the plot's whole height without `span.height`; at least `span.minWidth` px
// wide (centred on its start with `span.centre`), clipped to the plot. An item whose value at
// `span.point` is 1 stays a circle of `span.pointSize` px, hidden when its centre is
// more than 6 px outside the plot. Sizes are pixels, so they are set at each layout (setOption,
// zoom, resize): a visual stage of ECharts' pipeline, after the axes are laid out and after the
// symbol visuals it overrides (priority 4500), before drawing. The series has `clip: false`, so
// an item whose start lies left of a zoomed range still draws its part in view.
registerVisual(4600, {
  seriesType: 'scatter',
  reset(/** @type {any} */ series) {
    const span = series.get('span');
    const cs = series.coordinateSystem;
    if (!span || !cs?.getArea) return undefined;
    const area = cs.getArea();
    return {
      dataEach(/** @type {any} */ data, /** @type {number} */ i) {
        const [xd, ed] = data.mapDimensionsAll('x');
        const y = data.get(data.mapDimension('y'), i);
        const a = cs.dataToPoint([data.get(xd, i), y]);
        let symbol = 'rect';
        let size = null;
        let offset = null;
        if (span.point !== undefined && series.getRawValue(i)[span.point] === 1) {
          const out = a[0] < area.x - 6 || a[0] > area.x + area.width + 6;
          symbol = out ? 'none' : 'circle';
          size = span.pointSize;
        } else {
          const b = cs.dataToPoint([data.get(ed, i), y]);
          const top = span.height ? a[1] - span.height / 2 : area.y;
          const w = Math.max(span.minWidth ?? 0, b[0] - a[0]);
          const x0 = span.centre ? a[0] - w / 2 : a[0];
          const l = span.centre ? x0 : Math.max(x0, area.x); // a line on the plot's edge is drawn whole
          const r = span.centre ? x0 + w : Math.min(x0 + w, area.x + area.width);
          const t0 = Math.max(top, area.y);
          const t1 = Math.min(top + (span.height || area.height), area.y + area.height);
          if (r >= l && t1 >= t0) {
            size = [r - l, t1 - t0];
            offset = [(l + r) / 2 - a[0], (t0 + t1) / 2 - a[1]];
          } else {
            symbol = 'none';
          }
        }
        data.setItemVisual(i, 'symbol', symbol);
        data.setItemVisual(i, 'symbolSize', size ?? 0);
        data.setItemVisual(i, 'symbolOffset', offset);
      },
    };
  },
});

export const isDark = () => !!window.matchMedia?.('(prefers-color-scheme: dark)').matches;
const palette = (/** @type {boolean} */ dark) => (dark
  ? { fg: '#e6e7e9', muted: '#a4a8ae', line: '#3a3d43', bg: '#1f2125', bar: '#8ab4ff', alt: '#ffb4a9',
    explicit: '#8ab4ff', relative: '#f2c14e', domain: '#7fd4a8', band: 'rgba(255,255,255,0.06)' }
  : { fg: '#1c1d1f', muted: '#5d6167', line: '#d9dbde', bg: '#ffffff', bar: '#1a5fd1', alt: '#b3261e',
    explicit: '#1a5fd1', relative: '#b86e00', domain: '#1e7d4f', band: 'rgba(0,0,0,0.05)' });

const DAY = 86400000;
const dayMs = (/** @type {string} */ iso) => {
  const m = /^(-?\d{1,6})-(\d\d)-(\d\d)$/.exec(iso ?? '');
  if (!m) return NaN;
  const d = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  d.setUTCFullYear(Number(m[1]));
  return d.getTime();
};
const shorten = (/** @type {string} */ s, /** @type {number} */ n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [text]
 * @param {string} [cls]
 */
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function baseOption(/** @type {Palette} */ p) {
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { color: p.fg },
    tooltip: { trigger: 'item', confine: true, className: 'chart-tip', borderColor: p.line, backgroundColor: p.bg, textStyle: { color: p.fg } },
  };
}
const axisStyle = (/** @type {Palette} */ p) => ({
  axisLine: { lineStyle: { color: p.muted } },
  axisLabel: { color: p.fg },
  splitLine: { lineStyle: { color: p.line } },
  nameTextStyle: { color: p.muted },
});

// ---- Keywords: horizontal bars --------------------------------------------------------------
/** @type {ChartKind<KeywordsData>} */
const keywords = {
  option(data, p) {
    const top = data.items.slice(0, 20).reverse();
    const scored = data.view === 'distinctive';
    return {
      ...baseOption(p),
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { ...baseOption(p).tooltip, formatter: (/** @type {Params} */ q) => tipKeyword(top[q.dataIndex], scored) },
      xAxis: { type: 'value', minInterval: scored ? 0 : 1, ...axisStyle(p) },
      yAxis: { type: 'category', data: top.map((k) => shorten(k.term, 28)), ...axisStyle(p), axisLabel: { color: p.fg, interval: 0 }, axisTick: { show: false } },
      series: [{
        type: 'bar', name: scored ? t('col.score') : t('col.count'),
        data: top.map((k) => (scored ? Number(k.score?.toFixed(2)) : k.count)),
        itemStyle: { color: scored ? p.alt : p.bar },
        label: { show: true, position: 'right', color: p.muted, formatter: (/** @type {Params} */ q) => (scored ? q.value.toFixed(1) : String(q.value)) },
        cursor: 'pointer',
      }],
    };
  },
  table(data) {
    const scored = data.view === 'distinctive';
    const cols = [{ key: 'rank', label: '#' }, { key: 'term', label: t('col.term') }, { key: 'count', label: t('col.count') }];
    if (scored) cols.push({ key: 'score', label: t('col.score') });
    if (data.items.some((k) => k.dispersion !== undefined)) cols.push({ key: 'dispersion', label: t('col.dispersion') });
    if (data.items.some((k) => k.variants)) cols.push({ key: 'variants', label: t('col.variants') });
    return {
      columns: cols,
      rows: data.items.map((k, i) => ({
        rank: i + 1, term: k.term, count: k.count, score: k.score === undefined ? '' : Number(k.score.toFixed(3)),
        dispersion: k.dispersion === undefined ? '' : Number(k.dispersion.toFixed(3)), variants: k.variants ?? '',
      })),
      action: { label: t('conc.open'), column: 'term' },
    };
  },
  pick: (data, q) => data.items.slice(0, 20).reverse()[q.dataIndex],
};

function tipKeyword(/** @type {KeywordItem} */ k, /** @type {boolean} */ scored) {
  const d = el('div');
  d.append(el('strong', k.term), el('br'), `${t('col.count')}: ${k.count}`);
  if (scored) d.append(el('br'), `${t('col.score')}: ${k.score?.toFixed(2)}`);
  if (k.variants) d.append(el('br'), `${t('col.variants')}: ${k.variants}`);
  d.append(el('br'), el('em', t('tip.clickConcordance')));
  return d;
}

// Thresholds of ECharts' cheaper drawing modes, so no chart holds the page for long when a long
// text gives it many items; an ordinary article stays under them and is drawn element by element.
const LARGE_TICKS = 500; // dispersion ticks: one path (ECharts' `large` scatter)
const LARGE_BARS = 100; // section bars per metric: one path per metric (ECharts' `large` bars)
const PROGRESSIVE_DATES = 50; // timeline items per series and frame (ECharts' `progressive`)

// ---- Dispersion: one row per term, a tick per occurrence, section bands behind ---------------
/** @type {ChartKind<DispersionData>} */
const dispersion = {
  option(data, p) {
    const terms = data.terms.slice().reverse();
    const len = Math.max(1, data.length);
    const pct = (/** @type {number} */ x) => (100 * x) / len;
    const bands = data.sections.map((s, i) => [pct(s.start), pct(s.end), i]);
    // One tick per occurrence; on a long text, one per occupied 0.05 % of its length (what the
    // plot can show anyway), so a million occurrences do not freeze the page.
    const total = terms.reduce((a, k) => a + k.occurrences.length, 0);
    /** @type {number[][]} */
    const points = [];
    terms.forEach((term, row) => {
      let last = -1;
      for (const o of term.occurrences) {
        const x = pct(o.start);
        if (total > 5000 && Math.floor(x * 20) === last) continue;
        last = Math.floor(x * 20);
        points.push([x, row, o.start]);
      }
    });
    return {
      ...baseOption(p),
      // The bands' outline: the plot's border above and below them, the `edges` series between them.
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true, ...(bands.length ? { show: true, borderColor: p.line, borderWidth: 0.5 } : {}) },
      tooltip: {
        ...baseOption(p).tooltip,
        formatter: (/** @type {Params} */ q) => {
          if (q.seriesIndex === 0) return tipSection(data.sections[q.value[3]], q.value[3]);
          const term = terms[q.value[1]];
          const d = el('div');
          d.append(el('strong', term.term), el('br'), `${t('col.position')}: ${q.value[0].toFixed(1)} %`);
          return d;
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, name: t('axis.position'), nameLocation: 'middle', nameGap: 24,
        ...axisStyle(p), splitLine: { show: false }, axisLabel: { color: p.fg, formatter: '{value} %' } },
      yAxis: { type: 'category', data: terms.map((k) => shorten(k.label ?? k.term, 30)), ...axisStyle(p), axisLabel: { color: p.fg, interval: 0 }, axisTick: { show: false } },
      series: [
        {
          // Full-height rects from each section's start to its end (a `span` scatter, see above).
          type: 'scatter', name: t('chart.sections'), z: 1, clip: false, emphasis: { scale: false },
          data: bands.map(([s, e, i]) => ({ value: [s, e, 0, i], itemStyle: { color: i % 2 ? p.band : 'transparent' } })),
          encode: { x: [0, 1], y: 2 }, span: { minWidth: 1 },
          itemStyle: { borderWidth: 0, opacity: 1 }, // a scatter's default opacity is 0.8
        },
        {
          type: 'scatter', name: t('chart.dispersion'), data: points, z: 3, symbol: 'rect', symbolSize: [2, 14],
          itemStyle: { color: p.bar }, cursor: 'pointer',
          // Over LARGE_TICKS ticks, one path for all of them instead of an element each (a
          // 10 MB text: ~1 000 ticks, ~20 ms less); hover and click still find the tick.
          large: true, largeThreshold: LARGE_TICKS,
        },
        {
          // The lines between the bands, 0.5 px. Not the bands' own border: a scaled symbol's
          // border is thinner along its long side.
          type: 'scatter', id: 'edges', z: 1, clip: false, silent: true, emphasis: { disabled: true },
          data: [...new Set(bands.flatMap(([s, e]) => [s, e]))].map((x) => [x, x, 0]),
          encode: { x: [0, 1], y: 2 }, span: { minWidth: 0.5, centre: true },
          itemStyle: { color: p.line, opacity: 1 },
        },
      ],
    };
  },
  table(data) {
    /** @type {Column[]} */
    const cols = [{ key: 'term', label: t('col.term') }, { key: 'count', label: t('col.count') }];
    if (data.terms.some((k) => k.dispersion !== undefined)) cols.push({ key: 'dispersion', label: t('col.dispersion') });
    data.sections.forEach((s, i) => cols.push({ key: `s${i + 1}`, label: `§${i + 1}` }));
    return {
      columns: cols,
      rows: data.terms.map((k) => {
        /** @type {Record<string, string | number>} */
        const row = { term: k.term, count: k.count ?? k.occurrences.length, dispersion: k.dispersion === undefined ? '' : Number(k.dispersion.toFixed(3)) };
        k.perSection.forEach((n, i) => { row[`s${i + 1}`] = n; });
        return row;
      }),
      action: { label: t('conc.open'), column: 'term' },
    };
  },
  pick: (data, q) => {
    if (q.seriesIndex === 0) return { section: q.value[3] };
    return { offset: q.value[2] };
  },
};

function tipSection(/** @type {{title: string | null}} */ s, /** @type {number} */ i) {
  const d = el('div');
  d.append(el('strong', `§${i + 1} ${s.title ?? t('sections.opening')}`));
  return d;
}

// ---- Timeline: points for days, bars for longer periods; y is the sentence -------------------
const KINDS = /** @type {const} */ (['explicit', 'relative', 'domain']);
/** @type {ChartKind<TimelineData>} */
const timeline = {
  option(data, p) {
    const byKind = KINDS.map((kind) => data.entries.filter((e) => e.kind === kind));
    const series = KINDS.map((kind, k) => ({
      // Circles for days, 8 px bars for longer periods (a `span` scatter, see above).
      type: 'scatter', name: t(`kind.${kind}`), id: kind, clip: false, emphasis: { scale: false },
      data: byKind[k].map((e) => (e.start === e.end
        ? { value: [dayMs(e.start), dayMs(e.end) + DAY, e.sentence + 1, 1, e.index], itemStyle: { borderColor: e.corrected ? p.fg : p.bg, borderWidth: e.corrected ? 2 : 1 } }
        : { value: [dayMs(e.start), dayMs(e.end) + DAY, e.sentence + 1, 0, e.index], itemStyle: e.corrected ? { opacity: 0.8, borderColor: p.fg, borderWidth: 2 } : { opacity: 0.8 } })),
      encode: { x: [0, 1], y: 2 },
      span: { height: 8, minWidth: 3, point: 3, pointSize: 10 },
      itemStyle: { color: p[kind], opacity: 1 }, // a scatter's default opacity is 0.8
      cursor: 'pointer',
      // A big timeline is drawn PROGRESSIVE_DATES items per series at a time, one step per frame.
      progressive: PROGRESSIVE_DATES,
      progressiveThreshold: PROGRESSIVE_DATES * 1.5,
    }));
    return {
      ...baseOption(p),
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { ...baseOption(p).tooltip, formatter: (/** @type {Params} */ q) => tipTimeline(data, data.entries[q.value[4]]) },
      xAxis: { type: 'time', ...axisStyle(p), splitLine: { show: false } },
      yAxis: { type: 'value', name: t('axis.sentence'), nameLocation: 'start', inverse: true, minInterval: 1, min: 0, ...axisStyle(p) },
      series,
    };
  },
  table(data) {
    // The reader's corrections (a column only when there are some): the CSV and JSON say so too.
    const corrected = data.entries.some((e) => e.corrected);
    return {
      columns: [{ key: 'expression', label: t('col.expression') }, { key: 'value', label: t('col.value') },
        { key: 'start', label: t('col.start') }, { key: 'end', label: t('col.end') },
        { key: 'granularity', label: t('col.granularity') }, { key: 'kind', label: t('col.kind') },
        { key: 'sentence', label: t('col.sentence') }, { key: 'source', label: t('col.source') },
        ...(corrected ? [{ key: 'correction', label: t('col.correction') }] : [])],
      rows: data.entries.map((e) => ({ expression: e.text, value: e.value, start: e.start, end: e.end, granularity: e.granularity,
        kind: e.kind, sentence: e.sentence + 1, source: e.source ?? '', ...(corrected ? { correction: e.corrected ? t(`corr.${e.corrected}`) : '' } : {}) })),
      action: { label: t('timeline.read'), column: 'expression' },
    };
  },
  pick: (data, q) => data.entries[q.value[4]],
  legend: true,
  zoom: true,
};

function tipTimeline(/** @type {TimelineData} */ data, /** @type {TimelineItem} */ e) {
  const d = el('div', undefined, 'tip-timeline');
  d.append(el('strong', `${e.text} → ${e.value}`), el('br'),
    `${e.start === e.end ? e.start : `${e.start} … ${e.end}`} · ${t(`kind.${e.kind}`)} · ${t('col.sentence')} ${e.sentence + 1}`);
  if (e.source) d.append(el('br'), el('em', `${t('col.source')}: ${e.source}`));
  if (e.corrected) d.append(el('br'), el('em', t(`corr.${e.corrected}`)));
  d.append(el('br'), el('span', shorten(data.sentenceText(e.sentence), 280), 'tip-sentence'));
  return d;
}

// ---- Per-section statistics -----------------------------------------------------------------
const SECTION_METRICS = /** @type {const} */ (['words', 'sentences', 'paragraphs', 'dates']);
/** @type {ChartKind<SectionsData>} */
const sections = {
  option(data, p) {
    const metrics = SECTION_METRICS.filter((m) => data.sections.some((s) => s[m] !== undefined));
    const colors = [p.bar, p.muted, p.domain, p.relative];
    return {
      ...baseOption(p),
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: { ...baseOption(p).tooltip, formatter: (/** @type {Params} */ q) => {
        const s = data.sections[q.dataIndex];
        const d = tipSection(s, q.dataIndex);
        for (const m of metrics) d.append(el('br'), `${t(`col.${m}`)}: ${s[m]}`);
        return d;
      } },
      xAxis: { type: 'category', data: data.sections.map((s, i) => `§${i + 1}`), ...axisStyle(p) },
      yAxis: { type: 'value', minInterval: 1, ...axisStyle(p) },
      series: metrics.map((m, i) => ({ type: 'bar', id: m, name: t(`col.${m}`), data: data.sections.map((s) => s[m] ?? 0),
        itemStyle: { color: colors[i] }, cursor: 'pointer', large: true, largeThreshold: LARGE_BARS })),
    };
  },
  table(data) {
    const metrics = SECTION_METRICS.filter((m) => data.sections.some((s) => s[m] !== undefined));
    return {
      columns: [{ key: 'section', label: '§' }, { key: 'title', label: t('col.title') },
        ...metrics.map((m) => ({ key: m, label: t(`col.${m}`) }))],
      rows: data.sections.map((s, i) => {
        /** @type {Record<string, string | number | undefined>} */
        const row = { section: i + 1, title: s.title ?? t('sections.opening') };
        for (const m of metrics) row[m] = s[m];
        return row;
      }),
      action: { label: t('sections.go'), column: 'title' },
    };
  },
  pick: (data, q) => ({ section: q.dataIndex }),
  legend: true,
};

// ---- Keyness between two articles: bars to the left for B, to the right for A -----------------
/** @type {ChartKind<KeynessData>} */
const keyness = {
  option(data, p) {
    const rows = data.items.slice().reverse();
    return {
      ...baseOption(p),
      grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
      tooltip: { ...baseOption(p).tooltip, formatter: (/** @type {Params} */ q) => {
        const k = rows[q.dataIndex];
        const d = el('div');
        d.append(el('strong', k.term), el('br'), `${t('col.score')}: ${k.score.toFixed(2)}`, el('br'),
          `${data.aTitle}: ${k.countA} · ${data.bTitle}: ${k.countB}`);
        return d;
      } },
      xAxis: { type: 'value', ...axisStyle(p) },
      yAxis: { type: 'category', data: rows.map((k) => shorten(k.term, 24)), ...axisStyle(p), axisLabel: { color: p.fg, interval: 0 }, axisTick: { show: false } },
      series: [
        { type: 'bar', stack: 'k', id: 'a', name: t('compare.overA', { a: shorten(data.aTitle, 30) }), itemStyle: { color: p.bar },
          data: rows.map((k) => (k.side === 'a' ? Number(k.score.toFixed(2)) : 0)) },
        { type: 'bar', stack: 'k', id: 'b', name: t('compare.overA', { a: shorten(data.bTitle, 30) }), itemStyle: { color: p.alt },
          data: rows.map((k) => (k.side === 'b' ? -Number(k.score.toFixed(2)) : 0)) },
      ],
    };
  },
  table(data) {
    return {
      columns: [{ key: 'term', label: t('col.term') }, { key: 'over', label: t('compare.overuse') }, { key: 'score', label: t('col.score') },
        { key: 'effect', label: t('col.effect') }, { key: 'countA', label: 'A' }, { key: 'countB', label: 'B' }],
      rows: data.items.map((k) => ({ term: k.term, over: k.side === 'a' ? data.aTitle : data.bTitle, score: Number(k.score.toFixed(3)),
        effect: k.effect === undefined ? '' : Number(k.effect.toFixed(3)), countA: k.countA, countB: k.countB })),
    };
  },
  legend: true,
};

export const CHART_KINDS = { keywords, dispersion, timeline, sections, keyness };
/** @typedef {keyof typeof CHART_KINDS} Kind */

/** The chart kind `kind` (its data typed loosely: the caller pairs it with that kind's data). */
const kindOf = (/** @type {Kind} */ kind) => /** @type {ChartKind<any>} */ (CHART_KINDS[kind]);

/** How many items a chart's data holds (written to data-items for tests and screen readers). */
export function itemCount(/** @type {Kind} */ kind, /** @type {any} */ data) {
  switch (kind) {
    case 'keywords': return Math.min(20, data.items.length);
    case 'dispersion': return data.terms.length;
    case 'timeline': return data.entries.length;
    case 'sections': return data.sections.length;
    case 'keyness': return data.items.length;
    default: return 0;
  }
}

/** @type {Map<HTMLElement, LiveChart>} */
const live = new Map();

// The legend is HTML: one <button aria-pressed> per series after the chart (keyboard operable,
// translated, read by screen readers), in the series' colour. Pressing one hides or shows its
// series by drawing it without data (the axes fit what is shown).
// `hidden` holds the ids of the hidden series of a chart and lasts across its redraws.
const seriesKey = (/** @type {Option} */ s, /** @type {number} */ i) => String(s.id ?? i);

/** `option` with the hidden series of `entry` emptied. */
function withHidden(/** @type {LiveChart} */ entry, /** @type {Option} */ option) {
  if (!entry.hidden?.size || !Array.isArray(option.series)) return option;
  return { ...option, series: option.series.map((/** @type {Option} */ s, /** @type {number} */ i) => (entry.hidden.has(seriesKey(s, i)) ? { ...s, data: [] } : s)) };
}

/**
 * The group of controls `entry[key]` (class `cls`, placed right after `after`): made when missing
 * (`onCreate(bar)` then runs once), removed when not `wanted`. Returns it, or null.
 */
function controlGroup(/** @type {LiveChart} */ entry, /** @type {'legend' | 'zoomBar'} */ key, /** @type {boolean} */ wanted,
  /** @type {string} */ cls, /** @type {Element} */ after, /** @type {(bar: HTMLElement) => void} */ onCreate = () => {}) {
  if (!wanted) {
    entry[key]?.remove();
    entry[key] = null;
    return null;
  }
  let group = entry[key];
  if (!group) {
    group = entry[key] = el('div', undefined, cls);
    group.setAttribute('role', 'group');
    after.after(group);
    onCreate(group);
  }
  return group;
}

function drawLegend(/** @type {HTMLElement} */ elem, /** @type {LiveChart & {kind: Kind}} */ entry, /** @type {Option} */ option) {
  const wanted = !!kindOf(entry.kind).legend && Array.isArray(option.series) && option.series.length > 1;
  const legend = controlGroup(entry, 'legend', wanted, 'chart-legend', elem);
  if (!legend) return;
  legend.setAttribute('aria-label', t('chart.legend', { chart: t(`chart.${entry.kind}`) }));
  legend.replaceChildren(...option.series.map((/** @type {Option} */ s, /** @type {number} */ i) => {
    const key = seriesKey(s, i);
    const b = el('button', undefined, 'legend-item');
    b.type = 'button';
    b.dataset.series = key;
    b.setAttribute('aria-pressed', String(!entry.hidden.has(key)));
    const swatch = el('span', undefined, 'swatch');
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.backgroundColor = s.itemStyle?.color ?? ''; // CSSOM, which the CSP allows
    b.append(swatch, s.name);
    b.addEventListener('click', () => {
      if (entry.hidden.has(key)) entry.hidden.delete(key);
      else entry.hidden.add(key);
      b.setAttribute('aria-pressed', String(!entry.hidden.has(key)));
      render(elem, entry, false);
    });
    return b;
  }));
}

// ---- Zoom (the timeline's time axis), without ECharts' data zoom -------------------------------
// `entry.view` is the shown [min, max] of the x axis in ms, or null for all of it. The wheel over
// the plot zooms around the pointer, a mouse or pen drag moves along (a touch drag still scrolls
// the page), and buttons under the chart do both from the keyboard; a line says what is shown.
const ZOOM_STEP = 1.5;
const MIN_SPAN = 7 * DAY;
const isoDay = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);

function withView(/** @type {LiveChart & {kind: Kind}} */ entry, /** @type {Option} */ option) {
  if (!entry.view || !kindOf(entry.kind).zoom) return option;
  return { ...option, xAxis: { ...option.xAxis, min: entry.view[0], max: entry.view[1] } };
}

/** The x axis extent drawn now, [min, max] in ms (null before the first drawing). */
function axisExtent(/** @type {LiveChart} */ entry) {
  // ECharts' model (not in its public types): the x axis's extent as laid out.
  const ext = /** @type {any} */ (entry.chart).getModel?.()?.getComponent('xAxis', 0)?.axis?.scale?.getExtent();
  return ext && Number.isFinite(ext[0]) && Number.isFinite(ext[1]) && ext[1] > ext[0] ? ext : null;
}

/** Shows [a, b] (clamped to the whole axis; null or the whole of it: everything). */
function setView(/** @type {LiveChart} */ entry, /** @type {number} */ a, /** @type {number} */ b) {
  const full = entry.full;
  if (!full) return;
  let span = Math.max(MIN_SPAN, b - a);
  if (span >= full[1] - full[0]) {
    entry.view = null;
  } else {
    a = Math.min(Math.max(a, full[0]), full[1] - span);
    entry.view = [a, a + span];
  }
  if (!entry.viewFrame) {
    entry.viewFrame = requestAnimationFrame(() => {
      entry.viewFrame = 0;
      entry.chart.setOption({ xAxis: { min: entry.view ? entry.view[0] : null, max: entry.view ? entry.view[1] : null } });
      updateZoomControls(entry);
    });
  }
}

function zoomBy(/** @type {LiveChart} */ entry, /** @type {number} */ factor, /** @type {number | undefined} */ anchor = undefined) {
  const [a, b] = entry.view ?? entry.full ?? [0, 0];
  const at = anchor ?? (a + b) / 2;
  setView(entry, at - (at - a) * factor, at + (b - at) * factor);
}

function panBy(/** @type {LiveChart} */ entry, /** @type {number} */ fraction) {
  const [a, b] = entry.view ?? entry.full ?? [0, 0];
  const d = (b - a) * fraction;
  setView(entry, a + d, b + d);
}

function zoomButton(/** @type {string} */ key, /** @type {string} */ label, /** @type {() => void} */ onClick) {
  const b = el('button', label, 'zoom-btn');
  b.type = 'button';
  b.dataset.zoom = key;
  b.addEventListener('click', onClick);
  return b;
}

function updateZoomControls(/** @type {LiveChart} */ entry) {
  const bar = entry.zoomBar;
  if (!bar) return;
  const [a, b] = entry.view ?? entry.full ?? [NaN, NaN];
  const all = !entry.view;
  const full = entry.full ?? [NaN, NaN];
  const button = (/** @type {string} */ key) => /** @type {HTMLButtonElement} */ (bar.querySelector(`[data-zoom="${key}"]`));
  button('out').disabled = all;
  button('all').disabled = all;
  button('earlier').disabled = all || a <= full[0];
  button('later').disabled = all || b >= full[1];
  button('in').disabled = !entry.full || b - a <= MIN_SPAN;
  const range = /** @type {HTMLElement} */ (bar.querySelector('.zoom-range'));
  range.textContent = Number.isFinite(a) ? t(all ? 'zoom.all' : 'zoom.range', { from: isoDay(a), to: isoDay(b - 1) }) : '';
  range.dataset.from = Number.isFinite(a) ? isoDay(a) : '';
  range.dataset.to = Number.isFinite(b) ? isoDay(b - 1) : '';
}

function drawZoomControls(/** @type {HTMLElement} */ elem, /** @type {LiveChart & {kind: Kind}} */ entry) {
  const bar = controlGroup(entry, 'zoomBar', !!kindOf(entry.kind).zoom, 'chart-zoom', entry.legend ?? elem,
    () => armZoom(elem, entry));
  if (!bar) return;
  bar.setAttribute('aria-label', t('zoom.group', { chart: t(`chart.${entry.kind}`) }));
  const range = el('span', undefined, 'zoom-range small');
  range.setAttribute('role', 'status');
  bar.replaceChildren(
    zoomButton('in', `＋ ${t('zoom.in')}`, () => zoomBy(entry, 1 / ZOOM_STEP)),
    zoomButton('out', `－ ${t('zoom.out')}`, () => zoomBy(entry, ZOOM_STEP)),
    zoomButton('earlier', `← ${t('zoom.earlier')}`, () => panBy(entry, -0.5)),
    zoomButton('later', `${t('zoom.later')} →`, () => panBy(entry, 0.5)),
    zoomButton('all', t('zoom.showAll'), () => setView(entry, -Infinity, Infinity)),
    range);
  updateZoomControls(entry);
}

// The wheel and drag on the plot (the grid's area) of a zoomable chart.
function armZoom(/** @type {HTMLElement} */ elem, /** @type {LiveChart} */ entry) {
  const local = (/** @type {MouseEvent} */ ev) => {
    const r = elem.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  };
  const inPlot = (/** @type {number[]} */ pt) => entry.full && entry.chart.containPixel({ gridIndex: 0 }, pt);
  elem.addEventListener('wheel', (ev) => {
    const pt = local(ev);
    if (!inPlot(pt) || ev.deltaY === 0) return;
    ev.preventDefault(); // the wheel zooms the plot instead of scrolling the page
    const at = entry.chart.convertFromPixel({ xAxisIndex: 0 }, pt[0]);
    zoomBy(entry, ev.deltaY < 0 ? 1 / 1.2 : 1.2, Number.isFinite(at) ? at : undefined);
  }, { passive: false });
  /** @type {{x: number, view: number[], perPx: number, id: number} | null} */
  let drag = null;
  elem.addEventListener('pointerdown', (ev) => {
    entry.dragged = false;
    const pt = local(ev);
    if (ev.button !== 0 || ev.pointerType === 'touch' || !entry.view || !inPlot(pt)) return;
    const [a, b] = entry.view;
    const px = entry.chart.convertToPixel({ xAxisIndex: 0 }, b) - entry.chart.convertToPixel({ xAxisIndex: 0 }, a);
    drag = { x: ev.clientX, view: [a, b], perPx: px > 0 ? (b - a) / px : 0, id: ev.pointerId };
  });
  elem.addEventListener('pointermove', (ev) => {
    if (!drag || ev.pointerId !== drag.id) return;
    const dx = ev.clientX - drag.x;
    if (!entry.dragged && Math.abs(dx) < 4) return;
    if (!entry.dragged) elem.setPointerCapture?.(ev.pointerId);
    entry.dragged = true;
    setView(entry, drag.view[0] - dx * drag.perPx, drag.view[1] - dx * drag.perPx);
  });
  const end = () => { drag = null; };
  elem.addEventListener('pointerup', end);
  elem.addEventListener('pointercancel', end);
}

/** The option of `entry`'s chart as drawn now: its hidden series emptied, its zoomed range. */
const drawnOption = (/** @type {LiveChart & {kind: Kind}} */ entry, /** @type {Palette} */ p) => withView(entry,
  withHidden(entry, kindOf(entry.kind).option(entry.data, p)));

/** (Re)draws `entry`'s chart from its kind and data; `legend`: rebuild the HTML legend too. */
function render(/** @type {HTMLElement} */ elem, /** @type {LiveChart & {kind: Kind}} */ entry, legend = true) {
  const option = drawnOption(entry, palette(isDark()));
  entry.chart.setOption(applied(entry, option), true);
  if (kindOf(entry.kind).zoom && !entry.view) entry.full = axisExtent(entry);
  if (legend) {
    drawLegend(elem, entry, option);
    drawZoomControls(elem, entry);
  } else {
    updateZoomControls(entry);
  }
  elem.dataset.items = String(itemCount(entry.kind, entry.data));
}

// The tooltip on demand. Until chart-tooltip.js is installed, a chart is drawn without its
// `tooltip` option; the first pointerenter (mouse, pen, touch) or focus on a chart loads it,
// gives that chart its tooltip, and replays the pointer's last position, so the tooltip shows
// under a pointer that has not moved since it entered.
let tipReady = false;
/** @type {Promise<void> | null} */
let tipLoading = null;
const loadTooltip = () => (tipLoading ??= import('./chart-tooltip.js').then(() => { tipReady = true; }));

/** The option as the chart gets it: without `tooltip` while the tooltip code is not loaded. */
function applied(/** @type {LiveChart} */ entry, /** @type {Option} */ option) {
  entry.option = option;
  entry.tip = tipReady;
  if (tipReady) return option;
  const { tooltip, ...rest } = option;
  return rest;
}

function armTooltip(/** @type {HTMLElement} */ elem) {
  /** @type {{x: number, y: number} | null} the last client position of a pointer inside the chart */
  let pointer = null;
  elem.addEventListener('pointermove', (ev) => { pointer = { x: ev.clientX, y: ev.clientY }; }, { passive: true });
  elem.addEventListener('pointerleave', () => { pointer = null; });
  const wake = async (/** @type {Event} */ ev) => {
    if (ev instanceof PointerEvent && ev.type === 'pointerenter') pointer = { x: ev.clientX, y: ev.clientY };
    try {
      await loadTooltip();
    } catch {
      tipLoading = null; // offline before the chunk was kept: try again on the next hover
      return;
    }
    const e = live.get(elem);
    if (!e || e.tip || !e.option) return;
    e.tip = true;
    e.chart.setOption({ tooltip: e.option.tooltip });
    if (pointer) {
      const root = /** @type {any} */ (e.chart.getZr().painter).getViewportRoot?.() ?? elem.firstElementChild;
      root?.dispatchEvent(new MouseEvent('mousemove', { clientX: pointer.x, clientY: pointer.y, bubbles: true }));
    }
  };
  elem.addEventListener('pointerenter', wake);
  (elem.closest('.chart-box') ?? elem).addEventListener('focusin', wake);
}

// Tiny data of each kind, drawn once off-screen while the first analysis runs (warmUp), so that the
// first real drawing of a kind does not run ECharts' code for it cold (which costs the keyword
// chart two to three times a redraw).
const WARM_DATA = {
  keywords: () => ({ view: 'word', items: [{ term: 'a', count: 2 }, { term: 'b', count: 1 }] }),
  dispersion: () => ({ length: 100, sections: [{ start: 0, end: 50, title: 'a' }, { start: 50, end: 100, title: null }],
    terms: [{ term: 'a', label: 'a', count: 2, occurrences: [{ start: 10 }, { start: 60 }], perSection: [1, 1] }] }),
  timeline: () => ({ entries: [
    { index: 0, text: 'a', value: '2020-01-01', start: '2020-01-01', end: '2020-01-01', kind: 'explicit', sentence: 0 },
    { index: 1, text: 'b', value: '2020-02', start: '2020-02-01', end: '2020-02-29', kind: 'relative', sentence: 1 }],
  sentenceText: () => '' }),
  sections: () => ({ sections: [{ title: 'a', paragraphs: 1, sentences: 2, dates: 0, words: 10 }, { title: null, paragraphs: 2, sentences: 3, dates: 1, words: 20 }] }),
};

/** Draws tiny data of chart `kind` off-screen (never shown), so its first real drawing runs warm code. */
export function warmUp(/** @type {keyof typeof WARM_DATA} */ kind) {
  const chart = init(document.createElement('div'), null, { renderer: 'canvas', width: 320, height: 200 });
  try {
    const { tooltip, ...option } = kindOf(kind).option(WARM_DATA[kind](), palette(isDark()));
    chart.setOption(option);
  } finally {
    chart.dispose();
  }
}

let measured = false;
/**
 * Makes the chart instance of `elem` (nothing drawn yet); false when it exists already. The page
 * calls it before a chart's first drawing, in a task of its own, so that drawing does not also pay
 * for ECharts' set-up (~35-90 ms for the first chart, the font lookup included).
 */
export function prepare(/** @type {HTMLElement} */ elem) {
  if (live.has(elem)) return false;
  if (!measured) {
    // The first text measured in ECharts' font (its labels: 12px sans-serif) pays for finding
    // the font (tens of milliseconds): measured here, not in the first chart's drawing.
    measured = true;
    new ZRText({ style: { text: 'Aa 0', font: '12px sans-serif' } }).getBoundingRect();
  }
  chartEntry(elem);
  return true;
}

function chartEntry(/** @type {HTMLElement} */ elem) {
  let entry = live.get(elem);
  if (!entry) {
    const chart = init(elem, null, { renderer: 'canvas' });
    entry = { chart, hidden: new Set(), legend: null, view: null, full: null, zoomBar: null };
    live.set(elem, entry);
    new ResizeObserver(() => {
      // Only a real change of size redraws: not the notification every observer gets at once
      // (which would draw each chart a second time right after its first drawing), nor a chart
      // collapsed under its table view (drawn at its size again when it shows).
      const w = elem.clientWidth;
      const h = elem.clientHeight;
      if (w && h && (w !== chart.getWidth() || h !== chart.getHeight())) chart.resize();
    }).observe(elem);
    chart.on('click', (q) => {
      const e = live.get(elem);
      if (!e?.kind || e.dragged) return; // not drawn yet, or the end of a drag along the timeline, not a click
      const item = kindOf(e.kind).pick?.(e.data, /** @type {Params} */ (/** @type {unknown} */ (q)));
      if (item !== undefined) e.onPick?.(item);
    });
    armTooltip(elem);
  }
  return entry;
}

/** Draws (or redraws) chart `kind` with `data` into `elem`; `onPick(item)` on click. */
export function draw(/** @type {HTMLElement} */ elem, /** @type {Kind} */ kind, /** @type {any} */ data, /** @type {((item: any) => void) | null} */ onPick) {
  const entry = chartEntry(elem);
  if (entry.kind !== kind) entry.hidden.clear();
  entry.view = null; // new data: all of it
  const drawn = Object.assign(entry, { kind, data, onPick });
  render(elem, drawn);
  return entry.chart;
}

/** Redraws every chart (after a theme or language change). */
export function redrawAll() {
  for (const [elem, e] of live) if (e.data && e.kind) render(elem, /** @type {LiveChart & {kind: Kind}} */ (e));
}

/** The chart drawn in `elem`, with its kind and data (for exports and tests). */
export function liveChart(/** @type {HTMLElement} */ elem) {
  return live.get(elem);
}

/** The chart drawn in `elem` (an export is offered only once it is). */
function drawnChart(/** @type {HTMLElement} */ elem) {
  const e = live.get(elem);
  if (!e?.kind) throw new Error('no chart drawn here yet');
  return /** @type {LiveChart & {kind: Kind}} */ (e);
}

// Exported images are drawn off-screen by chart-export.js (loaded on the first export) from the
// option on screen plus ECharts' own legend, which greys the hidden series: a PNG or SVG says
// which series it shows without the page's HTML legend around it.
function exportOption(/** @type {LiveChart & {kind: Kind}} */ e, /** @type {Palette} */ p) {
  const drawn = drawnOption(e, p);
  // An image is drawn at once: no progressive steps in later frames (the PNG is read right away).
  const option = Array.isArray(drawn.series) ? { ...drawn, series: drawn.series.map((/** @type {Option} */ s) => ({ ...s, progressive: 0 })) } : drawn;
  if (!kindOf(e.kind).legend || !(option.series?.length > 1)) return option;
  const selected = Object.fromEntries(option.series.map((/** @type {Option} */ s, /** @type {number} */ i) => [s.name, !e.hidden.has(seriesKey(s, i))]));
  // Every icon a rounded rect, for bars and spans alike (a scatter's would be its symbol).
  return { ...option, legend: { top: 0, icon: 'roundRect', textStyle: { color: p.fg }, inactiveColor: p.muted, selected },
    grid: { ...option.grid, top: (option.grid?.top ?? 8) + 24 } };
}

/** A PNG of the chart in `elem`, as a Blob. */
export async function pngBlob(/** @type {HTMLElement} */ elem) {
  const e = drawnChart(elem);
  const { renderPng } = await import('./chart-export.js');
  const p = palette(isDark());
  const url = renderPng(exportOption(e, p), elem.clientWidth || 800, elem.clientHeight || 400, p.bg);
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/** An SVG of the chart in `elem` (string), rendered off-screen by ECharts' SVG string renderer. */
export async function svgString(/** @type {HTMLElement} */ elem) {
  const e = drawnChart(elem);
  const { renderSvg } = await import('./chart-export.js');
  const p = palette(isDark());
  return renderSvg(exportOption(e, p), elem.clientWidth || 800, elem.clientHeight || 400, p.bg);
}

/** How many data items the chart in `elem` draws now (hidden series count none; automation hook). */
export function drawnItems(/** @type {HTMLElement} */ elem) {
  const e = live.get(elem);
  const series = /** @type {Option[]} */ ((e?.data ? e.chart.getOption().series : null) ?? []);
  return series.reduce((n, s) => n + (s.silent ? 0 : s.data?.length ?? 0), 0); // not the bands' edge lines
}

/** Pixel position of data item `index` of series `series` in the chart in `elem` (automation hook). */
export function pixelOf(/** @type {HTMLElement} */ elem, /** @type {number} */ series, /** @type {number[]} */ value) {
  return live.get(elem)?.chart.convertToPixel({ seriesIndex: series }, value);
}
