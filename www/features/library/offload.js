// Long texts are written to the library by a worker (library-worker.js), so saving a 10 MB text
// does not hold the page; when that worker cannot start, Library writes them on the page instead.
import { OffloadUnavailable } from './library.js';

/** @type {Worker | false | null} the writer (null: not started yet; false: it cannot run) */
let writer = null;
/** @type {Map<number, {resolve: () => void, reject: (e: Error) => void}>} */
const calls = new Map();

/**
 * Writes `entry` through the worker; with `fieldsOnly`, the entry comes without its text, which is
 * stored already (Library#saveFields), and `textLength` is that text's length.
 * @param {object} entry
 * @param {{fieldsOnly?: boolean, textLength?: number}} [how]
 * @returns {Promise<void>}
 */
export function offloadSave(entry, { fieldsOnly = false, textLength = 0 } = {}) {
  if (writer === false) return Promise.reject(new OffloadUnavailable());
  if (!writer) {
    try {
      // The bundle keeps every script in one folder: the writer sits beside the page's scripts.
      writer = new Worker(new URL('./library-worker.js', import.meta.url), { type: 'module' });
    } catch {
      writer = false;
      return Promise.reject(new OffloadUnavailable());
    }
    writer.onmessage = ({ data }) => {
      const call = calls.get(data.id);
      calls.delete(data.id);
      if (data.ok) call?.resolve();
      else call?.reject(Object.assign(new Error(data.message), { name: data.name }));
    };
    writer.onerror = (e) => {
      e.preventDefault();
      if (writer) writer.terminate();
      writer = false;
      for (const call of calls.values()) call.reject(new OffloadUnavailable());
      calls.clear();
    };
  }
  const id = calls.size + Date.now() + Math.random();
  const w = writer;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    w.postMessage(fieldsOnly ? { id, patch: entry, textLength } : { id, entry });
  });
}
