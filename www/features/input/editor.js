// The article in the editor: the text box, or, for a text too big for it, a panel that holds the
// text outside it; and replacing the article (a sample, a library entry, a file, a new one).
import { state, changed } from '../../state.js';
import { $, elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt, sizeLabel } from '../../format.js';
import { t } from '../../i18n.js';
import { fillKeywordSettings } from '../charts/keyword-settings.js';

/**
 * Texts longer than this stay out of the text box: the browser lays out a text area's whole
 * content at once (in Chromium about 0.1 s per 200 000 characters, 5–9 s for 10 MB, in one
 * stretch that the long-task API does not even report), so a big paste or file would freeze the
 * page. Such a text is held in `state.bigText` and read in the (windowed) reading pane instead.
 */
export const BIG_EDIT = 200000;

/** The text being analyzed: the big text held outside the text box, else the text box's. */
export const editorText = () => state.bigText ?? ui.text.value;

/** @type {HTMLElement | null} the panel shown instead of the text box while a big text is held */
let bigNote = null;

/** Puts `text` in the editor: the text box, or the big-text panel. */
export function setEditorText(/** @type {string} */ text) {
  state.forceEdit = false;
  if (text.length > BIG_EDIT) {
    state.bigText = text;
    ui.text.value = '';
  } else {
    state.bigText = null;
    ui.text.value = text;
  }
  showBigNote();
}

/** Shows the big-text panel while a big text is held (again in the current language), else the text box. */
export function showBigNote() {
  const text = state.bigText;
  ui.text.hidden = text !== null;
  if (text === null) {
    bigNote?.remove();
    bigNote = null;
    return;
  }
  const note = elt('div', { class: 'big-note', id: 'big-note', role: 'group', 'aria-labelledby': 'big-note-text' },
    elt('p', { id: 'big-note-text', textContent: t('big.note', { chars: fmt(text.length), size: sizeLabel(text.length) }) }),
    elt('p', {},
      elt('button', { type: 'button', id: 'big-edit', textContent: t('big.edit'), onclick: () => {
        state.forceEdit = true;
        const keep = state.bigText ?? '';
        state.bigText = null;
        showBigNote();
        ui.text.value = keep;
        ui.text.focus();
      } }), ' ',
      elt('button', { type: 'button', id: 'big-clear', textContent: t('big.clear'), onclick: newArticle })));
  if (bigNote) bigNote.replaceWith(note);
  else ui.text.after(note);
  bigNote = note;
}

/** Moves the focus to where the text is edited: the text box, or the big-text panel's first button. */
export function focusEditor() {
  if (state.bigText !== null) $('big-edit')?.focus();
  else ui.text.focus();
}

/**
 * Replaces the article in the editor with `text`: a library entry's (`id`, its reference date
 * `dct`), a sample's (`sampleId`) or another text (neither). The caller analyzes it.
 * @param {{text: string, id?: string | null, sampleId?: string | null, dct?: string | null}} article
 */
export function openArticle({ text, id = null, sampleId = null, dct = null }) {
  if (state.shared) { // leaving a shared analysis: the user's own keyword settings again
    state.kwOptions = state.shared.ownKw;
    state.shared = null;
    fillKeywordSettings();
  }
  state.id = id;
  state.sampleId = sampleId;
  state.userDct = dct;
  state.keyword = null;
  ui.conc.hidden = true;
  setEditorText(text);
  ui.sample.value = sampleId ?? '';
  changed('library');
}

/** An empty editor, for a new article. */
export function newArticle() {
  openArticle({ text: '' });
  ui.text.focus();
}

/** The text was edited: it is no longer the sample it was (if it was one). */
export function leaveSample() {
  if (state.sampleId) {
    state.sampleId = null;
    state.id = null;
    ui.sample.value = '';
  }
}
