// The comparison of two articles (in the lazy chunk, later.js): keyness both ways from the
// engine's compare entry, and the dated events only in A, only in B and in both. The pickers are
// filled by pickers.js.
import { state } from '../../state.js';
import { $, elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t } from '../../i18n.js';
import { bridge, SupersededError, CancelledError } from '../analysis/worker-bridge.js';
import { editorText } from '../input/editor.js';
import { currentTitle } from '../library/title.js';
import { entryTitle } from '../library/library.js';
import { drawChart } from '../charts/chart-boxes.js';

/** @typedef {import('../../types/report').Report} Report */
/** @typedef {import('../../types/report').TimelineEntry} TimelineEntry */

/** The title and text of the article picked as `id` (none: the one in the editor). */
function pickText(/** @type {string} */ id) {
  if (!id) return { title: currentTitle(), text: editorText() };
  const e = state.entries.find((x) => x.id === id);
  return e ? { title: entryTitle(e), text: e.text } : null;
}

function eventKey(/** @type {Report} */ report, /** @type {TimelineEntry} */ entry) {
  const x = report.timexes[entry.timex] ?? {};
  return `${entry.start_date}|${entry.end_date}|${x.type ?? ''}`;
}

/** Compares the two articles picked (`#cmp-a`, `#cmp-b`; none: the one in the editor). */
export async function runCompare() {
  const a = pickText(ui.cmpA.value);
  const b = pickText(ui.cmpB.value);
  $('compare').scrollIntoView({ block: 'start' });
  if (!a || !b || ui.cmpA.value === ui.cmpB.value) {
    ui.compareMessage.textContent = t('compare.same');
    ui.compareBody.hidden = true;
    return;
  }
  ui.compareMessage.textContent = t('compare.running');
  document.body.dataset.compare = 'busy';
  try {
    const res = await bridge.compare(a.text, b.text, { ...state.kwOptions });
    const [ra, rb] = res.reports;
    ui.compareBody.hidden = false;
    ui.compareMessage.textContent = `A: ${a.title} · B: ${b.title}`;
    // Keyness both ways, from the engine's compare entry when this build has it.
    const items = keynessItems(res.keyness);
    const box = $('box-keyness');
    if (items) {
      box.hidden = false;
      ui.keynessNote.textContent = t('compare.keynessNote');
      drawChart(ui.keynessChart, 'keyness', { aTitle: `A ${a.title.slice(0, 40)}`, bTitle: `B ${b.title.slice(0, 40)}`, items }, null);
    } else {
      box.hidden = true;
      ui.compareMessage.textContent += ` — ${t('compare.noKeyness')}`;
    }
    drawEvents(ra, rb, a.title, b.title);
    document.body.dataset.compare = 'ready';
  } catch (e) {
    if (e instanceof SupersededError) return;
    ui.compareMessage.textContent = e instanceof CancelledError ? t('status.cancelled') : t('status.failed', { error: /** @type {Error} */ (e).message });
    document.body.dataset.compare = 'error';
  }
}

// The engine's comparison ({over_a, over_b}: src/keywords/compare.rs, `Comparison`) → rows
// {term, side, score, effect, countA, countB}, the 15 strongest each way, A's first.
function keynessItems(/** @type {import('../../types/report').Comparison | null} */ k) {
  if (!k) return null;
  const row = (/** @type {import('../../types/report').KeynessRow} */ x, /** @type {'a' | 'b'} */ side) => ({
    term: x.term, side, score: Math.abs(x.log_likelihood), effect: x.log_ratio, countA: x.count_a, countB: x.count_b });
  const rows = [...k.over_a.slice(0, 15).map((x) => row(x, 'a')), ...k.over_b.slice(0, 15).map((x) => row(x, 'b'))];
  return rows.sort((x, y) => (x.side === y.side ? y.score - x.score : x.side === 'a' ? -1 : 1));
}

const EVENTS_SHOWN = 300;

function drawEvents(/** @type {Report} */ ra, /** @type {Report} */ rb, /** @type {string} */ titleA, /** @type {string} */ titleB) {
  const keysA = new Map(ra.timeline.map((e) => [eventKey(ra, e), e]));
  const keysB = new Map(rb.timeline.map((e) => [eventKey(rb, e), e]));
  const label = (/** @type {Report} */ r, /** @type {TimelineEntry} */ e) => {
    const x = r.timexes[e.timex] ?? {};
    const span = e.start_date === e.end_date ? e.start_date : `${e.start_date} … ${e.end_date}`;
    return `${span} — ${x.text ?? ''}`;
  };
  // At most EVENTS_SHOWN lines per list (two long texts share thousands of dates).
  const list = (/** @type {HTMLElement} */ ul, /** @type {string[]} */ items) => ul.replaceChildren(
    ...(items.length ? items.slice(0, EVENTS_SHOWN).map((s) => elt('li', { textContent: s }))
    : [elt('li', { class: 'muted', textContent: t('compare.noEvents') })]),
  ...(items.length > EVENTS_SHOWN ? [elt('li', { class: 'muted', textContent: t('compare.moreEvents', { n: fmt(items.length - EVENTS_SHOWN) }) })] : []));
  const onlyA = [...keysA].filter(([k]) => !keysB.has(k)).map(([, e]) => label(ra, e));
  const onlyB = [...keysB].filter(([k]) => !keysA.has(k)).map(([, e]) => label(rb, e));
  const both = [...keysA].filter(([k]) => keysB.has(k)).map(([k, e]) => `${label(ra, e)} / ${rb.timexes[/** @type {TimelineEntry} */ (keysB.get(k)).timex]?.text ?? ''}`);
  $('ev-a-h').textContent = t('compare.only', { title: `A ${titleA.slice(0, 40)}` });
  $('ev-b-h').textContent = t('compare.only', { title: `B ${titleB.slice(0, 40)}` });
  list($('ev-a'), onlyA);
  list($('ev-b'), onlyB);
  list($('ev-both'), both);
  $('ev-a').dataset.count = String(onlyA.length);
  $('ev-b').dataset.count = String(onlyB.length);
  $('ev-both').dataset.count = String(both.length);
}
