// Typing and pasting: an edit is analyzed after a pause (the analysis is debounced), Ctrl+Enter
// analyzes at once, and a text that outgrows the text box moves to the big-text panel.
import { state } from '../../state.js';
import { ui } from '../../elements.js';
import { run, schedule } from '../analysis/run.js';
import { BIG_EDIT, setEditorText, showBigNote, focusEditor, leaveSample } from './editor.js';

/** Listens to the text box and to pastes on the big-text panel. */
export function initTextBox() {
  ui.text.addEventListener('input', () => {
    leaveSample();
    if (state.bigText !== null) {
      // The text box was given a new text (by a script or an extension): it is the text now.
      state.bigText = null;
      showBigNote();
    }
    // A text that grew past the text box's comfortable size (typed, dragged in) moves out of it.
    if (!state.forceEdit && ui.text.value.length > BIG_EDIT) {
      setEditorText(ui.text.value);
      run();
      return;
    }
    schedule();
  });
  // A big paste never enters the text box (see BIG_EDIT): it is spliced into the text here.
  ui.text.addEventListener('paste', (e) => {
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    const v = ui.text.value;
    const a = ui.text.selectionStart ?? v.length;
    const b = ui.text.selectionEnd ?? a;
    if (state.forceEdit || v.length - (b - a) + pasted.length <= BIG_EDIT) return;
    e.preventDefault();
    replaceByPaste(v.slice(0, a) + pasted + v.slice(b));
  });
  // A paste while a big text is shown (the panel has the focus) replaces it.
  ui.drop.addEventListener('paste', (e) => {
    const target = /** @type {Element | null} */ (e.target);
    if (state.bigText === null || !target?.closest?.('#big-note')) return;
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    if (!pasted) return;
    e.preventDefault();
    replaceByPaste(pasted);
  });
  ui.text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
}

function replaceByPaste(/** @type {string} */ text) {
  leaveSample();
  setEditorText(text);
  focusEditor();
  // In a task of its own: the paste's task already spent its time taking the text from the clipboard.
  schedule(0);
}
