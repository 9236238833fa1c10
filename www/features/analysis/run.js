// Analyzing the article in the editor: saved to the library first, checked against the engine's
// size limit, sent to the worker (worker-bridge.js) with progress and Cancel, then drawn
// (show-report.js). Each run has an AbortController: a newer run aborts the older one, whose
// remaining steps (waiting for the engine, drawing the report a piece per task) then stop.
import { nextTask } from '../../dom.js';
import { state, changed } from '../../state.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t } from '../../i18n.js';
import { setStatus, markStale } from '../../status.js';
import { editorText, focusEditor, BIG_EDIT } from '../input/editor.js';
import { persistText, recordAnalysis } from '../library/save.js';
import { prepareCharts } from '../charts/warm-up.js';
import { bridge, SupersededError, CancelledError, StalledError, CrashError } from './worker-bridge.js';
import { showReport } from './show-report.js';
import { writeStartHint } from './start-hint.js';

/** @type {AbortController | null} the newest run's */
let current = null;
let debounce = 0;

/** The options of the next analysis: the keyword settings and the user's reference date. */
export function analysisOptions() {
  /** @type {import('../../types/report').AnalysisOptions} */
  const o = { ...state.kwOptions };
  if (state.userDct) o.dct = state.userDct;
  if (state.shared && state.shared.lang !== 'auto') o.lang = state.shared.lang;
  return o;
}

/** Analyzes the editor's text in `delay` ms (an edit meanwhile starts the wait again). */
export function schedule(delay = 300) {
  clearTimeout(debounce);
  debounce = window.setTimeout(run, delay);
}

/** Draws the last report again (e.g. in another language), unless a newer run is under way. */
export function redraw() {
  if (state.report && current) showReport(current.signal);
}

/** Analyzes the editor's text now and shows the report. */
export async function run() {
  clearTimeout(debounce);
  current?.abort();
  const { signal } = (current = new AbortController());
  const text = editorText();
  const options = analysisOptions();
  const t0 = performance.now();
  await persistText(text);
  if (signal.aborted) return;
  const big = text.length > BIG_EDIT;
  const resultsFor = (/** @type {string} */ txt, /** @type {object} */ opts) => state.report !== null && state.text === txt
    && state.optionsKey === JSON.stringify(opts);
  // Over the engine's limit: said at once, with the sizes; the text stays (editor and library).
  if (bridge.features.maxInputBytes === undefined) {
    // The engine is still loading (right after opening the page): its limit is needed first.
    await Promise.race([bridge.ready, new Promise((r) => setTimeout(r, 15000))]);
    if (signal.aborted) return;
  }
  const max = bridge.features.maxInputBytes;
  if (max && text.length * 3 > max) {
    const bytes = text.length > max ? text.length : await utf8Bytes(text);
    if (signal.aborted) return;
    if (bytes > max) {
      setStatus('error', 'status.tooLarge', { size: (bytes / 1048576).toFixed(1), max: Math.round(max / 1048576),
        kept: state.id ? t('status.keptLibrary') : '' }, 'error');
      markStale(!!state.report);
      ui.progress.hidden = true;
      ui.cancel.hidden = true;
      return;
    }
  }
  setStatus('busy', 'status.analyzing');
  ui.progress.value = 0;
  ui.progress.hidden = !big;
  const showCancel = setTimeout(() => { ui.cancel.hidden = false; ui.progress.hidden = false; }, big ? 0 : 300);
  try {
    const analysis = bridge.analyze(text, options, (stage, f) => {
      ui.progress.value = f;
      ui.message.textContent = t('status.stage', { stage: t(`stage.${stage}`), pct: Math.round(f * 100) });
    });
    // Only while the first analysis is still running (not when boot.js's early one has answered:
    // at the first idle period the report is here and nothing is done).
    if (!state.report) prepareCharts();
    const { report, ms } = await analysis;
    performance.mark('ae:received');
    state.report = report;
    state.text = text;
    state.optionsKey = JSON.stringify(options);
    markStale(false);
    if (!(await showReport(signal))) return;
    performance.measure('ae:run', { start: t0, end: performance.now() });
    setStatus('ready', 'status.done', { chars: fmt(report.stats.characters), ms: ms.toFixed(1) });
    document.body.dataset.analyzed = String(Number(document.body.dataset.analyzed ?? 0) + 1);
    recordAnalysis(text, report);
    changed('report');
    writeStartHint(state.sampleId, options); // the next visit's early analysis (boot.js)
  } catch (e) {
    if (e instanceof SupersededError) return;
    if (e instanceof CancelledError) setStatus('cancelled', 'status.cancelled');
    else if (e instanceof StalledError) setStatus('error', 'status.stalled', { s: e.seconds }, 'error');
    else if (e instanceof CrashError) setStatus('error', 'status.crashed', { error: e.message }, 'error');
    else setStatus('error', 'status.failed', { error: /** @type {Error} */ (e).message }, 'error');
    markStale(!!state.report && !resultsFor(text, options));
  } finally {
    clearTimeout(showCancel);
    if (!bridge.busy) {
      const lost = document.activeElement === ui.cancel;
      ui.progress.hidden = true;
      ui.cancel.hidden = true;
      if (lost) focusEditor();
    }
    document.body.dataset.worker = String(bridge.generation);
  }
}


/** The size of `text` in UTF-8 bytes (what the engine's limit counts), computed in slices on a big text. */
async function utf8Bytes(/** @type {string} */ text) {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const stop = Math.min(text.length, i + (1 << 18)); // ~5 ms a slice
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 4;
        i++;
      } else n += 3;
    }
    if (i < text.length) await nextTask();
  }
  return n;
}
