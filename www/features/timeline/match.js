// Which of the reader's timeline corrections apply to a text, and how a corrected value reads as
// dates: the small pure part of events.js that the first view's chart and reading pane also need,
// kept apart so they do not load the timeline view's chunk; a chunk of its own, loaded only for a
// text with corrections.
//
// A correction is keyed by the expression's span and its text ({start, end, text}): it applies
// while the text there is unchanged, whatever the analysis says, so it survives re-analysis (a new
// reference date, new engine rules) and is dropped as stale once the text is edited there.

/** @typedef {{start: number, end: number, text: string, op: 'dismiss' | 'value' | 'add', value?: string, old?: string}} Correction */
/**
 * An entry of the first view's timeline chart (charts/chart-data.js); `corrected`: '', 'value' or 'add'.
 * @typedef {{index: number, text: string, value: string, start: string, end: string, granularity: string, kind: string,
 *   sentence: number, source?: string | null, timex: number, corrected: string}} TimelineEntry
 */

/** The key of a span: corrections and events are matched by it. */
export const spanKey = (/** @type {{start: number, end: number, text: string}} */ s) => `${s.start}:${s.end}:${s.text}`;

const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');
const daysIn = (/** @type {number} */ y, /** @type {number} */ m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last day and granularity of a YYYY, YYYY-MM or YYYY-MM-DD value; null otherwise. */
export function extent(/** @type {string} */ value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return { startDate: `${m[1]}-01-01`, endDate: `${m[1]}-12-31`, granularity: 'year' };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (!m[3]) return { startDate: `${m[1]}-${m[2]}-01`, endDate: `${m[1]}-${m[2]}-${pad(daysIn(y, mo))}`, granularity: 'month' };
  const d = Number(m[3]);
  if (d < 1 || d > daysIn(y, mo)) return null;
  return { startDate: value, endDate: value, granularity: 'day' };
}

/** Whether `c` is a well-formed correction (a stored or imported library entry may hold anything). */
export function validCorrection(/** @type {any} */ c) {
  return !!c && typeof c === 'object' && Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start <= c.end
    && typeof c.text === 'string' && ['dismiss', 'value', 'add'].includes(c.op)
    && (c.value === undefined || typeof c.value === 'string') && (c.old === undefined || typeof c.old === 'string');
}

/** Whether `c` still applies to `text` (the text at its span is the one it was made on). */
export const applies = (/** @type {string} */ text, /** @type {Correction} */ c) => text.slice(c.start, c.end) === c.text;

/** The corrections of `list` that apply to `text`, by span key. */
export function liveCorrections(/** @type {string} */ text, /** @type {unknown} */ list) {
  const live = Array.isArray(list) ? /** @type {Correction[]} */ (list.filter(validCorrection)).filter((c) => applies(text, c)) : [];
  return new Map(live.map((c) => [spanKey(c), c]));
}

/**
 * The first view's timeline chart entries (charts/chart-data.js) with `corr` applied: a dismissed
 * date left out, a changed one with the reader's value, dates the engine left off the timeline that
 * the reader gave a value and dates the reader added put in; in order of dates, `corrected` saying
 * which were corrected.
 * @param {import('../../types/report').Report} report
 * @param {TimelineEntry[]} list
 * @param {Map<string, Correction>} corr
 */
export function applyToEntries(report, list, corr) {
  const entries = [];
  const onTimeline = new Set();
  for (const e of list) {
    const x = report.timexes[e.timex];
    onTimeline.add(e.timex);
    const c = x ? corr.get(spanKey(x)) : undefined;
    if (c?.op === 'dismiss') continue;
    const ext = c?.op === 'value' && c.value ? extent(c.value) : null;
    entries.push(ext ? { ...e, value: /** @type {string} */ (c?.value), start: ext.startDate, end: ext.endDate, granularity: ext.granularity,
      corrected: 'value' } : e);
  }
  const taken = new Set(report.timexes.map(spanKey));
  report.timexes.forEach((x, i) => {
    const c = corr.get(spanKey(x));
    const ext = !onTimeline.has(i) && c?.op === 'value' && c.value ? extent(c.value) : null;
    if (ext && c?.value) entries.push({ index: 0, text: x.text, value: c.value, start: ext.startDate, end: ext.endDate, granularity: ext.granularity,
      kind: x.kind, sentence: x.sentence, source: x.source, timex: i, corrected: 'value' });
  });
  for (const c of corr.values()) {
    const ext = c.op === 'add' && c.value && !taken.has(spanKey(c)) ? extent(c.value) : null;
    if (!ext || !c.value) continue;
    const s = report.sentences.findIndex((x) => x.end > c.start);
    entries.push({ index: 0, text: c.text, value: c.value, start: ext.startDate, end: ext.endDate, granularity: ext.granularity, kind: 'explicit',
      sentence: s < 0 ? Math.max(0, report.sentences.length - 1) : s, source: null, timex: -1, corrected: 'add' });
  }
  entries.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : a.sentence - b.sentence));
  return entries.map((e, index) => ({ ...e, index }));
}
