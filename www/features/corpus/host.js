// The page's modules the corpus uses (interface strings, numbers, elements, the analysis bridge),
// handed over by main.js when it opens the corpus rather than imported: an import from this
// chunk of a module the first visit loads makes the bundler cut the first visit's shared chunk in
// two, which costs about 0.5 KB gzip on every first visit.

/**
 * @typedef {{t: typeof import('../../i18n.js').t, addStrings: typeof import('../../i18n.js').addStrings,
 *   onLangChange: typeof import('../../i18n.js').onLangChange, fmt: typeof import('../../format.js').fmt,
 *   elt: typeof import('../../dom.js').elt, bridge: typeof import('../analysis/worker-bridge.js')}} Host
 */

/** @type {Host | null} */
let host = null;

/** Called by main.js (once is enough; later calls hand over the same modules). */
export function setHost(/** @type {Host} */ h) {
  host = h;
}

const the = () => {
  if (!host) throw new Error('the corpus was opened without the page');
  return host;
};

/** @type {Host['t']} */
export const t = (key, vars) => the().t(key, vars);
/** @type {Host['onLangChange']} */
export const onLangChange = (f) => the().onLangChange(f);
/** @type {Host['fmt']} */
export const fmt = (n) => the().fmt(n);
/** @type {Host['elt']} */
export const elt = /** @type {any} */ ((/** @type {any[]} */ ...a) => /** @type {any} */ (the().elt)(...a));
/** The analysis bridge's module (AnalysisBridge and its errors). */
export const bridgeModule = () => the().bridge;
/** @type {Host['addStrings']} */
export const addStrings = (tables) => the().addStrings(tables);
