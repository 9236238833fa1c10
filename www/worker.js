// The analysis worker: owns the wasm instance.
// Messages in:  {id, op: 'analyze', text, options} | {id, op: 'compare', a, b, options}
// Messages out: {type: 'ready', features} once the engine is loaded
//             | {id, type: 'progress', stage, fraction}
//             | {id, type: 'result', report, ms} (analyze) | {id, type: 'result', reports, keyness, ms} (compare)
//             | {id, type: 'error', message, fatal}.
// A fatal error (a trap: panic, out of memory) leaves the instance unusable, so the bridge
// replaces the worker; the page keeps the text.
import init, * as wasm from '../pkg/article_explorer.js';

// Optional entries, looked up by name so a build without them still bundles.
const entry = (name) => (typeof Reflect.get(wasm, name) === 'function' ? Reflect.get(wasm, name) : null);

const ready = init({ module_or_path: new URL('./article_explorer_bg.wasm', import.meta.url) }).then(() => {
  // Entries other helpers add to the wasm boundary are used only when this build has them.
  const features = {
    compare: !!entry('compare'),
    concordance: !!entry('concordance'),
    maxInputBytes: entry('maxInputBytes')?.() ?? null,
  };
  self.postMessage({ type: 'ready', features });
});

function run(id, text, options, from = 0, to = 1) {
  return wasm.analyze(text, options ?? {}, (stage, fraction) => {
    self.postMessage({ id, type: 'progress', stage, fraction: from + (to - from) * fraction });
  });
}

self.onmessage = async (event) => {
  const { id, op = 'analyze', text, options } = event.data;
  try {
    await ready;
  } catch (e) {
    self.postMessage({ id, type: 'error', fatal: true, message: `The analysis engine could not load: ${e.message}` });
    return;
  }
  const t0 = performance.now();
  try {
    if (op === 'compare') {
      const { a, b } = event.data;
      const reports = [run(id, a, options, 0, 0.45), run(id, b, options, 0.45, 0.9)];
      const keyness = entry('compare')?.(a, b, options ?? {}) ?? null;
      self.postMessage({ id, type: 'result', reports, keyness, ms: performance.now() - t0 });
    } else if (op === 'concordance') {
      const { term, width } = event.data;
      const lines = entry('concordance')(text, term, width ?? 60);
      self.postMessage({ id, type: 'result', lines, ms: performance.now() - t0 });
    } else {
      const report = run(id, text, options);
      self.postMessage({ id, type: 'result', report, ms: performance.now() - t0 });
    }
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
    self.postMessage({ id, type: 'error', fatal, message: e.message, kind: fatal ? 'crash' : 'error' });
  }
};
