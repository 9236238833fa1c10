// The timeline's events: the report's dated timexes with the reader's corrections applied, and
// the exports (TimelineJS JSON, CSV, iCalendar). Pure functions of the report, the text and the
// corrections; no DOM.
//
// How corrections match the text is match.js's (the first view's chart and reading pane load it
// too, when an article has corrections).
import * as M from './match.js';

/**
 * @typedef {import('../../types/report').Report} Report
 * @typedef {import('../../types/report').Timex} Timex
 * @typedef {import('./match.js').Correction} Correction
 * @typedef {{key: string, timex: number | null, start: number, end: number, text: string, value: string, type: string,
 *   startDate: string, endDate: string, granularity: string, softStart: boolean, softEnd: boolean, sentence: number,
 *   rule: string, anchor: string | null, anchorTimex: number | null, mod: string | null, source: string | null,
 *   corrected: Correction | null}} TimelineEvent
 */

/** Whether `value` is a date a reader may give: YYYY, YYYY-MM or YYYY-MM-DD (an existing day). */
export function validValue(/** @type {string} */ value) {
  return M.extent(value) !== null;
}

/** The index of the sentence holding offset `at`. */
function sentenceOf(/** @type {Report} */ report, /** @type {number} */ at) {
  const ss = report.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/**
 * The events of `report` with `corrections` applied, in chronological order; also the dismissed
 * ones (to undo) and the corrections that no longer match the text.
 * @param {Report} report
 * @param {string} text
 * @param {Correction[]} corrections
 */
export function buildEvents(report, text, corrections) {
  const valid = corrections.filter(M.validCorrection);
  const live = valid.filter((c) => M.applies(text, c));
  const stale = valid.filter((c) => !M.applies(text, c));
  const byKey = new Map(live.map((c) => [M.spanKey(c), c]));
  /** @type {TimelineEvent[]} */
  const events = [];
  /** @type {TimelineEvent[]} */
  const dismissed = [];
  const onTimeline = new Set(report.timeline.map((e) => e.timex));
  const entryOf = new Map(report.timeline.map((e) => [e.timex, e]));
  report.timexes.forEach((x, i) => {
    const c = byKey.get(M.spanKey(x)) ?? null;
    if (!onTimeline.has(i) && !(c && c.op === 'value')) return;
    const e = entryOf.get(i);
    /** @type {TimelineEvent} */
    const ev = {
      key: M.spanKey(x), timex: i, start: x.start, end: x.end, text: x.text, value: x.value, type: x.type,
      startDate: e?.start_date ?? '', endDate: e?.end_date ?? '', granularity: e?.granularity ?? '',
      softStart: !!e?.soft_start, softEnd: !!e?.soft_end, sentence: x.sentence,
      rule: x.rule ?? (x.kind === 'domain' ? 'institutional' : x.kind), anchor: x.anchor ?? null, anchorTimex: x.anchor_timex ?? null,
      mod: x.mod ?? null, source: x.source ?? null, corrected: c,
    };
    if (c?.op === 'value' && c.value) {
      const ext = M.extent(c.value);
      if (ext) Object.assign(ev, ext, { value: c.value, softStart: false, softEnd: false });
    }
    if (c?.op === 'dismiss') dismissed.push(ev);
    else if (ev.startDate) events.push(ev);
  });
  const taken = new Set(report.timexes.map(M.spanKey));
  for (const c of live) {
    if (c.op !== 'add' || !c.value || taken.has(M.spanKey(c))) continue;
    const ext = M.extent(c.value);
    if (!ext) continue;
    events.push({
      key: M.spanKey(c), timex: null, start: c.start, end: c.end, text: c.text, value: c.value, type: 'DATE', ...ext,
      softStart: false, softEnd: false, sentence: sentenceOf(report, c.start), rule: 'explicit', anchor: null, anchorTimex: null,
      mod: null, source: null, corrected: c,
    });
  }
  events.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.endDate < b.endDate ? -1
    : a.endDate > b.endDate ? 1 : a.start - b.start));
  return { events, dismissed, stale };
}

/** The timexes left unresolved for want of a reference date (their value has an unknown year). */
export function unresolved(/** @type {Report} */ report) {
  if (report.reference_date.source !== 'none') return [];
  return report.timexes.filter((x) => (x.type === 'DATE' || x.type === 'TIME') && /^X{4}|^X|-XX/.test(x.value));
}

/** Events on the same dates, in order: [[event, …], …]. */
export function groupByDate(/** @type {TimelineEvent[]} */ events) {
  /** @type {TimelineEvent[][]} */
  const groups = [];
  for (const e of events) {
    const last = groups[groups.length - 1];
    if (last && last[0].startDate === e.startDate && last[0].endDate === e.endDate) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

/** The sentence that holds `e`, with the expression's offsets inside it. */
export function sentenceParts(/** @type {Report} */ report, /** @type {string} */ text, /** @type {TimelineEvent} */ e) {
  const s = report.sentences[e.sentence] ?? { start: e.start, end: e.end };
  const from = Math.min(s.start, e.start);
  const to = Math.max(s.end, e.end);
  return { before: text.slice(from, e.start), date: text.slice(e.start, e.end), after: text.slice(e.end, to), whole: text.slice(from, to).trim() };
}

// ---- Exports ------------------------------------------------------------------------------------

/** A TimelineJS date object of YYYY-MM-DD at `granularity`. */
function tjsDate(/** @type {string} */ iso, /** @type {string} */ granularity) {
  const [y, m, d] = iso.split('-');
  /** @type {Record<string, string>} */
  const out = { year: String(Number(y)) };
  if (granularity !== 'year' && granularity !== 'decade' && granularity !== 'century') out.month = String(Number(m));
  if (granularity === 'day') out.day = String(Number(d));
  return out;
}

const escapeHtml = (/** @type {string} */ s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The TimelineJS JSON (its documentation's "JSON format" page): one slide per event,
 * its headline the date as a reader writes it and the expression, its text the sentence (escaped:
 * TimelineJS reads the text as HTML); a corrected event says so in its headline and group.
 * @param {{events: TimelineEvent[], report: Report, text: string, title: string, label: (e: TimelineEvent) => string,
 *   reason: (e: TimelineEvent) => string, correctedWord: string}} a
 */
export function toTimelineJs({ events, report, text, title, label, reason, correctedWord }) {
  return {
    title: { text: { headline: escapeHtml(title), text: '' } },
    events: events.map((e) => {
      const single = e.startDate === e.endDate || e.granularity !== 'day' && e.granularity !== 'range';
      /** @type {Record<string, any>} */
      const slide = {
        start_date: tjsDate(e.startDate, e.granularity === 'range' ? 'day' : e.granularity),
        text: {
          headline: escapeHtml(`${label(e)} — ${e.text}${e.corrected ? ` (${correctedWord})` : ''}`),
          text: `<p>${escapeHtml(sentenceParts(report, text, e).whole)}</p><p><small>${escapeHtml(reason(e))}</small></p>`,
        },
        unique_id: `ev-${e.start}-${e.end}`,
      };
      if (!single) slide.end_date = tjsDate(e.endDate, 'day');
      if (e.corrected) slide.group = correctedWord;
      return slide;
    }),
  };
}

const csvCell = (/** @type {string | number} */ v) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The events as CSV (RFC 4180), one row each, with the reason and whether the reader corrected it. */
export function toCsv(/** @type {TimelineEvent[]} */ events, /** @type {Report} */ report, /** @type {string} */ text,
  /** @type {(e: TimelineEvent) => string} */ reason) {
  const head = ['start_date', 'end_date', 'granularity', 'soft_start', 'soft_end', 'expression', 'value', 'rule', 'reason', 'correction', 'start', 'end', 'sentence'];
  const rows = events.map((e) => [e.startDate, e.endDate, e.granularity, e.softStart, e.softEnd, e.text, e.value, e.rule, reason(e),
    e.corrected ? e.corrected.op : '', e.start, e.end, sentenceParts(report, text, e).whole].map((v) => csvCell(String(v))).join(','));
  return `${[head.join(','), ...rows].join('\r\n')}\r\n`;
}

/** An iCalendar text value: backslash, semicolon, comma and new lines escaped (RFC 5545 3.3.11). */
const icsText = (/** @type {string} */ s) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
function fold(/** @type {string} */ line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/**
 * The day-precise events as an iCalendar file (RFC 5545): one all-day VEVENT each, its summary the
 * expression, its description the sentence and the reason; corrected events carry CATEGORIES:CORRECTED.
 * @param {TimelineEvent[]} events
 * @param {Report} report
 * @param {string} text
 * @param {(e: TimelineEvent) => string} reason
 * @param {string} stamp UTC time of the export, YYYYMMDDTHHMMSSZ
 */
export function toIcs(events, report, text, reason, stamp) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Article Explorer//Timeline//EN', 'CALSCALE:GREGORIAN'];
  for (const e of events.filter((x) => x.granularity === 'day')) {
    const day = e.startDate.replace(/-/g, '');
    const next = new Date(`${e.startDate}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const end = next.toISOString().slice(0, 10).replace(/-/g, '');
    const sentence = sentenceParts(report, text, e).whole;
    lines.push('BEGIN:VEVENT', `UID:${day}-${e.start}-${e.end}@article-explorer`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${end}`, `SUMMARY:${icsText(`${e.text}: ${sentence.slice(0, 120)}`)}`,
      `DESCRIPTION:${icsText(`${sentence}\n${reason(e)}`)}`);
    if (e.corrected) lines.push('CATEGORIES:CORRECTED');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
