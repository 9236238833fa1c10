// Charts, with ECharts tree-shaken to what the page uses. The canvas renderer draws on screen.
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

const dark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches;
const charts = new Map();

function chartFor(el) {
  let chart = charts.get(el);
  if (!chart) {
    chart = echarts.init(el, dark() ? 'dark' : null, { renderer: 'canvas' });
    charts.set(el, chart);
    new ResizeObserver(() => chart.resize()).observe(el);
  }
  return chart;
}

/** Horizontal bars of the top keywords. */
export function drawKeywords(el, keywords, onPick) {
  const top = keywords.slice(0, 20).reverse();
  const chart = chartFor(el);
  chart.setOption({
    backgroundColor: 'transparent',
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((k) => k.term) },
    series: [{ type: 'bar', name: 'Occurrences', data: top.map((k) => k.count) }],
  }, true);
  el.dataset.items = String(top.length);
  chart.off('click');
  chart.on('click', (p) => onPick?.(top[p.dataIndex]));
  return chart;
}

/** Dated events on a time axis; y is the sentence they come from. */
export function drawTimeline(el, report, onPick) {
  const entries = report.timeline;
  const chart = chartFor(el);
  const data = entries.map((e, i) => ({
    value: [e.start_date, e.sentence + 1],
    entry: e,
    index: i,
  }));
  chart.setOption({
    backgroundColor: 'transparent',
    grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const e = p.data.entry;
        const t = report.timexes[e.timex];
        // Tooltip content is built as DOM text, never as HTML from the article.
        const div = document.createElement('div');
        const strong = document.createElement('strong');
        strong.textContent = `${t.text} → ${t.value}`;
        div.append(strong, document.createElement('br'), `${e.start_date} … ${e.end_date} (sentence ${e.sentence + 1})`);
        return div;
      },
    },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'sentence', inverse: true, minInterval: 1 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [{ type: 'scatter', symbolSize: 10, data }],
  }, true);
  el.dataset.items = String(data.length);
  chart.off('click');
  chart.on('click', (p) => onPick?.(p.data.entry));
  return chart;
}
