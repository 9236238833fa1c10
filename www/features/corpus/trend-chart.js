// The corpus's trends chart: one line per term, occurrences per 10,000 words per period, drawn as
// SVG by hand (text as text nodes). Not ECharts: the line series, bundled in any lazy chunk, moved
// 8 KB gzip of ECharts into the chunks every first visit loads. Each point is a button (keyboard
// and pointer): it opens the articles and concordance lines behind it. The same SVG is the SVG
// download, and drawn on a canvas it is the PNG.
import { t } from '../../i18n.js';

const NS = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#1a5fd1', '#b3261e', '#2e7d32', '#8e24aa', '#ef6c00', '#00838f', '#6d4c41', '#546e7a'];
const W = 900;
const H = 380;
const M = { left: 64, right: 16, top: 40, bottom: 70 };

const perTenThousand = (/** @type {number} */ count, /** @type {number} */ words) => (words > 0 ? (count / words) * 10000 : 0);

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {string} [text]
 */
function node(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A nice step for an axis from 0 to `max` in about 5 ticks. */
function step(/** @type {number} */ max) {
  const raw = max / 5 || 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

/**
 * The SVG of the trend `r` ({terms, rows: [{period, words, counts}]}); `onPoint(row, term)` when
 * a point is chosen (none for an export).
 * @param {any} r
 * @param {((row: number, term: number) => void) | null} onPoint
 * @param {boolean} dark
 */
export function trendSvg(r, onPoint, dark) {
  const fg = dark ? '#e6e7e9' : '#1c1d1f';
  const grid = dark ? '#3f434a' : '#d0d3d7';
  const svg = node('svg', { xmlns: NS, viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'trend-svg', 'font-family': 'sans-serif', 'font-size': 12 });
  svg.append(node('title', {}, t('corpus.trendChart', { terms: r.terms.join(', ') })));
  const rows = r.rows;
  const values = r.terms.map((/** @type {string} */ _, /** @type {number} */ i) => rows.map((/** @type {any} */ row) => perTenThousand(row.counts[i], row.words)));
  const max = Math.max(0, ...values.flat());
  const s = step(max);
  const top = Math.max(s, Math.ceil(max / s) * s);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (/** @type {number} */ i) => M.left + (rows.length === 1 ? pw / 2 : (i * pw) / (rows.length - 1));
  const y = (/** @type {number} */ v) => M.top + ph - (v / top) * ph;
  for (let v = 0; v <= top + 1e-9; v += s) {
    svg.append(node('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), stroke: grid }));
    svg.append(node('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', fill: fg }, String(Number(v.toFixed(3)))));
  }
  svg.append(node('text', { x: M.left, y: 16, fill: fg }, t('corpus.per10k')));
  const every = Math.max(1, Math.ceil(rows.length / 20));
  rows.forEach((/** @type {any} */ row, /** @type {number} */ i) => {
    if (i % every) return;
    svg.append(node('text', { x: x(i), y: H - M.bottom + 14, 'text-anchor': 'end', fill: fg, transform: `rotate(-40 ${x(i)} ${H - M.bottom + 14})` }, row.period));
  });
  // The legend, in the image itself (so a download says which line is which).
  let lx = M.left + 120;
  r.terms.forEach((/** @type {string} */ term, /** @type {number} */ i) => {
    svg.append(node('rect', { x: lx, y: 6, width: 12, height: 12, fill: PALETTE[i % PALETTE.length] }));
    svg.append(node('text', { x: lx + 16, y: 16, fill: fg }, term));
    lx += 30 + term.length * 8;
  });
  values.forEach((/** @type {number[]} */ vs, /** @type {number} */ i) => {
    const color = PALETTE[i % PALETTE.length];
    svg.append(node('polyline', { points: vs.map((v, j) => `${x(j)},${y(v)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    vs.forEach((v, j) => {
      const dot = node('circle', { cx: x(j), cy: y(v), r: 5, fill: color, class: 'trend-point', 'data-row': j, 'data-term': i });
      if (onPoint) {
        dot.setAttribute('tabindex', '0');
        dot.setAttribute('role', 'button');
        dot.setAttribute('aria-label', `${r.terms[i]}, ${rows[j].period}: ${Number(v.toFixed(3))} / 10,000 (${rows[j].counts[i]})`);
        dot.addEventListener('click', () => onPoint(j, i));
        dot.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onPoint(j, i);
          }
        });
      }
      dot.append(node('title', {}, `${r.terms[i]} · ${rows[j].period}: ${rows[j].counts[i]}`));
      svg.append(dot);
    });
  });
  return svg;
}

/** The trend `r` as an SVG document string (light colours, white background). */
export function trendSvgString(/** @type {any} */ r) {
  const svg = trendSvg(r, null, false);
  svg.insertBefore(node('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }), svg.firstChild?.nextSibling ?? null);
  return new XMLSerializer().serializeToString(svg);
}

/** The trend `r` as a PNG blob (the SVG drawn on a canvas at twice its size). */
export async function trendPng(/** @type {any} */ r) {
  const url = URL.createObjectURL(new Blob([trendSvgString(r)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = W * 2;
    canvas.height = H * 2;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, W, H);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
