// Before the first drawing, in idle periods of the main thread while the first analysis runs
// (requestIdleCallback), one step per period: the chart instances are made (prepare()) and each
// kind is drawn once off-screen (warmUp()). What is not done when the drawing starts is left to
// it; the drawing never waits for these steps (a step runs only when nothing else is waiting),
// and without requestIdleCallback they are not done at all.
import { state } from '../../state.js';
import { ui } from '../../elements.js';
import { prepare, warmUp } from './charts.js';

let preparing = false;

/** Prepares the charts in idle periods until the first report is here. */
export async function prepareCharts() {
  if (preparing || typeof requestIdleCallback !== 'function') return;
  preparing = true;
  const charts = { keywords: ui.keywordChart, dispersion: ui.dispersionChart, timeline: ui.timelineChart, sections: ui.sectionsChart };
  const steps = [...Object.values(charts).map((elem) => () => prepare(elem)),
    .../** @type {Array<keyof typeof charts>} */ (Object.keys(charts)).map((kind) => () => warmUp(kind))];
  for (const step of steps) {
    await new Promise((r) => requestIdleCallback(r));
    if (state.report) return;
    step();
  }
}
