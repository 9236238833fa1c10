// Opening a picked or dropped file (in the lazy chunk, later.js): decode.js turns its bytes into
// text (the encoding guessed, an HTML file's text only), which then replaces the editor's and is
// analyzed.
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { setStatus } from '../../status.js';
import { run } from '../analysis/run.js';
import { openArticle } from './editor.js';
import { readFileText } from './decode.js';

/** Opens `file` in the editor and analyzes it; the status line says its encoding. */
export async function openFile(/** @type {File} */ file) {
  try {
    const { text, encoding, html } = await readFileText(file);
    openArticle({ text });
    await run();
    if (document.body.dataset.state === 'ready') {
      ui.message.textContent = `${t('input.opened', { name: file.name, encoding, html: html ? t('input.openedHtml') : '' })} ${ui.message.textContent}`;
    }
    document.body.dataset.encoding = encoding;
  } catch (e) {
    setStatus('error', 'input.openFailed', { name: file.name, error: /** @type {Error} */ (e).message }, 'error');
  }
}
