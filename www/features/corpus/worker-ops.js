// The corpus's requests, run inside the analysis worker (worker.js loads this chunk on the first
// one, always in the full module, which has the engine's corpus entries): a batch of articles
// reduced to their compact summaries, and the phrasing changes between two sets of texts.

import { fromEngine, TERMS_KEPT } from './summary.js';

/**
 * @param {{op: string, texts: string[], dates?: (string | null)[], ids?: string[], split?: number, options?: Record<string, unknown>}} msg
 * @param {(name: string) => any} entry the engine's entry `name`, or null
 */
export function corpusOp(msg, entry) {
  const { texts, options } = msg;
  const { engine: _e, user_words: _w, ...analysis } = options ?? {};
  const summarizeArticle = entry('summarizeArticle');
  if (!summarizeArticle) throw new Error('[unavailable] this build has no corpus entries');
  if (msg.op === 'summarize') {
    // One analysis per article: the engine takes the article's date (its file name's or the
    // user's, `dates[i]`) and uses it only when the text has no dateline, resolving relative
    // expressions ("yesterday") against it; only its compact summary crosses to JavaScript, without
    // the word counts (`counts: false`), which the stored record does not keep.
    // An article the engine refuses gets {error}; a crash (a trap) fails the batch: the pool then
    // retries its articles one by one.
    const summaries = texts.map((t, i) => {
      try {
        return fromEngine(summarizeArticle(t, { ...analysis, user_date: msg.dates?.[i] ?? undefined, top_terms: TERMS_KEPT, counts: false }), t);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) throw e;
        return { error: /** @type {Error} */ (e).message };
      }
    });
    return { summaries };
  }
  // Phrasing changes from the articles `ids` A (the first `split`) to B: each text summarized with
  // every word sequence counted, then the log-likelihood and log ratio of words and 2–4 word
  // sequences. These summaries (every word and sequence counted, ten times the stored record) are
  // made only here; the engine keeps them (CorpusSummaries, no crossing back) for the next
  // comparison, which then summarizes only the articles it has not seen.
  const split = msg.split ?? 0;
  const ids = msg.ids ?? texts.map((_, i) => String(i));
  const key = JSON.stringify([analysis, options?.user_words ?? []]);
  if (held && (held.key !== key || held.ids.size + ids.filter((id) => !held?.ids.has(id)).length > HELD_MAX)) {
    held.summaries.free();
    held = null;
  }
  held ??= { key, ids: new Set(), summaries: new (entry('CorpusSummaries'))() };
  const h = held;
  ids.forEach((id, i) => {
    if (h.ids.has(id)) return;
    h.summaries.add(summarizeArticle(texts[i], { ...analysis, id, ngram_min_count: 1 }));
    h.ids.add(id);
  });
  return { phrasing: h.summaries.phrasing({ ids: ids.slice(0, split) }, { ids: ids.slice(split) }, { min_count: 2, limit: 200, words: true }) };
}

/** The most phrasing summaries kept between comparisons (a bigger comparison starts afresh). */
const HELD_MAX = 4000;
/**
 * The phrasing summaries made so far, by article id, with the analysis options they were made with.
 * @type {{key: string, ids: Set<string>, summaries: any} | null}
 */
let held = null;
