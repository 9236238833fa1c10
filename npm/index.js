// The package's entry: Article Explorer's engine for browsers, Web Workers and Node 20+.
//
// Two builds of the one engine ship in the package: the light module (light/, no Chinese word
// segmentation, dates or keyness list; built for size) is loaded by `init`, and the full module
// (built for speed, with Chinese) is loaded only when a call needs it: a text with Han characters
// or `lang: 'zh'` (then with the Chinese dictionary, jieba-dict.txt.gz), or a text longer than a
// million characters. Once loaded, the full module serves every later call. This is the page's
// own scheme (its analysis worker), so readers of English articles never download the Chinese parts.
//
// Where the files come from: by default beside this module (`new URL('./…', import.meta.url)`),
// fetched in browsers and workers and read from disk in Node. `init({light, full, dictionary})`
// points any of them elsewhere: a URL (or a URL string), in Node a file path, or the bytes.
//
// One engine per JavaScript realm: wasm-bindgen modules are singletons, so the user words added
// here apply to every later call in this realm.
import initLight, * as light from './light/article_explorer.js';

/**
 * @typedef {import('./report.js').Report} Report  the analysis report (report.schema.json)
 * @typedef {import('./report.js').Comparison} Comparison  keyness of two texts against each other
 * @typedef {import('./report.js').ConcordanceResult} ConcordanceResult  the lines where a term occurs
 */

/**
 * Where a file of the package is: a URL, a string (a URL; in Node also a file path, absolute or
 * relative to the working directory), a fetch `Response`, or the file's bytes. For the wasm
 * modules also a compiled `WebAssembly.Module`.
 * @typedef {URL | string | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module} Source
 */

/**
 * @typedef {object} InitOptions
 * @property {Source} [light] the light module, light/article_explorer_bg.wasm
 * @property {Source} [full] the full module (Chinese, long texts), article_explorer_bg.wasm
 * @property {Source} [dictionary] the Chinese dictionary: jieba-dict.txt.gz, gzip or inflated
 */

/**
 * The options of an analysis (all optional).
 * @typedef {object} AnalysisOptions
 * @property {string} [dct] the reference date `YYYY-MM-DD` for relative expressions (wins over the text's dateline)
 * @property {'auto' | 'en' | 'zh'} [lang] language rules: per paragraph (auto), English or Chinese
 * @property {number} [keyword_limit] at most this many keywords
 * @property {boolean} [tokens] include every token in the report
 * @property {string[]} [stopwords_add] words to leave out of the keywords, besides the built-in stopwords
 * @property {string[]} [stopwords_remove] built-in stopwords to keep in the keywords
 * @property {boolean} [keep_numbers] keep numbers among the keywords
 */

/**
 * How a concordance matches and how much it shows (all optional).
 * @typedef {object} ConcordanceOptions
 * @property {'term' | 'exact' | 'text'} [mode] any inflection and case (term), word forms in any case (exact) or plain search (text)
 * @property {number} [context] characters of context on each side
 * @property {number} [limit] at most this many lines
 */

/** @typedef {(stage: string, fraction: number) => void} Progress  called between an analysis's stages */

// Han ideographs (the worker's test): a text with any of them needs the full module.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;
// Longer texts go to the full module, about twice as fast on them.
const LONG_TEXT = 1_000_000;

/** @type {Required<InitOptions>} */
const sources = {
  light: new URL('./light/article_explorer_bg.wasm', import.meta.url),
  full: new URL('./article_explorer_bg.wasm', import.meta.url),
  dictionary: new URL('./jieba-dict.txt.gz', import.meta.url),
};
/** @type {Promise<void> | null} */
let lightReady = null;
/** @type {Promise<typeof light> | null} */
let fullReady = null;
/** @type {Promise<typeof light> | null} */
let chineseReady = null;
/** @type {typeof light} the module in use: the light one until a call needs the full one */
let current = light;
/** @type {Map<string, number>} user words, replayed into the full module when it loads */
const userWords = new Map();
/** @type {[string[], string[]]} official terms added and taken out, given to the full module when it loads */
let officialTerms = [[], []];

/** @type {{versions?: {node?: string}} | undefined} */
const nodeProcess = Reflect.get(globalThis, 'process');
const isNode = typeof nodeProcess?.versions?.node === 'string' && !('window' in globalThis);
// Node's file reader, imported by a name bundlers for the browser leave alone.
const NODE_FS = 'node:fs/promises';

/**
 * Reads a source: the bytes as given, a `Response` as it is, a URL fetched (in Node a `file:`
 * URL or a path read from disk).
 * @param {Source} source
 * @param {string} what the file, for error messages
 * @returns {Promise<Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module>}
 */
async function open(source, what) {
  if (typeof source !== 'string' && !(source instanceof URL)) return source;
  const href = String(source);
  if (isNode && !/^(https?|data|blob):/i.test(href)) {
    /** @type {{readFile: (path: string | URL) => Promise<Uint8Array>}} */
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
    const path = href.startsWith('file:') ? new URL(href) : href;
    try {
      return await readFile(path);
    } catch (e) {
      throw new Error(`article-explorer: cannot read the ${what} from ${href}: ${/** @type {Error} */ (e).message}`);
    }
  }
  let response;
  try {
    response = await fetch(source);
  } catch (e) {
    throw new Error(`article-explorer: cannot fetch the ${what} from ${href}: ${/** @type {Error} */ (e).message}`);
  }
  if (!response.ok) throw new Error(`article-explorer: cannot fetch the ${what} from ${href}: HTTP ${response.status}`);
  return response;
}

/**
 * Loads the light module (once; later calls return the same promise). Call it before anything
 * else; `options` may point the package's files elsewhere (each option replaces the default
 * location beside this module).
 * @param {InitOptions} [options]
 * @returns {Promise<void>}
 */
export function init(options = {}) {
  for (const key of /** @type {(keyof InitOptions)[]} */ (['light', 'full', 'dictionary'])) {
    const value = options[key];
    if (value !== undefined) sources[key] = value;
  }
  lightReady ??= (async () => {
    await initLight({ module_or_path: await open(sources.light, 'light wasm module') });
  })().catch((e) => {
    lightReady = null;
    throw e;
  });
  return lightReady;
}

/** The module in use, after `init`. */
async function engine() {
  if (!lightReady) throw new Error('article-explorer: call init() first');
  await lightReady;
  return current;
}

function loadFull() {
  fullReady ??= (async () => {
    const full = await import('./article_explorer.js');
    await full.default({ module_or_path: await open(sources.full, 'full wasm module') });
    return full;
  })().catch((e) => {
    fullReady = null;
    throw e;
  });
  return fullReady;
}

/** The dictionary's bytes, inflated when they are gzip. */
async function dictionaryBytes() {
  const opened = await open(sources.dictionary, 'Chinese dictionary');
  if (opened instanceof WebAssembly.Module) throw new Error('article-explorer: the Chinese dictionary cannot be a WebAssembly.Module');
  const response = opened instanceof Response ? opened : new Response(/** @type {BodyInit} */ (opened));
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Response(bytes).body?.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

/**
 * Loads the full module and the Chinese dictionary (once), so that Chinese texts are segmented by
 * words; `analyze` and the others do it themselves when a text needs it. Resolves when both are in.
 * @returns {Promise<void>}
 */
export async function loadChinese() {
  await engine();
  chineseReady ??= (async () => {
    const [full, bytes] = await Promise.all([loadFull(), dictionaryBytes()]);
    full.loadChineseDictionary(bytes);
    return full;
  })().catch((e) => {
    chineseReady = null;
    throw e;
  });
  use(await chineseReady);
}

/** @param {typeof light} full */
function use(full) {
  if (current === full) return;
  current = full;
  for (const [word, freq] of userWords) full.addChineseWord(word, freq);
  giveOfficialTerms(full);
}

/** Gives `module` the official-term edits; the light module has no lexicon (it never reads Chinese). */
function giveOfficialTerms(/** @type {typeof light} */ module) {
  const set = /** @type {((add: string[], remove: string[]) => void) | undefined} */ (Reflect.get(module, 'setOfficialTerms'));
  set?.(...officialTerms);
}

/**
 * The module a call on these texts needs: the full one (with the dictionary) for Han text or
 * `lang: 'zh'`, the full one for long texts, else the one in use.
 * @param {string[]} texts
 * @param {{lang?: string}} [options]
 */
async function engineFor(texts, options) {
  let wasm = await engine();
  if (options?.lang === 'zh' || texts.some((t) => HAN.test(t))) {
    await loadChinese();
  } else if (wasm === light && texts.reduce((n, t) => n + t.length, 0) > LONG_TEXT) {
    use(await loadFull());
  }
  return current;
}

/**
 * Analyzes one text: its structure, sentences, keywords and dated events. Loads the Chinese
 * parts first when the text needs them. Rejects with an `Error` whose message says what was
 * wrong (invalid options, a text over `maxInputBytes()`).
 * @param {string} text
 * @param {AnalysisOptions} [options]
 * @param {Progress} [progress]
 * @returns {Promise<Report>}
 */
export async function analyze(text, options = {}, progress) {
  return (await engineFor([text], options)).analyze(text, options, progress);
}

/**
 * The keyness of two texts against each other: the words each over-uses relative to the other.
 * @param {string} a
 * @param {string} b
 * @param {AnalysisOptions} [options]
 * @returns {Promise<Comparison>}
 */
export async function compare(a, b, options = {}) {
  return (await engineFor([a, b], options)).compare(a, b, options);
}

/**
 * The occurrences of a word or phrase in `text`, with their context (keyword in context).
 * @param {string} text
 * @param {string} query
 * @param {ConcordanceOptions & Pick<AnalysisOptions, 'lang'>} [options]
 * @returns {Promise<ConcordanceResult>}
 */
export async function concordance(text, query, options = {}) {
  return (await engineFor([text, query], options)).concordance(text, query, options);
}

/**
 * The words of one line, two spaces apart (the SIGHAN bakeoff format).
 * @param {string} line
 * @returns {Promise<string>}
 */
export async function segmentLine(line) {
  return (await engineFor([line])).segmentLine(line);
}

/**
 * Adds a word that Chinese segmentation keeps whole, for every later call; `freq` 0 (the
 * default) picks a frequency that makes it win. Returns false for an empty word or one with
 * spaces. Needs `init` first.
 * @param {string} word
 * @param {number} [freq]
 * @returns {boolean}
 */
export function addChineseWord(word, freq = 0) {
  const added = loaded().addChineseWord(word, freq);
  if (added) userWords.set(word, freq);
  return added;
}

/**
 * Sets the official terms counted as one keyword where Chinese segmentation cuts them, for every
 * later call: the built-in lexicon (numbered congresses and plenums, state bodies, leaders' names,
 * policy terms) with `add` added and `remove` taken out. Each call replaces the previous edits;
 * `setOfficialTerms()` restores the built-in lexicon.
 * @param {string[]} [add]
 * @param {string[]} [remove]
 */
export function setOfficialTerms(add = [], remove = []) {
  officialTerms = [[...add], [...remove]];
  giveOfficialTerms(current);
}

/** The module in use, which `init` must have loaded. */
function loaded() {
  if (!lightReady) throw new Error('article-explorer: call init() first');
  try {
    current.reportVersion();
  } catch {
    throw new Error('article-explorer: the engine is still loading: await init() first');
  }
  return current;
}

/**
 * The report contract version this engine writes (the report's `version`).
 * @returns {number}
 */
export function reportVersion() {
  return loaded().reportVersion();
}

/**
 * The largest text, in UTF-8 bytes, that `analyze` accepts.
 * @returns {number}
 */
export function maxInputBytes() {
  return loaded().maxInputBytes();
}

/**
 * The built-in stopword lists (`zh` is empty until the Chinese parts are loaded).
 * @returns {{en: string[], zh: string[]}}
 */
export function builtinStopwords() {
  return loaded().builtinStopwords();
}

/**
 * Whether the Chinese module and dictionary are loaded.
 * @returns {boolean}
 */
export function chineseLoaded() {
  return current !== light && current.chineseDictionaryLoaded();
}
