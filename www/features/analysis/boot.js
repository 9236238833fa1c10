// Starts the analysis worker — and so the engine's download and compilation — as soon as the page
// is parsed, before main.js and the chart library it imports have loaded and run, and asks it at
// once for the analysis the page will most likely show first (start-hint.js), so the report can
// be ready by the time the page is; it also starts opening the library. The bridge
// (worker-bridge.js) adopts this worker, replays the messages it sent meanwhile, and takes the
// early report only if the page asks for the same text and options.
// An entry of its own (dist/boot.js), loaded with `async` beside main.js. The bundle keeps every
// script in one folder, so './worker.js' is the worker's bundle beside it.
import { readStartHint } from './start-hint.js';
import { openDatabase } from '../library/library-db.js';

// This script loads with `async`: on a slow start the page may already have asked its bridge for
// a worker, which then made its own (and left `false` here). A second worker would only idle
// beside it, and be adopted, stale, on the bridge's next restart.
if (globalThis.__aeEarlyWorker !== false) startEarly();

// The library's database opens meanwhile too (slow in a fresh profile: 0.2–0.4 s in Chromium);
// the page gets the same connection, or the same error, from library-db.js.
if (globalThis.indexedDB) openDatabase().catch(() => {});

function startEarly() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  /** @type {EarlyWorker} */
  const early = { worker, messages: [], failed: false, speculative: null, claimed: false };
  worker.onmessage = (e) => early.messages.push(e);
  worker.onerror = (e) => {
    e.preventDefault();
    early.failed = true; // the bridge starts a fresh worker instead
  };
  globalThis.__aeEarlyWorker = early;

  const hint = readStartHint();
  if (hint) {
    import('virtual:samples').then(async ({ SAMPLES }) => {
      const sample = hint.sampleId === null ? SAMPLES[0] : SAMPLES.find((s) => s.id === hint.sampleId);
      // Samples other than the default one carry load() instead of their text.
      const text = sample?.text ?? (await sample?.load?.());
      // Too late (the page has asked for its first analysis already), or no such sample any more.
      if (typeof text !== 'string' || early.claimed || early.failed) return;
      early.speculative = { id: 0, text, optionsKey: JSON.stringify(hint.options) };
      worker.postMessage({ id: 0, op: 'analyze', text, options: hint.options });
    }).catch(() => { /* the page loads the samples itself */ });
  }
}
