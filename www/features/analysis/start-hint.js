// What the page will analyze first on the next visit, remembered so that boot.js can ask the
// worker for it before main.js and the chart library have even loaded. The hint only ever names a
// built-in sample and the options it was analyzed with; a library article is never copied here
// (it stays in IndexedDB). A first visit has no hint: the default sample with the default
// options — what the page shows a newcomer.
// The bridge (worker-bridge.js) uses the early result only if the page then asks for exactly the
// same text and options; otherwise it is dropped, so a wrong or stale hint costs time, never
// correctness.

/** The keyword options a newcomer has (the page starts from these). */
export const DEFAULT_KW_OPTIONS = Object.freeze({ stopwords_add: [], stopwords_remove: [], keep_numbers: false, user_words: [] });

const KEY = 'ae:start';

/**
 * The request to make early: `{sampleId, options}` for a sample (null id: the default sample), or
 * null when the page will open something else (a library article, an empty editor).
 */
export function readStartHint() {
  let stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch { /* storage blocked: treated as a first visit */ }
  if (stored === null) return { sampleId: null, options: { ...DEFAULT_KW_OPTIONS } };
  try {
    const hint = JSON.parse(stored);
    if (hint && typeof hint.sampleId === 'string' && hint.options && typeof hint.options === 'object') return hint;
  } catch { /* a damaged hint: no early request */ }
  return null;
}

/** Remembers what was just analyzed: a sample (its id and options), or something else (null). */
export function writeStartHint(/** @type {string | null} */ sampleId, /** @type {object} */ options) {
  try {
    localStorage.setItem(KEY, JSON.stringify(sampleId ? { sampleId, options } : null));
  } catch { /* storage blocked or full: the next visit just starts a little later */ }
}
