// The corpus's worker pool: one analysis worker per core the browser reports
// (navigator.hardwareConcurrency), each behind its own AnalysisBridge (the page's worker code and
// its watchdog, cancel and crash handling). Each worker takes the next batch of pending articles
// (a few, up to BATCH_CHARS characters: fewer messages and transactions for a corpus of short
// articles), reads their texts from IndexedDB, and gets back only their compact summaries (the
// worker makes them: the reports never cross to the page); the summaries are written at once, so
// what is done stays done whatever happens next (a cancel, a reload, a crash of the tab).
import { AnalysisBridge, CancelledError, CrashError, StalledError } from '../analysis/worker-bridge.js';
import { getTexts, putArticles } from './store.js';
import { TERMS_KEPT } from './summary.js';

/** @typedef {import('./store.js').Article} Article */

/** The options of a corpus analysis: the full module (its keyness reference list), the summary's keywords. */
export const CORPUS_OPTIONS = { engine: 'full', keyword_limit: TERMS_KEPT };

const BATCH_ARTICLES = 16;
const BATCH_CHARS = 64 * 1024;

/** How many workers: one per core the browser reports, at least 1, at most 8. */
export const poolSize = () => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));

/** @type {AnalysisBridge[]} kept between runs (their engines stay loaded) */
const bridges = [];
let running = false;
let stopped = false;

/**
 * Analyzes the articles `todo` (status 'pending'), `onDone(batch)` after each batch (its records
 * written). Resolves when all are done or the run was cancelled (`{cancelled}`).
 * @param {Article[]} todo
 * @param {(batch: Article[]) => void} onDone
 */
export async function runPool(todo, onDone) {
  if (running) throw new Error('a corpus run is under way');
  running = true;
  stopped = false;
  const n = Math.min(poolSize(), Math.max(1, todo.length));
  while (bridges.length < n) bridges.push(new AnalysisBridge());
  const queue = [...todo];
  /** @type {Article[][]} batches to retry one article at a time (after a crash of their batch) */
  const singles = [];
  /** @returns {Promise<{batch: Article[], texts: string[]} | null>} */
  const take = async () => {
    if (singles.length) {
      const batch = /** @type {Article[]} */ (singles.shift());
      return { batch, texts: await getTexts(batch.map((a) => a.id)) };
    }
    if (!queue.length) return null;
    // Sizes are not known before the texts are read: a batch takes BATCH_ARTICLES articles, then
    // gives back those past BATCH_CHARS characters (a long article goes on its own).
    const batch = queue.splice(0, BATCH_ARTICLES);
    let chars = 0;
    const texts = await getTexts(batch.map((a) => a.id));
    let cut = texts.length;
    for (let i = 0; i < texts.length; i++) {
      chars += texts[i].length;
      if (chars > BATCH_CHARS && i > 0) {
        cut = i;
        break;
      }
    }
    if (cut < batch.length) {
      queue.unshift(...batch.slice(cut)); // the rest goes first in the next batch
      return { batch: batch.slice(0, cut), texts: texts.slice(0, cut) };
    }
    return { batch, texts };
  };
  const work = async (/** @type {AnalysisBridge} */ bridge) => {
    while (!stopped) {
      const job = await take();
      if (!job) return;
      const { batch, texts } = job;
      try {
        const { summaries } = await bridge.summarize(texts, CORPUS_OPTIONS, batch.map((a) => a.fileDate ?? a.userDate ?? null));
        batch.forEach((a, i) => {
          const s = summaries[i];
          if (s && !('error' in s)) {
            a.summary = s;
            a.status = 'done';
            delete a.error;
          } else {
            a.status = 'failed';
            a.error = s && 'error' in s ? s.error : 'no summary';
          }
        });
      } catch (e) {
        if (e instanceof CancelledError || stopped) return;
        if (e instanceof CrashError && batch.length > 1) {
          singles.push(...batch.map((a) => [a])); // find the article that crashes the engine
          continue;
        }
        const why = e instanceof CrashError ? `crash: ${e.message}` : e instanceof StalledError ? `stalled: ${e.message}` : /** @type {Error} */ (e).message;
        for (const a of batch) {
          a.status = 'failed';
          a.error = why;
        }
      }
      await putArticles(batch);
      onDone(batch);
    }
  };
  try {
    await Promise.all(bridges.slice(0, n).map(work));
  } finally {
    running = false;
  }
  return { cancelled: stopped };
}

/**
 * Starts the pool's workers and has them load the full module (and, with `chinese`, the Chinese
 * dictionary) while the page is still reading and storing the files: an empty batch. A run's first
 * batch supersedes it if it has not started yet.
 */
export function warmPool(chinese = false) {
  if (running) return;
  while (bridges.length < poolSize()) bridges.push(new AnalysisBridge());
  for (const b of bridges) b.summarize([], { ...CORPUS_OPTIONS, ...(chinese ? { lang: 'zh' } : {}) }).catch(() => {});
}

/** Stops the run: the articles under way stay pending (a resume analyzes them). */
export function cancelPool() {
  stopped = true;
  for (const b of bridges) b.cancel();
}

/** A bridge for one-off requests of the views (keyness of two periods), the pool's first. */
export function viewBridge() {
  if (!bridges.length) bridges.push(new AnalysisBridge());
  return bridges[0];
}
