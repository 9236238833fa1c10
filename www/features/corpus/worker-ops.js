// The corpus's requests, run inside the analysis worker (worker.js loads this chunk on the first
// one): a batch of articles reduced to their compact summaries (the reports never cross to the
// page), and the phrasing changes between two sets of texts.

import { summarize } from './summary.js';

/**
 * @param {{op: string, texts: string[], dates?: (string | null)[], split?: number, options?: Record<string, unknown>}} msg
 * @param {(name: string) => any} entry the engine's optional entry `name`, or null
 * @param {(text: string, options: any, from: number, to: number) => import('../../types/report').Report} run
 *   an analysis, its progress scaled to [from, to]
 */
export function corpusOp(msg, entry, run) {
  const { texts, options } = msg;
  if (msg.op === 'summarize') {
    // An article the engine refuses gets {error}; a crash (a trap) fails the batch: the pool then
    // retries its articles one by one.
    const summaries = texts.map((t, i) => {
      try {
        const [from, to] = [i / texts.length, (i + 1) / texts.length];
        const report = run(t, options, from, to);
        // An article without a dateline, dated by its file name or by the user: its relative
        // expressions ("yesterday") are resolved against that date, in a second analysis (only
        // when there are some to resolve: the engine leaves them as XXXX values).
        const date = msg.dates?.[i];
        if (date && report.reference_date.source !== 'dateline' && report.timexes.some((x) => x.kind === 'relative' && x.value.includes('X'))) {
          const dated = summarize(run(t, { ...options, dct: date }, from, to), t);
          return { ...dated, dateline: null };
        }
        return summarize(report, t);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) throw e;
        return { error: /** @type {Error} */ (e).message };
      }
    });
    return { summaries };
  }
  // Phrasing changes from texts A (the first `split`) to texts B: the engine's corpus entries (each
  // text summarized with every word sequence counted, then log-likelihood and log ratio of words
  // and 2–4 word sequences) when this build has them, else its keyness comparison of the two
  // sides' texts joined (single words only).
  const split = msg.split ?? 0;
  const { engine: _e, user_words: _w, ...analysis } = options ?? {};
  const summarizeArticle = entry('summarizeArticle');
  const phrasing = entry('corpusPhrasing');
  if (summarizeArticle && phrasing) {
    const summaries = texts.map((t, i) => summarizeArticle(t, { ...analysis, id: String(i), ngram_min_count: 1 }));
    const side = (/** @type {number} */ from, /** @type {number} */ to) => ({ ids: texts.slice(from, to).map((_, k) => String(from + k)) });
    return { phrasing: phrasing(summaries, side(0, split), side(split, texts.length), { min_count: 2, limit: 200, words: true }) };
  }
  return { keyness: entry('compare')?.(texts.slice(0, split).join('\n\n'), texts.slice(split).join('\n\n'), analysis) ?? null };
}
