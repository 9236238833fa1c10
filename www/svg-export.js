// SVG export, loaded only when asked for: ECharts' SVG renderer in server-side-rendering mode
// produces the SVG as a string without touching the live page (so the strict CSP needs no inline
// styles), from the same option the canvas chart on screen was drawn with.
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './charts.js';

echarts.use([SVGRenderer]);

/** Renders `option` at `width`×`height` to an SVG document string. */
export function renderSvg(option, width, height, background) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, backgroundColor: background, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
