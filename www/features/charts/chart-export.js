// Chart images (PNG and SVG downloads), loaded on the first export: the chart is drawn again
// off-screen from the same option as on screen, plus ECharts' legend (the page shows an HTML one
// instead, charts.js), so an exported image says which series it shows. The SVG comes from
// ECharts' SVG renderer in server-side-rendering mode, as a string, without touching the live
// page (so the strict CSP needs no inline styles).
import { install as SVGRenderer } from '../../../node_modules/echarts/lib/renderer/installSVGRenderer.js';
import { install as LegendComponent } from '../../../node_modules/echarts/lib/component/legend/installLegendPlain.js';
import { use, init } from 'echarts/core';

use([SVGRenderer, LegendComponent]);

/** Renders `option` at `width`×`height` to an SVG document string. */
export function renderSvg(/** @type {object} */ option, /** @type {number} */ width, /** @type {number} */ height, /** @type {string} */ background) {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, backgroundColor: background, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Renders `option` at `width`×`height` (twice the pixels) to a PNG data URL. */
export function renderPng(/** @type {object} */ option, /** @type {number} */ width, /** @type {number} */ height, /** @type {string} */ background) {
  const box = document.createElement('div'); // never attached to the page
  const chart = init(box, null, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...option, backgroundColor: background, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
  } finally {
    chart.dispose();
  }
}
