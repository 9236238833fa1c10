// The Share dialog (its own lazy chunk, loaded by the Share button): a link carrying the article
// and its settings, the single-file HTML report, the .json bundle and an embed snippet, each with
// the analysis's provenance.
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { t, addStrings } from '../../i18n.js';
import { download } from '../../download.js';
import { currentTitle } from '../library/title.js';
import { payload, fragmentOf, linkTo, MAX_LINK_CHARS } from './link.js';
import { reportHtml } from './report-html.js';
import strings from './strings.js';

addStrings(strings);

export const ENGINE = typeof AE_ENGINE_VERSION === 'string' ? AE_ENGINE_VERSION : 'unknown';
const EMBED_VIEWS = ['timeline', 'keywords', 'dispersion', 'sections'];

const slug = (/** @type {string} */ s) => (s || 'article').normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';

/** @type {HTMLDialogElement | null} */
let dialog = null;

/** Opens the Share dialog for the analysis on screen. */
export async function openShare(/** @type {HTMLElement} */ opener) {
  dialog?.remove();
  const msg = elt('p', { id: 'share-message', class: 'small', role: 'status', 'aria-live': 'polite' });
  const close = () => { dialog?.close(); opener.focus(); };
  if (!state.report || !state.text) {
    dialog = elt('dialog', { id: 'share-dialog', 'aria-labelledby': 'share-title' },
      elt('h2', { id: 'share-title', textContent: t('share.title') }), elt('p', { textContent: t('share.noReport') }),
      elt('button', { type: 'button', textContent: t('share.close'), onclick: close }));
    document.body.append(dialog);
    dialog.showModal();
    return;
  }
  const report = state.report;
  const text = state.text;
  const link = await payload('article-explorer-share', ENGINE);
  const fragment = await fragmentOf(link);
  const p = link.provenance;
  const linkField = /** @type {HTMLInputElement} */ (elt('input', { id: 'share-link', type: 'text', readOnly: true, 'aria-label': t('share.linkReady', { n: '' }) }));
  const tooLong = fragment.length > MAX_LINK_CHARS;
  const copy = async () => {
    if (tooLong) {
      msg.textContent = t('share.linkTooLong', { n: fragment.length, max: MAX_LINK_CHARS });
      msg.className = 'small error';
      return;
    }
    const url = linkTo(fragment);
    linkField.value = url;
    linkField.hidden = false;
    linkField.select();
    try {
      await navigator.clipboard.writeText(url);
      msg.textContent = t('share.linkCopied', { n: url.length });
    } catch {
      msg.textContent = t('share.linkReady', { n: url.length }); // the field has it, selected
    }
    msg.className = 'small';
  };
  const base = slug(currentTitle());
  const html = async () => download(`${base}-report.html`, new Blob([await reportHtml(link, report, text)], { type: 'text/html' }));
  const bundle = async () => {
    const b = { ...(await payload('article-explorer-bundle', ENGINE)), report };
    download(`${base}.article-explorer.json`, new Blob([JSON.stringify(b, null, 1)], { type: 'application/json' }));
  };
  const view = /** @type {HTMLSelectElement} */ (elt('select', { id: 'embed-view' }, ...EMBED_VIEWS.map((v) => elt('option', { value: v, textContent: t(`chart.${v}`) }))));
  const snippet = /** @type {HTMLTextAreaElement} */ (elt('textarea', { id: 'embed-snippet', rows: 4, readOnly: true, spellcheck: false, 'aria-label': t('share.embed') }));
  const fillSnippet = () => {
    snippet.value = tooLong ? t('share.linkTooLong', { n: fragment.length, max: MAX_LINK_CHARS })
      : `<iframe src="${linkTo(fragment, `embed.html?view=${view.value}`).replace(/"/g, '&quot;')}" width="640" height="420" `
        + `title="${(currentTitle() || 'Article Explorer').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" loading="lazy" style="border:0"></iframe>`;
  };
  view.addEventListener('change', fillSnippet);
  fillSnippet();
  linkField.hidden = true;
  dialog = elt('dialog', { id: 'share-dialog', class: 'share-dialog', 'aria-labelledby': 'share-title' },
    elt('h2', { id: 'share-title', textContent: t('share.title') }),
    elt('p', { class: 'small muted', textContent: t('share.intro') }),
    elt('p', { class: 'small provenance', id: 'share-provenance', textContent: t('share.provenance', { hash: p.text_sha256, engine: p.engine, rv: p.report_version, at: p.analyzed_at }) }),
    elt('p', {}, elt('button', { type: 'button', id: 'share-copy', textContent: t('share.copyLink'), onclick: copy })),
    linkField, msg,
    elt('p', {}, elt('button', { type: 'button', id: 'share-html', textContent: t('share.html'), onclick: html })),
    elt('p', {}, elt('button', { type: 'button', id: 'share-bundle', textContent: t('share.bundle'), onclick: bundle })),
    elt('details', {}, elt('summary', { textContent: t('share.embed') }),
      elt('p', { class: 'small muted', textContent: t('share.embedHint') }),
      elt('label', {}, elt('span', { textContent: `${t('share.embedView')} ` }), view), snippet),
    elt('form', { method: 'dialog' }, elt('button', { textContent: t('share.close') })));
  dialog.addEventListener('close', () => opener.focus());
  dialog.dataset.linkChars = String(linkTo(fragment).length);
  document.body.append(dialog);
  dialog.showModal();
}
