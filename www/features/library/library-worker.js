// Writes library entries with long texts to IndexedDB off the page's main thread (the value's
// serialization and compression happen on the thread that calls put(): ~0.1 s for 10 MB).
// Messages in: {id, entry} | {id, patch, textLength} (Library#patch: new fields of an entry whose
// text is already stored, so a long text is not copied again); out: {id, ok: true} | {id, ok: false, name, message}.
import { Library } from './library.js';

const library = new Library();

self.onmessage = async ({ data }) => {
  try {
    if (data.patch) await library.patch(data.patch, data.textLength);
    else await library.put(data.entry);
    self.postMessage({ id: data.id, ok: true });
  } catch (err) {
    const e = /** @type {Error | undefined} */ (err);
    self.postMessage({ id: data.id, ok: false, name: e?.name ?? 'Error', message: e?.message ?? String(e) });
  }
};
