// The reading pane: the article as header, title, headings and paragraphs, each sentence a target
// to jump to, dates and the chosen keyword marked from the report's offsets. Everything from the
// article goes in as text nodes. Long articles are rendered in slices of a few milliseconds so
// the page never freezes; a newer render aborts an older one.
import { nextTask } from '../../dom.js';
import { state } from '../../state.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { currentCorrections, matcher } from '../charts/chart-data.js';

/**
 * @typedef {import('../../types/report').Report} Report
 * @typedef {{start: number, end: number}} Span
 * @typedef {{start: number, end: number, cls: string, title: string, timex?: number, correction?: string}} Mark
 * @typedef {{empty?: string, earlier?: string, later?: string, dismiss?: string, corrected?: string, added?: string}} Labels
 * @typedef {{root: HTMLElement, text: string, report: Report, marks: Mark[], sectionStarts: Map<number, number>,
 *   labels: Labels, from: number, to: number}} Model
 */

/** @type {AbortController | null} the newest render's */
let rendering = null;
/** @type {Promise<boolean>} */
let rendered = Promise.resolve(true);
/** @type {Model | null} what the pane shows */
let model = null;

// A window of the article is in the DOM at a time: the whole of any ordinary article, about a
// book chapter's worth of a huge text; scrolling to its end, a jump or "show more" moves it.
const WINDOW_CHARS = 200000;

// First index in [0, n) for which pred(i) is true (pred monotonic), or n.
function lowerBound(/** @type {number} */ n, /** @type {(i: number) => boolean} */ pred) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Renders `text` with `report`'s structure into `root`; `highlight` lists spans to mark as the keyword.
 * @param {HTMLElement} root
 * @param {string} text
 * @param {Report} report
 * @param {Span[]} [highlight]
 * @param {Labels} [labels]
 * @param {Map<string, import('../timeline/match.js').Correction>} [corr] the reader's corrections that apply, by span key:
 *   a dismissed date is struck through, a changed or added one shows the reader's value, each saying so in its title
 */
export function renderReading(root, text, report, highlight = [], labels = {}, corr = new Map()) {
  // Corrections come with their matcher loaded (charts/chart-data.js).
  const spanKey = corr.size && matcher ? matcher.spanKey : () => '';
  /** @type {Mark[]} */
  const marks = report.timexes.map((x, i) => {
    const c = corr.get(spanKey(x));
    const title = `${x.type} ${x.value}${x.end_value ? ` … ${x.end_value}` : ''}${x.source ? ` (${x.source})` : ''}`;
    return { start: x.start, end: x.end, timex: i, correction: c?.op,
      cls: `date ${x.kind ?? ''}${c?.op === 'dismiss' ? ' dismissed' : c?.op === 'value' ? ' corrected' : ''}`,
      title: c?.op === 'dismiss' ? `${labels.dismiss ?? ''} (${title})` : c?.op === 'value' ? `${labels.corrected ?? ''}: ${c.value} (${title})` : title };
  });
  const taken = new Set(corr.size ? report.timexes.map(spanKey) : []);
  for (const c of corr.values()) {
    if (c.op === 'add' && !taken.has(spanKey(c))) marks.push({ start: c.start, end: c.end, cls: 'date corrected', correction: 'add', title: `${labels.added ?? ''}: ${c.value}` });
  }
  marks.push(...highlight.map((s) => ({ start: s.start, end: s.end, cls: 'key', title: '' })));
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const sectionStarts = new Map(report.sections.map((s, k) => [s.first_paragraph, k]));
  model = { root, text, report, marks, sectionStarts, labels, from: 0, to: 0 };
  return renderWindow(0);
}

function renderParagraph(/** @type {Model} */ m, /** @type {number} */ p) {
  const { report, text, marks } = m;
  const para = report.paragraphs[p];
  const tag = para.kind === 'title' ? 'h3' : para.kind === 'heading' ? 'h4' : 'p';
  const e = document.createElement(tag);
  e.id = `p-${p}`;
  e.className = `para kind-${para.kind}`;
  if (para.language === 'zh') e.lang = 'zh';
  else if (para.language === 'en') e.lang = 'en';
  if (m.sectionStarts.has(p)) {
    e.dataset.section = String(m.sectionStarts.get(p));
    e.tabIndex = -1;
  }
  let s = lowerBound(report.sentences.length, (i) => report.sentences[i].paragraph >= p);
  let k = lowerBound(marks.length, (i) => marks[i].start >= para.start);
  while (k > 0 && marks[k - 1].end > para.start) k--;
  let pos = para.start;
  while (s < report.sentences.length && report.sentences[s].paragraph === p) {
    const sent = report.sentences[s];
    if (sent.start > pos) e.append(text.slice(pos, sent.start));
    const span = document.createElement('span');
    span.id = `s-${s}`;
    span.className = 'sentence';
    while (k < marks.length && marks[k].end <= sent.start) k++;
    let cur = sent.start;
    for (let j = k; j < marks.length && marks[j].start < sent.end; j++) {
      const mk = marks[j];
      const a = Math.max(mk.start, cur);
      const b = Math.min(mk.end, sent.end);
      if (b <= a) continue;
      if (a > cur) span.append(text.slice(cur, a));
      const mark = document.createElement('mark');
      mark.className = mk.cls;
      if (mk.title) mark.title = mk.title;
      if (mk.timex !== undefined) mark.dataset.timex = String(mk.timex);
      if (mk.correction) mark.dataset.correction = mk.correction;
      mark.textContent = text.slice(a, b);
      span.append(mark);
      cur = b;
    }
    if (cur < sent.end) span.append(text.slice(cur, sent.end));
    e.append(span);
    pos = sent.end;
    s++;
  }
  if (pos < para.end) e.append(text.slice(Math.max(pos, para.start), para.end));
  return e;
}

function moreButton(/** @type {string} */ label, /** @type {() => void} */ onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'more';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/** Renders paragraphs from `from` on (a window of about WINDOW_CHARS), in slices of a few ms. */
function renderWindow(/** @type {number} */ from) {
  rendering?.abort();
  const { signal } = (rendering = new AbortController());
  const m = /** @type {Model} */ (model);
  const { root, report } = m;
  const paras = report.paragraphs;
  root.replaceChildren();
  root.setAttribute('aria-busy', 'true');
  m.from = from;
  let p = from;
  const limit = (paras[from]?.start ?? 0) + WINDOW_CHARS;
  rendered = (async () => {
    if (from > 0) root.append(moreButton(m.labels.earlier ?? '↑', () => moveWindow(Math.max(0, windowStart(from)), from - 1)));
    while (p < paras.length && (p === from || paras[p].start < limit)) {
      const frag = document.createDocumentFragment();
      const t0 = performance.now();
      while (p < paras.length && (p === from || paras[p].start < limit) && performance.now() - t0 < 8) frag.append(renderParagraph(m, p++));
      if (signal.aborted) return false;
      root.append(frag);
      if (p < paras.length && paras[p].start < limit) {
        await nextTask();
        if (signal.aborted) return false;
      }
    }
    m.to = p;
    if (p < paras.length) {
      const next = p;
      root.append(moreButton(m.labels.later ?? '↓', () => moveWindow(next, next)));
    }
    if (!paras.length && m.text.trim()) root.append(Object.assign(document.createElement('p'), { textContent: m.labels.empty ?? '' }));
    root.removeAttribute('aria-busy');
    return true;
  })();
  return rendered;
}

// "Show more" / "Show the text before": the window moves and the focus goes to the paragraph the
// reader continues with (the button that had it is gone).
async function moveWindow(/** @type {number} */ from, /** @type {number} */ focusParagraph) {
  if (!(await renderWindow(from)) || !model) return;
  const el = /** @type {HTMLElement | null} */ (model.root.querySelector(`#p-${focusParagraph}`));
  if (!el) return;
  el.tabIndex = -1;
  el.scrollIntoView({ block: focusParagraph < from + 1 ? 'start' : 'end' });
  el.focus({ preventScroll: true });
}

// The paragraph a window ending just before paragraph `p` starts at.
function windowStart(/** @type {number} */ p) {
  const paras = /** @type {Model} */ (model).report.paragraphs;
  const end = paras[p].start;
  return lowerBound(p, (i) => paras[i].start >= end - WINDOW_CHARS);
}

// Makes sure paragraph `p` is in the DOM (moving the window there if needed).
async function ensureParagraph(/** @type {number} */ p) {
  await rendered;
  if (!model || p < 0) return;
  if (p >= model.from && p < model.to) return;
  await renderWindow(Math.max(0, p - 3));
}

/** Resolves when the newest render has finished. */
export const readingRendered = () => rendered;

function flash(/** @type {HTMLElement} */ root, /** @type {HTMLElement} */ el) {
  root.querySelectorAll('.flash').forEach((x) => {
    x.classList.remove('flash');
    x.removeAttribute('tabindex');
  });
  el.classList.add('flash');
  el.tabIndex = -1;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/** Scrolls the reading pane to sentence `index`, highlights it and moves the focus there. */
export async function jumpToSentence(/** @type {HTMLElement} */ root, /** @type {number} */ index) {
  const sent = model?.report.sentences[index];
  if (sent) await ensureParagraph(sent.paragraph);
  await rendered;
  const el = /** @type {HTMLElement | null} */ (root.querySelector(`#s-${index}`));
  if (el) flash(root, el);
  return !!el;
}

/** Scrolls the reading pane to the start of section `k`. */
export async function jumpToSection(/** @type {HTMLElement} */ root, /** @type {number} */ k) {
  const sec = model?.report.sections[k];
  if (sec) await ensureParagraph(sec.first_paragraph);
  await rendered;
  const el = /** @type {HTMLElement | null} */ (root.querySelector(`[data-section="${k}"]`));
  if (!el) return false;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/** Index of the sentence that contains UTF-16 offset `offset` (binary search). */
export function sentenceAt(/** @type {Report} */ report, /** @type {number} */ offset) {
  const ss = report.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shows `text` with `report` in the reading pane, `highlight` marked as the chosen keyword. */
export function showReading(/** @type {string} */ text, /** @type {Report} */ report, /** @type {Span[]} */ highlight = []) {
  return renderReading(ui.reading, text, report, highlight, { empty: t('reading.empty'), earlier: t('reading.earlier'), later: t('reading.later'),
    dismiss: t('corr.dismiss'), corrected: t('corr.value'), added: t('corr.add') }, currentCorrections());
}

/** Scrolls the reading pane to the next (`dir` 1) or previous (`dir` -1) section. */
export function stepSection(/** @type {number} */ dir) {
  if (!state.report) return;
  const heads = /** @type {HTMLElement[]} */ ([...ui.reading.querySelectorAll('[data-section]')]);
  const top = ui.reading.getBoundingClientRect().top;
  let idx = heads.findIndex((h) => h.getBoundingClientRect().top > top + 4);
  if (idx < 0) idx = heads.length;
  const target = dir > 0 ? heads[idx] : heads[Math.max(0, idx - 2)];
  if (target) jumpToSection(ui.reading, Number(target.dataset.section));
}
