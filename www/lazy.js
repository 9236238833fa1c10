// Parts of the page the first view (the sample analyzed, its charts, the reading pane, the
// outline) does not need are chunks of their own, loaded before their first use: in an idle
// period once the first charts are drawn (preloadLazy), and when the pointer or the focus reaches
// one of their controls. A control used before its chunk has arrived waits for it (a few
// milliseconds from the cache); once loaded, the chunk's function is called at once.
import { setStatus } from './status.js';
import { registerOffline } from './offline.js';

const LAZY = {
  tools: () => import('./features/charts/chart-tools.js'),
  conc: () => import('./features/reading/concordance.js'),
  file: () => import('./features/input/open-file.js'),
  lib: () => import('./features/library/library-ui.js'),
  compare: () => import('./features/compare/compare.js'),
};
/** @typedef {keyof typeof LAZY} Chunk */
/** @typedef {{[N in Chunk]: Awaited<ReturnType<typeof LAZY[N]>>}} Modules */

// Where the pointer or the focus announces a lazy part: [selector, chunk].
/** @type {Array<[string, Chunk]>} */
const LAZY_CONTROLS = [['.chart-box', 'tools'], ['#conc-form, #box-keywords, #concordance', 'conc'],
  ['#file-label, #drop-zone, #reading', 'file'], ['.library', 'lib'], ['.library, #compare', 'compare']];

/** @type {Partial<Modules>} */
const mods = {};
/** @type {Partial<Record<Chunk, Promise<any>>>} */
const loading = {};

/** The chunk `name`, loading it on the first call. */
function load(/** @type {Chunk} */ name) {
  loading[name] ??= LAZY[name]().then((m) => (mods[name] = /** @type {any} */ (m)), (e) => {
    delete loading[name]; // offline without the Service Worker's copy: the next use tries again
    throw e;
  });
  return loading[name];
}

/**
 * The chunk `name` if it has loaded, else undefined.
 * @template {Chunk} N
 * @param {N} name
 * @returns {Modules[N] | undefined}
 */
export function loaded(name) {
  return mods[name];
}

/**
 * Calls `fn` of the chunk `name` with `args`: at once when the chunk is loaded, once it is
 * otherwise (a failed load is said in the status line).
 * @template {Chunk} N
 * @param {N} name
 * @param {keyof Modules[N]} fn
 * @param {...any} args
 */
export function lazy(name, fn, ...args) {
  const call = (/** @type {any} */ m) => m[fn](...args);
  if (mods[name]) return call(mods[name]);
  return load(name).then(call, (e) => setStatus('error', 'status.failed', { error: e.message }, 'error'));
}

// Once the first charts are drawn: after the Service Worker's script has been asked for (its
// registration settles), or at most PRELOAD_WAIT ms (a registration waits for an install still
// running, e.g. a reload right after the first visit), then in an idle period (or PRELOAD_WAIT).
const PRELOAD_WAIT = 500;
let preloaded = false;

/** Registers the Service Worker, then loads every lazy chunk in an idle period. */
export function preloadLazy() {
  if (preloaded) return;
  preloaded = true;
  const idle = window.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 50));
  Promise.race([registerOffline(), new Promise((r) => setTimeout(r, PRELOAD_WAIT))]).then(() => idle(() => {
    for (const name of /** @type {Chunk[]} */ (Object.keys(LAZY))) load(name).catch(() => {});
  }, { timeout: PRELOAD_WAIT }));
}

/** Loads a chunk as soon as the pointer, the focus or a dragged file reaches one of its controls. */
export function warmLazyOnApproach() {
  const warm = (/** @type {Event} */ e) => {
    const target = /** @type {Element | null} */ (e.target);
    for (const [sel, name] of LAZY_CONTROLS) if (target?.closest?.(sel)) load(name).catch(() => {});
  };
  document.addEventListener('pointerover', warm, { passive: true });
  document.addEventListener('focusin', warm);
  document.addEventListener('dragenter', warm);
}
