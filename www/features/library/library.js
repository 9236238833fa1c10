// The library: articles kept in this browser's IndexedDB, and the one-file export/import.
// The database (its name, version and migrations) is opened by library-db.js. The export file has
// its own format name and version; an import is validated completely before anything is written,
// and then written in one transaction, so a bad file changes nothing.

import { DB_NAME, DB_VERSION, openDatabase, req } from './library-db.js';

export { DB_NAME, DB_VERSION };

/**
 * A stored article. `title` is the user's name for it; `autoTitle`, `date`, `language` and `words`
 * come from its last report (null until then); `dct` is the reference date the user chose.
 * @typedef {{id: string, text: string, created: number, updated: number, title?: string | null, autoTitle?: string | null,
 *   date?: string | null, dct?: string | null, language?: string | null, words?: number | null,
 *   corrections?: import('../timeline/events.js').Correction[]}} Entry
 * `corrections` are the reader's corrections of the timeline (features/timeline/events.js).
 */
export const FILE_FORMAT = 'article-explorer-library';
export const FILE_VERSION = 1;

/** A refused import or a failed storage operation; `code` names the reason for the message. */
export class LibraryError extends Error {
  constructor(/** @type {string} */ code, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
    this.detail = detail;
  }
}

const done = (/** @type {IDBTransaction} */ tx) => new Promise((/** @type {(v?: void) => void} */ resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error ?? new LibraryError('aborted'));
});

export function newId() {
  if (typeof globalThis.crypto?.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const isStr = (/** @type {unknown} */ v) => typeof v === 'string';
const isOptStr = (/** @type {unknown} */ v) => v === undefined || v === null || typeof v === 'string';
const isNum = (/** @type {unknown} */ v) => typeof v === 'number' && Number.isFinite(v);

/** Whether `e` is a well-formed stored article (a corrupted entry is skipped, not shown). */
/** @returns {e is Entry} */
export function validEntry(/** @type {any} */ e) {
  return !!e && typeof e === 'object' && isStr(e.id) && e.id.length > 0 && e.id.length < 200 && isStr(e.text)
    && isNum(e.created) && isNum(e.updated) && isOptStr(e.title) && isOptStr(e.autoTitle)
    && isOptStr(e.date) && isOptStr(e.dct) && isOptStr(e.language)
    && (e.words === undefined || e.words === null || isNum(e.words))
    // The timeline's corrections: their items are checked where they are read (timeline/events.js).
    && (e.corrections === undefined || Array.isArray(e.corrections));
}

/** The first non-blank line of `text`, trimmed (without splitting or copying a long text). */
export function firstLine(/** @type {string} */ text) {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl < 0 ? Math.min(text.length, start + 10000) : Math.min(nl, start + 10000)).trim();
}

/** The display title of an entry: the user's name for it, the article's title, or its first line. */
export function entryTitle(/** @type {Entry} */ e) {
  if (e.title) return e.title;
  if (e.autoTitle) return e.autoTitle;
  const first = firstLine(e.text);
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

/** Checks a parsed library file; returns its articles or throws a LibraryError. */
/** @returns {Entry[]} */
export function validateLibraryFile(/** @type {any} */ data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new LibraryError('import-format');
  if (data.format !== FILE_FORMAT) throw new LibraryError('import-format');
  if (!Number.isInteger(data.version) || data.version < 1) throw new LibraryError('import-format');
  if (data.version > FILE_VERSION) throw new LibraryError('import-future', String(data.version));
  if (!Array.isArray(data.articles)) throw new LibraryError('import-format');
  data.articles.forEach((/** @type {unknown} */ a, /** @type {number} */ i) => {
    if (!validEntry(a)) throw new LibraryError('import-entry', String(i + 1));
  });
  return data.articles;
}

/**
 * Storing a long text serializes and compresses it on the calling thread (about 0.1 s for 10 MB in
 * Chromium): entries with a text longer than this are written by `offload` when one is given
 * (the page passes a writer running in library-worker.js).
 */
export const OFFLOAD_CHARS = 200000;

/** An offload writer that cannot run (no worker): the entry is written here instead. */
export class OffloadUnavailable extends Error {}

/** @typedef {(entry: object, how?: {fieldsOnly?: boolean, textLength?: number}) => Promise<void>} Offload */

export class Library {
  #name;
  /** @type {Offload | null} */
  #offload;
  /** Entries skipped by the last list() because they were corrupted. */
  corrupt = 0;

  /** `offload(entry)`: writes an entry elsewhere (see OFFLOAD_CHARS); rejects with OffloadUnavailable to write it here. */
  constructor(name = DB_NAME, /** @type {{offload?: Offload | null}} */ { offload = null } = {}) {
    this.#name = name;
    this.#offload = offload;
  }

  /** The open database (one connection per page, shared: library-db.js). */
  async open() {
    if (!globalThis.indexedDB) throw new LibraryError('unavailable');
    return openDatabase(this.#name);
  }

  async #store(/** @type {string} */ name, /** @type {IDBTransactionMode} */ mode) {
    const db = await this.open();
    const tx = db.transaction(name, mode);
    return { tx, store: tx.objectStore(name) };
  }

  /** Every well-formed entry, most recently changed first. */
  async list() {
    const { store } = await this.#store('articles', 'readonly');
    const all = /** @type {unknown[]} */ (await req(store.getAll()));
    const good = all.filter(validEntry);
    this.corrupt = all.length - good.length;
    return good.sort((a, b) => b.updated - a.updated);
  }

  /** @returns {Promise<Entry | null>} */
  async get(/** @type {string} */ id) {
    const { store } = await this.#store('articles', 'readonly');
    const e = await req(store.get(id));
    return validEntry(e) ? e : null;
  }

  /** Stores `entry` (stamping `updated`); returns it. */
  async save(/** @type {Entry} */ entry) {
    return this.#write(entry, false);
  }

  /**
   * Stores `entry` as save() does when only its other fields changed, not its text: a long text is
   * not sent to the offload writer again (copying 10 MB into a worker message holds the page for
   * ~60 ms), the writer gets the other fields and keeps the stored text (see patch()).
   */
  async saveFields(/** @type {Entry} */ entry) {
    return this.#write(entry, true);
  }

  // save() and saveFields(): a long text goes to the offload writer (whole, or only its other
  // fields), anything else, or when the writer cannot run, is written here.
  async #write(/** @type {Entry} */ entry, /** @type {boolean} */ fieldsOnly) {
    const e = { ...entry, updated: Date.now() };
    if (this.#offload && e.text.length > OFFLOAD_CHARS) {
      try {
        if (fieldsOnly) {
          const { text, ...fields } = e;
          await this.#offload(fields, { fieldsOnly: true, textLength: text.length });
        } else {
          await this.#offload(e);
        }
        return e;
      } catch (err) {
        if (!(err instanceof OffloadUnavailable)) throw err;
      }
    }
    await this.put(e);
    return e;
  }

  /**
   * Writes `fields` (with `id`) over the stored entry with that id, keeping its text; nothing when
   * the entry is gone or its text is not `textLength` characters long (another text was stored meanwhile).
   */
  async patch(/** @type {Partial<Entry> & {id: string}} */ fields, /** @type {number} */ textLength) {
    const { tx, store } = await this.#store('articles', 'readwrite');
    const stored = await req(store.get(fields.id));
    if (stored && stored.text?.length === textLength) store.put({ ...stored, ...fields });
    await done(tx);
  }

  /** Writes `e` as it is. */
  async put(/** @type {Entry} */ e) {
    const { tx, store } = await this.#store('articles', 'readwrite');
    store.put(e);
    await done(tx);
  }

  async remove(/** @type {string} */ id) {
    const { tx, store } = await this.#store('articles', 'readwrite');
    store.delete(id);
    await done(tx);
  }

  async rename(/** @type {string} */ id, /** @type {string} */ title) {
    const e = await this.get(id);
    if (!e) throw new LibraryError('missing');
    return this.save({ ...e, title: title.trim() || null });
  }

  /** @returns {Promise<any>} */
  async getSetting(/** @type {string} */ key) {
    const { store } = await this.#store('settings', 'readonly');
    return req(store.get(key));
  }

  async setSetting(/** @type {string} */ key, /** @type {unknown} */ value) {
    const { tx, store } = await this.#store('settings', 'readwrite');
    store.put(value, key);
    await done(tx);
  }

  /** The whole library as one JSON file's text. */
  async exportFile() {
    const articles = await this.list();
    return JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, exported: new Date().toISOString(), articles }, null, 1);
  }

  /** Imports a library file's text; all or nothing. Returns `{added, skipped}`. */
  async importFile(/** @type {string} */ text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new LibraryError('import-json');
    }
    const incoming = validateLibraryFile(data);
    const existing = new Map((await this.list()).map((e) => [e.id, e]));
    const texts = new Set([...existing.values()].map((e) => e.text));
    const { tx, store } = await this.#store('articles', 'readwrite');
    let added = 0;
    let skipped = 0;
    for (const a of incoming) {
      if (texts.has(a.text)) {
        skipped++;
        continue;
      }
      const id = existing.has(a.id) ? newId() : a.id;
      store.put({ ...a, id });
      texts.add(a.text);
      added++;
    }
    await done(tx);
    return { added, skipped };
  }
}
