// The keyword settings form (in the keyword chart's box): words to ignore or to count again,
// numbers, Chinese words to keep together, official terms to add to the engine's lexicon or to
// take out of it. Kept in the library's settings store; applying them
// analyzes the text again.
import { state } from '../../state.js';
import { $ } from '../../dom.js';
import { t } from '../../i18n.js';
import { library } from '../library/store.js';

const field = (/** @type {string} */ id) => /** @type {HTMLTextAreaElement} */ ($(id));
const numbers = () => /** @type {HTMLInputElement} */ ($('keep-numbers'));

/** Shows the current settings in the form. */
export function fillKeywordSettings() {
  if (!$('kw-settings')) return;
  field('stop-add').value = state.kwOptions.stopwords_add.join('\n');
  field('stop-remove').value = state.kwOptions.stopwords_remove.join('\n');
  numbers().checked = !!state.kwOptions.keep_numbers;
  field('user-words').value = (state.kwOptions.user_words ?? []).join('\n');
  field('terms-add').value = (state.kwOptions.official_terms_add ?? []).join('\n');
  field('terms-drop').value = (state.kwOptions.official_terms_remove ?? []).join('\n');
}

/** Listens to the form: its settings are kept and the text is analyzed again with them (`analyze`). */
export function initKeywordSettings(/** @type {() => Promise<void>} */ analyze) {
  $('kw-settings')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const lines = (/** @type {string} */ id) => field(id).value.split(/[\n,，、]+/).map((s) => s.trim()).filter(Boolean);
    state.kwOptions = { stopwords_add: lines('stop-add'), stopwords_remove: lines('stop-remove'), keep_numbers: numbers().checked,
      user_words: lines('user-words'), official_terms_add: lines('terms-add'), official_terms_remove: lines('terms-drop') };
    library.setSetting('keywordOptions', state.kwOptions).catch(() => {});
    await analyze();
    $('kw-settings-msg').textContent = t('keywords.saved');
  });
}
