// The corpus's requests, run inside the analysis worker (worker.js loads this chunk on the first
// one, always in the full module, which has the engine's corpus entries): a batch of articles
// reduced to their compact summaries, and the phrasing changes between two sets of texts.

import { fromEngine, TERMS_KEPT } from './summary.js';

/**
 * @param {{op: string, texts: string[], dates?: (string | null)[], split?: number, options?: Record<string, unknown>}} msg
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
  // Phrasing changes from texts A (the first `split`) to texts B: each text summarized with every
  // word sequence counted, then the log-likelihood and log ratio of words and 2–4 word sequences.
  const split = msg.split ?? 0;
  const phrasing = entry('corpusPhrasing');
  const summaries = texts.map((t, i) => summarizeArticle(t, { ...analysis, id: String(i), ngram_min_count: 1 }));
  const side = (/** @type {number} */ from, /** @type {number} */ to) => ({ ids: texts.slice(from, to).map((_, k) => String(from + k)) });
  return { phrasing: phrasing(summaries, side(0, split), side(split, texts.length), { min_count: 2, limit: 200, words: true }) };
}
