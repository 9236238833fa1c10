// The single-file report: one HTML file with the text, the report's summary, the charts as SVG
// images, their tables and the reading text with its dates marked, plus the provenance. It holds
// no script and asks for nothing: its CSP allows only its own style sheet (by hash) and data:
// images, so it opens offline from file:// in any browser exactly as saved. Everything is built
// as DOM nodes (text as text) and serialized, so the article's words can never become markup.
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t, uiLang } from '../../i18n.js';
import { CHART_KINDS, svgString } from '../charts/charts.js';
import { warningText } from '../reading/warnings.js';
import { currentTitle } from '../library/title.js';

/** @typedef {import('../../types/report').Report} Report */

// The report's own style: small, light and dark, printable.
const CSS = `:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#5b6470;--line:#d0d7de;--date:#fde68a;--rel:#bfdbfe;--dom:#ddd6fe}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9aa4ae;--line:#30363d;--date:#6b5200;--rel:#1e3a8a;--dom:#4c1d95}}
body{font:16px/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
.muted{color:var(--muted)}.small{font-size:.875rem}.provenance{font-family:ui-monospace,monospace;word-break:break-all}
dl.stats{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}dl.stats div{display:flex;gap:.4rem}dt{color:var(--muted)}dd{margin:0}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid var(--line)}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.875rem}th,td{border:1px solid var(--line);padding:.15rem .4rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.reading p{margin:.5rem 0}.reading .heading,.reading .title{font-weight:700}.reading .header{color:var(--muted);font-size:.875rem}
mark.date{background:var(--date);color:inherit}mark.date.relative{background:var(--rel)}mark.date.domain{background:var(--dom)}
@media print{figure,table{break-inside:avoid}}`;

/** The most table rows written per chart (the bundle and the page's CSV exports have them all). */
const TABLE_ROWS = 2000;

const b64 = (/** @type {Uint8Array} */ bytes) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};

/** The reading text: its paragraphs, with the dates marked as the reading pane marks them. */
function readingText(/** @type {Report} */ report, /** @type {string} */ text) {
  const timexes = [...report.timexes].sort((a, b) => a.start - b.start);
  let k = 0;
  return report.paragraphs.map((p) => {
    const parts = [];
    let at = p.start;
    while (k < timexes.length && timexes[k].end <= p.start) k++;
    for (let j = k; j < timexes.length && timexes[j].start < p.end; j++) {
      const x = timexes[j];
      if (x.start < at || x.end > p.end) continue;
      parts.push(text.slice(at, x.start));
      parts.push(elt('mark', { class: `date ${x.kind}`, title: x.value, textContent: text.slice(x.start, x.end) }));
      at = x.end;
    }
    parts.push(text.slice(at, p.end));
    return elt('p', { class: p.kind }, ...parts);
  });
}

/** The chart in `elem` as an SVG image and its table, or null when it is not drawn. */
async function chartFigure(/** @type {HTMLElement} */ elem, /** @type {string} */ name) {
  const cd = state.chartData.get(elem);
  if (!cd) return null;
  let svg;
  try {
    svg = await svgString(elem);
  } catch {
    return null;
  }
  const table = CHART_KINDS[/** @type {keyof typeof CHART_KINDS} */ (cd.kind)].table(cd.data);
  const rows = table.rows.slice(0, TABLE_ROWS);
  const size = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? /width="(\d+)" height="(\d+)"/.exec(svg);
  return elt('section', { class: 'chart' },
    elt('figure', {},
      elt('img', { src: `data:image/svg+xml;base64,${b64(new TextEncoder().encode(svg))}`, alt: t(`chart.${cd.kind}`),
        ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}) }),
      elt('figcaption', { class: 'small muted', textContent: name })),
    elt('table', {}, elt('caption', { textContent: name }),
      elt('thead', {}, elt('tr', {}, ...table.columns.map((/** @type {{label: string}} */ c) => elt('th', { scope: 'col', textContent: c.label })))),
      elt('tbody', {}, ...rows.map((/** @type {Record<string, any>} */ r) => elt('tr', {},
        ...table.columns.map((/** @type {{key: string}} */ c) => elt('td', { textContent: r[c.key] ?? '' })))))),
    table.rows.length > rows.length ? elt('p', { class: 'small muted', textContent: `${fmt(rows.length)} / ${fmt(table.rows.length)}` }) : null);
}

/**
 * The report file's HTML for the analysis `report` of `text`, with the share payload `p`'s
 * settings and provenance.
 * @param {Record<string, any>} p
 * @param {Report} report
 * @param {string} text
 */
export async function reportHtml(p, report, text) {
  const title = currentTitle();
  const prov = p.provenance;
  const s = p.settings;
  const stats = [['stat.characters', report.stats.characters], ['stat.words', report.stats.words], ['stat.sentences', report.stats.sentences],
    ['stat.paragraphs', report.stats.paragraphs], ['stat.sections', report.stats.sections], ['stat.dates', report.timexes.length]];
  const charts = [];
  for (const [elem, kind] of /** @type {[HTMLElement, string][]} */ ([[ui.keywordChart, 'keywords'], [ui.dispersionChart, 'dispersion'],
    [ui.timelineChart, 'timeline'], [ui.sectionsChart, 'sections']])) {
    charts.push(await chartFigure(elem, t(`chart.${kind}`)));
  }
  const body = elt('body', {},
    elt('header', {},
      elt('h1', { textContent: title }),
      elt('p', { class: 'small muted', textContent: t('share.report.noScript') }),
      elt('p', { class: 'small provenance', id: 'provenance', dataset: { sha256: prov.text_sha256, engine: prov.engine, analyzedAt: prov.analyzed_at },
        textContent: t('share.provenance', { hash: prov.text_sha256, engine: prov.engine, rv: prov.report_version, at: prov.analyzed_at }) }),
      elt('dl', { class: 'stats' }, ...stats.map(([k, v]) => elt('div', {}, elt('dt', { textContent: t(String(k)) }), elt('dd', { textContent: fmt(Number(v)) })))),
      elt('dl', { class: 'stats small' },
        elt('div', {}, elt('dt', { textContent: t('dct.label') }), elt('dd', { textContent: report.reference_date.value ?? '—' })),
        elt('div', {}, elt('dt', { textContent: t('stat.language') }), elt('dd', { textContent: report.language })),
        ...[['keywords.stopAdd', s.stopwords_add], ['keywords.stopRemove', s.stopwords_remove], ['keywords.userWords', s.user_words],
          ['keywords.termsAdd', s.official_terms_add ?? []], ['keywords.termsDrop', s.official_terms_remove ?? []]]
          .filter(([, list]) => list.length).map(([k, list]) => elt('div', {}, elt('dt', { textContent: t(k) }), elt('dd', { textContent: list.join(', ') }))))),
    (report.warnings ?? []).length ? elt('ul', { class: 'small' }, ...(report.warnings ?? []).map((w) => elt('li', { textContent: warningText(w) }))) : null,
    elt('h2', { textContent: t('share.report.charts') }),
    ...charts,
    elt('h2', { textContent: t('share.report.text') }),
    elt('article', { class: 'reading', lang: report.language === 'zh' ? 'zh' : report.language === 'en' ? 'en' : '' }, ...readingText(report, text)));
  const hash = b64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(CSS))));
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  // A document of its own, serialized by XMLSerializer (the markup a browser's HTML parser reads
  // back the same; the style sheet has no character it would escape, so its hash holds).
  const doc = document.implementation.createHTMLDocument(`${title} — ${t('share.report.heading')}`);
  doc.documentElement.lang = uiLang() === 'zh' ? 'zh-Hans' : 'en';
  const meta = (/** @type {Record<string, string>} */ attrs) => {
    const m = doc.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    return m;
  };
  const style = doc.createElement('style');
  style.textContent = CSS;
  doc.head.prepend(meta({ charset: 'utf-8' }), meta({ 'http-equiv': 'Content-Security-Policy', content: csp }),
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' }), meta({ name: 'generator', content: `Article Explorer ${prov.engine}` }));
  doc.head.append(style);
  doc.body.replaceWith(doc.adoptNode(body));
  return `<!doctype html>\n${new XMLSerializer().serializeToString(doc.documentElement)}\n`;
}
