// The chronological timeline (a lazy chunk of its own, with its strings): years as headings,
// events on the same dates grouped, each with its date as a reader writes it, the expression, its
// sentence with the date marked and the reason for the date in words. The reader can dismiss a
// false date, change a value or add a date to a selected expression; corrections are kept with
// the article in the library (events.js says how they survive re-analysis) and can be undone.
// The horizontal chart on the first view stays as the overview.
import { state, watch, changed } from '../../state.js';
import { ui } from '../../elements.js';
import { elt, $ } from '../../dom.js';
import { t, addStrings, uiLang, onLangChange } from '../../i18n.js';
import { download } from '../../download.js';
import { jumpToSentence } from '../reading/reading-pane.js';
import { library, findEntry, upsertEntry } from '../library/store.js';
import { newId } from '../library/library.js';
import { currentTitle } from '../library/title.js';
import { loadMatcher } from '../charts/chart-data.js';
import { spanKey } from './match.js';
import STRINGS from './strings.js';
import { buildEvents, groupByDate, sentenceParts, unresolved, validValue, toTimelineJs, toCsv, toIcs } from './events.js';

// The view's styles travel with its chunk (a constructed style sheet: the page's CSP allows the
// CSSOM, and the first visit does not pay for them).
const CSS = `
.timeline-view { margin: 0 0 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
.tl-head, .tl-tools { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; }
.tl-tools { justify-content: flex-start; }
.tl-year { border-bottom: 1px solid var(--line); margin: 1rem 0 0.25rem; }
.tl-dates, .tl-events { list-style: none; padding: 0; margin: 0; }
.tl-date { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: 0.75rem; padding: 0.4rem 0; border-bottom: 1px dotted var(--line); }
.tl-date-label { margin: 0; font-size: 1rem; }
.tl-date.soft .tl-date-label { font-style: italic; border-left: 3px dashed var(--muted); padding-left: 0.4rem; }
.tl-event { margin: 0 0 0.5rem; }
.tl-event.corrected { border-left: 3px solid var(--accent); padding-left: 0.4rem; }
.tl-badge { color: var(--accent); font-size: 0.8rem; margin-left: 0.4rem; }
.tl-expr { font-weight: 600; }
.tl-sentence { display: block; text-align: left; background: none; border: 0; padding: 0.1rem 0; color: inherit; font: inherit; cursor: pointer; }
.tl-sentence:hover, .tl-sentence:focus-visible { text-decoration: underline; }
.tl-reason { margin: 0.1rem 0; }
.tl-actions button { font-size: 0.8rem; margin-right: 0.3rem; }
.tl-unresolved { border: 1px dashed var(--accent); padding: 0.4rem 0.6rem; border-radius: 4px; }
@media (max-width: 40rem) { .tl-date { grid-template-columns: 1fr; } }
`;
if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** @typedef {import('./events.js').TimelineEvent} TimelineEvent */
/** @typedef {import('./events.js').Correction} Correction */

/** @type {HTMLElement | null} */
let view = null;
/** @type {Correction[]} the corrections of the article in the view (samples: kept once saved to the library) */
let corrections = [];
/** @type {TimelineEvent[]} */
let shown = [];

const locale = () => (uiLang() === 'zh' ? 'zh-CN' : 'en-GB');

/** A YYYY-MM-DD day as a reader writes it in the interface's language. */
function dayLabel(/** @type {string} */ iso, /** @type {Intl.DateTimeFormatOptions} */ opts = { day: 'numeric', month: 'long', year: 'numeric' }) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' }).format(date);
}

/** An event's date as a reader writes it: a day, a month, a season, a year, a range. */
export function dateLabel(/** @type {TimelineEvent} */ e) {
  const y = Number(e.startDate.slice(0, 4));
  const season = /-(SP|SU|FA|WI)$/.exec(e.value);
  let s;
  if (e.corrected?.op === 'value' || e.corrected?.op === 'add') s = valueLabel(e.value);
  else if (e.granularity === 'day') s = dayLabel(e.startDate);
  else if (e.granularity === 'month') s = dayLabel(e.startDate, { month: 'long', year: 'numeric' });
  else if (e.granularity === 'year' && !e.mod) s = String(y);
  else if (season) s = t(`season.${season[1]}`, { y: e.value.slice(0, 4) });
  else if (e.granularity === 'quarter') s = t('date.quarter', { q: e.value.slice(-1), y });
  else if (e.granularity === 'half') s = t('date.half', { h: e.value.slice(-1), y });
  else if (e.granularity === 'decade') s = t('date.decade', { y: Math.floor(y / 10) * 10 });
  else if (e.granularity === 'century') s = t('date.century', { c: Math.floor(y / 100) + 1 });
  else if (e.granularity === 'week' || e.granularity === 'weekend') s = t('date.week', { d: dayLabel(e.startDate) });
  else s = `${dayLabel(e.startDate)} – ${dayLabel(e.endDate)}`;
  if (e.mod && e.mod !== 'APPROX' && e.granularity !== 'day') s = `${t(`mod.${e.mod}`)} · ${s}`;
  return `${e.softStart ? '~' : ''}${s}${e.softEnd && e.softStart ? '' : e.softEnd ? '~' : ''}`;
}

/** A reader's value (YYYY, YYYY-MM, YYYY-MM-DD) as a reader writes it. */
function valueLabel(/** @type {string} */ v) {
  if (v.length === 10) return dayLabel(v);
  if (v.length === 7) return dayLabel(`${v}-01`, { month: 'long', year: 'numeric' });
  return v;
}

/** The reason for an event's date, in words. */
export function reasonOf(/** @type {TimelineEvent} */ e) {
  const report = state.report;
  if (!report) return '';
  if (e.corrected?.op === 'add') return t('tl.addedByYou');
  if (e.corrected?.op === 'value') return t('tl.correctedWas', { old: e.corrected.old ?? '' });
  const ref = report.reference_date.value ? dayLabel(report.reference_date.value) : '';
  const date = dateLabel(e);
  const q = { text: e.text, date, ref };
  switch (e.rule) {
    case 'explicit': return t('reason.explicit');
    case 'institutional': return t('reason.institutional', { source: e.source ?? '' });
    case 'festival': return e.anchor === 'dateline' || e.anchor === 'caller' ? t('reason.festival.anchor', { ref }) : t('reason.festival');
    case 'narrative': {
      const a = e.anchorTimex !== null ? report.timexes[e.anchorTimex] : null;
      return t('reason.narrative', { ...q, atext: a?.text ?? '', adate: a ? a.value : '' });
    }
    default:
      if (e.anchor === 'dateline') return t('reason.relative.dateline', q);
      if (e.anchor === 'caller') return t('reason.relative.caller', q);
      return t('reason.relative.none', q);
  }
}

// ---- Corrections --------------------------------------------------------------------------------

function loadCorrections() {
  const e = state.id ? findEntry(state.id) : null;
  // A shared analysis on screen (a link or a bundle) brings its sender's corrections: shown here
  // and kept once the reader saves it or corrects further (features/share/).
  const shared = state.shared?.text === state.text ? /** @type {{version?: number, items?: unknown}} */ (state.shared.corrections) : null;
  const sharedItems = shared?.version === 1 && Array.isArray(shared.items) ? /** @type {Correction[]} */ (shared.items) : [];
  corrections = e && e.text === state.text ? [...(e.corrections ?? [])] : [...sharedItems];
}

/** The library entry of the text in the view, created when the text is a sample. */
async function ensureEntry() {
  let e = state.id ? findEntry(state.id) : null;
  if (e && e.text === state.text) return e;
  const now = Date.now();
  e = await library.save({ id: newId(), text: state.text, dct: state.userDct, title: null, autoTitle: state.report?.title?.text ?? null,
    date: state.report?.reference_date.value ?? null, language: state.report?.language ?? null, words: state.report?.stats.words ?? null,
    created: now, updated: now });
  state.id = e.id;
  state.sampleId = null;
  upsertEntry(e);
  await library.setSetting('current', e.id).catch(() => {});
  changed('library');
  return e;
}

/** Replaces the correction of `key` by `c` (none: removes it) and keeps the list in the library. */
async function setCorrection(/** @type {string} */ key, /** @type {Correction | null} */ c) {
  corrections = corrections.filter((x) => spanKey(x) !== key);
  if (c) corrections.push(c);
  render();
  if (!state.libraryOk) {
    say(t('tl.noLibrary'));
    return;
  }
  const e = await ensureEntry();
  upsertEntry(await library.saveFields({ ...e, corrections }));
  render();
  changed('corrections');
}

/** Asks for a date; null when cancelled, after saying so when it is not a date. */
function askValue(/** @type {string} */ text, /** @type {string} */ current) {
  const v = window.prompt(t('tl.valuePrompt', { text }), current)?.trim();
  if (!v) return null;
  if (!validValue(v)) {
    say(t('tl.valueBad'));
    return null;
  }
  return v;
}

/** Adds a date to the text selected in the reading pane. */
function addFromSelection() {
  const sel = window.getSelection();
  const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
  const offsets = range && ui.reading.contains(range.startContainer) ? selectionOffsets(range) : null;
  if (!offsets || offsets.end <= offsets.start) {
    say(t('tl.addNeedSelection'));
    return;
  }
  const text = state.text.slice(offsets.start, offsets.end);
  const v = askValue(text, '');
  if (v) setCorrection(spanKey({ ...offsets, text }), { ...offsets, text, op: 'add', value: v });
}

/** The UTF-16 offsets in the text of a selection in the reading pane (its sentences know where they start). */
function selectionOffsets(/** @type {Range} */ range) {
  const at = (/** @type {Node} */ node, /** @type {number} */ off) => {
    const el = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
    const sent = el?.closest('.sentence');
    const idx = sent ? Number(sent.id.slice(2)) : NaN;
    const s = state.report?.sentences[idx];
    if (!sent || !s) return null;
    const r = document.createRange();
    r.setStart(sent, 0);
    r.setEnd(node, off);
    return s.start + r.toString().length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return start === null || end === null ? null : { start, end };
}

// ---- The view -----------------------------------------------------------------------------------

function say(/** @type {string} */ msg) {
  const m = view?.querySelector('.tl-message');
  if (m) m.textContent = msg;
}

function exportAs(/** @type {'timelinejs' | 'csv' | 'ics'} */ kind) {
  const report = state.report;
  if (!report) return;
  const base = (currentTitle() || 'timeline').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60) || 'timeline';
  if (kind === 'timelinejs') {
    const json = toTimelineJs({ events: shown, report, text: state.text, title: currentTitle(), label: dateLabel, reason: reasonOf, correctedWord: t('tl.corrected') });
    download(`${base}-timelinejs.json`, new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  } else if (kind === 'csv') {
    download(`${base}-timeline.csv`, new Blob([toCsv(shown, report, state.text, reasonOf)], { type: 'text/csv' }));
  } else {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    download(`${base}-timeline.ics`, new Blob([toIcs(shown, report, state.text, reasonOf, stamp)], { type: 'text/calendar' }));
  }
}

function button(/** @type {string} */ label, /** @type {() => void} */ onclick, cls = '') {
  return elt('button', { type: 'button', class: cls, onclick }, label);
}

/** One event: its expression, sentence with the date marked, reason and correction buttons. */
function eventItem(/** @type {TimelineEvent} */ e) {
  const report = /** @type {import('../../types/report').Report} */ (state.report);
  const p = sentenceParts(report, state.text, e);
  const key = e.key;
  const actions = e.corrected
    ? [button(t('tl.undo'), () => setCorrection(key, null), 'tl-undo')]
    : [button(t('tl.dismiss'), () => setCorrection(key, { start: e.start, end: e.end, text: e.text, op: 'dismiss' }), 'tl-dismiss'),
      button(t('tl.change'), () => {
        const v = askValue(e.text, e.value);
        if (v) setCorrection(key, { start: e.start, end: e.end, text: e.text, op: 'value', value: v, old: e.value });
      }, 'tl-change')];
  return elt('li', { class: `tl-event${e.corrected ? ' corrected' : ''}`, dataset: { start: String(e.start), timex: String(e.timex ?? ''), date: e.startDate, end: e.endDate } },
    elt('q', { class: 'tl-expr' }, e.text),
    e.corrected ? elt('span', { class: 'tl-badge' }, t('tl.corrected')) : null,
    elt('button', { type: 'button', class: 'tl-sentence linklike', title: t('tl.read'), onclick: () => jumpToSentence(ui.reading, e.sentence) },
      p.before.trimStart(), elt('mark', { class: 'date' }, p.date), p.after.trimEnd()),
    elt('p', { class: 'tl-reason small muted' }, reasonOf(e)),
    elt('div', { class: 'tl-actions' }, ...actions));
}

/** Draws the view from the last report and the corrections. */
function render() {
  const report = state.report;
  if (!view || !report) return;
  const { events, dismissed, stale } = buildEvents(report, state.text, corrections);
  shown = events;
  const body = /** @type {HTMLElement} */ (view.querySelector('.tl-body'));
  body.replaceChildren();
  body.append(elt('p', { class: 'tl-count muted' }, events.length ? t('tl.count', { n: events.length }) : t('tl.empty')));
  if (stale.length) body.append(elt('p', { class: 'tl-stale small' }, t('tl.stale', { n: stale.length })));
  const open = unresolved(report);
  if (open.length) {
    body.append(elt('section', { class: 'tl-unresolved' },
      elt('h3', {}, t('tl.unresolvedHead')),
      elt('p', { class: 'small' }, t('tl.unresolvedNote')),
      elt('ul', {}, ...open.map((x) => elt('li', {}, elt('q', {}, x.text), ` ${x.value}`))),
      button(t('tl.setDate'), () => {
        ui.dct.scrollIntoView({ block: 'center' });
        ui.dct.focus();
        ui.dct.showPicker?.();
      }, 'tl-set-date')));
  }
  let year = '';
  /** @type {HTMLElement | null} */
  let list = null;
  for (const group of groupByDate(events)) {
    const y = group[0].startDate.slice(0, 4);
    if (y !== year) {
      year = y;
      body.append(elt('h3', { class: 'tl-year' }, String(Number(y))));
      list = elt('ol', { class: 'tl-dates' });
      body.append(list);
    }
    const soft = group[0].softStart || group[0].softEnd;
    list?.append(elt('li', { class: `tl-date${soft ? ' soft' : ''}` },
      elt('h4', { class: 'tl-date-label', title: soft ? t('tl.soft') : '' }, dateLabel(group[0])),
      elt('ul', { class: 'tl-events' }, ...group.map(eventItem))));
  }
  if (dismissed.length) {
    body.append(elt('details', { class: 'tl-dismissed' }, elt('summary', {}, `${t('tl.dismissedHead')} (${dismissed.length})`),
      elt('ul', {}, ...dismissed.map(eventItem))));
  }
}

/** The view's frame (its title, tools and an empty body), in the interface's language. */
function frame() {
  return elt('section', { id: 'timeline-view', class: 'timeline-view', 'aria-labelledby': 'tl-title', tabIndex: -1 },
    elt('div', { class: 'tl-head' },
      elt('h2', { id: 'tl-title' }, t('tl.title')),
      button(t('tl.close'), () => {
        if (view) view.hidden = true;
        $('tl-open').focus();
      }, 'tl-close')),
    elt('div', { class: 'tl-tools' },
      elt('span', {}, t('tl.export')),
      button(t('tl.exportTimelinejs'), () => exportAs('timelinejs'), 'tl-export-timelinejs'),
      button(t('tl.exportCsv'), () => exportAs('csv'), 'tl-export-csv'),
      button(t('tl.exportIcs'), () => exportAs('ics'), 'tl-export-ics'),
      button(t('tl.addSelection'), addFromSelection, 'tl-add')),
    elt('p', { class: 'tl-message small', role: 'status' }),
    elt('div', { class: 'tl-body' }));
}

function build() {
  view = frame();
  $('box-timeline').after(view);
  // From the reading pane to the timeline: a date clicked there is shown here.
  ui.reading.addEventListener('click', (ev) => {
    const mark = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (ev.target).closest?.('mark[data-timex]'));
    if (!mark || !view || view.hidden) return;
    const x = state.report?.timexes[Number(mark.dataset.timex)];
    const item = x && /** @type {HTMLElement | null} */ (view.querySelector(`.tl-event[data-start="${x.start}"]`));
    if (!item) return;
    view.querySelectorAll('.tl-event.flash').forEach((n) => n.classList.remove('flash'));
    item.classList.add('flash');
    item.scrollIntoView({ block: 'nearest' });
  });
  watch('report', () => {
    loadCorrections();
    render();
  });
  onLangChange(() => {
    if (!view) return;
    const fresh = frame();
    fresh.hidden = view.hidden;
    view.replaceWith(fresh);
    view = fresh;
    render();
  });
}

let started = false;

/** Opens the chronological timeline under the overview chart. */
export async function openTimeline() {
  if (!started) {
    started = true;
    addStrings(STRINGS);
    // The first view's chart and reading pane apply the corrections made here once chart-data.js
    // has the matcher (it loads it itself only for an article that already has corrections).
    await loadMatcher();
  }
  if (!view) build();
  loadCorrections();
  const v = /** @type {HTMLElement} */ (view);
  v.hidden = false;
  render();
  v.scrollIntoView({ block: 'start' });
  v.focus({ preventScroll: true });
  document.body.dataset.timeline = 'open';
}
