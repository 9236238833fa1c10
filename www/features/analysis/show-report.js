// Showing a finished analysis in every pane: the summary, the warnings, the outline and the
// reading pane at once, then the charts one per task, so no single task holds the page for long.
import { nextTask } from '../../dom.js';
import { state, watch } from '../../state.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t } from '../../i18n.js';
import { preloadLazy } from '../../lazy.js';
import { showReferenceDate } from '../input/reference-date.js';
import { showStats, showHeader } from '../reading/summary.js';
import { showWarnings } from '../reading/warnings.js';
import { showOutline } from '../reading/outline.js';
import { showReading, jumpToSentence, jumpToSection, sentenceAt, readingRendered } from '../reading/reading-pane.js';
import { prepare } from '../charts/charts.js';
import { drawChart } from '../charts/chart-boxes.js';
import { drawKeywords } from '../charts/keywords.js';
import {
  DRAW_DATES, DRAW_SECTIONS, findKeyword, evenSample, dispersionData, dispersionShown, timelineData, sectionsData, correctionList, loadMatcher,
} from '../charts/chart-data.js';


/** Draws the timeline chart of `report`, with the reader's corrections. */
function drawTimeline(/** @type {import('../../types/report').Report} */ report) {
  const tl = timelineData(report);
  const tlShown = evenSample(tl.entries, DRAW_DATES);
  drawChart(ui.timelineChart, 'timeline', tl, (entry) => jumpToSentence(ui.reading, entry.sentence),
    tlShown === tl.entries ? tl : { ...tl, entries: tlShown.map((e, index) => ({ ...e, index })) },
    tlShown === tl.entries ? '' : t('chart.sampled', { n: fmt(tlShown.length), total: fmt(tl.entries.length) }));
}

// The reader corrected the timeline (in its view): the chart and the reading pane's date marks
// show the corrections, the pane where the reader was.
watch('corrections', async () => {
  const { report, text } = state;
  if (!report || !state.firstDrawn) return;
  await loadMatcher();
  drawTimeline(report);
  const top = ui.reading.scrollTop;
  showReading(text, report, state.keyword ? findKeyword(state.keyword)?.occurrences ?? [] : []);
  await readingRendered();
  ui.reading.scrollTop = top;
});

/**
 * Draws the last report, a piece per task; resolves to false when `signal` was aborted (a newer
 * analysis started) before the drawing was done.
 */
export async function showReport(/** @type {AbortSignal} */ signal) {
  const { report, text } = state;
  if (!report) return false;
  showStats(report);
  showHeader(report);
  showReferenceDate(report);
  showWarnings(report);
  showOutline(report);
  const highlight = state.keyword ? findKeyword(state.keyword)?.occurrences ?? [] : [];
  if (state.keyword && !highlight.length) {
    ui.conc.hidden = true;
    state.keyword = null;
  }
  if (correctionList()) {
    await loadMatcher();
    if (signal.aborted) return false;
  }
  showReading(text, report, highlight);
  performance.measure('ae:draw-sync', 'ae:received');
  // The first chart's instance (ECharts' set-up and font lookup) in a task before it, when the
  // idle-time preparation (charts/warm-up.js) did not make it.
  await nextTask();
  if (signal.aborted) return false;
  if (prepare(ui.keywordChart)) {
    await nextTask();
    if (signal.aborted) return false;
  }
  drawKeywords();
  performance.measure('ae:draw-keywords', 'ae:received');
  await nextTask();
  if (signal.aborted) return false;

  performance.mark('ae:d0');
  const disp = dispersionData(report);
  drawChart(ui.dispersionChart, 'dispersion', disp, (item) => {
    if (item.section !== undefined) jumpToSection(ui.reading, item.section);
    else if (state.report) jumpToSentence(ui.reading, sentenceAt(state.report, item.offset));
  }, dispersionShown(disp), disp.sections.length > DRAW_SECTIONS ? t('chart.noBands', { total: fmt(disp.sections.length) }) : '');
  performance.measure('ae:draw-dispersion', 'ae:d0');
  await nextTask();
  if (signal.aborted) return false;

  performance.mark('ae:t0');
  if (report.timeline.length > DRAW_DATES) {
    // A long timeline's rows (every dated expression: ~11 000 for 10 MB, ~12 ms) in a task of their own.
    await nextTask();
    if (signal.aborted) return false;
  }
  drawTimeline(report);
  performance.measure('ae:draw-timeline', 'ae:t0');
  await nextTask();
  if (signal.aborted) return false;

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
  return !signal.aborted;
}
