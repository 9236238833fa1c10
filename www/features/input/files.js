// Opening a file: the file button, and a file dropped on the editor or the reading pane. The
// reading of it (open-file.js, with decode.js) is in the lazy chunk (later.js).
import { ui } from '../../elements.js';
import { lazy } from '../../lazy.js';

const openFile = (/** @type {File} */ file) => lazy('openFile', file);

/** Listens to the file button and to files dragged over the editor or the reading pane. */
export function initFiles() {
  ui.file.addEventListener('change', () => {
    if (ui.file.files?.[0]) openFile(ui.file.files[0]);
    ui.file.value = '';
  });
  for (const target of [ui.drop, ui.reading]) {
    target.addEventListener('dragover', (e) => {
      if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
      e.preventDefault();
      ui.drop.classList.add('dragging');
    });
    target.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
    target.addEventListener('drop', (e) => {
      const f = e.dataTransfer?.files?.[0];
      ui.drop.classList.remove('dragging');
      if (!f) return;
      e.preventDefault();
      openFile(f);
    });
  }
}
