// The corpus's worker pool: one analysis worker per core the browser reports
// (navigator.hardwareConcurrency), each behind its own AnalysisBridge (the page's worker code and
// its watchdog, cancel and crash handling). Each worker takes the next pending article, reads its
// text from IndexedDB, analyzes it and writes the summary back at once, so what is done stays done
// whatever happens next (a cancel, a reload, a crash of the tab).
import { bridgeModule } from './host.js';
import { getText, putArticle } from './store.js';
import { summarize, TERMS_KEPT } from './summary.js';

/** @typedef {import('./store.js').Article} Article */

/** The options of a corpus analysis: the full module (its keyness reference list), the summary's keywords. */
export const CORPUS_OPTIONS = { engine: 'full', keyword_limit: TERMS_KEPT };

/** How many workers: one per core the browser reports, at least 1, at most 8. */
export const poolSize = () => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));

/** @typedef {import('../analysis/worker-bridge.js').AnalysisBridge} AnalysisBridge */
/** @type {AnalysisBridge[]} kept between runs (their engines stay loaded) */
const bridges = [];
let running = false;
let stopped = false;

/**
 * Analyzes the articles `todo` (status 'pending'), `onDone(article)` after each (its record
 * written). Resolves when all are done or the run was cancelled (`{cancelled}`).
 * @param {Article[]} todo
 * @param {(a: Article) => void} onDone
 */
export async function runPool(todo, onDone) {
  if (running) throw new Error('a corpus run is under way');
  running = true;
  stopped = false;
  const { AnalysisBridge, CancelledError, CrashError, StalledError } = bridgeModule();
  const n = Math.min(poolSize(), Math.max(1, todo.length));
  while (bridges.length < n) bridges.push(new AnalysisBridge());
  let next = 0;
  const work = async (/** @type {AnalysisBridge} */ bridge) => {
    while (!stopped && next < todo.length) {
      const a = todo[next++];
      const text = await getText(a.id);
      try {
        const { report } = await bridge.analyze(text, CORPUS_OPTIONS);
        a.summary = summarize(report, text);
        a.status = 'done';
        delete a.error;
      } catch (e) {
        if (e instanceof CancelledError || stopped) return;
        a.status = 'failed';
        a.error = e instanceof CrashError ? `crash: ${e.message}` : e instanceof StalledError ? `stalled: ${e.message}` : /** @type {Error} */ (e).message;
      }
      await putArticle(a);
      onDone(a);
    }
  };
  try {
    await Promise.all(bridges.slice(0, n).map(work));
  } finally {
    running = false;
  }
  return { cancelled: stopped };
}

/** Stops the run: the articles under way stay pending (a resume analyzes them). */
export function cancelPool() {
  stopped = true;
  for (const b of bridges) b.cancel();
}

/** A bridge for one-off requests of the views (keyness of two periods), the pool's first. */
export function viewBridge() {
  if (!bridges.length) bridges.push(new (bridgeModule().AnalysisBridge)());
  return bridges[0];
}
