// The corpus's figures, all behind this one module: trends (term × period counts), the corpus
// concordance, corpus keywords, phrasing changes and the merged timeline. Counts of a term are
// exact counts in the stored texts (read in batches from IndexedDB); keywords add up the engine's
// per-article keywords; phrasing changes come from the engine's corpus entries (log-likelihood with
// log ratio of words and 2–4 word sequences; worker-ops.js), with their sentences found here.
//
// Trends and the merged timeline stay here rather than in the engine's corpusTrends and
// corpusTimeline, which answer other questions from other data. corpusTrends counts a term's
// word keys (stems, the segmenter's words) in each summary's word counts: the stored records keep
// no word counts (they would make every record several times larger and the analysis slower), and
// a term asked after the fact is counted here as written, anywhere in the text (a Chinese term
// inside a longer word too), by reading the texts back. corpusTimeline merges events of the same
// value and the same sentence (a reprinted wire story); this view merges every mention of the same
// dates, with its sentences, and would have to send every stored summary to a worker for a merge
// that takes milliseconds here.
import { eachText } from './store.js';
import { articleDate } from './summary.js';

/** @typedef {import('./store.js').Article} Article */

/** The articles that count: analyzed, not duplicates. */
export const counted = (/** @type {Article[]} */ all) => all.filter((a) => a.status === 'done' && a.summary);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for `term` as the corpus counts it: case-insensitive; a term with Latin letters
 * matches whole words only ("war" not in "software"), a Chinese term anywhere; spaces in a phrase
 * match any run of white space.
 */
export function termPattern(/** @type {string} */ term) {
  const parts = term.trim().split(/\s+/).map(escape);
  // Chinese is written without spaces: a phrase's words (shown with spaces between them) match
  // with or without white space.
  if (HAN.test(term)) return new RegExp(parts.join('\\s*'), 'giu');
  const body = parts.join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** How many times `pattern` occurs in `text`. */
export function countIn(/** @type {string} */ text, /** @type {RegExp} */ pattern) {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** The period of `date` ('YYYY-MM-DD') at `unit`: 'article' (the date), 'week' (its ISO week's Monday), 'month', 'year'. */
export function periodOf(/** @type {string} */ date, /** @type {string} */ unit) {
  if (unit === 'year') return date.slice(0, 4);
  if (unit === 'month') return date.slice(0, 7);
  if (unit === 'week') {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }
  return date;
}

/**
 * @typedef {{period: string, words: number, articles: string[], counts: number[], hits: string[][]}} TrendRow
 *   `counts[i]`: occurrences of term i; `hits[i]`: the articles where it occurs.
 */

/**
 * The trends of `terms` over the dated articles, per `unit` ('article' gives one row per article):
 * rows in date order; relative frequency = count per 10,000 words of the period.
 * @param {Article[]} all
 * @param {string[]} terms
 * @param {string} unit
 * @returns {Promise<{rows: TrendRow[], undated: number}>}
 */
export async function trends(all, terms, unit) {
  const docs = counted(all);
  const dated = docs.filter((a) => articleDate(a).date);
  const patterns = terms.map(termPattern);
  /** @type {Map<string, number[]>} */
  const perArticle = new Map();
  await eachText(dated.map((a) => a.id), (id, text) => perArticle.set(id, patterns.map((p) => countIn(text, p))), 500, true);
  /** @type {Map<string, TrendRow>} */
  const rows = new Map();
  for (const a of dated) {
    const date = /** @type {string} */ (articleDate(a).date);
    const key = unit === 'article' ? `${date}\u0000${a.id}` : periodOf(date, unit);
    let row = rows.get(key);
    if (!row) {
      row = { period: unit === 'article' ? date : key, words: 0, articles: [], counts: terms.map(() => 0), hits: terms.map(() => []) };
      rows.set(key, row);
    }
    const counts = perArticle.get(a.id) ?? [];
    row.words += a.summary?.words ?? 0;
    row.articles.push(a.id);
    counts.forEach((c, i) => {
      row.counts[i] += c;
      if (c > 0) row.hits[i].push(a.id);
    });
  }
  const sorted = [...rows.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, r]) => r);
  return { rows: sorted, undated: docs.length - dated.length };
}

/** Occurrences per 10,000 words. */
export const perTenThousand = (/** @type {number} */ count, /** @type {number} */ words) => (words > 0 ? (count / words) * 10000 : 0);

/**
 * @typedef {{id: string, left: string, match: string, right: string}} Line
 */

/** Key-word-in-context lines of `term` in the articles `ids` (at most `limit`), and the total count. */
export async function concordance(/** @type {string[]} */ ids, /** @type {string} */ term, limit = 500, context = 50) {
  const pattern = termPattern(term);
  /** @type {Line[]} */
  const lines = [];
  let total = 0;
  await eachText(ids, (id, text) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      total++;
      if (lines.length < limit) {
        const s = m.index;
        const e = s + m[0].length;
        const flat = (/** @type {string} */ x) => x.replace(/\s+/g, ' ');
        lines.push({ id, left: flat(text.slice(Math.max(0, s - context), s)), match: m[0], right: flat(text.slice(e, e + context)) });
      }
    }
  });
  return { lines, total };
}

/**
 * Corpus keywords: the engine's per-article keywords added up over the analyzed articles (each
 * article contributes its TERMS_KEPT leading terms), with the corpus's rate per million words
 * against the engine's reference rate and their log ratio (log2; the reference rate of a term not
 * in the reference list taken as 0.5 per million). Terms in fewer than two articles are left out.
 * @param {Article[]} all
 */
export function corpusKeywords(all, limit = 200) {
  const docs = counted(all);
  const words = docs.reduce((n, a) => n + (a.summary?.words ?? 0), 0);
  /** @type {Map<string, {term: string, count: number, articles: number, ref: number}>} */
  const terms = new Map();
  for (const a of docs) {
    for (const [term, count, ref] of a.summary?.terms ?? []) {
      const key = term.toLowerCase();
      const t = terms.get(key) ?? { term, count: 0, articles: 0, ref: -1 };
      t.count += count;
      t.articles++;
      if (ref >= 0) t.ref = ref;
      terms.set(key, t);
    }
  }
  const rows = [...terms.values()].filter((t) => t.articles >= 2 || docs.length < 2).map((t) => {
    const perMillion = words ? (t.count / words) * 1e6 : 0;
    const ref = t.ref >= 0 ? t.ref : null;
    return { term: t.term, count: t.count, articles: t.articles, perMillion, ref, logRatio: Math.log2(perMillion / Math.max(0.5, ref ?? 0)) };
  });
  rows.sort((x, y) => y.logRatio * Math.log(1 + y.count) - x.logRatio * Math.log(1 + x.count) || (x.term < y.term ? -1 : 1));
  return { rows: rows.slice(0, limit), words, articles: docs.length };
}

/**
 * @typedef {{change: string, term: string, kind: string, count_a: number, count_b: number, per_million_a: number,
 *   per_million_b: number, log_likelihood: number, log_ratio: number, ids: string[], sentences: {id: string, text: string}[]}} ChangeRow
 */

const CHANGE_ORDER = ['appeared', 'vanished', 'rose', 'fell'];

/**
 * The phrasing changes from side A to side B, from the engine's answer (pool.js `phrasing`): its
 * corpus entries' `{phrasing: {a, b, appeared, vanished, rose, fell}}` (words and 2–4 word
 * sequences; each term's `ids`: articles that use it). Each row gets up to
 * `perTerm` sentences from the articles that carry it.
 * @param {{phrasing: any}} answer
 * @param {string[]} idsA
 * @param {string[]} idsB
 */
export async function phrasingChanges(answer, idsA, idsB, perTerm = 3) {
  const all = [...idsA, ...idsB];
  const p = answer.phrasing;
  /** @type {ChangeRow[]} */
  const rows = [];
  for (const change of CHANGE_ORDER) {
    for (const r of p[change] ?? []) {
      rows.push({ change, term: r.term, kind: r.kind, count_a: r.count_a, count_b: r.count_b, per_million_a: r.per_million_a, per_million_b: r.per_million_b,
        log_likelihood: r.log_likelihood, log_ratio: r.log_ratio, ids: r.ids, sentences: [] });
    }
  }
  const want = rows.map((row) => ({ row, pattern: termPattern(row.term), ids: new Set(row.ids) }));
  await eachText([...new Set(all)], (id, text) => {
    const sentences = splitSentences(text);
    for (const { row, pattern, ids } of want) {
      if (row.sentences.length >= perTerm || !ids.has(id)) continue;
      for (const s of sentences) {
        pattern.lastIndex = 0;
        if (pattern.test(s)) {
          row.sentences.push({ id, text: s.slice(0, 400) });
          if (row.sentences.length >= perTerm) break;
        }
      }
    }
  });
  return { rows, wordsA: p.a.words, wordsB: p.b.words };
}

/** The sentences of `text`, roughly: cut after . ! ? and their Chinese forms, and at line ends. */
export function splitSentences(/** @type {string} */ text) {
  return text.split(/(?<=[.!?。！？])\s+|(?<=[。！？])|\n+/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 1);
}

/**
 * The merged timeline: every article's dated events, the same dates (start and end) merged, with
 * the articles that mention them and their sentences; only events whose sentence contains
 * `filter` (case-insensitive) when it is given. In date order.
 * @param {Article[]} all
 */
export function mergedTimeline(all, filter = '') {
  const needle = filter.trim() ? termPattern(filter) : null;
  /** @type {Map<string, {start: string, end: string, granularity: string, articles: Set<string>, mentions: {id: string, words: string, sentence: string}[]}>} */
  const events = new Map();
  for (const a of counted(all)) {
    for (const [start, end, granularity, words, sentence] of a.summary?.events ?? []) {
      if (needle) {
        needle.lastIndex = 0;
        if (!needle.test(sentence)) continue;
      }
      const key = `${start}\u0000${end}`;
      let e = events.get(key);
      if (!e) events.set(key, (e = { start, end, granularity, articles: new Set(), mentions: [] }));
      e.articles.add(a.id);
      if (e.mentions.length < 20) e.mentions.push({ id: a.id, words, sentence });
    }
  }
  return [...events.values()].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.end < y.end ? -1 : 1))
    .map((e) => ({ ...e, count: e.articles.size }));
}
