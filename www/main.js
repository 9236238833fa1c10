// The page's entry: wires the features to the page's controls and opens the article the user had
// last (a library entry or a sample). Each feature is a folder of features/: input (the editor,
// samples, files, reference date), analysis (the worker bridge, a run, showing its report),
// reading (the reading pane, outline, summary, warnings, concordance), charts, library and
// compare. They share one state store (state.js).
import { state, changed, watch } from './state.js';
import { $ } from './dom.js';
import { ui } from './elements.js';
import { t, applyI18n, setLang, initialLang, onLangChange, uiLang } from './i18n.js';
import { restatus, markStale, setStatus } from './status.js';
import { lazy, warmLazyOnApproach } from './lazy.js';
import { initOffline } from './offline.js';
import { initShortcuts } from './shortcuts.js';
import { installAutomation } from './automation.js';
import { bridge } from './features/analysis/worker-bridge.js';
import { run, redraw } from './features/analysis/run.js';
import { newArticle, showBigNote } from './features/input/editor.js';
import { initTextBox } from './features/input/text-box.js';
import { SAMPLES, fillSamples, loadSample, initSamples } from './features/input/samples.js';
import { initFiles } from './features/input/files.js';
import { initReferenceDate } from './features/input/reference-date.js';
import { redrawAll } from './features/charts/charts.js';
import { buildToolbars } from './features/charts/chart-boxes.js';
import { initKeywordViews } from './features/charts/keywords.js';
import { fillKeywordSettings, initKeywordSettings } from './features/charts/keyword-settings.js';
import { library } from './features/library/store.js';
import { renderLibrary, openEntry } from './features/library/list.js';
import { showLibMessage } from './features/library/message.js';
import { fillComparePickers } from './features/compare/pickers.js';

watch('library', renderLibrary);
watch('library', fillComparePickers);

// ---- Input and analysis -------------------------------------------------------------------------
initSamples();
ui.newArticle.addEventListener('click', newArticle);
initTextBox();
initFiles();
initReferenceDate(run);
ui.cancel.addEventListener('click', () => bridge.cancel());

// ---- Charts, concordance, comparison, library (their code mostly in the lazy chunk, later.js) ----
initKeywordViews();
initKeywordSettings(run);
ui.exportReport.addEventListener('click', () => lazy('exportReport'));
// Sharing (features/share/, chunks of their own): the dialog on the button; a share link's
// fragment opens its analysis, at start (below) or when pasted into this tab.
const shareBtn = $('share-btn');
shareBtn.addEventListener('click', () => import('./features/share/index.js').then((m) => m.openShare(shareBtn)));
const openShared = () => import('./features/share/index.js').then((m) => m.openLink(location.hash), () => false);
window.addEventListener('hashchange', () => { if (location.hash.startsWith('#share/')) openShared(); });
$('conc-form')?.addEventListener('submit', (e) => {
  e.preventDefault();
  lazy('openConcordance', /** @type {HTMLInputElement} */ ($('conc-query')).value);
});
ui.concClose.addEventListener('click', async () => {
  await lazy('closeConcordance');
  /** @type {HTMLElement | null} */ (ui.keywordChart.closest('.chart-box'))?.focus();
});
ui.compareBtn.addEventListener('click', () => lazy('runCompare'));
// The chronological timeline: a chunk of its own, with its strings, loaded on first use.
$('tl-open').addEventListener('click', async () => (await import('./features/timeline/timeline-view.js')).openTimeline());
// The translation view is a chunk of its own, loaded on its first use.
$('align-btn')?.addEventListener('click', () => import('./features/translation/translation.js').then((m) => m.openTranslation()));
// Whether the picked pair looks like a text and its translation: checked when a picker changes
// (the translation view's chunk, not part of the first visit).
const suggest = () => import('./features/translation/translation.js').then((m) => m.suggestTranslation());
ui.cmpA.addEventListener('change', suggest);
ui.cmpB.addEventListener('change', suggest);
ui.libExport.addEventListener('click', () => lazy('exportLibrary'));
ui.libImport.addEventListener('change', () => {
  const f = ui.libImport.files?.[0];
  ui.libImport.value = '';
  if (f) lazy('importLibrary', f);
});
warmLazyOnApproach();
// The corpus explorer: a chunk of its own, loaded on the first click.
$('corpus-btn')?.addEventListener('click', () => import('./features/corpus/corpus.js').then((m) => m.openCorpus(),
  (e) => setStatus('error', 'status.failed', { error: e.message }, 'error')));

// ---- Keyboard, theme, language, offline -----------------------------------------------------------
initShortcuts();
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => redrawAll());
ui.uiLang.addEventListener('change', () => setLang(ui.uiLang.value));
onLangChange(() => {
  ui.uiLang.value = uiLang(); // the Chinese strings load first: the switch may come a moment later
  if (!bridge.busy) restatus();
  if (document.body.dataset.stale === 'true') markStale(true);
  if (state.bigText !== null) showBigNote();
  buildToolbars();
  fillSamples();
  changed('library');
  redraw();
});
initOffline();
installAutomation();

// ---- Start --------------------------------------------------------------------------------------
async function start() {
  bridge.onReady = () => { document.body.dataset.engine = 'ready'; };
  bridge.warm(); // the engine loads while the page opens the library
  setLang(initialLang());
  ui.uiLang.value = uiLang();
  applyI18n();
  buildToolbars();
  fillSamples();
  /** @type {unknown} */
  let current = null;
  try {
    // Three read-only transactions at once, not one after the other (the page waits for them).
    let kw;
    [state.entries, current, kw] = await Promise.all([library.list(), library.getSetting('current'), library.getSetting('keywordOptions')]);
    if (kw && Array.isArray(kw.stopwords_add) && Array.isArray(kw.stopwords_remove)) {
      state.kwOptions = { ...state.kwOptions, ...kw, user_words: Array.isArray(kw.user_words) ? kw.user_words : [] };
    }
    if (library.corrupt) showLibMessage(t('library.corrupt', { n: library.corrupt }), 'error');
  } catch {
    state.libraryOk = false;
  }
  fillKeywordSettings();
  changed('library');
  const entry = typeof current === 'string' ? state.entries.find((e) => e.id === current) : null;
  if (location.hash.startsWith('#share/') && await openShared()) return;
  if (entry) {
    await openEntry(entry.id);
  } else {
    const sid = typeof current === 'string' && current.startsWith('sample:') ? current.slice(7) : null;
    loadSample(SAMPLES.some((s) => s.id === sid) ? /** @type {string} */ (sid) : SAMPLES[0].id);
  }
}
start();
