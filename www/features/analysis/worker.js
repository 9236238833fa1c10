// The analysis worker: owns the wasm instance.
// Messages in:  {id, op: 'analyze', text, options} | {id, op: 'compare', a, b, options}
//             | {id, op: 'summarize', texts, options} (a corpus's batch: {id, type: 'result', summaries, ms})
//             | {id, op: 'phrasing', texts, ids, split, options} (a corpus's phrasing changes: {phrasing})
// Messages out: {type: 'ready', features} once the engine is loaded
//             | {id, type: 'progress', stage, fraction}
//             | {id, type: 'part', key, items}… then {id, type: 'result', report, ms, parts?} (analyze; report-transfer.js) | the same with {reports, keyness, ms} (compare)
//             | {id, type: 'result', result, ms} (concordance: {id, op: 'concordance', text, term, options, query};
//               align: {id, op: 'align', a, b})
//             | {id, type: 'error', message, fatal}.
// A fatal error (a trap: panic, out of memory) leaves the instance unusable, so the bridge
// replaces the worker; the page keeps the text.
// Two builds of the one engine (scripts/build-wasm.sh): the light module (no Chinese segmentation,
// dates or keyness list) is what every first visit loads; the full one is fetched, with the
// Chinese dictionary, only when a text contains Han characters (or Chinese is forced), and is then
// used for every request of this worker. The light module never sees Han text.
// '#engine' and '#engine-light' are the wasm-bindgen glue of pkg/ and pkg/light/ (package.json's
// "imports"; www/types/engine.d.ts describes them). The bundle keeps every script and the wasm
// in one folder: the wasm files are found beside this worker's bundle.
import initLight, * as light from '#engine-light';
import { postReport, postReports } from './report-transfer.js';

/** @typedef {typeof import('#engine')} Engine */

/** @type {Engine} the engine in use */
let wasm = light;
// Optional entries, looked up by name so a build without them still bundles.
const entry = (/** @type {string} */ name) => (typeof Reflect.get(wasm, name) === 'function' ? Reflect.get(wasm, name) : null);

const ready = initLight({ module_or_path: new URL('./article_explorer_light_bg.wasm', import.meta.url) }).then(() => {
  // Entries other helpers add to the wasm boundary are used only when this build has them.
  const features = {
    compare: !!entry('compare'),
    concordance: !!entry('concordance'),
    maxInputBytes: entry('maxInputBytes')?.() ?? null,
    reportVersion: entry('reportVersion')?.() ?? null,
    chineseDictionary: true, // with the full module, fetched when needed
  };
  self.postMessage({ type: 'ready', features });
});

// The full module (twice the light one in size) is fetched only when a text contains Han
// characters (or Chinese is forced), together with the Chinese dictionary (1.9 MB gzip), or when
// a text is longer than LONG_TEXT characters: the light module is built for size, the full one
// for speed (about twice as fast on long texts). Once per worker, with progress messages
// {stage: 'dictionary', fraction}; readers of English articles load neither. User words arrive as options.user_words (the page
// keeps them) and are added once each to the full module.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;
const LONG_TEXT = 1_000_000;
/** @type {Promise<Engine> | null} the full module, once asked for */
let fullModule = null;
/** @type {Promise<Engine | null> | null} the full module with the dictionary loaded in it */
let chinese = null;
const addedWords = new Set();
// The official-term edits in the full module's engine (options.official_terms_add / _remove, which
// the page keeps): set again only when they change, and then the concordance index is stale.
const NO_EDITS = '[[],[]]';
let officialTerms = NO_EDITS;

/** Gives the engine the request's official-term edits (none when the options carry none). */
function useOfficialTerms(/** @type {Record<string, unknown> | undefined} */ options) {
  const edits = [options?.official_terms_add, options?.official_terms_remove].map((l) => (Array.isArray(l) ? l.filter((w) => typeof w === 'string') : []));
  const key = JSON.stringify(edits);
  const set = entry('setOfficialTerms');
  if (key === officialTerms || !set) return;
  set(...edits);
  officialTerms = key;
  concordanceIndex?.free?.();
  concordanceIndex = null;
  concordanceText = null;
}

function loadFull() {
  fullModule ??= (async () => {
    const full = await import('#engine');
    await full.default({ module_or_path: new URL('./article_explorer_bg.wasm', import.meta.url) });
    return full;
  })().catch((e) => {
    fullModule = null;
    throw e;
  });
  return fullModule;
}

async function fetchDictionary(/** @type {(fraction: number) => void} */ progress) {
  const response = await fetch(new URL('./jieba-dict.txt.gz', import.meta.url));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 1_900_000;
  let seen = 0;
  const count = new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      progress(Math.min(0.99, seen / total));
      controller.enqueue(chunk);
    },
  });
  if (!response.body) throw new Error('no body');
  const inflated = response.body.pipeThrough(count).pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

async function loadChinese(/** @type {number} */ id) {
  const progress = (/** @type {number} */ fraction) => self.postMessage({ id, type: 'progress', stage: 'dictionary', fraction });
  progress(0);
  const [full, bytes] = await Promise.all([loadFull(), fetchDictionary(progress)]);
  full.loadChineseDictionary(bytes);
  progress(1);
  return full;
}

function useFull(/** @type {Engine | null} */ full) {
  if (!full || wasm === full) return;
  wasm = full;
  concordanceIndex?.free?.();
  concordanceIndex = null;
  concordanceText = null;
  addedWords.clear();
  officialTerms = NO_EDITS;
}

/**
 * Loads the engine a request needs: the full module for Han text (with the dictionary) or a long
 * text; adds the user's Chinese words to it.
 * @param {number} id
 * @param {unknown[]} texts
 * @param {{lang?: string, user_words?: string[], engine?: string} | undefined} options
 */
async function prepareEngine(id, texts, options) {
  // The corpus asks for the full module whatever the language: only it has the keyness reference list.
  if (options?.engine === 'full' && wasm === light) useFull(await loadFull().catch(() => null));
  const strings = /** @type {string[]} */ (texts.filter((t) => typeof t === 'string'));
  if (options?.lang === 'zh' || strings.some((t) => HAN.test(t))) {
    chinese ??= loadChinese(id).catch((e) => {
      chinese = null; // try again next time; this analysis segments per character and warns
      self.postMessage({ id, type: 'progress', stage: 'dictionary', fraction: 1, error: `The Chinese dictionary could not load: ${/** @type {Error} */ (e).message}` });
      return loadFull().catch(() => null); // Chinese dates at least, if the module came
    });
    useFull(await chinese);
  } else if (wasm === light && strings.reduce((n, t) => n + t.length, 0) > LONG_TEXT) {
    self.postMessage({ id, type: 'progress', stage: 'structure', fraction: 0 });
    useFull(await loadFull().catch(() => null)); // else the light module does it, more slowly
  }
  if (wasm === light) return;
  for (const word of options?.user_words ?? []) {
    if (!addedWords.has(word)) {
      addedWords.add(word);
      entry('addChineseWord')?.(word, 0);
    }
  }
}

/** @type {InstanceType<Engine['ConcordanceIndex']> | null} the index of `concordanceText`, kept for its next queries */
let concordanceIndex = null;
/** @type {string | null} */
let concordanceText = null;

/** Analyzes `text`; its progress, scaled to [from, to], goes to the page. */
function run(/** @type {number} */ id, /** @type {string} */ text, /** @type {Record<string, unknown> | undefined} */ options, from = 0, to = 1) {
  const { user_words: _words, engine: _engine, ...rest } = options ?? {};
  options = rest;
  return wasm.analyze(text, options ?? {}, (stage, fraction) => {
    self.postMessage({ id, type: 'progress', stage, fraction: from + (to - from) * fraction });
  });
}

self.onmessage = async (event) => {
  const { id, op = 'analyze', text, options } = event.data;
  try {
    await ready;
  } catch (e) {
    self.postMessage({ id, type: 'error', fatal: true, message: `The analysis engine could not load: ${/** @type {Error} */ (e).message}` });
    return;
  }
  const t0 = performance.now();
  try {
    // An alignment always runs in the full module (the light one has no `align`), even when a
    // mistaken pair has no Han text, so the reader gets the engine's reason.
    await prepareEngine(id, [text, event.data.a, event.data.b, ...(Array.isArray(event.data.texts) ? event.data.texts : [])],
      op === 'align' ? { ...options, lang: 'zh' } : options);
    if (op !== 'align') useOfficialTerms(options);
    if (op === 'compare') {
      const { a, b } = event.data;
      const reports = [run(id, a, options, 0, 0.45), run(id, b, options, 0.45, 0.9)];
      const keyness = entry('compare')?.(a, b, options ?? {}) ?? null;
      postReports((m) => self.postMessage(m), id, { keyness, ms: performance.now() - t0 }, reports);
    } else if (op === 'summarize' || op === 'phrasing') {
      // A corpus's batch of articles or its phrasing changes (features/corpus/worker-ops.js, a chunk
      // of its own, loaded on the first such request).
      const { corpusOp } = await import('../corpus/worker-ops.js');
      const result = corpusOp(event.data, entry);
      self.postMessage({ id, type: 'result', ...result, ms: performance.now() - t0 });
    } else if (op === 'align') {
      // A text beside its translation (src/align/); reports of both are made inside the entry.
      const fn = entry('align');
      if (!fn) throw new Error('[unavailable] this build has no alignment');
      self.postMessage({ id, type: 'result', result: fn(event.data.a, event.data.b), ms: performance.now() - t0 });
    } else if (op === 'concordance') {
      // One index per text (segmenting once), kept for the next queries on the same text.
      const { term, query } = event.data;
      const Index = Reflect.get(wasm, 'ConcordanceIndex');
      let result;
      if (Index) {
        let index = concordanceText === text ? concordanceIndex : null;
        if (!index) {
          concordanceIndex?.free?.();
          index = concordanceIndex = new Index(text, options ?? {});
          concordanceText = text;
        }
        result = index.query(term, query ?? {});
      } else {
        result = entry('concordance')(text, term, { ...(options ?? {}), ...(query ?? {}) });
      }
      self.postMessage({ id, type: 'result', result, ms: performance.now() - t0 });
    } else {
      const report = run(id, text, options);
      // A long text's report goes in parts, so the page never spends long deserializing one message.
      postReport((m) => self.postMessage(m), id, { ms: performance.now() - t0 }, report);
    }
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
    self.postMessage({ id, type: 'error', fatal, message: /** @type {Error} */ (e).message, kind: fatal ? 'crash' : 'error' });
  }
};
