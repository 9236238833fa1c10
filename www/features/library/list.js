// The library's list: one row per article (its title opens it; rename and delete are in
// library-ui.js, in the lazy chunk), the one in the editor marked as current.
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t } from '../../i18n.js';
import { lazy } from '../../lazy.js';
import { run } from '../analysis/run.js';
import { openArticle } from '../input/editor.js';
import { entryTitle } from './library.js';
import { library, findEntry } from './store.js';

/** Lists the library's entries (again, in the current language). */
export function renderLibrary() {
  if (!state.libraryOk || !state.entries.length) {
    ui.libList.replaceChildren(elt('li', { class: 'muted small', textContent: t(state.libraryOk ? 'library.empty' : 'library.unavailable') }));
    return;
  }
  ui.libList.replaceChildren(...state.entries.map((e) => {
    const title = entryTitle(e);
    const meta = t('library.meta', { date: e.date ?? t('library.noDate'), words: e.words === null || e.words === undefined ? '…' : fmt(e.words),
      lang: e.language ? t(`lang.${e.language}`) : '…' });
    const open = elt('button', { type: 'button', class: 'link entry-title', textContent: title, onclick: () => openEntry(e.id) });
    const li = elt('li', { dataset: { id: e.id } }, open, elt('span', { class: 'small muted entry-meta', textContent: meta }),
      elt('span', { class: 'entry-actions' },
        elt('button', { type: 'button', class: 'small-btn', textContent: t('library.rename'), 'aria-label': `${t('library.rename')}: ${title}`,
          onclick: () => lazy('startRename', li, e) }),
        elt('button', { type: 'button', class: 'small-btn', textContent: t('library.delete'), 'aria-label': `${t('library.delete')}: ${title}`,
          onclick: () => lazy('deleteEntry', e) })));
    if (e.id === state.id) {
      li.setAttribute('aria-current', 'true');
      li.classList.add('current');
    }
    return li;
  }));
}

/** Opens the library entry `id` in the editor and analyzes it. */
export async function openEntry(/** @type {string} */ id) {
  const e = findEntry(id) ?? (await library.get(id));
  if (!e) return;
  openArticle({ text: e.text, id: e.id, dct: e.dct ?? null });
  library.setSetting('current', e.id).catch(() => {});
  run();
}
