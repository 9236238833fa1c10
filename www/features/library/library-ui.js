// Managing the library's articles (in the lazy chunk, later.js): renaming, deleting (with undo),
// and the one-file export and import. Listing the articles, opening one and saving the text before its analysis
// are in list.js and save.js: the first view needs them.
import { state, changed } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { download } from '../../download.js';
import { entryTitle, LibraryError } from './library.js';
import { library, upsertEntry, setEntries } from './store.js';
import { showLibMessage } from './message.js';

/** @typedef {import('./library.js').Entry} Entry */

const saveFailed = (/** @type {any} */ err) => showLibMessage(t('status.saveFailed', { error: err?.message ?? err }), 'error');
function focusTitle(/** @type {string} */ id) {
  const title = /** @type {HTMLElement | null} */ (ui.libList.querySelector(`[data-id="${CSS.escape(id)}"] .entry-title`));
  title?.focus();
}

/** Replaces the library entry `e`'s row `li` with a field to rename it (Enter saves, Escape cancels). */
export function startRename(/** @type {HTMLElement} */ li, /** @type {Entry} */ e) {
  const title = entryTitle(e);
  const input = elt('input', { type: 'text', value: title, 'aria-label': t('library.renameLabel', { title }) });
  const save = async () => {
    try {
      upsertEntry(await library.rename(e.id, input.value));
    } catch (err) {
      saveFailed(err);
    }
    focusTitle(e.id);
  };
  const cancel = () => {
    changed('library');
    focusTitle(e.id);
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { ev.preventDefault(); save(); }
    if (ev.key === 'Escape') { ev.preventDefault(); ev.stopPropagation(); cancel(); }
  });
  const form = elt('span', { class: 'rename' }, input,
    elt('button', { type: 'button', class: 'small-btn', textContent: t('library.save'), onclick: save }),
    elt('button', { type: 'button', class: 'small-btn', textContent: t('library.cancel'), onclick: cancel }));
  li.replaceChildren(form);
  input.focus();
  input.select();
}

/** Deletes the library entry `e`, with an undo button in the library's message line. */
export async function deleteEntry(/** @type {Entry} */ e) {
  try {
    await library.remove(e.id);
  } catch (err) {
    saveFailed(err);
    return;
  }
  if (state.id === e.id) state.id = null;
  setEntries(state.entries.filter((x) => x.id !== e.id));
  const undo = elt('button', { type: 'button', class: 'small-btn', textContent: t('library.undo'), onclick: async () => {
    upsertEntry(await library.save(e));
    showLibMessage('');
  } });
  showLibMessage(t('library.deleted', { title: entryTitle(e) }), '', undo);
  undo.focus();
}

/** Downloads the whole library as one JSON file. */
export async function exportLibrary() {
  try {
    const text = await library.exportFile();
    download(`article-explorer-library-${new Date().toISOString().slice(0, 10)}.json`, new Blob([text], { type: 'application/json' }));
    showLibMessage(t('library.exported', { n: state.entries.length }));
  } catch (err) {
    saveFailed(err);
  }
}

/** Adds the articles of the library file `f` that the library does not have yet. */
export async function importLibrary(/** @type {File} */ f) {
  try {
    const text = await f.text();
    // A bundle (one shared analysis, features/share/): opened, not merged into the library.
    if (/^\s*\{\s*"format"\s*:\s*"article-explorer-bundle"/.test(text.slice(0, 200))) {
      await (await import('../share/index.js')).openBundle(text);
      return;
    }
    const { added, skipped } = await library.importFile(text);
    setEntries(await library.list());
    showLibMessage(t('library.imported', { added, skipped }));
  } catch (err) {
    if (err instanceof LibraryError && t(err.code) !== err.code) showLibMessage(t(err.code, { detail: err.detail }), 'error');
    else saveFailed(err);
  }
}
