// The corpus's six views, drawn into the dialog's panel: articles, trends (chart and table; a
// point opens its articles and concordance lines), phrasing changes, keywords, concordance and the
// merged timeline. Each keeps its inputs between redraws (a language switch, a finished run).
import { elt } from '../../dom.js';
import { t } from '../../i18n.js';
import { fmt } from '../../format.js';
import { download } from '../../download.js';
import { articleDate } from './summary.js';
import { counted, trends, perTenThousand, concordance, corpusKeywords, phrasingChanges, mergedTimeline } from './aggregate.js';
import { setUserDate, downloadCsv, downloadJson, phrasingEngine } from './corpus.js';
import { drawTrend, trendSvgString, trendPng } from './trend-chart.js';

/** @typedef {import('./store.js').Article} Article */
/** @typedef {{articles: Article[], byId: Map<string, Article>}} Corpus */

export const VIEWS = ['articles', 'trends', 'changes', 'keywords', 'concordance', 'timeline'];

/** What the user typed in each view, kept across redraws. */
const inputs = {
  filter: '', terms: '', unit: 'month', conc: '', tlFilter: '',
  mode: 'periods', aFrom: '', aTo: '', bFrom: '', bTo: '', artA: '', artB: '',
};
/** The last results, kept so a redraw does not count again. @type {Record<string, any>} */
const results = {};

const titleOf = (/** @type {Corpus} */ c, /** @type {string} */ id) => c.byId.get(id)?.summary?.title || c.byId.get(id)?.name || id;
const dateOf = (/** @type {Corpus} */ c, /** @type {string} */ id) => {
  const a = c.byId.get(id);
  return a ? articleDate(a).date ?? t('corpus.undated') : '';
};

/** Draws view `v` of corpus `c` into `panel`. */
export function renderView(/** @type {string} */ v, /** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  panel.replaceChildren();
  panel.dataset.view = v;
  if (v === 'articles') articlesView(panel, c);
  else if (v === 'trends') trendsView(panel, c);
  else if (v === 'changes') changesView(panel, c);
  else if (v === 'keywords') keywordsView(panel, c);
  else if (v === 'concordance') concordanceView(panel, c);
  else if (v === 'timeline') timelineView(panel, c);
}

const table = (/** @type {string} */ id, /** @type {string[]} */ heads, /** @type {HTMLElement[]} */ rows, caption = '') => elt('div', { class: 'corpus-table' },
  elt('table', { class: 'data', id }, caption ? elt('caption', {}, caption) : null,
    elt('thead', {}, elt('tr', {}, ...heads.map((h) => elt('th', { scope: 'col' }, h)))), elt('tbody', {}, ...rows)));
const td = (/** @type {string | number | Node} */ x) => elt('td', {}, typeof x === 'number' ? fmt(x) : x);
const btn = (/** @type {string} */ label, /** @type {() => void} */ onclick, id = '') => elt('button', { type: 'button', class: 'small-btn', onclick, ...(id ? { id } : {}) }, label);

// ---- Articles ---------------------------------------------------------------------------------

/** The articles' rows for the table and the exports: sorted by date (undated last), then name. */
export function articleRows(/** @type {Corpus} */ c) {
  return [...c.articles].map((a) => {
    const { date, source } = articleDate(a);
    const s = a.summary;
    return { id: a.id, date: date ?? '', date_source: source ?? '', title: s?.title ?? '', publication: s?.publication ?? '', file: a.path, source: a.source, words: s?.words ?? '',
      language: s?.language ?? '', top_terms: (s?.terms ?? []).slice(0, 5).map((x) => x[0]).join('; '), status: a.status,
      duplicate_of: a.duplicateOf ?? '', error: a.error ?? '' };
  }).sort((x, y) => (x.date === '' ? 1 : 0) - (y.date === '' ? 1 : 0) || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || (x.file < y.file ? -1 : 1));
}
const ARTICLE_COLUMNS = ['id', 'date', 'date_source', 'title', 'publication', 'file', 'source', 'words', 'language', 'top_terms', 'status', 'duplicate_of', 'error'];

function articlesView(/** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  const filter = elt('input', { type: 'search', id: 'corpus-filter', value: inputs.filter, 'aria-label': t('corpus.filter'), placeholder: t('corpus.filter') });
  const body = elt('div');
  const draw = () => {
    const q = inputs.filter.trim().toLowerCase();
    const rows = articleRows(c).filter((r) => !q || [r.title, r.publication, r.file, r.date, r.top_terms, r.language, r.status].some((x) => String(x).toLowerCase().includes(q)));
    const shown = rows.slice(0, 500);
    body.replaceChildren(elt('p', { class: 'small muted' }, t('corpus.showing', { n: fmt(shown.length), total: fmt(rows.length) })),
      table('corpus-articles', ['date', 'dateSource', 'title', 'publication', 'file', 'words', 'language', 'topTerms', 'status'].map((k) => t(`corpus.col.${k}`)),
        shown.map((r) => {
          const a = /** @type {Article} */ (c.byId.get(r.id) ?? c.articles.find((x) => x.id === r.id));
          const dateCell = r.date || a.status === 'duplicate' ? r.date : dateEntry(a);
          return elt('tr', { dataset: { id: r.id, status: r.status, source: r.date_source } },
            td(dateCell), td(r.date_source ? t(`corpus.source.${r.date_source}`) : ''), td(r.title), td(r.publication), td(r.file), td(r.words === '' ? '' : Number(r.words)), td(r.language),
            td(r.top_terms), td(r.status === 'duplicate' ? t('corpus.status.duplicate', { of: titleOf(c, r.duplicate_of) })
              : r.status === 'failed' ? `${t('corpus.status.failed')}: ${r.error}` : t(`corpus.status.${r.status}`)));
        })));
  };
  filter.addEventListener('input', () => { inputs.filter = filter.value; draw(); });
  panel.append(elt('div', { class: 'corpus-tools' }, filter,
    btn(t('corpus.csv'), () => downloadCsv('corpus-articles.csv', ARTICLE_COLUMNS, articleRows(c)), 'corpus-articles-csv'),
    btn(t('corpus.json'), () => downloadJson('corpus-articles.json', articleRows(c).map((r) => ({ ...r, summary: c.byId.get(r.id)?.summary ?? null }))), 'corpus-articles-json')), body);
  draw();
}

// A date field for an article without one (no dateline, no date in its file name).
function dateEntry(/** @type {Article} */ a) {
  const input = elt('input', { type: 'text', class: 'corpus-date', placeholder: 'YYYY-MM-DD', 'aria-label': t('corpus.enterDate', { name: a.name }), size: 11 });
  const form = elt('form', { class: 'corpus-date-form', onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); setUserDate(a, input.value); } },
    input, elt('button', { type: 'submit', class: 'small-btn' }, t('corpus.setDate')));
  return elt('span', {}, elt('span', { class: 'muted' }, `${t('corpus.undated')} `), form);
}

// ---- Trends -----------------------------------------------------------------------------------

function trendsView(/** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  const terms = elt('input', { type: 'text', id: 'corpus-terms', value: inputs.terms, 'aria-label': t('corpus.terms'), placeholder: t('corpus.termsHint'), size: 40 });
  const unit = elt('select', { id: 'corpus-unit', 'aria-label': t('corpus.unit') },
    ...['article', 'week', 'month', 'year'].map((u) => elt('option', { value: u, selected: u === inputs.unit }, t(`corpus.unit.${u}`))));
  const out = elt('div', { id: 'corpus-trends' });
  const detail = elt('div', { id: 'corpus-point', class: 'corpus-point' });
  const go = async () => {
    inputs.terms = terms.value;
    inputs.unit = unit.value;
    const list = inputs.terms.split(/[,，;；]/).map((s) => s.trim()).filter(Boolean).slice(0, 8);
    if (!list.length) return;
    out.replaceChildren(elt('p', { class: 'small muted' }, t('corpus.counting')));
    results.trends = { terms: list, unit: inputs.unit, ...(await trends(c.articles, list, inputs.unit)) };
    drawTrends(out, detail, c);
  };
  panel.append(elt('form', { class: 'corpus-tools', onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); go(); } },
    terms, unit, elt('button', { type: 'submit', id: 'corpus-trends-go' }, t('corpus.show'))), out, detail);
  if (results.trends) drawTrends(out, detail, c);
}

/** The trend's table: one row per period and term. */
function trendTable(/** @type {any} */ r) {
  /** @type {Record<string, any>[]} */
  const rows = [];
  for (const row of r.rows) {
    r.terms.forEach((/** @type {string} */ term, /** @type {number} */ i) => {
      rows.push({ period: row.period, term, count: row.counts[i], words: row.words, articles: row.articles.length,
        articles_with_term: row.hits[i].length, per_10k_words: Number(perTenThousand(row.counts[i], row.words).toFixed(3)) });
    });
  }
  return rows;
}
const TREND_COLUMNS = ['period', 'term', 'count', 'words', 'articles', 'articles_with_term', 'per_10k_words'];

function drawTrends(/** @type {HTMLElement} */ out, /** @type {HTMLElement} */ detail, /** @type {Corpus} */ c) {
  const r = results.trends;
  const chartBox = elt('div', { class: 'corpus-chart', id: 'corpus-trend-chart', 'aria-label': t('corpus.trendChart', { terms: r.terms.join(', ') }) });
  const rows = trendTable(r);
  const tableView = table('corpus-trend-table', TREND_COLUMNS.map((k) => t(`corpus.tcol.${k}`)).concat(t('corpus.col.open')), rows.map((x, k) => elt('tr', {},
    ...TREND_COLUMNS.map((col) => td(x[col])),
    td(btn(t('corpus.open'), () => openPoint(detail, c, Math.floor(k / r.terms.length), k % r.terms.length))))), t('corpus.tableCaption'));
  tableView.hidden = true;
  const toggle = btn(t('corpus.asTable'), () => {
    tableView.hidden = !tableView.hidden;
    chartBox.hidden = !tableView.hidden;
    toggle.textContent = tableView.hidden ? t('corpus.asTable') : t('corpus.asChart');
    toggle.setAttribute('aria-pressed', String(!tableView.hidden));
  }, 'corpus-trend-toggle');
  const name = `corpus-trends-${r.unit}`;
  out.replaceChildren(
    elt('p', { class: 'small muted' }, t('corpus.trendNote', { undated: fmt(r.undated) })),
    elt('div', { class: 'corpus-tools' }, toggle,
      btn(t('corpus.csv'), () => downloadCsv(`${name}.csv`, TREND_COLUMNS, rows), 'corpus-trend-csv'),
      btn(t('corpus.json'), () => downloadJson(`${name}.json`, { unit: r.unit, terms: r.terms, rows }), 'corpus-trend-json'),
      btn('PNG', async () => download(`${name}.png`, /** @type {Blob} */ (await trendPng(r))), 'corpus-trend-png'),
      btn('SVG', async () => download(`${name}.svg`, new Blob([await trendSvgString(r)], { type: 'image/svg+xml' })), 'corpus-trend-svg')),
    chartBox, tableView);
  if (!r.rows.length) {
    chartBox.replaceChildren(elt('p', { class: 'small muted' }, t('corpus.noDated')));
    return;
  }
  drawTrend(chartBox, r, (row, term) => openPoint(detail, c, row, term));
}

/** The articles and concordance lines behind one point of the trend (period `row`, term `i`). */
async function openPoint(/** @type {HTMLElement} */ detail, /** @type {Corpus} */ c, /** @type {number} */ row, /** @type {number} */ i) {
  const r = results.trends;
  const p = r.rows[row];
  const term = r.terms[i];
  const { lines, total } = await concordance(p.hits[i], term, 200);
  detail.replaceChildren(elt('h3', { id: 'corpus-point-title' }, t('corpus.pointTitle', { term, period: p.period, n: fmt(p.counts[i]) })),
    elt('ul', { class: 'small' }, ...p.articles.map((/** @type {string} */ id) => elt('li', {}, `${dateOf(c, id)} · ${titleOf(c, id)}`,
      p.hits[i].includes(id) ? '' : ` (${t('corpus.noHit')})`))),
    concTable(c, lines, total));
  detail.focus?.();
}

function concTable(/** @type {Corpus} */ c, /** @type {import('./aggregate.js').Line[]} */ lines, /** @type {number} */ total) {
  return elt('div', {}, elt('p', { class: 'small muted' }, t('corpus.concTotal', { n: fmt(total), shown: fmt(lines.length) })),
    table('corpus-conc-lines', ['date', 'title', 'left', 'match', 'right'].map((k) => t(`corpus.col.${k}`)), lines.map((l) => elt('tr', {},
      td(dateOf(c, l.id)), td(titleOf(c, l.id)), elt('td', { class: 'left' }, l.left), elt('td', {}, elt('mark', { class: 'key' }, l.match)), td(l.right)))));
}

// ---- Phrasing changes -------------------------------------------------------------------------

function changesView(/** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  const docs = counted(c.articles);
  const mode = elt('select', { id: 'corpus-change-mode', 'aria-label': t('corpus.changeMode') },
    ...['periods', 'articles'].map((m) => elt('option', { value: m, selected: m === inputs.mode }, t(`corpus.mode.${m}`))));
  const dateIn = (/** @type {'aFrom' | 'aTo' | 'bFrom' | 'bTo'} */ k) => elt('input', { type: 'text', id: `corpus-${k}`, value: inputs[k], size: 11, placeholder: 'YYYY-MM-DD',
    'aria-label': t(`corpus.${k}`), oninput: (/** @type {Event} */ e) => { inputs[k] = /** @type {HTMLInputElement} */ (e.target).value; } });
  const pick = (/** @type {'artA' | 'artB'} */ k) => elt('select', { id: `corpus-${k}`, 'aria-label': t(`corpus.${k}`), onchange: (/** @type {Event} */ e) => { inputs[k] = /** @type {HTMLSelectElement} */ (e.target).value; } },
    ...docs.map((a) => elt('option', { value: a.id, selected: inputs[k] === a.id }, `${articleDate(a).date ?? t('corpus.undated')} · ${a.summary?.title ?? a.name}`)));
  const periods = elt('span', { class: 'corpus-sides' }, elt('span', {}, t('corpus.sideA'), ' ', dateIn('aFrom'), ' – ', dateIn('aTo')),
    elt('span', {}, t('corpus.sideB'), ' ', dateIn('bFrom'), ' – ', dateIn('bTo')));
  const arts = elt('span', { class: 'corpus-sides' }, pick('artA'), pick('artB'));
  const sync = () => { periods.hidden = mode.value !== 'periods'; arts.hidden = mode.value !== 'articles'; };
  mode.addEventListener('change', () => { inputs.mode = mode.value; sync(); });
  sync();
  const out = elt('div', { id: 'corpus-changes' });
  const go = async () => {
    inputs.mode = mode.value;
    /** @type {string[]} */
    let idsA;
    /** @type {string[]} */
    let idsB;
    if (inputs.mode === 'articles') {
      idsA = [inputs.artA || /** @type {HTMLSelectElement} */ (arts.children[0]).value];
      idsB = [inputs.artB || /** @type {HTMLSelectElement} */ (arts.children[1]).value];
    } else {
      const within = (/** @type {Article} */ a, /** @type {string} */ from, /** @type {string} */ to) => {
        const d = articleDate(a).date;
        return !!d && (!from || d >= from) && (!to || d <= to);
      };
      idsA = docs.filter((a) => within(a, inputs.aFrom, inputs.aTo)).map((a) => a.id);
      idsB = docs.filter((a) => within(a, inputs.bFrom, inputs.bTo)).map((a) => a.id);
    }
    if (!idsA.length || !idsB.length || !idsA[0] || !idsB[0]) {
      out.replaceChildren(elt('p', { class: 'error' }, t('corpus.emptySide')));
      return;
    }
    out.replaceChildren(elt('p', { class: 'small muted' }, t('corpus.comparing')));
    const { getTexts } = await import('./store.js');
    const texts = await getTexts([...idsA, ...idsB]);
    const { bridge, options } = phrasingEngine();
    try {
      const answer = await bridge.phrasing(texts, idsA.length, options, [...idsA, ...idsB]);
      results.changes = { idsA, idsB, ...(await phrasingChanges(answer, idsA, idsB)) };
      drawChanges(out, c);
    } catch (e) {
      out.replaceChildren(elt('p', { class: 'error' }, t('corpus.failed', { error: /** @type {Error} */ (e).message })));
    }
  };
  panel.append(elt('form', { class: 'corpus-tools', onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); go(); } },
    mode, periods, arts, elt('button', { type: 'submit', id: 'corpus-changes-go' }, t('corpus.compare'))), out);
  if (results.changes) drawChanges(out, c);
}

const CHANGE_COLUMNS = ['change', 'term', 'kind', 'count_a', 'count_b', 'per_million_a', 'per_million_b', 'log_likelihood', 'log_ratio'];

function drawChanges(/** @type {HTMLElement} */ out, /** @type {Corpus} */ c) {
  const r = results.changes;
  const flat = r.rows.map((/** @type {any} */ x) => ({ ...x, per_million_a: Number(x.per_million_a.toFixed(1)), per_million_b: Number(x.per_million_b.toFixed(1)),
    log_likelihood: Number(x.log_likelihood.toFixed(2)), log_ratio: Number(x.log_ratio.toFixed(2)) }));
  out.replaceChildren(elt('p', { class: 'small muted' }, t('corpus.changeNote', { a: fmt(r.idsA.length), b: fmt(r.idsB.length), wa: fmt(r.wordsA), wb: fmt(r.wordsB) })),
    elt('div', { class: 'corpus-tools' },
      btn(t('corpus.csv'), () => downloadCsv('corpus-phrasing-changes.csv', CHANGE_COLUMNS, flat), 'corpus-changes-csv'),
      btn(t('corpus.json'), () => downloadJson('corpus-phrasing-changes.json', { a: r.idsA, b: r.idsB, rows: flat.map((/** @type {any} */ x) => ({ ...x, articles: x.ids })) }), 'corpus-changes-json')),
    table('corpus-changes-table', ['change', 'term', 'countA', 'countB', 'll', 'logRatio', 'sentences'].map((k) => t(`corpus.ccol.${k}`)),
      flat.map((/** @type {any} */ x) => elt('tr', { dataset: { change: x.change, term: x.term, kind: x.kind } },
        td(t(`corpus.change.${x.change}`)), td(x.term), td(x.count_a), td(x.count_b), td(x.log_likelihood.toFixed(2)), td(x.log_ratio.toFixed(2)),
        td(elt('ul', { class: 'sentences' }, ...x.sentences.map((/** @type {{id: string, text: string}} */ s) => elt('li', {},
          elt('span', { class: 'muted' }, `${dateOf(c, s.id)} · ${titleOf(c, s.id)}: `), s.text))))))));
}

// ---- Keywords ---------------------------------------------------------------------------------

const KEYWORD_COLUMNS = ['term', 'count', 'articles', 'per_million', 'reference_per_million', 'log_ratio'];

function keywordsView(/** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  const k = corpusKeywords(c.articles);
  const rows = k.rows.map((r) => ({ term: r.term, count: r.count, articles: r.articles, per_million: Number(r.perMillion.toFixed(1)),
    reference_per_million: r.ref === null ? '' : Number(r.ref.toFixed(1)), log_ratio: Number(r.logRatio.toFixed(2)) }));
  panel.append(elt('p', { class: 'small muted' }, t('corpus.keywordNote', { n: fmt(k.articles), words: fmt(k.words) })),
    elt('div', { class: 'corpus-tools' }, btn(t('corpus.csv'), () => downloadCsv('corpus-keywords.csv', KEYWORD_COLUMNS, rows), 'corpus-keywords-csv'),
      btn(t('corpus.json'), () => downloadJson('corpus-keywords.json', rows), 'corpus-keywords-json')),
    table('corpus-keywords-table', KEYWORD_COLUMNS.map((x) => t(`corpus.kcol.${x}`)), rows.map((r) => elt('tr', {},
      ...KEYWORD_COLUMNS.map((x) => td(/** @type {any} */ (r)[x]))))));
}

// ---- Concordance ------------------------------------------------------------------------------

function concordanceView(/** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  const q = elt('input', { type: 'search', id: 'corpus-conc-term', value: inputs.conc, 'aria-label': t('corpus.concTerm'), placeholder: t('corpus.concTerm') });
  const out = elt('div', { id: 'corpus-conc' });
  const go = async () => {
    inputs.conc = q.value.trim();
    if (!inputs.conc) return;
    const ids = counted(c.articles).map((a) => ({ id: a.id, d: articleDate(a).date ?? '\uffff' })).sort((x, y) => (x.d < y.d ? -1 : x.d > y.d ? 1 : 0)).map((x) => x.id);
    results.conc = { term: inputs.conc, ...(await concordance(ids, inputs.conc, 1000)) };
    out.replaceChildren(concTable(c, results.conc.lines, results.conc.total));
  };
  panel.append(elt('form', { class: 'corpus-tools', onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); go(); } }, q,
    elt('button', { type: 'submit', id: 'corpus-conc-go' }, t('corpus.search'))), out);
  if (results.conc) out.replaceChildren(concTable(c, results.conc.lines, results.conc.total));
}

// ---- Merged timeline --------------------------------------------------------------------------

function timelineView(/** @type {HTMLElement} */ panel, /** @type {Corpus} */ c) {
  const q = elt('input', { type: 'search', id: 'corpus-tl-filter', value: inputs.tlFilter, 'aria-label': t('corpus.tlFilter'), placeholder: t('corpus.tlFilter') });
  const out = elt('div', { id: 'corpus-timeline' });
  const draw = () => {
    const events = mergedTimeline(c.articles, inputs.tlFilter);
    const rows = events.slice(0, 1000);
    const flat = events.map((e) => ({ start: e.start, end: e.end, granularity: e.granularity, articles: e.count,
      mentions: e.mentions.map((m) => ({ article: m.id, date_words: m.words, sentence: m.sentence })) }));
    out.replaceChildren(elt('p', { class: 'small muted' }, t('corpus.tlNote', { n: fmt(events.length) })),
      elt('div', { class: 'corpus-tools' },
        btn(t('corpus.csv'), () => downloadCsv('corpus-timeline.csv', ['start', 'end', 'granularity', 'articles', 'first_sentence'],
          flat.map((f) => ({ ...f, first_sentence: f.mentions[0]?.sentence ?? '' }))), 'corpus-timeline-csv'),
        btn(t('corpus.json'), () => downloadJson('corpus-timeline.json', flat), 'corpus-timeline-json')),
      table('corpus-timeline-table', ['when', 'articles', 'mentions'].map((k) => t(`corpus.tlcol.${k}`)), rows.map((e) => elt('tr', { dataset: { start: e.start, count: String(e.count) } },
        td(e.start === e.end ? e.start : `${e.start} – ${e.end}`), td(e.count),
        td(elt('ul', { class: 'sentences' }, ...e.mentions.slice(0, 3).map((m) => elt('li', {},
          elt('span', { class: 'muted' }, `${titleOf(c, m.id)} (“${m.words}”): `), m.sentence))))))));
  };
  q.addEventListener('input', () => { inputs.tlFilter = q.value; draw(); });
  panel.append(elt('div', { class: 'corpus-tools' }, q), out);
  draw();
}
