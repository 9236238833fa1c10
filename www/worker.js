// The analysis worker: owns the wasm instance. Messages in: {id, text, options}.
// Messages out: {id, type: 'progress', stage, fraction} | {id, type: 'result', report, ms}
//             | {id, type: 'error', message, fatal}. A fatal error (a trap: panic, out of memory)
// leaves the instance unusable, so the bridge replaces the worker.
import init, { analyze } from '../pkg/article_explorer.js';

const ready = init({ module_or_path: new URL('./article_explorer_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
  } catch (e) {
    self.postMessage({ id, type: 'error', fatal: true, message: `The analysis engine could not load: ${e.message}` });
    return;
  }
  const t0 = performance.now();
  try {
    const report = analyze(text, options ?? {}, (stage, fraction) => {
      self.postMessage({ id, type: 'progress', stage, fraction });
    });
    self.postMessage({ id, type: 'result', report, ms: performance.now() - t0 });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    const message = fatal
      ? `The analysis crashed (${e.message}). Your text is kept; the engine was restarted.`
      : `The analysis failed: ${e.message}`;
    self.postMessage({ id, type: 'error', fatal, message });
  }
};
