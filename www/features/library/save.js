// Keeping the editor's text in the library: saved before each analysis (a new entry when needed),
// and its title, date, language and word count filled in from the report afterwards.
import { state, changed } from '../../state.js';
import { t } from '../../i18n.js';
import { newId } from './library.js';
import { library, findEntry, upsertEntry } from './store.js';
import { showLibMessage } from './message.js';

const saveFailed = (/** @type {any} */ err) => showLibMessage(t('status.saveFailed', { error: err?.message ?? err }), 'error');

/** Saves the editor's text to the library (before analysis), creating an entry when needed. */
export async function persistText(/** @type {string} */ text) {
  if (!state.libraryOk || state.sampleId || !/\S/.test(text) || state.shared?.text === text) return;
  try {
    // A text already in the library (opened again, or the same file dropped twice) reuses its entry.
    let e = (state.id ? findEntry(state.id) : null) ?? state.entries.find((x) => x.text === text) ?? null;
    if (e && e.text === text && (e.dct ?? null) === state.userDct) {
      if (state.id !== e.id) {
        state.id = e.id;
        changed('library');
        await library.setSetting('current', e.id).catch(() => {});
      }
      return;
    }
    const now = Date.now();
    e = e ? { ...e, text, dct: state.userDct } : { id: newId(), text, dct: state.userDct, title: null, autoTitle: null, date: null,
      language: null, words: null, created: now, updated: now };
    e = await library.save(e);
    state.id = e.id;
    upsertEntry(e);
    await library.setSetting('current', e.id).catch(() => {});
  } catch (err) {
    saveFailed(err);
  }
}

/** Fills in the library entry of `text` (the one in the editor) from its `report`. */
export async function recordAnalysis(/** @type {string} */ text, /** @type {import('../../types/report').Report} */ report) {
  if (!state.id || !state.libraryOk) return;
  const e = findEntry(state.id);
  if (!e || e.text !== text) return;
  const autoTitle = report.title?.text ?? null;
  const updated = { ...e, autoTitle, date: report.reference_date.value, language: report.language, words: report.stats.words };
  if (updated.autoTitle === e.autoTitle && updated.date === e.date && updated.words === e.words && updated.language === e.language) return;
  try {
    upsertEntry(await library.saveFields(updated));
  } catch (err) {
    saveFailed(err);
  }
}
