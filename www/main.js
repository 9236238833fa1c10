// The page: input, the worker bridge, and drawing the report.
import { AnalysisBridge, CancelledError, SupersededError } from './worker-bridge.js';
import { drawKeywords, drawTimeline } from './charts.js';
import { renderReading, jumpToSentence } from './reading.js';
import { SAMPLES } from './samples.js';

const $ = (id) => document.getElementById(id);
const ui = {
  text: $('text'), sample: $('sample'), file: $('file'), dct: $('dct'), dctSource: $('dct-source'),
  progress: $('progress'), cancel: $('cancel'), message: $('message'), stats: $('stats'),
  keywordChart: $('keyword-chart'), timelineChart: $('timeline-chart'), reading: $('reading'),
};
const bridge = new AnalysisBridge();
const DRAFT_KEY = 'article-explorer:v1:draft';
let userDct = null; // set only when the user picks a date
let lastReport = null;
let lastText = '';
let debounce = 0;

function setState(state, message = '') {
  document.body.dataset.state = state;
  ui.message.textContent = message;
  ui.message.className = state === 'error' ? 'error' : '';
}

async function run() {
  const text = ui.text.value;
  try { localStorage.setItem(DRAFT_KEY, text); } catch { /* storage full or disabled: analysis still runs */ }
  setState('busy', 'Analyzing…');
  ui.progress.hidden = false;
  ui.progress.value = 0;
  const showCancel = setTimeout(() => { ui.cancel.hidden = false; }, 300);
  try {
    const { report, ms } = await bridge.analyze(text, userDct ? { dct: userDct } : {}, (stage, f) => {
      ui.progress.value = f;
      ui.message.textContent = `Analyzing… (${stage})`;
    });
    lastReport = report;
    lastText = text;
    draw(text, report);
    setState('ready', `Analyzed ${report.stats.characters.toLocaleString()} characters in ${ms.toFixed(1)} ms.`);
  } catch (e) {
    if (e instanceof SupersededError) return;
    if (e instanceof CancelledError) setState('cancelled', 'Analysis cancelled. Your text is unchanged.');
    else setState('error', e.message);
  } finally {
    clearTimeout(showCancel);
    if (!bridge.busy) {
      ui.progress.hidden = true;
      ui.cancel.hidden = true;
    }
  }
}

function draw(text, report) {
  const stats = [
    ['Characters', report.stats.characters], ['Words', report.stats.words], ['Sentences', report.stats.sentences],
    ['Paragraphs', report.stats.paragraphs], ['Sections', report.stats.sections], ['Dates', report.timexes.length],
  ];
  ui.stats.replaceChildren(...stats.map(([k, v]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = k;
    dd.textContent = v.toLocaleString();
    dd.dataset.stat = k.toLowerCase();
    div.append(dt, dd);
    return div;
  }));
  const rd = report.reference_date;
  ui.dctSource.textContent = rd.value
    ? ({ dateline: 'from the article’s dateline', caller: 'set by you', none: '' })[rd.source]
    : 'unknown: relative dates stay unresolved';
  if (rd.value && !userDct) ui.dct.value = rd.value;
  drawKeywords(ui.keywordChart, report.keywords, (k) => {
    renderReading(ui.reading, lastText, lastReport, k.occurrences);
    if (k.occurrences.length) {
      const first = k.occurrences[0].start;
      const idx = lastReport.sentences.findIndex((s) => s.end > first);
      jumpToSentence(ui.reading, idx);
    }
  });
  drawTimeline(ui.timelineChart, report, (entry) => jumpToSentence(ui.reading, entry.sentence));
  renderReading(ui.reading, text, report);
}

function schedule() {
  clearTimeout(debounce);
  debounce = setTimeout(run, 250);
}

async function loadFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  ui.text.value = new TextDecoder('utf-8').decode(bytes);
  run();
}

for (const s of SAMPLES) ui.sample.add(new Option(s.label, s.id));
ui.sample.add(new Option('(your text)', ''));
ui.sample.addEventListener('change', () => {
  const s = SAMPLES.find((x) => x.id === ui.sample.value);
  if (s) {
    ui.text.value = s.text;
    userDct = null;
    run();
  }
});
ui.text.addEventListener('input', () => {
  ui.sample.value = '';
  schedule();
});
ui.file.addEventListener('change', () => ui.file.files[0] && loadFile(ui.file.files[0]));
ui.dct.addEventListener('change', () => {
  userDct = ui.dct.value || null;
  run();
});
ui.cancel.addEventListener('click', () => bridge.cancel());

let draft = null;
try { draft = localStorage.getItem(DRAFT_KEY); } catch { /* ignore */ }
if (draft && !SAMPLES.some((s) => s.text === draft)) {
  ui.text.value = draft;
  ui.sample.value = '';
} else {
  ui.text.value = SAMPLES[0].text;
}
run();
