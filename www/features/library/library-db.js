// Opening the library's IndexedDB database, once per page. boot.js starts it as soon as the page
// is parsed: in a fresh profile Chromium takes 0.2–0.4 s to open (and create) a database, and the
// page needs the library before it knows what to show. library.js uses the same connection.
// The database is namespaced ('article-explorer') and versioned; each schema change is a new step
// in MIGRATIONS (never edit a released step), so a browser with an older database upgrades in place.

export const DB_NAME = 'article-explorer';
export const DB_VERSION = 1;

// MIGRATIONS[i] upgrades a database from version i to i + 1.
/** @type {Array<(db: IDBDatabase, tx: IDBTransaction | null) => void>} */
const MIGRATIONS = [
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('updated', 'updated');
    db.createObjectStore('settings');
  },
];

/** The result of an IndexedDB request, as a promise. */
export const req = /** @type {<T>(r: IDBRequest<T>) => Promise<T>} */ ((r) => new Promise((resolve, reject) => {
  r.onsuccess = () => resolve(r.result);
  r.onerror = () => reject(r.error);
}));

/** @type {Map<string, Promise<IDBDatabase>>} name -> the open database */
const connections = new Map();

/**
 * The database `name`, opened (and upgraded) on the first call; later calls share the connection.
 * A failed open, or a connection closed because another tab upgrades the database, is forgotten,
 * so the next call tries again.
 */
export function openDatabase(name = DB_NAME) {
  let opening = connections.get(name);
  if (!opening) {
    opening = (async () => {
      const r = indexedDB.open(name, DB_VERSION);
      r.onupgradeneeded = (event) => {
        for (let v = event.oldVersion; v < DB_VERSION; v++) MIGRATIONS[v](r.result, r.transaction);
      };
      r.onblocked = () => { /* another tab holds an old version open; it upgrades when that tab closes */ };
      const db = await req(r);
      db.onversionchange = () => {
        db.close();
        if (connections.get(name) === opening) connections.delete(name);
      };
      return db;
    })();
    connections.set(name, opening);
    opening.catch(() => { if (connections.get(name) === opening) connections.delete(name); });
  }
  return opening;
}
