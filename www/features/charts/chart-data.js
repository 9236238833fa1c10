// From the report to what each chart shows. A chart draws at most so many sections, dated
// expressions and ticks: more cannot be told apart on screen and cost the page long tasks (a
// 10 MB text has ~2 000 sections and ~11 000 dates). Its table view and CSV / JSON exports always
// have all of them.
import { state } from '../../state.js';

/**
 * @typedef {import('../../types/report').Report} Report
 * @typedef {import('../../types/report').Keyword} Keyword
 * @typedef {{term: string, count: number, kind: string, occurrences: {start: number, end: number}[], score?: number,
 *   effect?: number, dispersion?: number, variants?: string}} KeywordItem
 */

export const DRAW_SECTIONS = 200;
export const DRAW_DATES = 1000;
export const DRAW_TICKS = 500;

/** The keyword of the last report whose term is `term`, if any. */
export function findKeyword(/** @type {string} */ term) {
  return state.report?.keywords.find((k) => k.term === term);
}

/** At most `n` items of `list`, evenly spread over it (the list itself when it is short enough). */
export function evenSample(/** @type {any[]} */ list, /** @type {number} */ n) {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]);
}

/** The keywords of `report` for the keyword view `view` ('word', 'phrase' or 'distinctive'). */
export function keywordItems(/** @type {Report} */ report, /** @type {string} */ view) {
  const kws = report.keywords;
  /** @type {(Keyword | undefined)[]} */
  let list;
  if (view === 'phrase') list = report.phrases ? report.phrases.map((i) => kws[i]) : kws.filter((k) => k.kind === 'phrase');
  else if (view === 'distinctive') list = (report.distinctive ?? []).map((i) => kws[i]).filter((k) => k?.keyness);
  else list = kws.filter((k) => k.kind === 'word');
  return /** @type {Keyword[]} */ (list.filter(Boolean)).map((k) => /** @type {KeywordItem} */ ({
    term: k.term, count: k.count, kind: k.kind, occurrences: k.occurrences,
    score: view === 'distinctive' ? k.keyness?.log_likelihood : undefined,
    effect: k.keyness?.log_ratio,
    dispersion: k.dispersion?.juilland_d ?? undefined,
    variants: (k.variants && k.variants.length > 1 ? k.variants.map((v) => `${v.term} ${v.count}`).join(', ') : undefined)
      ?? (k.absorbs?.length ? k.absorbs.map((v) => `${v.term} ${v.count}`).join(', ') : undefined),
  }));
}

/** The dispersion plot's data: the top words and phrases, their occurrences and counts per section. */
export function dispersionData(/** @type {Report} */ report) {
  const terms = keywordItems(report, 'word').slice(0, 8).concat(keywordItems(report, 'phrase').slice(0, 4));
  const sections = report.sections.map((s) => ({ start: s.start, end: s.end, title: s.title }));
  const sectionOf = (/** @type {number} */ off) => {
    let lo = 0;
    let hi = sections.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid].end <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    length: report.stats.utf16_length ?? state.text.length,
    sections,
    terms: terms.map((k) => {
      const perSection = sections.map(() => 0);
      const full = findKeyword(k.term);
      if (full?.dispersion?.sections?.length) {
        for (const [sec, n] of full.dispersion.sections) if (sec < perSection.length) perSection[sec] = n;
      } else {
        for (const o of k.occurrences) perSection[sectionOf(o.start)]++;
      }
      // The engine lists at most so many occurrences of a term (its count stays exact): say so.
      const label = k.count > k.occurrences.length ? `${k.term} (${k.occurrences.length}/${k.count})` : k.term;
      return { term: k.term, label, count: k.count, occurrences: k.occurrences, perSection, dispersion: k.dispersion };
    }),
  };
}

/**
 * What the dispersion plot draws of `disp`: ticks closer than 1/DRAW_TICKS of the text fall on the
 * same pixel, so one of them is drawn; thousands of section bands are sub-pixel wide and cost the
 * chart more than its ticks, so they are drawn only while they can be seen.
 */
export function dispersionShown(/** @type {ReturnType<typeof dispersionData>} */ disp) {
  const terms = disp.terms.map((k) => {
    if (k.occurrences.length <= DRAW_TICKS) return k;
    let last = -1;
    const occurrences = k.occurrences.filter((o) => {
      const bin = Math.floor((o.start * DRAW_TICKS) / Math.max(1, disp.length));
      if (bin === last) return false;
      last = bin;
      return true;
    });
    return { ...k, occurrences };
  });
  return { ...disp, terms, sections: disp.sections.length > DRAW_SECTIONS ? [] : disp.sections };
}

/** The reader's timeline corrections of the text on screen (kept with its library entry, or brought by a shared analysis), unchecked; null: none. */
export function correctionList() {
  const e = state.id ? state.entries.find((x) => x.id === state.id) : null;
  const shared = /** @type {{version?: number, items?: unknown} | null} */ (state.shared?.text === state.text ? state.shared.corrections : null);
  const list = e && e.text === state.text ? e.corrections : shared?.version === 1 ? shared.items : null;
  return Array.isArray(list) && list.length ? list : null;
}

// How corrections match the text (features/timeline/match.js) is loaded only for a text that has
// some (showReport waits for it then), so the first visit does not pay for it.
/** @type {typeof import('../timeline/match.js') | null} */
export let matcher = null;
export const loadMatcher = async () => (matcher ??= await import('../timeline/match.js'));

/** The corrections of the text on screen that still apply to it, by span key. */
export function currentCorrections() {
  const list = correctionList();
  return list && matcher ? matcher.liveCorrections(state.text, list) : new Map();
}

/** @typedef {import('../timeline/match.js').TimelineEntry} TimelineEntry */

/**
 * The timeline's data: one entry per dated event, with its expression and sentence, and the
 * reader's corrections applied (match.js: a dismissed date is left out, a changed or added one has
 * the reader's value and says so in `corrected`).
 */
export function timelineData(/** @type {Report} */ report, corr = currentCorrections()) {
  /** @type {TimelineEntry[]} */
  let entries = report.timeline.map((e, index) => {
    const x = report.timexes[e.timex] ?? {};
    return { index, text: x.text ?? '', value: x.end_value ? `${x.value}/${x.end_value}` : x.value ?? '', start: e.start_date, end: e.end_date,
      granularity: e.granularity, kind: e.kind, sentence: e.sentence, source: x.source, timex: e.timex, corrected: '' };
  });
  if (corr.size && matcher) entries = matcher.applyToEntries(report, entries, corr);
  return {
    entries,
    sentenceText: (/** @type {number} */ i) => {
      const s = state.report?.sentences[i];
      return s ? state.text.slice(s.start, s.end) : '';
    },
  };
}

/** The sections chart's data: words, sentences, paragraphs and dates per section. */
export function sectionsData(/** @type {Report} */ report) {
  /** @type {{title: string | null, paragraphs: number, sentences: number, dates: number, words?: number}[]} */
  const secs = report.sections.map((s) => ({ title: s.title, paragraphs: s.paragraph_count, sentences: 0, dates: 0,
    words: s.words ?? s.stats?.words }));
  const paraSection = report.paragraphs.map((p) => p.section);
  const sentSection = report.sentences.map((s) => paraSection[s.paragraph] ?? 0);
  sentSection.forEach((k) => { if (secs[k]) secs[k].sentences++; });
  report.timexes.forEach((x) => { const k = sentSection[x.sentence]; if (secs[k]) secs[k].dates++; });
  if (secs.every((s) => s.words === undefined)) secs.forEach((s) => delete s.words);
  return { sections: secs };
}
