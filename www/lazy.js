// What the first view does not need (later.js) is a chunk of its own, loaded before its first use:
// in an idle period once the first charts are drawn (preloadLazy), and when the pointer or the
// focus reaches one of its controls. A control used before the chunk has arrived waits for it (a
// few milliseconds from the cache); once it is loaded, its functions are called at once.
import { setStatus } from './status.js';
import { registerOffline } from './offline.js';

/** @typedef {typeof import('./later.js')} Later */

// The controls whose code is in the chunk: the pointer or the focus on one of them loads it.
const CONTROLS = '.chart-box, #conc-form, #concordance, #file-label, #drop-zone, #reading, .library, #compare';

/** @type {Later | null} */
let later = null;
/** @type {Promise<Later> | null} */
let loading = null;

/** The chunk, loading it on the first call. */
function load() {
  loading ??= import('./later.js').then((m) => (later = m), (e) => {
    loading = null; // offline without the Service Worker's copy: the next use tries again
    throw e;
  });
  return loading;
}

/** The chunk if it has loaded, else null. */
export const loaded = () => later;

/**
 * Calls the chunk's function `fn` with `args`: at once when the chunk is loaded, once it is
 * otherwise (a failed load is said in the status line).
 * @template {keyof Later} F
 * @param {F} fn
 * @param {Parameters<Later[F]>} args
 */
export function lazy(fn, ...args) {
  const call = (/** @type {Later} */ m) => /** @type {(...a: any[]) => unknown} */ (m[fn])(...args);
  if (later) return call(later);
  return load().then(call, (e) => setStatus('error', 'status.failed', { error: e.message }, 'error'));
}

// Once the first charts are drawn: after the Service Worker's script has been asked for (its
// registration settles), or at most PRELOAD_WAIT ms (a registration waits for an install still
// running, e.g. a reload right after the first visit), then in an idle period (or PRELOAD_WAIT).
const PRELOAD_WAIT = 500;
let preloaded = false;

/** Registers the Service Worker, then loads the chunk in an idle period. */
export function preloadLazy() {
  if (preloaded) return;
  preloaded = true;
  const idle = window.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 50));
  Promise.race([registerOffline(), new Promise((r) => setTimeout(r, PRELOAD_WAIT))]).then(() => idle(() => {
    load().catch(() => {});
  }, { timeout: PRELOAD_WAIT }));
}

/** Loads the chunk as soon as the pointer, the focus or a dragged file reaches one of its controls. */
export function warmLazyOnApproach() {
  const warm = (/** @type {Event} */ e) => {
    if (/** @type {Element | null} */ (e.target)?.closest?.(CONTROLS)) load().catch(() => {});
  };
  document.addEventListener('pointerover', warm, { passive: true });
  document.addEventListener('focusin', warm);
  document.addEventListener('dragenter', warm);
}
