// The status line (body[data-state] and the message under the editor) and the marks that say the
// results on screen describe an older text than the one in the editor.
import { elt } from './dom.js';
import { ui } from './elements.js';
import { t } from './i18n.js';

/** @type {{s: string, key: string, vars: Record<string, any>, kind: string} | null} redrawn when the language changes */
let last = null;

/**
 * Sets the page's state `s` ('busy', 'ready', 'error', 'cancelled', …) and the message `key` with
 * `vars`; `kind` ('error' or '') styles it.
 */
export function setStatus(/** @type {string} */ s, key = '', /** @type {Record<string, any>} */ vars = {}, kind = '') {
  last = { s, key, vars, kind };
  document.body.dataset.state = s;
  ui.message.textContent = key ? t(key, vars) : '';
  ui.message.className = kind;
}

/** Writes the last status again, in the interface's current language. */
export function restatus() {
  if (last) setStatus(last.s, last.key, last.vars, last.kind);
}

/**
 * Marks the reading pane and the charts as describing another text than the one in the editor
 * (after a failure, a crash, a restart or a cancel), visibly and for screen readers.
 */
export function markStale(/** @type {boolean} */ on) {
  document.body.dataset.stale = on ? 'true' : 'false';
  for (const pane of document.querySelectorAll('.reading-pane, .charts-pane')) {
    let note = /** @type {HTMLElement | null} */ (pane.querySelector(':scope > .stale-note'));
    if (!note) {
      note = elt('p', { class: 'stale-note', id: `stale-${pane.classList.contains('reading-pane') ? 'reading' : 'charts'}`, hidden: true });
      pane.querySelector('h2')?.after(note);
    }
    note.textContent = t('stale.note');
    note.hidden = !on;
    if (on) pane.setAttribute('aria-describedby', note.id);
    else pane.removeAttribute('aria-describedby');
  }
}
