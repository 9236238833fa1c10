// The page's elements that the features use, found once (index.html has them all).
import { $ } from './dom.js';

const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ ($(id));
const select = (/** @type {string} */ id) => /** @type {HTMLSelectElement} */ ($(id));

export const ui = {
  // The article.
  text: /** @type {HTMLTextAreaElement} */ ($('text')), sample: select('sample'), file: input('file'), newArticle: $('new-article'),
  drop: $('drop-zone'), dct: input('dct'), dctSource: $('dct-source'), dctReset: $('dct-reset'),
  // The status line and the report's summary.
  progress: /** @type {HTMLProgressElement} */ ($('progress')), cancel: $('cancel'), message: $('message'), warnings: $('warnings'),
  stats: $('stats'), headerFields: $('header-fields'),
  // Reading.
  reading: $('reading'), outline: $('outline-list'),
  conc: $('concordance'), concHeading: $('conc-heading'), concBody: $('conc-body'), concClose: $('conc-close'),
  // Charts.
  keywordChart: $('keyword-chart'), dispersionChart: $('dispersion-chart'), timelineChart: $('timeline-chart'),
  sectionsChart: $('sections-chart'), keynessChart: $('keyness-chart'), keywordsNote: $('keywords-note'),
  exportReport: $('export-report'),
  // Library and comparison.
  libList: $('library-list'), libMessage: $('lib-message'), libExport: $('lib-export'), libImport: input('lib-import'),
  cmpA: select('cmp-a'), cmpB: select('cmp-b'), compareBtn: $('compare-btn'), compareMessage: $('compare-message'),
  compareBody: $('compare-body'), keynessNote: $('keyness-note'),
  // Page tools.
  uiLang: select('ui-lang'), shortcutsBtn: $('shortcuts-btn'), shortcuts: /** @type {HTMLDialogElement} */ ($('shortcuts-dialog')),
  updateNote: $('update-note'),
};
