// The corpus's worker pool: one analysis worker per core the browser reports
// (navigator.hardwareConcurrency), each behind its own AnalysisBridge (the page's worker code and
// its watchdog, cancel and crash handling). Each worker takes the next batch of pending articles
// (a few, up to BATCH_CHARS characters: fewer messages and transactions for a corpus of short
// articles), reads their texts from IndexedDB, and gets back only their compact summaries (the
// worker makes them: the reports never cross to the page); the summaries are written at once, so
// what is done stays done whatever happens next (a cancel, a reload, a crash of the tab).
import { AnalysisBridge, CancelledError, CrashError, StalledError } from '../analysis/worker-bridge.js';
import { getTexts, putArticles } from './store.js';

/** @typedef {import('./store.js').Article} Article */

/** The options of a corpus analysis: the full module (its corpus entries and keyness reference list). */
export const CORPUS_OPTIONS = { engine: 'full' };

const BATCH_ARTICLES = 48;
const BATCH_CHARS = 192 * 1024;

/** How many workers: one per core the browser reports, at least 1, at most 8. */
export const poolSize = () => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));

/** @type {AnalysisBridge[]} kept between runs (their engines stay loaded) */
const bridges = [];
let running = false;
let stopped = false;

/**
 * Analyzes the articles `todo` (status 'pending'), `onDone(batch)` after each batch (its records
 * written). Resolves when all are done or the run was cancelled (`{cancelled, spent}`; `spent`:
 * the workers' summed wall time reading texts, in the engine and waiting to write, in ms).
 * `known`: texts the page still holds (the intake is storing them), by article id: taken from
 * there instead of read back from IndexedDB, and let go once handed over. `stored`: resolves when
 * the intake's records are stored (no summary is written before; if it fails, the run stops and
 * runPool throws its error).
 * @param {Article[]} todo
 * @param {(batch: Article[]) => void} onDone
 * @param {Map<string, string>} [known]
 * @param {Promise<void>} [stored]
 */
export async function runPool(todo, onDone, known = new Map(), stored = Promise.resolve()) {
  if (running) throw new Error('a corpus run is under way');
  running = true;
  stopped = false;
  const n = Math.min(poolSize(), Math.max(1, todo.length));
  while (bridges.length < n) bridges.push(new AnalysisBridge());
  const queue = [...todo];
  // A small corpus in smaller batches, at least 8 a worker: the workers finish together.
  const perBatch = Math.max(1, Math.min(BATCH_ARTICLES, Math.ceil(todo.length / (n * 8))));
  const spent = { read: 0, engine: 0, inWorker: 0, write: 0, batches: 0, first: 0 };
  /** @type {Article[][]} batches to retry one article at a time (after a crash of their batch) */
  const singles = [];
  const textsOf = async (/** @type {Article[]} */ batch) => {
    if (batch.every((a) => known.has(a.id))) {
      const texts = batch.map((a) => /** @type {string} */ (known.get(a.id)));
      for (const a of batch) known.delete(a.id);
      return texts;
    }
    return getTexts(batch.map((a) => a.id));
  };
  /** @returns {Promise<{batch: Article[], texts: string[]} | null>} */
  const take = async () => {
    const t0 = performance.now();
    try {
      if (singles.length) {
        const batch = /** @type {Article[]} */ (singles.shift());
        return { batch, texts: await textsOf(batch) };
      }
      if (!queue.length) return null;
      // Sizes are not known before the texts are read: a batch takes BATCH_ARTICLES articles, then
      // gives back those past BATCH_CHARS characters (a long article goes on its own).
      const batch = queue.splice(0, perBatch);
      let chars = 0;
      const texts = await textsOf(batch);
      let cut = texts.length;
      for (let i = 0; i < texts.length; i++) {
        chars += texts[i].length;
        if (chars > BATCH_CHARS && i > 0) {
          cut = i;
          break;
        }
      }
      if (cut < batch.length) {
        batch.slice(cut).forEach((a, k) => known.set(a.id, texts[cut + k])); // read already: kept for the next batch
        queue.unshift(...batch.slice(cut)); // the rest goes first in the next batch
        return { batch: batch.slice(0, cut), texts: texts.slice(0, cut) };
      }
      return { batch, texts };
    } finally {
      spent.read += performance.now() - t0;
    }
  };
  // The records are written in the background, the batches that finished meanwhile together in one
  // transaction, so a worker never waits for IndexedDB; a batch counts as done (onDone) once written.
  /** @type {Article[][]} */
  const unwritten = [];
  /** @type {Promise<void> | null} */
  let writing = null;
  /** @type {unknown} */
  let writeError = null;
  const flush = async () => {
    try {
      await stored;
      while (unwritten.length) {
        const batches = unwritten.splice(0);
        const t0 = performance.now();
        await putArticles(batches.flat());
        spent.write += performance.now() - t0;
        batches.forEach(onDone);
      }
    } catch (e) {
      writeError = e;
      stopped = true;
    } finally {
      writing = null;
    }
  };
  const write = (/** @type {Article[]} */ batch) => {
    if (writeError) return;
    unwritten.push(batch);
    writing ??= flush();
  };
  const work = async (/** @type {AnalysisBridge} */ bridge) => {
    let job = await take();
    const first = job;
    while (job && !stopped) {
      const { batch, texts } = job;
      // The next batch's texts are read while the engine works on this one.
      const next = take();
      const t0 = performance.now();
      let retry = false;
      try {
        const { summaries, ms } = await bridge.summarize(texts, CORPUS_OPTIONS, batch.map((a) => a.fileDate ?? a.userDate ?? null));
        spent.inWorker += ms;
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
          retry = true;
        } else {
          const why = e instanceof CrashError ? `crash: ${e.message}` : e instanceof StalledError ? `stalled: ${e.message}` : /** @type {Error} */ (e).message;
          for (const a of batch) {
            a.status = 'failed';
            a.error = why;
          }
        }
      }
      spent.engine += performance.now() - t0;
      // The longest first batch: mostly a worker still loading the engine and dictionary.
      if (job === first) spent.first = Math.max(spent.first, performance.now() - t0);
      spent.batches++;
      if (!retry) write(batch);
      // Articles put back for a retry (a crash elsewhere) may come after the queue ran dry.
      job = (await next) ?? (singles.length ? await take() : null);
    }
  };
  // A failed intake stops the workers at once (not only at the first write).
  stored.catch((e) => {
    writeError ??= e;
    cancelPool();
  });
  try {
    await Promise.all(bridges.slice(0, n).map(work));
    while (writing) await writing;
    if (writeError) throw writeError;
  } finally {
    running = false;
  }
  return { cancelled: stopped, spent };
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
