// The library's message line (saved, deleted with undo, imported, failures).
import { ui } from '../../elements.js';

/** Shows `text` (styled as `kind`: 'error' or ''), followed by the button `action` if given. */
export function showLibMessage(/** @type {string} */ text, kind = '', /** @type {HTMLElement | null} */ action = null) {
  ui.libMessage.replaceChildren(text, ...(action ? [' ', action] : []));
  ui.libMessage.className = `small ${kind}`;
}
