// The page: input (paste, files, samples, reference date), the worker bridge, the library in
// IndexedDB, and drawing the report (reading pane, charts, tables, exports, comparison).
import { AnalysisBridge, CancelledError, SupersededError, CrashError, StalledError } from './worker-bridge.js';
import { draw, prepare, warmUp, redrawAll, liveChart, pixelOf, isDark, drawnItems, CHART_KINDS, pngBlob, svgString } from './charts.js';
import { renderReading, renderOutline, jumpToSentence, jumpToSection, sentenceAt, readingRendered } from './reading.js';
import { Library, OffloadUnavailable, newId, entryTitle, firstLine } from './library.js';
import { t, applyI18n, setLang, initialLang, onLangChange, uiLang, hasString } from './i18n.js';
import { SAMPLES } from 'virtual:samples';
import { DEFAULT_KW_OPTIONS, writeStartHint } from './start-hint.js';

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'), sample: $('sample'), file: $('file'), newArticle: $('new-article'), drop: $('drop-zone'),
  dct: $('dct'), dctSource: $('dct-source'), dctReset: $('dct-reset'),
  progress: $('progress'), cancel: $('cancel'), message: $('message'), warnings: $('warnings'), stats: $('stats'),
  reading: $('reading'), outline: $('outline-list'),
  keywordChart: $('keyword-chart'), dispersionChart: $('dispersion-chart'), timelineChart: $('timeline-chart'),
  sectionsChart: $('sections-chart'), keynessChart: $('keyness-chart'), keywordsNote: $('keywords-note'),
  conc: $('concordance'), concHeading: $('conc-heading'), concBody: $('conc-body'), concClose: $('conc-close'),
  libList: $('library-list'), libMessage: $('lib-message'), libExport: $('lib-export'), libImport: $('lib-import'),
  cmpA: $('cmp-a'), cmpB: $('cmp-b'), compareBtn: $('compare-btn'), compareMessage: $('compare-message'),
  compareBody: $('compare-body'), keynessNote: $('keyness-note'),
  uiLang: $('ui-lang'), shortcutsBtn: $('shortcuts-btn'), shortcuts: $('shortcuts-dialog'), updateNote: $('update-note'),
  exportReport: $('export-report'),
};

const bridge = new AnalysisBridge();
// Long texts are written to the library by a worker (library-worker.js), so saving a 10 MB text
// does not hold the page; without it (it failed to start) they are written here.
let storage = null;
const storageCalls = new Map();
// `fieldsOnly`: the entry comes without its text, which is stored already (Library#saveFields).
function offloadSave(entry, { fieldsOnly = false, textLength = 0 } = {}) {
  if (storage === false) return Promise.reject(new OffloadUnavailable());
  if (!storage) {
    try {
      storage = new Worker(new URL('./library-worker.js', import.meta.url), { type: 'module' });
    } catch {
      storage = false;
      return Promise.reject(new OffloadUnavailable());
    }
    storage.onmessage = ({ data }) => {
      const call = storageCalls.get(data.id);
      storageCalls.delete(data.id);
      if (data.ok) call?.resolve();
      else call?.reject(Object.assign(new Error(data.message), { name: data.name }));
    };
    storage.onerror = (e) => {
      e.preventDefault();
      storage.terminate();
      storage = false;
      for (const call of storageCalls.values()) call.reject(new OffloadUnavailable());
      storageCalls.clear();
    };
  }
  const id = storageCalls.size + Date.now() + Math.random();
  return new Promise((resolve, reject) => {
    storageCalls.set(id, { resolve, reject });
    storage.postMessage(fieldsOnly ? { id, patch: entry, textLength } : { id, entry });
  });
}
const library = new Library(undefined, { offload: offloadSave });
let libraryOk = true;
let entries = []; // library entries, newest first
const state = {
  id: null, // library id of the text in the editor (null: a sample or nothing yet)
  sampleId: null, // the sample in the editor, while unedited
  userDct: null, // the reference date the user chose for this text
  report: null, text: '', // the last report and the text it describes
  optionsKey: null, // the options of that analysis (JSON)
  bigText: null, // a text too big for the text box (see BIG_EDIT), or null
  forceEdit: false, // the user chose to edit a big text in the text box anyway
  kwView: 'word',
  keyword: null, // the keyword whose occurrences are marked
  kwOptions: structuredClone(DEFAULT_KW_OPTIONS),
  chartData: new Map(), // chart element -> data
  firstDrawn: false,
};
let debounce = 0;

// ---- Small helpers ----------------------------------------------------------------------------
function elt(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k.startsWith('aria-') || k === 'role') e.setAttribute(k, v);
    else e[k] = v;
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}
// Counts with their digits in groups of three ("10,485,760"), as Intl.NumberFormat writes them for
// 'en' and 'zh-CN' alike, without it: a formatter's first use loads ICU's locale data (75 ms at
// load 4, in the first report's task), and Number#toLocaleString built a formatter per call.
const fmt = (n) => {
  const x = Number(n);
  if (!Number.isSafeInteger(x)) return x.toLocaleString(uiLang() === 'zh' ? 'zh-CN' : 'en');
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

let lastStatus = null; // {s, key, vars, kind}: redrawn in the new language when it changes

function setState(s, key = '', vars = {}, kind = '') {
  lastStatus = { s, key, vars, kind };
  document.body.dataset.state = s;
  ui.message.textContent = key ? t(key, vars) : '';
  ui.message.className = kind;
}

const currentTitle = () => {
  if (state.id) {
    const e = entries.find((x) => x.id === state.id);
    if (e) return entryTitle(e);
  }
  return state.report?.title?.text || firstLine(state.text).slice(0, 80) || 'article';
};

// ---- Analysis ---------------------------------------------------------------------------------
function analysisOptions() {
  const o = { ...state.kwOptions };
  if (state.userDct) o.dct = state.userDct;
  return o;
}

/** Saves the editor's text to the library (before analysis), creating an entry when needed. */
async function persistText(text) {
  if (!libraryOk || state.sampleId || !/\S/.test(text)) return;
  try {
    let e = state.id ? entries.find((x) => x.id === state.id) : null;
    // A text already in the library (opened again, or the same file dropped twice) reuses its entry.
    if (!e) e = entries.find((x) => x.text === text) ?? null;
    if (e && e.text === text && (e.dct ?? null) === state.userDct) {
      if (state.id !== e.id) {
        state.id = e.id;
        renderLibrary();
        await library.setSetting('current', e.id).catch(() => {});
      }
      return;
    }
    const now = Date.now();
    e = e ? { ...e, text, dct: state.userDct } : { id: newId(), text, dct: state.userDct, title: null, autoTitle: null, date: null,
      language: null, words: null, created: now, updated: now };
    e = await library.save(e);
    state.id = e.id;
    upsertEntry(e);
    await library.setSetting('current', e.id).catch(() => {});
  } catch (err) {
    showLibMessage(t('status.saveFailed', { error: err?.message ?? err }), 'error');
  }
}

// Texts longer than this stay out of the text box: the browser lays out a text area's whole
// content at once (measured in Chromium: ~0.1 s per 200 000 characters, 5–9 s for 10 MB, in one
// stretch that the long-task API does not even report), so a big paste or file would freeze the
// page. Such a text is held here and read in the (windowed) reading pane instead.
const BIG_EDIT = 200000;

/** The text being analyzed: the big text held outside the text box, else the text box's. */
const editorText = () => state.bigText ?? ui.text.value;

let bigNote = null; // the panel shown instead of the text box while a big text is held
function setEditorText(text) {
  state.forceEdit = false;
  if (text.length > BIG_EDIT) {
    state.bigText = text;
    ui.text.value = '';
  } else {
    state.bigText = null;
    ui.text.value = text;
  }
  showBigNote();
}

function showBigNote() {
  const big = state.bigText !== null;
  ui.text.hidden = big;
  if (!big) {
    bigNote?.remove();
    bigNote = null;
    return;
  }
  const text = state.bigText;
  const note = elt('div', { class: 'big-note', id: 'big-note', role: 'group', 'aria-labelledby': 'big-note-text' },
    elt('p', { id: 'big-note-text', textContent: t('big.note', { chars: fmt(text.length), size: sizeLabel(text.length) }) }),
    elt('p', {},
      elt('button', { type: 'button', id: 'big-edit', textContent: t('big.edit'), onclick: () => {
        state.forceEdit = true;
        const keep = state.bigText;
        state.bigText = null;
        showBigNote();
        ui.text.value = keep;
        ui.text.focus();
      } }), ' ',
      elt('button', { type: 'button', id: 'big-clear', textContent: t('big.clear'), onclick: newArticle })));
  if (bigNote) bigNote.replaceWith(note);
  else ui.text.after(note);
  bigNote = note;
}

/** Where the text is edited: the text box, or the big-text panel's first button. */
function focusEditor() {
  if (state.bigText !== null) $('big-edit')?.focus();
  else ui.text.focus();
}

// "10.0 MB" / "850 KB" for a count of characters or bytes
// (MB = 1024 × 1024, as in the engine's limit.)
const sizeLabel = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

// The text's size in UTF-8 bytes (what the engine's limit counts), computed in slices on a big text.
async function utf8Bytes(text) {
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

// Marks the reading pane and the charts as describing another text than the one in the editor
// (after a failure, a crash, a restart or a cancel), visibly and for screen readers.
function markStale(on) {
  document.body.dataset.stale = on ? 'true' : 'false';
  for (const pane of document.querySelectorAll('.reading-pane, .charts-pane')) {
    let note = pane.querySelector(':scope > .stale-note');
    if (!note) {
      note = elt('p', { class: 'stale-note', id: `stale-${pane.classList.contains('reading-pane') ? 'reading' : 'charts'}`, hidden: true });
      pane.querySelector('h2').after(note);
    }
    note.textContent = t('stale.note');
    note.hidden = !on;
    if (on) pane.setAttribute('aria-describedby', note.id);
    else pane.removeAttribute('aria-describedby');
  }
}

async function run() {
  clearTimeout(debounce);
  const seq = ++runSeq;
  const text = editorText();
  const options = analysisOptions();
  const t0 = performance.now();
  await persistText(text);
  if (seq !== runSeq) return;
  const big = text.length > BIG_EDIT;
  const resultsFor = (txt, opts) => state.report !== null && state.text === txt && state.optionsKey === JSON.stringify(opts);
  // Over the engine's limit: said at once, with the sizes; the text stays (editor and library).
  if (bridge.features.maxInputBytes === undefined) {
    // The engine is still loading (right after opening the page): its limit is needed first.
    await Promise.race([bridge.ready, new Promise((r) => setTimeout(r, 15000))]);
    if (seq !== runSeq) return;
  }
  const max = bridge.features.maxInputBytes;
  if (max && text.length * 3 > max) {
    const bytes = text.length > max ? text.length : await utf8Bytes(text);
    if (seq !== runSeq) return;
    if (bytes > max) {
      setState('error', 'status.tooLarge', { size: (bytes / 1048576).toFixed(1), max: Math.round(max / 1048576),
        kept: state.id ? t('status.keptLibrary') : '' }, 'error');
      markStale(!!state.report);
      ui.progress.hidden = true;
      ui.cancel.hidden = true;
      return;
    }
  }
  setState('busy', 'status.analyzing');
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
    if (!(await drawAll(seq))) return;
    performance.measure('ae:run', { start: t0, end: performance.now() });
    setState('ready', 'status.done', { chars: fmt(report.stats.characters), ms: ms.toFixed(1) });
    document.body.dataset.analyzed = String(Number(document.body.dataset.analyzed ?? 0) + 1);
    recordAnalysis(text, report);
    writeStartHint(state.sampleId, options); // the next visit's early analysis (boot.js)
  } catch (e) {
    if (e instanceof SupersededError) return;
    if (e instanceof CancelledError) setState('cancelled', 'status.cancelled');
    else if (e instanceof StalledError) setState('error', 'status.stalled', { s: e.seconds }, 'error');
    else if (e instanceof CrashError) setState('error', 'status.crashed', { error: e.message }, 'error');
    else setState('error', 'status.failed', { error: e.message }, 'error');
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

let runSeq = 0; // run() calls so far: a drawing of an older run stops when a newer one started

function schedule() {
  clearTimeout(debounce);
  debounce = setTimeout(run, 300);
}

async function recordAnalysis(text, report) {
  if (!state.id || !libraryOk) return;
  const e = entries.find((x) => x.id === state.id);
  if (!e || e.text !== text) return;
  const autoTitle = report.title?.text ?? null;
  const updated = { ...e, autoTitle, date: report.reference_date.value, language: report.language, words: report.stats.words };
  if (updated.autoTitle === e.autoTitle && updated.date === e.date && updated.words === e.words && updated.language === e.language) return;
  try {
    upsertEntry(await library.saveFields(updated));
  } catch (err) {
    showLibMessage(t('status.saveFailed', { error: err?.message ?? err }), 'error');
  }
}

const readingLabels = () => ({ empty: t('reading.empty'), earlier: t('reading.earlier'), later: t('reading.later') });

// ---- Drawing ----------------------------------------------------------------------------------
const nextTask = () => new Promise((r) => setTimeout(r, 0));

// Draws the whole report, a piece per task; false when a newer run (seq) started meanwhile.
async function drawAll(seq = runSeq) {
  const { report, text } = state;
  drawStats(report);
  drawHeader(report);
  drawDct(report);
  drawWarnings(report);
  renderOutline(ui.outline, report, (k) => jumpToSection(ui.reading, k), { opening: t('sections.opening'),
    earlier: (n) => t('outline.earlier', { n: fmt(n) }), later: (n) => t('outline.later', { n: fmt(n), total: fmt(report.sections.length) }) });
  const highlight = state.keyword ? findKeyword(state.keyword)?.occurrences ?? [] : [];
  if (state.keyword && !highlight.length) {
    ui.conc.hidden = true;
    state.keyword = null;
  }
  renderReading(ui.reading, text, report, highlight, readingLabels());
  performance.measure('ae:draw-sync', 'ae:received');
  // One chart per task, so no single task holds the page for long; the first chart's instance
  // (ECharts' set-up and font lookup) in a task before it when the idle-time preparation did not make it.
  await nextTask();
  if (seq !== runSeq) return false;
  if (prepare(ui.keywordChart)) {
    await nextTask();
    if (seq !== runSeq) return false;
  }
  drawKeywords();
  performance.measure('ae:draw-keywords', 'ae:received');
  await nextTask();
  if (seq !== runSeq) return false;
  performance.mark('ae:d0');
  const disp = dispersionData(report);
  // Thousands of section bands are sub-pixel wide and cost the chart more than its ticks: drawn
  // only while they can be seen.
  // Ticks closer than 1/DRAW_TICKS of the text fall on the same pixel: one of them is drawn.
  const binned = disp.terms.map((k) => {
    if (k.occurrences.length <= DRAW_TICKS) return k;
    let last = -1;
    const occurrences = k.occurrences.filter((o) => {
      const bin = Math.floor((o.start * DRAW_TICKS) / Math.max(1, disp.length));
      if (bin === last) return false;
      last = bin;
      return true;
    });
    return { ...k, occurrences };
  });
  const dispShown = { ...disp, terms: binned, sections: disp.sections.length > DRAW_SECTIONS ? [] : disp.sections };
  drawChart(ui.dispersionChart, 'dispersion', disp, (item) => {
    if (item.section !== undefined) jumpToSection(ui.reading, item.section);
    else jumpToSentence(ui.reading, sentenceAt(state.report, item.offset));
  }, dispShown,
  disp.sections.length > DRAW_SECTIONS ? t('chart.noBands', { total: fmt(disp.sections.length) }) : '');
  performance.measure('ae:draw-dispersion', 'ae:d0');
  await nextTask();
  if (seq !== runSeq) return false;
  performance.mark('ae:t0');
  const tl = timelineData(report);
  const tlShown = evenSample(tl.entries, DRAW_DATES);
  if (tl.entries.length > DRAW_DATES) {
    // A long timeline's rows (every dated expression: ~11 000 for 10 MB, ~12 ms) in a task of their own.
    await nextTask();
    if (seq !== runSeq) return false;
  }
  drawChart(ui.timelineChart, 'timeline', tl, (entry) => jumpToSentence(ui.reading, entry.sentence),
    tlShown === tl.entries ? tl : { ...tl, entries: tlShown.map((e, index) => ({ ...e, index })) },
    tlShown === tl.entries ? '' : t('chart.sampled', { n: fmt(tlShown.length), total: fmt(tl.entries.length) }));
  performance.measure('ae:draw-timeline', 'ae:t0');
  await nextTask();
  if (seq !== runSeq) return false;
  performance.mark('ae:s0');
  const secs = sectionsData(report);
  drawChart(ui.sectionsChart, 'sections', secs, (item) => jumpToSection(ui.reading, item.section),
    secs.sections.length > DRAW_SECTIONS ? { sections: secs.sections.slice(0, DRAW_SECTIONS) } : secs,
    secs.sections.length > DRAW_SECTIONS ? t('chart.firstSections', { n: fmt(DRAW_SECTIONS), total: fmt(secs.sections.length) }) : '');
  performance.measure('ae:draw-sections', 'ae:s0');
  if (!state.firstDrawn) {
    state.firstDrawn = true;
    performance.mark('ae:charts-drawn');
    preloadLazy(); // registers the Service Worker, then loads the lazy parts of the page
  }
  await readingRendered();
  return seq === runSeq;
}

// Before the first drawing, in idle periods of the main thread while the first analysis runs
// (requestIdleCallback), one step per period: the chart instances are made
// (prepare()) and each kind is drawn once off-screen (warmUp()). What is not done when the drawing
// starts is left to it; the drawing never waits for these steps (a step runs only when nothing else
// is waiting), and without requestIdleCallback they are not done at all.
let preparing = false;
async function prepareCharts() {
  if (preparing || typeof requestIdleCallback !== 'function') return;
  preparing = true;
  const charts = { keywords: ui.keywordChart, dispersion: ui.dispersionChart, timeline: ui.timelineChart, sections: ui.sectionsChart };
  const steps = [...Object.values(charts).map((elem) => () => prepare(elem)), ...Object.keys(charts).map((kind) => () => warmUp(kind))];
  for (const step of steps) {
    await new Promise((r) => requestIdleCallback(r));
    if (state.report) return;
    step();
  }
}

function drawStats(report) {
  const rows = [['characters', report.stats.characters], ['words', report.stats.words], ['sentences', report.stats.sentences],
    ['paragraphs', report.stats.paragraphs], ['sections', report.stats.sections], ['dates', report.timexes.length]];
  const items = rows.map(([k, v]) => elt('div', {}, elt('dt', { textContent: t(`stat.${k}`) }),
    elt('dd', { textContent: fmt(v), dataset: { stat: k } })));
  items.push(elt('div', {}, elt('dt', { textContent: t('stat.language') }),
    elt('dd', { textContent: t(`lang.${report.language}`), dataset: { stat: 'language' } })));
  ui.stats.replaceChildren(...items);
}

function drawHeader(report) {
  const el = $('header-fields');
  const fields = (report.header ?? []).filter((h) => h.value?.trim());
  el.replaceChildren(...fields.map((h) => elt('div', {},
    elt('dt', { textContent: hasString(`header.${h.field}`) ? t(`header.${h.field}`) : h.field.replace(/_/g, ' ') }),
    elt('dd', { textContent: h.value }))));
  el.hidden = fields.length === 0;
}

function drawDct(report) {
  const rd = report.reference_date;
  if (rd.source === 'dateline') {
    const quote = rd.span ? state.text.slice(rd.span.start, rd.span.end) : '';
    ui.dctSource.textContent = quote ? t('dct.dateline', { quote }) : t('dct.datelineNoQuote');
  } else if (rd.source === 'caller') {
    ui.dctSource.textContent = t('dct.caller');
  } else {
    ui.dctSource.textContent = t('dct.none');
  }
  ui.dctSource.dataset.source = rd.source;
  ui.dct.value = state.userDct ?? rd.value ?? '';
  ui.dctReset.hidden = !state.userDct;
}

function drawWarnings(report) {
  ui.warnings.replaceChildren(...report.warnings.map((w) => elt('li', { textContent: w })));
  ui.warnings.hidden = report.warnings.length === 0;
}

const KW_ARIA = { keywords: 'chart.aria.keywords', dispersion: 'chart.aria.dispersion', timeline: 'chart.aria.timeline',
  sections: 'chart.aria.sections', keyness: 'chart.aria.keyness' };

// A cheap identity of a chart's data, so an edit that leaves a chart unchanged does not redraw it.
function signature(kind, data) {
  const size = kind === 'dispersion' ? data.terms.reduce((a, k) => a + k.occurrences.length, 0)
    : kind === 'timeline' ? data.entries.length : 0;
  if (size > 20000) return null;
  // What the dispersion chart draws: the terms' ticks and the section bands, positions to 0.1 %
  // of the text (its D values only appear in the table, which always gets the new data).
  let drawn = data;
  if (kind === 'dispersion') {
    drawn = { len: Math.round(Math.log(Math.max(1, data.length)) * 1000), sections: data.sections.map((x) => [x.start, x.title]),
      terms: data.terms.map((k) => [k.term, k.occurrences.map((o) => o.start)]) };
  } else if (kind === 'keywords') {
    drawn = { view: data.view, items: data.items.slice(0, 20).map((k) => [k.term, k.count, k.score, k.variants]) };
  }
  return `${kind}|${uiLang()}|${isDark()}|${JSON.stringify(drawn)}`;
}

// A chart draws at most so many sections and dated expressions: more cannot be told apart on
// screen and cost the page long tasks (10 MB: ~2 000 sections, ~11 000 dates). Its table view and
// CSV / JSON exports always have all of them.
const DRAW_SECTIONS = 200;
const DRAW_DATES = 1000;
const DRAW_TICKS = 500;

// At most `n` items of `list`, evenly spread over it (the list itself when it is short enough).
function evenSample(list, n) {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]);
}

// Draws `shown` (the data or a lighter version of it) and keeps `data` for the table and exports;
// `note` says what the drawing leaves out.
function drawChart(elem, kind, data, onPick, shown = data, note = '') {
  const sig = signature(kind, shown);
  const same = sig !== null && state.chartData.get(elem)?.sig === sig;
  state.chartData.set(elem, { kind, data, onPick, sig });
  if (!same) draw(elem, kind, shown, onPick);
  let noteEl = elem.parentElement.querySelector(':scope > .chart-note');
  if (note && !noteEl) {
    noteEl = elt('p', { class: 'chart-note small muted' });
    elem.after(noteEl);
  }
  if (noteEl) {
    noteEl.textContent = note;
    noteEl.hidden = !note;
  }
  const n = kind === 'timeline' ? data.entries.length : 0;
  elem.setAttribute('aria-label', t(KW_ARIA[kind], { n, view: t(`keywords.${state.kwView === 'word' ? 'words' : state.kwView === 'phrase' ? 'phrases' : 'distinctive'}`) }));
  const box = elem.closest('.chart-box');
  // A table view is on only once chart-tools.js is loaded (its button is there).
  if (box?.dataset.table === 'on') mods.tools?.fillTable(app, box);
}

// Report → chart data.
function keywordItems(report, view) {
  const kws = report.keywords;
  let list;
  if (view === 'phrase') list = report.phrases ? report.phrases.map((i) => kws[i]) : kws.filter((k) => k.kind === 'phrase');
  else if (view === 'distinctive') list = (report.distinctive ?? []).map((i) => kws[i]).filter((k) => k?.keyness);
  else list = kws.filter((k) => k.kind === 'word');
  return list.filter(Boolean).map((k) => ({
    term: k.term, count: k.count, kind: k.kind, occurrences: k.occurrences,
    score: view === 'distinctive' ? k.keyness.log_likelihood : undefined,
    effect: k.keyness?.log_ratio,
    dispersion: k.dispersion?.juilland_d ?? undefined,
    variants: (k.variants?.length > 1 ? k.variants.map((v) => `${v.term} ${v.count}`).join(', ') : undefined)
      ?? (k.absorbs?.length ? k.absorbs.map((v) => `${v.term} ${v.count}`).join(', ') : undefined),
  }));
}

function drawKeywords() {
  const report = state.report;
  if (!report) return;
  const hasPhrases = (report.phrases?.length ?? report.keywords.filter((k) => k.kind === 'phrase').length) > 0;
  const hasDistinctive = (report.distinctive?.length ?? 0) > 0;
  document.querySelectorAll('[data-kw]').forEach((b) => {
    const v = b.dataset.kw;
    b.setAttribute('aria-pressed', String(v === state.kwView));
    b.disabled = (v === 'phrase' && !hasPhrases) || (v === 'distinctive' && !hasDistinctive);
  });
  if (state.kwView === 'phrase' && !hasPhrases) state.kwView = 'word';
  if (state.kwView === 'distinctive' && !hasDistinctive) state.kwView = 'word';
  const items = keywordItems(report, state.kwView);
  const langName = t(`lang.${report.language === 'zh' ? 'zh' : 'en'}`);
  ui.keywordsNote.textContent = items.length ? t(`keywords.note.${state.kwView}`, { lang: langName }) : t('keywords.none');
  drawChart(ui.keywordChart, 'keywords', { view: state.kwView, items }, (k) => openConcordance(k.term));
}

function dispersionData(report) {
  const terms = keywordItems(report, 'word').slice(0, 8).concat(keywordItems(report, 'phrase').slice(0, 4));
  const sections = report.sections.map((s) => ({ start: s.start, end: s.end, title: s.title }));
  const sectionOf = (off) => {
    let lo = 0;
    let hi = sections.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid].end <= off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    length: report.stats.utf16_length ?? state.text.length,
    sections,
    terms: terms.map((k) => {
      const perSection = sections.map(() => 0);
      const full = findKeyword(k.term);
      if (full?.dispersion?.sections?.length) {
        for (const [sec, n] of full.dispersion.sections) if (sec < perSection.length) perSection[sec] = n;
      } else {
        for (const o of k.occurrences) perSection[sectionOf(o.start)]++;
      }
      // The engine lists at most so many occurrences of a term (its count stays exact): say so.
      const label = k.count > k.occurrences.length ? `${k.term} (${k.occurrences.length}/${k.count})` : k.term;
      return { term: k.term, label, count: k.count, occurrences: k.occurrences, perSection, dispersion: k.dispersion };
    }),
  };
}

function timelineData(report) {
  return {
    entries: report.timeline.map((e, index) => {
      const x = report.timexes[e.timex] ?? {};
      return { index, text: x.text ?? '', value: x.end_value ? `${x.value}/${x.end_value}` : x.value ?? '', start: e.start_date, end: e.end_date,
        granularity: e.granularity, kind: e.kind, sentence: e.sentence, source: x.source, timex: e.timex };
    }),
    sentenceText: (i) => {
      const s = state.report.sentences[i];
      return s ? state.text.slice(s.start, s.end) : '';
    },
  };
}

function sectionsData(report) {
  const secs = report.sections.map((s) => ({ title: s.title, paragraphs: s.paragraph_count, sentences: 0, dates: 0,
    words: s.words ?? s.stats?.words }));
  const paraSection = report.paragraphs.map((p) => p.section);
  const sentSection = report.sentences.map((s) => paraSection[s.paragraph] ?? 0);
  sentSection.forEach((k) => { if (secs[k]) secs[k].sentences++; });
  report.timexes.forEach((x) => { const k = sentSection[x.sentence]; if (secs[k]) secs[k].dates++; });
  if (secs.every((s) => s.words === undefined)) secs.forEach((s) => delete s.words);
  return { sections: secs };
}

function findKeyword(term) {
  return state.report?.keywords.find((k) => k.term === term);
}

// ---- Concordance (concordance.js) -------------------------------------------------------------
const openConcordance = (term) => lazy('conc', 'openConcordance', term);

// ---- Chart tools: table view and exports (chart-tools.js) --------------------------------------
function chartName(box) {
  return box.querySelector('figcaption span')?.textContent ?? box.dataset.chart;
}

function buildToolbars() {
  document.querySelectorAll('.chart-box').forEach((box) => {
    const bar = box.querySelector('.chart-tools');
    const name = chartName(box);
    const table = elt('button', { type: 'button', dataset: { tool: 'table' }, 'aria-pressed': box.dataset.table === 'on' ? 'true' : 'false',
      textContent: t('tools.table'), 'aria-label': t('tools.tableAria', { chart: name }), onclick: () => lazy('tools', 'setTableMode', box, box.dataset.table !== 'on') });
    const dl = ['png', 'svg', 'csv', 'json'].map((f) => elt('button', { type: 'button', dataset: { tool: f }, textContent: t(`tools.${f}`),
      'aria-label': t('tools.dlAria', { chart: name, format: f.toUpperCase() }), onclick: () => lazy('tools', 'exportChart', box, f) }));
    bar.replaceChildren(table, ...dl);
  });
}

// ---- Reading-pane navigation ------------------------------------------------------------------
function stepSection(dir) {
  if (!state.report) return;
  const heads = [...ui.reading.querySelectorAll('[data-section]')];
  const top = ui.reading.getBoundingClientRect().top;
  let idx = heads.findIndex((h) => h.getBoundingClientRect().top > top + 4);
  if (idx < 0) idx = heads.length;
  const target = dir > 0 ? heads[idx] : heads[Math.max(0, idx - 2)];
  if (target) jumpToSection(ui.reading, Number(target.dataset.section));
}

// ---- Library ----------------------------------------------------------------------------------
function upsertEntry(e) {
  entries = [e, ...entries.filter((x) => x.id !== e.id)].sort((a, b) => b.updated - a.updated);
  renderLibrary();
}

function showLibMessage(text, kind = '', action = null) {
  ui.libMessage.replaceChildren(text, ...(action ? [' ', action] : []));
  ui.libMessage.className = `small ${kind}`;
}

function renderLibrary() {
  if (!libraryOk) {
    ui.libList.replaceChildren(elt('li', { class: 'muted small', textContent: t('library.unavailable') }));
    fillComparePickers();
    return;
  }
  if (!entries.length) {
    ui.libList.replaceChildren(elt('li', { class: 'muted small', textContent: t('library.empty') }));
    fillComparePickers();
    return;
  }
  ui.libList.replaceChildren(...entries.map((e) => {
    const title = entryTitle(e);
    const meta = t('library.meta', { date: e.date ?? t('library.noDate'), words: e.words === null || e.words === undefined ? '…' : fmt(e.words),
      lang: e.language ? t(`lang.${e.language}`) : '…' });
    const open = elt('button', { type: 'button', class: 'link entry-title', textContent: title, onclick: () => openEntry(e.id) });
    const li = elt('li', { dataset: { id: e.id } }, open, elt('span', { class: 'small muted entry-meta', textContent: meta }),
      elt('span', { class: 'entry-actions' },
        elt('button', { type: 'button', class: 'small-btn', textContent: t('library.rename'), 'aria-label': `${t('library.rename')}: ${title}`,
          onclick: () => lazy('lib', 'startRename', li, e) }),
        elt('button', { type: 'button', class: 'small-btn', textContent: t('library.delete'), 'aria-label': `${t('library.delete')}: ${title}`,
          onclick: () => lazy('lib', 'deleteEntry', e) })));
    if (e.id === state.id) {
      li.setAttribute('aria-current', 'true');
      li.classList.add('current');
    }
    return li;
  }));
  fillComparePickers();
}

async function openEntry(id) {
  const e = entries.find((x) => x.id === id) ?? (await library.get(id));
  if (!e) return;
  state.id = e.id;
  state.sampleId = null;
  state.userDct = e.dct ?? null;
  state.keyword = null;
  ui.conc.hidden = true;
  setEditorText(e.text);
  ui.sample.value = '';
  library.setSetting('current', e.id).catch(() => {});
  renderLibrary();
  run();
}

function fillComparePickers() {
  const opts = () => [elt('option', { value: '', textContent: t('compare.current') }),
    ...entries.map((e) => elt('option', { value: e.id, textContent: entryTitle(e) }))];
  const [a, b] = [ui.cmpA.value, ui.cmpB.value];
  ui.cmpA.replaceChildren(...opts());
  ui.cmpB.replaceChildren(...opts());
  ui.cmpA.value = entries.some((e) => e.id === a) ? a : '';
  ui.cmpB.value = entries.some((e) => e.id === b) ? b : (entries.find((e) => e.id !== state.id)?.id ?? '');
}

// ---- Comparison (compare.js) ------------------------------------------------------------------
const runCompare = () => lazy('compare', 'runCompare');

// ---- Input ------------------------------------------------------------------------------------
function fillSamples() {
  const keep = ui.sample.value;
  ui.sample.replaceChildren(elt('option', { value: '', textContent: t('input.yourText') }),
    ...SAMPLES.map((s) => elt('option', { value: s.id, textContent: t(`sample.${s.id}`) === `sample.${s.id}` ? s.id : t(`sample.${s.id}`) })));
  ui.sample.value = keep;
}

// Samples other than the default one arrive with their first use (virtual:samples, build-site.mjs).
let sampleSeq = 0;
async function loadSample(id) {
  const s = SAMPLES.find((x) => x.id === id);
  if (!s) return;
  const seq = ++sampleSeq;
  if (s.text === undefined) {
    try {
      s.text = await s.load();
    } catch (e) {
      if (seq === sampleSeq) setState('error', 'status.failed', { error: e.message }, 'error');
      return;
    }
    if (seq !== sampleSeq) return; // another sample was picked meanwhile
  }
  state.sampleId = s.id;
  state.id = null;
  state.userDct = null;
  state.keyword = null;
  ui.conc.hidden = true;
  setEditorText(s.text);
  ui.sample.value = s.id;
  library.setSetting('current', `sample:${s.id}`).catch(() => {});
  renderLibrary();
  run();
}

function newArticle() {
  state.id = null;
  state.sampleId = null;
  state.userDct = null;
  state.keyword = null;
  ui.conc.hidden = true;
  setEditorText('');
  ui.sample.value = '';
  renderLibrary();
  ui.text.focus();
}

// Picked or dropped files: open-file.js (with decode.js).
const openFile = (file) => lazy('file', 'openFile', file);

ui.sample.addEventListener('change', () => (ui.sample.value ? loadSample(ui.sample.value) : null));
ui.newArticle.addEventListener('click', newArticle);
function leaveSample() {
  if (state.sampleId) {
    state.sampleId = null;
    state.id = null;
    ui.sample.value = '';
  }
}
ui.text.addEventListener('input', () => {
  leaveSample();
  if (state.bigText !== null) {
    // The text box was given a new text (by a script or an extension): it is the text now.
    state.bigText = null;
    showBigNote();
  }
  // A text that grew past the text box's comfortable size (typed, dragged in) moves out of it.
  if (!state.forceEdit && ui.text.value.length > BIG_EDIT) {
    setEditorText(ui.text.value);
    run();
    return;
  }
  schedule();
});
// A big paste never enters the text box (see BIG_EDIT): it is spliced into the text here.
ui.text.addEventListener('paste', (e) => {
  const pasted = e.clipboardData?.getData('text/plain') ?? '';
  const v = ui.text.value;
  const a = ui.text.selectionStart ?? v.length;
  const b = ui.text.selectionEnd ?? a;
  if (state.forceEdit || v.length - (b - a) + pasted.length <= BIG_EDIT) return;
  e.preventDefault();
  replaceByPaste(v.slice(0, a) + pasted + v.slice(b));
});
// A paste while a big text is shown (the panel has the focus) replaces it.
ui.drop.addEventListener('paste', (e) => {
  if (state.bigText === null || !e.target.closest?.('#big-note')) return;
  const pasted = e.clipboardData?.getData('text/plain') ?? '';
  if (!pasted) return;
  e.preventDefault();
  replaceByPaste(pasted);
});
function replaceByPaste(text) {
  leaveSample();
  setEditorText(text);
  focusEditor();
  // In a task of its own: the paste's task already spent its time taking the text from the clipboard.
  clearTimeout(debounce);
  debounce = setTimeout(run, 0);
}
ui.text.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});
ui.file.addEventListener('change', () => {
  if (ui.file.files[0]) openFile(ui.file.files[0]);
  ui.file.value = '';
});
for (const target of [ui.drop, ui.reading]) {
  target.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    ui.drop.classList.add('dragging');
  });
  target.addEventListener('dragleave', () => ui.drop.classList.remove('dragging'));
  target.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files?.[0];
    ui.drop.classList.remove('dragging');
    if (!f) return;
    e.preventDefault();
    openFile(f);
  });
}
ui.dct.addEventListener('change', () => {
  state.userDct = ui.dct.value || null;
  run();
});
ui.dctReset.addEventListener('click', () => {
  state.userDct = null;
  run();
  ui.dct.focus();
});
ui.cancel.addEventListener('click', () => bridge.cancel());
ui.concClose.addEventListener('click', async () => {
  await lazy('conc', 'closeConcordance');
  ui.keywordChart.closest('.chart-box').focus();
});
document.querySelectorAll('[data-kw]').forEach((b) => b.addEventListener('click', () => {
  state.kwView = b.dataset.kw;
  drawKeywords();
}));
ui.exportReport.addEventListener('click', () => lazy('tools', 'exportReport'));
ui.compareBtn.addEventListener('click', runCompare);
// Rename, delete, export and import: library-ui.js.
ui.libExport.addEventListener('click', () => lazy('lib', 'exportLibrary'));
ui.libImport.addEventListener('change', () => {
  const f = ui.libImport.files[0];
  ui.libImport.value = '';
  if (f) lazy('lib', 'importLibrary', f);
});

$('conc-form')?.addEventListener('submit', (e) => {
  e.preventDefault();
  openConcordance($('conc-query').value);
});

// Keyword settings (persisted in the library's settings store).
const kwForm = $('kw-settings');
kwForm?.addEventListener('submit', (e) => {
  e.preventDefault();
  lazy('tools', 'applyKeywordSettings');
});
function fillKwForm() {
  if (!kwForm) return;
  $('stop-add').value = state.kwOptions.stopwords_add.join('\n');
  $('stop-remove').value = state.kwOptions.stopwords_remove.join('\n');
  $('keep-numbers').checked = !!state.kwOptions.keep_numbers;
  $('user-words').value = (state.kwOptions.user_words ?? []).join('\n');
}

// ---- Keyboard ---------------------------------------------------------------------------------
const focusBox = (id) => {
  const box = $(id);
  box.scrollIntoView({ block: 'start' });
  box.focus({ preventScroll: true });
};
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && bridge.busy) {
    bridge.cancel();
    return;
  }
  const tag = e.target?.tagName;
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.target?.isContentEditable || ui.shortcuts.open) return;
  const actions = {
    '?': () => ui.shortcuts.showModal(),
    t: focusEditor,
    o: () => ui.file.click(),
    n: newArticle,
    s: () => ui.sample.focus(),
    r: () => ui.reading.focus(),
    k: () => focusBox('box-keywords'),
    d: () => focusBox('box-dispersion'),
    l: () => focusBox('box-timeline'),
    g: () => focusBox('box-sections'),
    f: () => $('conc-query').focus(),
    c: runCompare,
    v: () => lazy('tools', 'toggleAllTables'),
    '[': () => stepSection(-1),
    ']': () => stepSection(1),
  };
  const f = actions[e.key];
  if (f) {
    e.preventDefault();
    f();
  }
});
ui.shortcutsBtn.addEventListener('click', () => ui.shortcuts.showModal());

// ---- Theme, language, offline -----------------------------------------------------------------
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => redrawAll());
ui.uiLang.addEventListener('change', () => setLang(ui.uiLang.value));
onLangChange(() => {
  ui.uiLang.value = uiLang(); // the Chinese strings load first: the switch may come a moment later
  if (lastStatus && !bridge.busy) setState(lastStatus.s, lastStatus.key, lastStatus.vars, lastStatus.kind);
  if (document.body.dataset.stale === 'true') markStale(true);
  if (state.bigText !== null) showBigNote();
  buildToolbars();
  fillSamples();
  renderLibrary();
  if (state.report) drawAll();
});

// The Service Worker (sw.js) precaches the whole site, lazy chunks included. It is registered once
// the first charts are drawn (or 4 s after the load event, whichever comes first), so its
// downloads never compete with what the first visit needs (dist/sizes.json: precache_gzip).
// Returns a promise settled once the worker's script has been fetched (or at once without one).
let swRegistered = null;
function registerOffline() {
  if (swRegistered) return swRegistered;
  swRegistered = !('serviceWorker' in navigator) || location.protocol === 'file:' ? Promise.resolve()
    : navigator.serviceWorker.register('./sw.js').catch(() => { /* no offline copy; the page still works online */ });
  return swRegistered;
}
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const hadController = !!navigator.serviceWorker.controller;
  window.addEventListener('load', () => setTimeout(registerOffline, 4000), { once: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) return; // the first install: nothing to reload
    ui.updateNote.textContent = t('update.ready');
    ui.updateNote.hidden = false;
  });
}

// Automation hook for the browser tests and for scripting the page: where a chart item is drawn.
window.articleExplorer = {
  timelinePoint(index) {
    const cd = state.chartData.get(ui.timelineChart);
    const e = cd?.data.entries[index];
    if (!e) return null;
    ui.timelineChart.scrollIntoView({ block: 'center' });
    const series = ['explicit', 'relative', 'domain'].indexOf(e.kind);
    const ms = Date.parse(`${e.start}T00:00:00Z`);
    const p = pixelOf(ui.timelineChart, series, [ms, e.sentence + 1]);
    if (!p) return null;
    const r = ui.timelineChart.getBoundingClientRect();
    return { x: r.left + p[0] + (e.start === e.end ? 0 : 2), y: r.top + p[1], sentence: e.sentence };
  },
  keywordBar(index) {
    const cd = state.chartData.get(ui.keywordChart);
    const top = cd?.data.items.slice(0, 20);
    const k = top?.[index];
    if (!k) return null;
    ui.keywordChart.scrollIntoView({ block: 'center' });
    const value = cd.data.view === 'distinctive' ? k.score : k.count;
    const p = pixelOf(ui.keywordChart, 0, [value / 2, top.length - 1 - index]);
    const r = ui.keywordChart.getBoundingClientRect();
    return p && { x: r.left + p[0], y: r.top + p[1], term: k.term };
  },
  features: () => ({ ...bridge.features }),
  /** Whether the first report came from the analysis boot.js asked for before the page loaded. */
  answeredEarly: () => bridge.answeredEarly,
  /** The text being analyzed (a big text is held outside the text box). */
  editorText: () => editorText(),
  // Failure drills: the worker's silence limit ({baseMs, perMbMs}), and a worker that dies silently.
  setWatchdog: (w) => Object.assign(bridge.watchdog, w),
  drillSilentDeath: () => bridge.drillSilentDeath(),
  chartKind: (id) => liveChart($(id))?.kind ?? null,
  /** How many items the chart in element `id` draws now (a series hidden by its legend draws none). */
  drawnItems: (id) => drawnItems($(id)),
};

// ---- Lazy parts -------------------------------------------------------------------------------
// What the first view (the sample analyzed, its charts, the reading pane, the outline) does not
// need is a chunk of its own (docs/weight.md, "Session 4 (helper-17)"), loaded on first use and
// before it: in an idle period once the first charts are drawn (preloadLazy), and when the
// pointer or the focus reaches one of its controls. A control used before its chunk has arrived
// waits for it (a few milliseconds from the cache); once loaded, `mods[name]` is called at once.
const LAZY = {
  tools: () => import('./chart-tools.js'),
  conc: () => import('./concordance.js'),
  file: () => import('./open-file.js'),
  lib: () => import('./library-ui.js'),
  compare: () => import('./compare.js'),
};
// Where the pointer or the focus announces a lazy part: [selector, chunk].
const LAZY_CONTROLS = [['.chart-box', 'tools'], ['#conc-form, #box-keywords, #concordance', 'conc'],
  ['#file-label, #drop-zone, #reading', 'file'], ['.library', 'lib'], ['.library, #compare', 'compare']];
const mods = {};
const loading = {};
function load(name) {
  loading[name] ??= LAZY[name]().then((m) => (mods[name] = m), (e) => {
    delete loading[name]; // offline without the Service Worker's copy: the next use tries again
    throw e;
  });
  return loading[name];
}
// Calls `fn` of the chunk `name` with the page's context and `args`: at once when the chunk is
// loaded, once it is otherwise (a failed load is said in the status line).
function lazy(name, fn, ...args) {
  if (mods[name]) return mods[name][fn](app, ...args);
  return load(name).then((m) => m[fn](app, ...args), (e) => setState('error', 'status.failed', { error: e.message }, 'error'));
}
// Once the first charts are drawn: after the Service Worker's script has been asked for (its
// registration settles), or at most PRELOAD_WAIT ms (a registration waits for an install still
// running, e.g. a reload right after the first visit), then in an idle period (or PRELOAD_WAIT).
const PRELOAD_WAIT = 500;
let preloaded = false;
function preloadLazy() {
  if (preloaded) return;
  preloaded = true;
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 50));
  Promise.race([registerOffline(), new Promise((r) => setTimeout(r, PRELOAD_WAIT))]).then(() => idle(() => {
    for (const name of Object.keys(LAZY)) load(name).catch(() => {});
  }, { timeout: PRELOAD_WAIT }));
}
const warmLazy = (e) => {
  for (const [sel, name] of LAZY_CONTROLS) if (e.target.closest?.(sel)) load(name).catch(() => {});
};
document.addEventListener('pointerover', warmLazy, { passive: true });
document.addEventListener('focusin', warmLazy);
document.addEventListener('dragenter', warmLazy);
// The page's context for the lazy chunks: they take it as an argument and never import main.js
// (nor charts.js or i18n.js, which would then be split out of main.js's chunk: ~0.8 KB gzip more).
const app = {
  t, CHART_KINDS, pngBlob, svgString, ui, state, bridge, library, $, elt, fmt, setState, currentTitle, editorText, analysisOptions,
  setEditorText, run, readingLabels, findKeyword, drawChart, renderLibrary, upsertEntry, showLibMessage,
  renderReading, sentenceAt, jumpToSentence, jumpToSection, SupersededError, CancelledError,
  get entries() { return entries; },
  set entries(v) { entries = v; },
  openConcordance,
};

// ---- Start ------------------------------------------------------------------------------------
async function start() {
  bridge.onReady = () => { document.body.dataset.engine = 'ready'; };
  bridge.warm(); // the engine loads while the page opens the library
  setLang(initialLang());
  ui.uiLang.value = uiLang();
  applyI18n();
  buildToolbars();
  fillSamples();
  let current = null;
  try {
    // Three read-only transactions at once, not one after the other (the page waits for them).
    let kw;
    [entries, current, kw] = await Promise.all([library.list(), library.getSetting('current'), library.getSetting('keywordOptions')]);
    if (kw && Array.isArray(kw.stopwords_add) && Array.isArray(kw.stopwords_remove)) {
      state.kwOptions = { ...state.kwOptions, ...kw, user_words: Array.isArray(kw.user_words) ? kw.user_words : [] };
    }
    if (library.corrupt) showLibMessage(t('library.corrupt', { n: library.corrupt }), 'error');
  } catch {
    libraryOk = false;
  }
  fillKwForm();
  renderLibrary();
  const entry = typeof current === 'string' ? entries.find((e) => e.id === current) : null;
  if (entry) {
    await openEntry(entry.id);
  } else {
    const sid = typeof current === 'string' && current.startsWith('sample:') ? current.slice(7) : null;
    loadSample(SAMPLES.some((s) => s.id === sid) ? sid : SAMPLES[0].id);
  }
}
start();
