// Managing the library's articles, loaded on first use (main.js loads it when the first charts
// are drawn, or when the pointer or the focus reaches the library): renaming, deleting (with
// undo), and the one-file export and import. Listing the articles, opening one and saving the
// text before its analysis stay in main.js: the first view needs them. `app` is the page's
// context (main.js).
import { entryTitle, LibraryError } from './library.js';
import { download } from './download.js';

const saveFailed = (app, err) => app.showLibMessage(app.t('status.saveFailed', { error: err?.message ?? err }), 'error');

/** Replaces the library entry `e`'s row `li` with a field to rename it (Enter saves, Escape cancels). */
export function startRename(app, li, e) {
  const { elt, ui, t } = app;
  const title = entryTitle(e);
  const input = elt('input', { type: 'text', value: title, 'aria-label': t('library.renameLabel', { title }) });
  const save = async () => {
    try {
      app.upsertEntry(await app.library.rename(e.id, input.value));
    } catch (err) {
      saveFailed(app, err);
    }
    ui.libList.querySelector(`[data-id="${CSS.escape(e.id)}"] .entry-title`)?.focus();
  };
  const cancel = () => {
    app.renderLibrary();
    ui.libList.querySelector(`[data-id="${CSS.escape(e.id)}"] .entry-title`)?.focus();
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
export async function deleteEntry(app, e) {
  const { elt, state, t } = app;
  try {
    await app.library.remove(e.id);
  } catch (err) {
    saveFailed(app, err);
    return;
  }
  app.entries = app.entries.filter((x) => x.id !== e.id);
  if (state.id === e.id) state.id = null;
  app.renderLibrary();
  const undo = elt('button', { type: 'button', class: 'small-btn', textContent: t('library.undo'), onclick: async () => {
    app.upsertEntry(await app.library.save(e));
    app.showLibMessage('');
  } });
  app.showLibMessage(t('library.deleted', { title: entryTitle(e) }), '', undo);
  undo.focus();
}

/** Downloads the whole library as one JSON file. */
export async function exportLibrary(app) {
  const { t } = app;
  try {
    const text = await app.library.exportFile();
    download(`article-explorer-library-${new Date().toISOString().slice(0, 10)}.json`, new Blob([text], { type: 'application/json' }));
    app.showLibMessage(t('library.exported', { n: app.entries.length }));
  } catch (err) {
    saveFailed(app, err);
  }
}

/** Adds the articles of the library file `f` (a File) that the library does not have yet. */
export async function importLibrary(app, f) {
  const { t } = app;
  try {
    const { added, skipped } = await app.library.importFile(await f.text());
    app.entries = await app.library.list();
    app.renderLibrary();
    app.showLibMessage(t('library.imported', { added, skipped }));
  } catch (err) {
    const code = err instanceof LibraryError ? err.code : null;
    app.showLibMessage(code && t(code) !== code ? t(code, { detail: err.detail }) : t('status.saveFailed', { error: err?.message ?? err }), 'error');
  }
}
