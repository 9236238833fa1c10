// An article's compact summary, made in the analysis worker from the engine's own per-article
// summary (summarizeArticle: one analysis, relative dates resolved against the article's date; the
// report never crosses to JavaScript): what the corpus views need of one article, small enough to
// keep tens of thousands of them in IndexedDB and in memory. And the rules for an article's date.

/**
 * `terms`: the engine's leading keywords [term, count, reference per million or -1 when the
 * engine has no reference figure]; `events`: the timeline [start, end, granularity, the date's
 * words, the sentence (cut at 300 characters)].
 * @typedef {{title: string, publication?: string, words: number, chars: number, language: string, dateline: string | null,
 *   terms: [string, number, number][], events: [string, string, string, string, string][]}} Summary
 */

/**
 * The engine's ArticleSummary, the parts read here (src/corpus/summary.rs; `top_counts[i]`: the
 * count and reference rate of `top_terms[i]`, null for a phrase).
 * @typedef {{title?: string | null, publication?: string | null, date?: string | null, date_source: string, language: string,
 *   characters: number, words: number, top_terms: string[], top_counts?: [number, number | null][],
 *   timeline: {start_date: string, end_date: string, granularity: string, text: string, sentence: string}[]}} EngineSummary
 */

/** The number of leading keywords kept per article (the engine's top_terms for a corpus run). */
export const TERMS_KEPT = 60;

/** The page's summary of `s` (the engine's, on `text`). */
export function fromEngine(/** @type {EngineSummary} */ s, /** @type {string} */ text) {
  /** @type {Summary} */
  const summary = {
    title: (s.title ?? firstLine(text)).slice(0, 200),
    publication: (s.publication ?? '').slice(0, 120),
    words: s.words,
    chars: s.characters,
    language: s.language,
    dateline: s.date_source === 'dateline' ? s.date ?? null : null,
    terms: s.top_terms.map((term, i) => {
      const [count, ref] = s.top_counts?.[i] ?? [0, null];
      return [term, count, ref ?? -1];
    }),
    events: s.timeline.map((e) => [e.start_date, e.end_date, e.granularity, e.text, e.sentence]),
  };
  return summary;
}

const firstLine = (/** @type {string} */ text) => (text.trim().split('\n')[0] ?? '').trim();

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
