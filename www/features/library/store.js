// The page's library (IndexedDB, library.js) and its entries in the state store.
import { state, changed } from '../../state.js';
import { Library } from './library.js';
import { offloadSave } from './offload.js';

/** @typedef {import('./library.js').Entry} Entry */

export const library = new Library(undefined, { offload: offloadSave });

/** The entry `id` among those listed, if any. */
export const findEntry = (/** @type {string | null} */ id) => state.entries.find((x) => x.id === id);

/** Puts `e` (new or changed) in the list of entries, newest first. */
export function upsertEntry(/** @type {Entry} */ e) {
  state.entries = [e, ...state.entries.filter((x) => x.id !== e.id)].sort((a, b) => b.updated - a.updated);
  changed('library');
}

/** Replaces the list of entries. */
export function setEntries(/** @type {Entry[]} */ entries) {
  state.entries = entries;
  changed('library');
}
