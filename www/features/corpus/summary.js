// An article's compact summary, made from the engine's report as soon as it arrives (the report
// itself is dropped): what the corpus views need of one article, small enough to keep tens of
// thousands of them in IndexedDB and in memory. And the rules for an article's date.

/**
 * `terms`: the engine's leading keywords [term, count, reference per million or -1 when the
 * engine has no reference figure]; `events`: the timeline [start, end, granularity, the date's
 * words, the sentence (cut to SENTENCE_MAX characters)].
 * @typedef {{title: string, publication?: string, words: number, chars: number, language: string, dateline: string | null,
 *   terms: [string, number, number][], events: [string, string, string, string, string][]}} Summary
 */

/** The number of leading keywords kept per article (the engine's keyword_limit for a corpus run). */
export const TERMS_KEPT = 60;
const SENTENCE_MAX = 300;

/** The summary of `report` (the engine's, on `text`). */
export function summarize(/** @type {import('../../types/report').Report} */ report, /** @type {string} */ text) {
  const ref = report.reference_date;
  const dateline = ref?.source === 'dateline' && ref.value ? isoDay(ref.value) : null;
  const sentence = (/** @type {number} */ i) => {
    const s = report.sentences[i];
    return s ? text.slice(s.start, s.end).replace(/\s+/g, ' ').trim().slice(0, SENTENCE_MAX) : '';
  };
  /** @type {Summary} */
  const summary = {
    title: (report.title?.text ?? firstLine(text)).slice(0, 200),
    publication: (report.header?.find((h) => h.field === 'publication') ?? report.header?.find((h) => h.field === 'source'))?.value.slice(0, 120) ?? '',
    words: report.stats.words,
    chars: report.stats.characters,
    language: report.language,
    dateline,
    terms: report.keywords.slice(0, TERMS_KEPT).map((k) => [k.term, k.count, k.keyness ? k.keyness.reference_per_million : -1]),
    events: report.timeline.map((e) => [e.start_date, e.end_date, e.granularity, report.timexes[e.timex]?.text ?? '', sentence(e.sentence)]),
  };
  return summary;
}

const firstLine = (/** @type {string} */ text) => (text.trim().split('\n')[0] ?? '').trim();

/** 'YYYY-MM-DD' from an engine date value ('2025-11-05', '2025-11-05T10:00'), else null. */
function isoDay(/** @type {string} */ v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * The ISO date in a file name ('2024-03-05-budget.txt', 'pd_20240305.txt', '2024.03.05 report.md'):
 * four-digit year 1800–2199, month and day valid for that month; null if none.
 */
export function dateFromName(/** @type {string} */ name) {
  const base = name.slice(name.lastIndexOf('/') + 1);
  for (const m of base.matchAll(/(?<!\d)(1[89]\d\d|2[01]\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (mo >= 1 && mo <= 12 && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d) return `${m[1]}-${m[3]}-${m[4]}`;
  }
  return null;
}

/** A date the user typed: 'YYYY-MM-DD' if valid, else null. */
export function validDay(/** @type {string} */ s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.toISOString().slice(0, 10) === s.trim() ? s.trim() : null;
}

/**
 * An article's date and where it came from: the dateline the engine found, else the ISO date in
 * the file name, else the date the user entered; {date: null, source: null} when it has none.
 * @param {{fileDate: string | null, userDate: string | null, summary?: Summary}} a
 * @returns {{date: string | null, source: 'dateline' | 'filename' | 'user' | null}}
 */
export function articleDate(a) {
  if (a.summary?.dateline) return { date: a.summary.dateline, source: 'dateline' };
  if (a.fileDate) return { date: a.fileDate, source: 'filename' };
  if (a.userDate) return { date: a.userDate, source: 'user' };
  return { date: null, source: null };
}

/** The hex SHA-256 of `text` (its first 20 hex digits: the article's id; the same text, the same id). */
export async function textId(/** @type {string} */ text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text.replace(/\r\n?/g, '\n').trim()));
  return [...new Uint8Array(digest).slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
