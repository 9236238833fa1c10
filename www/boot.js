// Starts the analysis worker — and so the engine's download and compilation — as soon as the page
// is parsed, before main.js and the chart library it imports have loaded and run (docs/weight.md).
// The bridge (worker-bridge.js) adopts this worker and replays the messages it sent meanwhile.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const early = { worker, messages: [], failed: false };
worker.onmessage = (e) => early.messages.push(e);
worker.onerror = (e) => {
  e.preventDefault();
  early.failed = true; // the bridge starts a fresh worker instead
};
globalThis.__aeEarlyWorker = early;
