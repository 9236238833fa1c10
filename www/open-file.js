// Opening a picked or dropped file, loaded on first use (main.js loads it when the first charts
// are drawn, or when the pointer or the focus reaches the file button, the drop zone or the
// reading pane, or a file is dragged over the page): decode.js turns its bytes into text (the
// encoding guessed, an HTML file's text only), which then replaces the editor's and is analyzed.
// `app` is the page's context (main.js).
import { readFileText } from './decode.js';

/** Opens `file` (a File) in the editor and analyzes it; the status line says its encoding. */
export async function openFile(app, file) {
  const { state, ui, t } = app;
  try {
    const { text, encoding, html } = await readFileText(file);
    state.id = null;
    state.sampleId = null;
    state.userDct = null;
    state.keyword = null;
    ui.conc.hidden = true;
    app.setEditorText(text);
    ui.sample.value = '';
    await app.run();
    if (document.body.dataset.state === 'ready') {
      ui.message.textContent = `${t('input.opened', { name: file.name, encoding, html: html ? t('input.openedHtml') : '' })} ${ui.message.textContent}`;
    }
    document.body.dataset.encoding = encoding;
  } catch (e) {
    app.setState('error', 'input.openFailed', { name: file.name, error: e.message }, 'error');
  }
}
