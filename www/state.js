// The page's state, in one store every feature reads and writes: the article in the editor, the
// last report, the views' choices and the library's entries. Features that show a part of it
// register with watch() and are told by changed() when that part changes, so the feature that
// changes the state does not need to know who shows it.
import { DEFAULT_KW_OPTIONS } from './features/analysis/start-hint.js';

/**
 * @typedef {import('./types/report').Report} Report
 * @typedef {import('./types/report').KeywordOptions} KeywordOptions
 * @typedef {import('./features/library/library.js').Entry} Entry
 * @typedef {{kind: string, data: any, onPick: ((item: any) => void) | null, sig: string | null}} ChartData
 */

export const state = {
  // The article in the editor.
  /** @type {string | null} the library id of the text in the editor (null: a sample or nothing yet) */
  id: null,
  /** @type {string | null} the sample in the editor, while unedited */
  sampleId: null,
  /** @type {string | null} the reference date the user chose for this text */
  userDct: null,
  /** @type {string | null} a text too big for the text box (features/input/editor.js), or null */
  bigText: null,
  /** the user chose to edit a big text in the text box anyway */
  forceEdit: false,

  // The last analysis.
  /** @type {Report | null} the last report */
  report: null,
  /** the text the last report describes */
  text: '',
  /** @type {string | null} the options of that analysis (JSON) */
  optionsKey: null,
  /**
   * A shared analysis on screen (a link or a bundle, features/share/): its settings are used but
   * not kept, and its text is not saved to the library unless the user asks. `ownKw`: the user's
   * own keyword settings, back with the next article.
   * @type {{text: string, lang: 'auto' | 'en' | 'zh', corrections: object | null, ownKw: KeywordOptions, from: string,
   *   provenance: {text_sha256: string, engine: string, report_version: number, analyzed_at: string}} | null}
   */
  shared: null,

  // The views.
  /** which keywords the keyword chart shows: 'word', 'phrase' or 'distinctive' */
  kwView: 'word',
  /** @type {string | null} the term whose occurrences are marked in the reading pane */
  keyword: null,
  /** @type {KeywordOptions} the keyword settings (kept in the library's settings store) */
  kwOptions: structuredClone(DEFAULT_KW_OPTIONS),
  /** @type {Map<HTMLElement, ChartData>} chart element -> what it shows */
  chartData: new Map(),
  /** whether the first report's charts have been drawn */
  firstDrawn: false,

  // The library.
  /** @type {Entry[]} the library's entries, newest first */
  entries: [],
  /** false when this browser keeps no library (IndexedDB unavailable) */
  libraryOk: true,
};

/**
 * @typedef {'library' | 'report' | 'corrections'} Topic  'library': the entries, or which of them is in the editor; 'report': a new
 * report is shown; 'corrections': the reader corrected the timeline of the text on screen
 */

/** @type {Map<Topic, Array<() => void>>} */
const watchers = new Map();

/** Calls `fn` whenever `topic` changes. */
export function watch(/** @type {Topic} */ topic, /** @type {() => void} */ fn) {
  watchers.set(topic, [...(watchers.get(topic) ?? []), fn]);
}

/** Tells the watchers of `topic` that it changed. */
export function changed(/** @type {Topic} */ topic) {
  for (const fn of watchers.get(topic) ?? []) fn();
}
