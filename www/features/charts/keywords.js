// The keyword chart: words, phrases or distinctive words (the view buttons), a click opening the
// term's concordance.
import { state } from '../../state.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { lazy } from '../../lazy.js';
import { keywordItems } from './chart-data.js';
import { drawChart } from './chart-boxes.js';

/** Draws the keyword chart of the last report in the chosen view (a view without keywords is off). */
export function drawKeywords() {
  const report = state.report;
  if (!report) return;
  const hasPhrases = (report.phrases?.length ?? report.keywords.filter((k) => k.kind === 'phrase').length) > 0;
  const hasDistinctive = (report.distinctive?.length ?? 0) > 0;
  document.querySelectorAll('[data-kw]').forEach((node) => {
    const b = /** @type {HTMLButtonElement} */ (node);
    const v = b.dataset.kw;
    b.setAttribute('aria-pressed', String(v === state.kwView));
    b.disabled = (v === 'phrase' && !hasPhrases) || (v === 'distinctive' && !hasDistinctive);
  });
  if (state.kwView === 'phrase' && !hasPhrases) state.kwView = 'word';
  if (state.kwView === 'distinctive' && !hasDistinctive) state.kwView = 'word';
  const items = keywordItems(report, state.kwView);
  const langName = t(`lang.${report.language === 'zh' ? 'zh' : 'en'}`);
  ui.keywordsNote.textContent = items.length ? t(`keywords.note.${state.kwView}`, { lang: langName }) : t('keywords.none');
  drawChart(ui.keywordChart, 'keywords', { view: state.kwView, items }, (k) => lazy('openConcordance', k.term));
}

/** Listens to the view buttons (Words, Phrases, Distinctive). */
export function initKeywordViews() {
  document.querySelectorAll('[data-kw]').forEach((node) => node.addEventListener('click', () => {
    state.kwView = /** @type {HTMLElement} */ (node).dataset.kw ?? 'word';
    drawKeywords();
  }));
}
