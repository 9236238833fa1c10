// UI strings in English and Chinese. Static text in index.html carries data-i18n (text),
// data-i18n-aria (aria-label), data-i18n-title (title); code asks t(key, {vars}). The choice is
// remembered in localStorage; the default follows the browser's language. The English strings are
// here; the Chinese ones (i18n-zh.js) load only when the interface becomes Chinese.

/** @type {Record<string, Record<string, string>>} language -> key -> string */
const STRINGS = {
  en: {
    'skip': 'Skip to the article',
    'app.title': 'Article Explorer',
    'app.tagline': 'Structure, keywords and dated events of a news article — analyzed in your browser; nothing is uploaded.',
    'ui.language': 'Interface',
    'shortcuts.button': 'Keyboard shortcuts (?)',
    'shortcuts.title': 'Keyboard shortcuts',
    'shortcuts.hint': 'Single keys work when the focus is not in a text field.',
    'shortcuts.text': 'Edit the text',
    'shortcuts.open': 'Open a file',
    'shortcuts.new': 'New article',
    'shortcuts.sample': 'Choose a sample',
    'shortcuts.reading': 'Go to the reading pane',
    'shortcuts.charts': 'Go to keywords, dispersion, timeline, sections',
    'shortcuts.tables': 'Show every chart as a table, or as a chart again',
    'shortcuts.sections': 'Previous / next section in the reading pane',
    'shortcuts.compare': 'Compare the two chosen articles',
    'shortcuts.cancel': 'Cancel the analysis under way',
    'shortcuts.analyze': 'Analyze now (in the text field)',
    'shortcuts.help': 'This list',
    'shortcuts.close': 'Close',
    'input.heading': 'Article',
    'input.sample': 'Sample',
    'input.yourText': '(your text)',
    'input.new': 'New',
    'input.open': 'Open file…',
    'input.textLabel': 'Article text: paste or type; analysis runs as you type',
    'input.dropHint': 'Paste text, or drop a .txt, .md or .html file here (UTF-8, UTF-16, GB18030/GBK).',
    'input.dropNow': 'Drop the file to open it',
    'input.opened': 'Opened {name} ({encoding}{html}).',
    'input.openedHtml': ', text taken from the HTML',
    'input.openFailed': 'Could not read {name}: {error}',
    'sample.en-peoples-daily-2025-11-05': "People's Daily, 5 Nov 2025 (English)",
    'sample.zh-community-governance-2025': '基层治理综述 (Chinese, composed sample)',
    'dct.label': 'Reference date',
    'dct.reset': 'Use the article’s date',
    'dct.dateline': 'From the article’s dateline: “{quote}”.',
    'dct.datelineNoQuote': 'From the article’s dateline.',
    'dct.caller': 'Set by you; relative dates (“last year”) resolve against it.',
    'dct.none': 'Not found in the article: relative dates stay unresolved until you set one.',
    'status.progress': 'Analysis progress',
    'status.cancel': 'Cancel',
    'status.analyzing': 'Analyzing…',
    'status.stage': 'Analyzing… {stage} ({pct} %)',
    'status.done': 'Analyzed {chars} characters in {ms} ms.',
    'status.cancelled': 'Analysis cancelled. Your text is unchanged.',
    'status.crashed': 'The analysis engine crashed ({error}). Your text is kept and the engine was restarted; edit the text or press Ctrl+Enter to try again.',
    'status.failed': 'The analysis failed: {error}',
    'status.tooLarge': 'Not analyzed: this text is {size} MB (UTF-8) and the page analyzes at most {max} MB. The text is kept{kept}. Split it into parts of at most {max} MB, or use the command-line tool, which has no limit.',
    'status.keptLibrary': ' in your library',
    'status.stalled': 'The analysis engine stopped answering (no sign of life for {s} s), so it was restarted. Your text is kept; press Ctrl+Enter in the text box to try again.',
    'stale.note': 'Out of date: these results are for the previous text, not the one in the editor.',
    'big.note': 'A large text ({size}, {chars} characters) is loaded. It stays out of the text box, which would freeze the page for seconds at this size; read it in the reading pane.',
    'big.edit': 'Edit it in the text box (slow)',
    'big.clear': 'Clear',
    'table.page': 'Rows {from}–{to} of {total}; the CSV and JSON exports have all of them.',
    'table.prev': 'Previous rows',
    'table.next': 'Next rows',
    'table.columnsTruncated': 'Showing the first {n} of {total} columns; the CSV and JSON exports have all of them.',
    'compare.moreEvents': '… and {n} more',
    'chart.noBands': 'The {total} sections are too many to draw as bands; the table lists the counts per section.',
    'chart.sampled': 'Drawn: {n} of the {total} dated expressions, evenly spread; the table and the CSV / JSON exports have all of them.',
    'chart.firstSections': 'Drawn: the first {n} of {total} sections; the table and the CSV / JSON exports have all of them.',
    'outline.earlier': '↑ {n} earlier sections',
    'outline.later': '↓ {n} more sections (of {total})',
    'status.saveFailed': 'Could not save to the library ({error}); your text stays in this tab.',
    'stage.structure': 'structure', 'stage.segmentation': 'sentences and words', 'stage.timeline': 'dates',
    'stage.keywords': 'keywords', 'stage.report': 'report', 'stage.dictionary': 'loading the Chinese dictionary',
    'stat.characters': 'Characters', 'stat.words': 'Words', 'stat.sentences': 'Sentences', 'stat.paragraphs': 'Paragraphs',
    'stat.sections': 'Sections', 'stat.dates': 'Dates', 'stat.language': 'Language',
    'lang.en': 'English', 'lang.zh': 'Chinese', 'lang.mixed': 'Mixed', 'lang.other': 'Other',
    'reading.heading': 'Reading',
    'header.source': 'Source', 'header.dateline': 'Dateline', 'header.author': 'Author', 'header.release_time': 'Released',
    'header.editor': 'Editor', 'header.publication': 'Publication', 'header.page': 'Page',
    'reading.outline': 'Sections',
    'reading.label': 'Article text with dates and keywords marked',
    'reading.empty': '(nothing to show)',
    'reading.earlier': 'Show the text before',
    'reading.later': 'Show more of the text',
    'legend.date': 'date', 'legend.relative': 'resolved date', 'legend.domain': 'institutional date', 'legend.key': 'selected keyword',
    'charts.heading': 'Charts',
    'charts.jump': 'Jump to a chart',
    'chart.keywords': 'Keywords', 'chart.dispersion': 'Dispersion', 'chart.timeline': 'Timeline', 'chart.sections': 'Sections',
    'chart.compare': 'Comparison', 'chart.keyness': 'Keyness',
    'chart.legend': 'Series of the {chart} chart: press one to hide or show it',
    'zoom.group': 'Zoom the {chart} chart', 'zoom.in': 'Zoom in', 'zoom.out': 'Zoom out', 'zoom.earlier': 'Earlier', 'zoom.later': 'Later',
    'zoom.showAll': 'Show all', 'zoom.range': 'Showing {from} to {to}', 'zoom.all': 'Showing all: {from} to {to}',
    'chart.aria.keywords': 'Bar chart of the top keywords ({view}); the table view has the same data',
    'chart.aria.dispersion': 'Dispersion plot of the top keywords along the article; the table view has the same data',
    'chart.aria.timeline': 'Timeline of {n} dated expressions; the table view has the same data',
    'chart.aria.sections': 'Bar chart of statistics per section; the table view has the same data',
    'chart.aria.keyness': 'Keyness bars comparing two articles; the table view has the same data',
    'keywords.view': 'Which keywords',
    'keywords.words': 'Words', 'keywords.phrases': 'Phrases', 'keywords.distinctive': 'Distinctive',
    'keywords.note.word': 'Most salient words; counts group inflected forms. Click a bar for its concordance.',
    'keywords.note.phrase': 'Multi-word terms scored by log-likelihood association; “absorbs” tells which word occurrences a phrase takes.',
    'keywords.note.distinctive': 'Words over-used relative to general {lang} (log-likelihood; log ratio is the effect size).',
    'keywords.none': 'None in this text.',
    'keywords.settings': 'Keyword settings',
    'keywords.stopAdd': 'Also ignore these words (one per line)',
    'keywords.stopRemove': 'Count these stopwords again (one per line)',
    'keywords.numbers': 'Count numbers',
    'keywords.apply': 'Apply',
    'keywords.saved': 'Keyword settings saved and applied.',
    'tools.table': 'Table', 'tools.chart': 'Chart', 'tools.png': 'PNG', 'tools.svg': 'SVG', 'tools.csv': 'CSV', 'tools.json': 'JSON',
    'tools.tableAria': 'Show the {chart} chart as a table',
    'tools.dlAria': 'Download the {chart} chart as {format}',
    'table.truncated': 'Showing the first {n} of {total} rows; the CSV and JSON exports have all of them.',
    'col.term': 'Term', 'col.count': 'Count', 'col.score': 'Log-likelihood', 'col.effect': 'Log ratio', 'col.dispersion': 'Juilland’s D',
    'col.variants': 'Forms', 'col.absorbs': 'Absorbs', 'col.position': 'Position', 'col.expression': 'Expression', 'col.value': 'Value',
    'col.start': 'Start', 'col.end': 'End', 'col.granularity': 'Granularity', 'col.kind': 'Kind', 'col.sentence': 'Sentence',
    'col.source': 'Source', 'col.title': 'Title', 'col.words': 'Words', 'col.sentences': 'Sentences', 'col.paragraphs': 'Paragraphs',
    'col.dates': 'Dates', 'col.action': 'Action',
    'axis.position': 'position in the article', 'axis.sentence': 'sentence',
    'kind.explicit': 'explicit', 'kind.relative': 'relative', 'kind.domain': 'institutional',
    'tip.clickConcordance': 'Click for the concordance',
    'timeline.read': 'Read', 'sections.go': 'Go', 'sections.opening': '(opening)',
    'dispersion.note': 'Each tick is one occurrence; shaded bands are the article’s sections.',
    'timeline.note': 'Points are days, bars are months, seasons, years and ranges; the vertical axis is the sentence. Zoom with the wheel over the chart or the buttons under it, drag to move along; click to read the sentence.',
    'conc.open': 'Concordance', 'conc.close': 'Close concordance', 'conc.heading': 'Concordance of “{term}”: {n} occurrences',
    'conc.read': 'Read', 'conc.more': '… and {n} more',
    'conc.search': 'Concordance of a word or phrase', 'conc.find': 'Find',
    'keywords.userWords': 'Chinese words to keep together (one per line)',
    'keywords.termsAdd': 'Official terms to count whole (one per line)', 'keywords.termsDrop': 'Built-in terms to split (one per line)',
    'shortcuts.find': 'Concordance of a word or phrase',
    'export.report': 'Download the whole report (JSON)',
    'library.heading': 'Library', 'library.hint': 'Articles you analyze are kept in this browser only.',
    'library.export': 'Export library', 'library.import': 'Import library…', 'library.empty': 'Nothing saved yet: paste or open an article.',
    'library.open': 'Open', 'library.rename': 'Rename', 'library.delete': 'Delete', 'library.save': 'Save', 'library.cancel': 'Cancel',
    'library.undo': 'Undo', 'library.deleted': 'Deleted “{title}”.', 'library.renameLabel': 'New name for “{title}”',
    'library.meta': '{date} · {words} words · {lang}', 'library.noDate': 'no date',
    'library.imported': 'Imported {added} article(s); {skipped} already in the library.',
    'library.exported': 'Exported {n} article(s).',
    'library.unavailable': 'This browser does not keep a library here (IndexedDB unavailable); your text stays in this tab only.',
    'library.corrupt': '{n} damaged entr(y/ies) skipped.',
    'library.current': 'current',
    'import-json': 'The file is not valid JSON; nothing was imported.',
    'import-format': 'This is not an Article Explorer library file; nothing was imported.',
    'import-future': 'The file was made by a newer version of Article Explorer (format {detail}); nothing was imported. Update the page and try again.',
    'import-entry': 'Entry {detail} of the file is damaged; nothing was imported.',
    'compare.a': 'Compare', 'compare.b': 'with', 'compare.run': 'Compare', 'compare.current': '(the text in the editor)',
    'compare.empty': 'Pick two articles of your library and press Compare.',
    'compare.same': 'Pick two different articles.',
    'compare.running': 'Comparing…',
    'compare.keyness': 'Keyness, both ways',
    'compare.overA': 'over-used in {a}', 'compare.overuse': 'Over-used in',
    'compare.noKeyness': 'Keyness between two articles needs the engine’s compare entry, which this build does not have yet.',
    'compare.keynessNote': 'Log-likelihood keyness of each article against the other; bars to the right are over-used in A, to the left in B.',
    'compare.shared': 'In both', 'compare.only': 'Only in {title}', 'compare.noEvents': 'none',
    'update.ready': 'A new version of the page is ready: reload to use it.',
    'offline.ready': 'Ready to work offline.',
    // The report's warnings by code (features/reading/warnings.js); a code without a string here gets 'warning.unknown'.
    'warning.chinese_dictionary_missing': 'The Chinese dictionary is not loaded: Chinese text was split one character per word.',
    'warning.chinese_unsupported': 'This build has no Chinese support: Chinese dates were not read.',
    'warning.replacement_characters': 'The text contains {count} replacement characters (U+FFFD): it may have been decoded with the wrong encoding.',
    'warning.replacement_characters.one': 'The text contains 1 replacement character (U+FFFD): it may have been decoded with the wrong encoding.',
    'warning.reference_date_invalid': 'The reference date "{value}" was ignored: expected YYYY-MM-DD.',
    'warning.unknown': 'The analysis reported a problem this page cannot describe yet (code {code}).',

    // The corpus view: only what the first view shows (its own strings travel in features/corpus/strings.js).
    'corpus.button': 'Corpus…', 'corpus.buttonTitle': 'Many dated articles: trends, phrasing changes, one timeline',

    // The translation view: only what the first view shows (its own strings travel in features/translation/strings.js).
    'align.run': 'Compare as translations',
    'align.suggest': 'One is Chinese, the other English, with dates in common: they may be translations of each other.',

    // The timeline view: only what the first view shows (its own strings travel in features/timeline/strings.js).
    'tl.open': 'Read the timeline in order',
    'col.correction': 'Correction', 'corr.value': 'Corrected by the reader', 'corr.add': 'Added by the reader',
    'corr.dismiss': 'Dismissed by the reader: not a date',

    // Sharing: only what the first view shows (its own strings travel in features/share/strings.js).
    'share.button': 'Share…',
  },
};

/** @type {Record<string, () => Promise<{default: Record<string, string>}>>} languages whose strings load on demand (a chunk each) */
const LOADERS = { zh: () => import('./i18n-zh.js') };
const STORE_KEY = 'article-explorer:v1:ui-lang';
let lang = 'en';
/** @type {AbortController | null} the newest switch: a later choice wins over one still loading */
let switching = null;
/** @type {Array<(lang: string) => void>} */
const listeners = [];

export const languages = () => ['en', ...Object.keys(LOADERS)];
export const uiLang = () => lang;

/** The string for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(/** @type {string} */ key, /** @type {Record<string, unknown>} */ vars = {}) {
  const s = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k])));
}

/** Whether `key` has a string (so callers can fall back). */
export const hasString = (/** @type {string} */ key) => key in STRINGS.en;

/** @typedef {[string, string, (el: HTMLElement) => string | null, (el: HTMLElement, s: string) => void]} Target */
/** @type {Target[]} What applyI18n translates: [attribute, its dataset key, read, write]. */
const TARGETS = [
  ['data-i18n', 'i18n', (el) => el.textContent, (el, s) => { el.textContent = s; }],
  ['data-i18n-aria', 'i18nAria', (el) => el.getAttribute('aria-label'), (el, s) => el.setAttribute('aria-label', s)],
  ['data-i18n-title', 'i18nTitle', (el) => el.title, (el, s) => { el.title = s; }],
];

/** Applies the current language to every marked element under `root`. */
export function applyI18n(/** @type {ParentNode} */ root = document) {
  // Only what changes is written (the page is English as served: its first call changes nothing).
  for (const [attr, key, get, set] of TARGETS) {
    root.querySelectorAll(`[${attr}]`).forEach((node) => {
      const el = /** @type {HTMLElement} */ (node);
      const s = t(el.dataset[key] ?? '');
      if (get(el) !== s) set(el, s);
    });
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = t('app.title');
}

/** @type {Record<string, Record<string, string>>[]} The strings of the views in lazy chunks. */
const ADDED = [];

/**
 * Adds the strings of a view that loads lazily (its folder's strings.js: `{ en: {…}, zh: {…} }`),
 * so they travel with its chunk rather than with every first visit.
 * @param {Record<string, Record<string, string>>} tables
 */
export function addStrings(tables) {
  ADDED.push(tables);
  for (const l of Object.keys(STRINGS)) Object.assign(STRINGS[l], tables[l]);
}

/** Loads the strings of `next` (a no-op when they are here); resolves to whether they are. */
export async function loadStrings(/** @type {string} */ next) {
  if (STRINGS[next]) return true;
  if (!LOADERS[next]) return false;
  try {
    STRINGS[next] = { ...(await LOADERS[next]()).default };
    for (const tables of ADDED) Object.assign(STRINGS[next], tables[next]);
    return true;
  } catch {
    return false; // offline before the chunk was kept: the interface stays as it is
  }
}

/**
 * Switches the interface to `next`: at once when its strings are here, else once they have
 * loaded (the page stays in the current language meanwhile, then every listener runs).
 */
export function setLang(/** @type {string} */ next) {
  const want = languages().includes(next) ? next : 'en';
  switching?.abort();
  const { signal } = (switching = new AbortController());
  const apply = () => {
    if (signal.aborted) return; // a later choice won
    lang = want;
    try { localStorage.setItem(STORE_KEY, lang); } catch { /* private mode: the choice lasts this visit */ }
    applyI18n();
    listeners.forEach((f) => f(lang));
  };
  if (STRINGS[want]) {
    apply();
    return Promise.resolve(true);
  }
  return loadStrings(want).then((ok) => {
    if (ok) apply();
    else listeners.forEach((f) => f(lang)); // not switched: let the page show the language it has
    return ok;
  });
}

/** Calls `f` with the language whenever the interface's language changes (or a switch failed). */
export const onLangChange = (/** @type {(lang: string) => void} */ f) => listeners.push(f);

/** The stored choice, else the browser's language. */
export function initialLang() {
  let stored = null;
  try { stored = localStorage.getItem(STORE_KEY); } catch { /* ignore */ }
  if (stored && languages().includes(stored)) return stored;
  const nav = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
  return nav.startsWith('zh') ? 'zh' : 'en';
}

/** The strings loaded so far, by language (English always; tests import i18n-zh.js for Chinese). */
export const STRING_TABLE = STRINGS;
