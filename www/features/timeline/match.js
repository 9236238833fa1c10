// Which of the reader's timeline corrections apply to a text, and how a corrected value reads as
// dates: the small pure part of events.js that the first view's chart and reading pane also need,
// kept apart so they do not load the timeline view's chunk.
//
// A correction is keyed by the expression's span and its text ({start, end, text}): it applies
// while the text there is unchanged, whatever the analysis says, so it survives re-analysis (a new
// reference date, new engine rules) and is dropped as stale once the text is edited there.

/** @typedef {{start: number, end: number, text: string, op: 'dismiss' | 'value' | 'add', value?: string, old?: string}} Correction */

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
