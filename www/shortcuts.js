// Keyboard shortcuts: single keys while the focus is not in a text field (the list is in the
// shortcuts dialog, index.html), and Escape to cancel an analysis from anywhere.
import { $ } from './dom.js';
import { ui } from './elements.js';
import { lazy } from './lazy.js';
import { bridge } from './features/analysis/worker-bridge.js';
import { focusEditor, newArticle } from './features/input/editor.js';
import { stepSection } from './features/reading/reading-pane.js';

const focusBox = (/** @type {string} */ id) => {
  const box = $(id);
  box.scrollIntoView({ block: 'start' });
  box.focus({ preventScroll: true });
};

/** @type {Record<string, () => void>} */
const ACTIONS = {
  '?': () => ui.shortcuts.showModal(),
  t: focusEditor,
  o: () => ui.file.click(),
  n: newArticle,
  s: () => ui.sample.focus(),
  r: () => ui.reading.focus(),
  k: () => focusBox('box-keywords'),
  d: () => focusBox('box-dispersion'),
  l: () => focusBox('box-timeline'),
  g: () => focusBox('box-sections'),
  f: () => $('conc-query').focus(),
  c: () => lazy('runCompare'),
  v: () => lazy('toggleAllTables'),
  '[': () => stepSection(-1),
  ']': () => stepSection(1),
};

/** Listens to the keyboard and to the shortcuts button. */
export function initShortcuts() {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && bridge.busy) {
      bridge.cancel();
      return;
    }
    const target = /** @type {HTMLElement | null} */ (e.target);
    const tag = target?.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable || ui.shortcuts.open) return;
    const f = ACTIONS[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  });
  ui.shortcutsBtn.addEventListener('click', () => ui.shortcuts.showModal());
}
