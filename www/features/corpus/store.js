// The corpus in IndexedDB (its own database, beside the library's): the texts, one record per
// article (its state, dates and, once analyzed, its compact summary) and the inputs that could not
// be read. A run writes each summary as it arrives, so a reload, a cancel or a crash loses at most
// the articles under way: those still 'pending' are analyzed when the run resumes.
import { req } from '../library/library-db.js';

export const CORPUS_DB = 'article-explorer-corpus';

/**
 * An article of the corpus. `status`: 'pending' (text stored, not analyzed yet), 'done' (has its
 * summary), 'duplicate' (the same text as `duplicateOf`; no text of its own, never counted) or
 * 'failed' (`error` says why). `order` keeps the order of arrival.
 * @typedef {{id: string, name: string, path: string, source: string, order: number, status: 'pending' | 'done' | 'duplicate' | 'failed',
 *   fileDate: string | null, userDate: string | null, duplicateOf?: string, error?: string,
 *   summary?: import('./summary.js').Summary}} Article
 * @typedef {{id?: number, name: string, path: string, reason: string, detail?: string}} Problem
 */

// Version 1: the three stores, created on first open.
const SCHEMA = (/** @type {IDBDatabase} */ db) => {
  for (const name of ['texts', 'corpus', 'problems']) {
    if (!db.objectStoreNames.contains(name)) {
      db.createObjectStore(name, name === 'problems' ? { keyPath: 'id', autoIncrement: true } : { keyPath: 'id' });
    }
  }
};

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(CORPUS_DB, 1);
    r.onupgradeneeded = () => SCHEMA(r.result);
    r.onsuccess = () => {
      r.result.onversionchange = () => { r.result.close(); opening = null; };
      resolve(r.result);
    };
    r.onerror = () => { opening = null; reject(r.error); };
  });
  return opening;
}

async function tx(/** @type {string[]} */ names, /** @type {IDBTransactionMode} */ mode) {
  const db = await open();
  const t = db.transaction(names, mode);
  const done = new Promise((resolve, reject) => {
    t.oncomplete = () => resolve(undefined);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error('aborted'));
  });
  return { t, done };
}

/** Every article record, in order of arrival. */
export async function listArticles() {
  const { t } = await tx(['corpus'], 'readonly');
  const all = /** @type {Article[]} */ (await req(t.objectStore('corpus').getAll()));
  return all.sort((a, b) => a.order - b.order);
}

/** Every problem recorded. */
export async function listProblems() {
  const { t } = await tx(['problems'], 'readonly');
  return /** @type {Problem[]} */ (await req(t.objectStore('problems').getAll()));
}

/** Adds new articles (with their texts, except duplicates) and problems in one transaction. */
export async function addIntake(/** @type {{article: Article, text?: string}[]} */ items, /** @type {Problem[]} */ problems) {
  const { t, done } = await tx(['texts', 'corpus', 'problems'], 'readwrite');
  for (const { article, text } of items) {
    t.objectStore('corpus').put(article);
    if (text !== undefined) t.objectStore('texts').put({ id: article.id, text });
  }
  for (const p of problems) t.objectStore('problems').add(p);
  await done;
}

/** Writes an article record (a summary arrived, a date was entered). */
export async function putArticle(/** @type {Article} */ a) {
  const { t, done } = await tx(['corpus'], 'readwrite');
  t.objectStore('corpus').put(a);
  await done;
}

/** Writes several article records in one transaction (a batch's summaries). */
export async function putArticles(/** @type {Article[]} */ list) {
  const { t, done } = await tx(['corpus'], 'readwrite');
  for (const a of list) t.objectStore('corpus').put(a);
  await done;
}

/** The texts of articles `ids`, in one transaction ('' for one without a text). */
export async function getTexts(/** @type {string[]} */ ids) {
  const { t } = await tx(['texts'], 'readonly');
  const store = t.objectStore('texts');
  const got = await Promise.all(ids.map((id) => req(store.get(id))));
  return got.map((r) => /** @type {{text: string} | undefined} */ (r)?.text ?? '');
}

/** The text of article `id` ('' when it has none). */
export async function getText(/** @type {string} */ id) {
  const { t } = await tx(['texts'], 'readonly');
  const r = /** @type {{text: string} | undefined} */ (await req(t.objectStore('texts').get(id)));
  return r?.text ?? '';
}

/**
 * Calls `f(id, text)` for the texts of `ids`, reading them in batches (a corpus's texts are never
 * all in memory at once), in the order of `ids`; with `anyOrder`, in the store's order instead:
 * read a batch at a time with getAll (one request per batch instead of one per text, several
 * times faster for most of a corpus), when `ids` are most of the store.
 * @param {string[]} ids
 * @param {(id: string, text: string) => void} f
 */
export async function eachText(ids, f, batch = 200, anyOrder = false) {
  if (anyOrder && ids.length > 0) {
    const { t } = await tx(['texts'], 'readonly');
    const total = /** @type {number} */ (await req(t.objectStore('texts').count()));
    if (ids.length * 2 >= total) {
      const wanted = new Set(ids);
      /** @type {IDBKeyRange | null} */
      let range = null;
      for (let left = wanted.size; left > 0;) {
        const { t: scan } = await tx(['texts'], 'readonly');
        const got = /** @type {{id: string, text: string}[]} */ (await req(scan.objectStore('texts').getAll(range, batch)));
        if (!got.length) break;
        for (const r of got) {
          if (wanted.delete(r.id)) {
            f(r.id, r.text);
            left--;
          }
        }
        range = IDBKeyRange.lowerBound(got[got.length - 1].id, true);
      }
      // Ids the scan did not meet (none, unless the store changed meanwhile) read one by one.
      if (wanted.size) await eachText([...wanted], f, batch);
      return;
    }
  }
  for (let i = 0; i < ids.length; i += batch) {
    const part = ids.slice(i, i + batch);
    const { t } = await tx(['texts'], 'readonly');
    const store = t.objectStore('texts');
    const got = await Promise.all(part.map((id) => req(store.get(id))));
    got.forEach((r, j) => f(part[j], /** @type {{text: string} | undefined} */ (r)?.text ?? ''));
  }
}

/** Empties the corpus. */
export async function clearCorpus() {
  const { t, done } = await tx(['texts', 'corpus', 'problems'], 'readwrite');
  for (const n of ['texts', 'corpus', 'problems']) t.objectStore(n).clear();
  await done;
}
