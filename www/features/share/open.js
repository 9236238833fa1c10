// Opening a shared analysis: a link's fragment (main.js imports this chunk only when the page
// opens with `#share/…`) or a bundle file given to the library's import. The engine reads and
// checks it (engine.js); a refused one gets a message and changes nothing. An accepted one is
// shown with its settings but not saved: the library keeps it only when the user presses Save.
// Its provenance is shown with whether this copy's text and engine are the same.
import { state, changed } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { t, addStrings, onLangChange } from '../../i18n.js';
import { setStatus } from '../../status.js';
import { run } from '../analysis/run.js';
import { openArticle } from '../input/editor.js';
import { fillKeywordSettings } from '../charts/keyword-settings.js';
import { library, upsertEntry } from '../library/store.js';
import { newId } from '../library/library.js';
import { showLibMessage } from '../library/message.js';
import { readLink, readBundle, ShareError } from './engine.js';
import { sha256 } from './link.js';
import strings from './strings.js';

addStrings(strings);

/** @typedef {import('./engine.js').Shared} Shared */

/** The message for a refused link or bundle. */
export function reasonOf(/** @type {unknown} */ e) {
  const code = e instanceof ShareError ? e.code : 'malformed';
  const key = `share.err.${code}`;
  const said = t(key, { error: e instanceof Error ? e.message : String(e) });
  return said === key ? t('share.err.malformed') : said;
}

/** Opens the share link `link` (the page's fragment); false (with a message) when it is refused. */
export async function openLink(/** @type {string} */ link) {
  setStatus('busy', 'share.loading');
  let shared;
  try {
    shared = await readLink(link);
  } catch (e) {
    showBanner(null, t('share.failed', { reason: reasonOf(e) }), true);
    setStatus('error', 'share.failed', { reason: reasonOf(e) }, 'error');
    return false;
  }
  await show(shared, 'link');
  return true;
}

/** Opens a bundle file's text (from the library's import); a refused one changes nothing. */
export async function openBundle(/** @type {string} */ json) {
  let shared;
  try {
    shared = await readBundle(json);
  } catch (e) {
    showLibMessage(t('share.bundleFailed', { reason: reasonOf(e) }), 'error');
    return false;
  }
  showLibMessage(t('share.openedBundle'));
  await show(shared, 'bundle');
  return true;
}

/** Shows `shared` with its settings (kept in memory only; the user's own come back with the next article). */
async function show(/** @type {Shared} */ shared, /** @type {'link' | 'bundle'} */ from) {
  const own = state.shared?.ownKw ?? state.kwOptions;
  openArticle({ text: shared.text, dct: shared.settings.dct });
  const s = shared.settings;
  state.kwOptions = { stopwords_add: s.stopwords_add, stopwords_remove: s.stopwords_remove, keep_numbers: s.keep_numbers, user_words: s.user_words,
    official_terms_add: s.official_terms_add ?? [], official_terms_remove: s.official_terms_remove ?? [] };
  state.shared = { text: shared.text, lang: s.lang, corrections: shared.corrections ?? null, provenance: shared.provenance, ownKw: own, from };
  fillKeywordSettings();
  showBanner(shared, '', false);
  await run();
  showBanner(shared, '', false); // again, now with this copy's analysis to compare with
}

/** @type {HTMLElement | null} */
let banner = null;
/** @type {[Shared | null, string, boolean]} what the banner shows, to show it again in another language */
let shown = [null, '', false];
onLangChange(() => { if (banner) showBanner(...shown); });

/** The note above the article: the shared analysis's provenance and a Save button, or why a link was refused. */
function showBanner(/** @type {Shared | null} */ shared, /** @type {string} */ error, /** @type {boolean} */ isError) {
  shown = [shared, error, isError];
  if (shared && state.shared?.text !== shared.text) {
    banner?.remove();
    banner = null;
    return;
  }
  /** @type {(HTMLElement | string)[]} */
  const parts = [];
  if (shared) {
    const p = shared.provenance;
    parts.push(elt('p', { textContent: t(state.shared?.from === 'bundle' ? 'share.openedBundle' : 'share.opened') }),
      elt('p', { class: 'small provenance', textContent: t('share.provenance', { hash: p.text_sha256, engine: p.engine, rv: p.report_version, at: p.analyzed_at }) }));
    const check = elt('p', { class: 'small', id: 'share-check' });
    parts.push(check);
    sha256(shared.text).then((hash) => {
      const engine = typeof AE_ENGINE_VERSION === 'string' ? AE_ENGINE_VERSION : '';
      /** @type {string[]} */
      const what = [];
      if (engine !== p.engine) what.push(t('share.differsEngine', { engine, shared: p.engine }));
      check.dataset.same = String(hash === p.text_sha256);
      check.textContent = hash !== p.text_sha256 ? t('share.err.hash')
        : what.length ? `${t('share.same')} ${t('share.differs', { what: what.join('; ') })}` : t('share.same');
    });
    if (state.libraryOk && !state.id) {
      parts.push(elt('p', {}, elt('button', { type: 'button', id: 'share-save', textContent: t('share.save'), onclick: () => save(shared) })));
    }
  } else {
    parts.push(elt('p', { class: isError ? 'error' : '', textContent: error }));
  }
  const next = elt('section', { id: 'share-banner', class: 'big-note', role: 'status', 'aria-live': 'polite' }, ...parts);
  if (banner) banner.replaceWith(next);
  else ui.warnings.before(next);
  banner = next;
}

/** Saves the shared article to the library as a new entry (or opens the entry that has its text). */
async function save(/** @type {Shared} */ shared) {
  try {
    let e = state.entries.find((x) => x.text === shared.text) ?? null;
    if (!e) {
      const now = Date.now();
      e = await library.save({ id: newId(), text: shared.text, dct: shared.settings.dct, title: null, autoTitle: state.report?.title?.text ?? null,
        date: state.report?.reference_date.value ?? null, language: state.report?.language ?? null, words: state.report?.stats.words ?? null,
        created: now, updated: now,
        // The sender's timeline corrections (version 1: the library's own list) are kept with it.
        ...(shared.corrections?.version === 1 && Array.isArray(shared.corrections.items) ? { corrections: /** @type {any[]} */ (shared.corrections.items) } : {}) });
      upsertEntry(e);
    }
    state.id = e.id;
    changed('library');
    await library.setSetting('current', e.id).catch(() => {});
    showLibMessage(t('share.saved'));
    $save()?.remove();
  } catch (err) {
    showLibMessage(t('status.saveFailed', { error: /** @type {Error} */ (err)?.message ?? err }), 'error');
  }
}
const $save = () => document.getElementById('share-save');
