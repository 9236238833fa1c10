// The comparison of two articles, loaded on first use (main.js loads it when the first charts are
// drawn, or when the pointer or the focus reaches the comparison's controls): keyness both ways
// from the engine's compare entry, and the dated events only in A, only in B and in both. The
// pickers are filled by main.js (with the library list). `app` is the page's context (main.js).
import { entryTitle } from './library.js';

function pickText(app, id) {
  if (!id) return { title: app.currentTitle(), text: app.editorText() };
  const e = app.entries.find((x) => x.id === id);
  return e ? { title: entryTitle(e), text: e.text } : null;
}

function eventKey(report, entry) {
  const x = report.timexes[entry.timex] ?? {};
  return `${entry.start_date}|${entry.end_date}|${x.type ?? ''}`;
}

/** Compares the two articles picked (`#cmp-a`, `#cmp-b`; none: the one in the editor). */
export async function runCompare(app) {
  const { ui, $, t } = app;
  const a = pickText(app, ui.cmpA.value);
  const b = pickText(app, ui.cmpB.value);
  document.getElementById('compare').scrollIntoView({ block: 'start' });
  if (!a || !b || ui.cmpA.value === ui.cmpB.value) {
    ui.compareMessage.textContent = t('compare.same');
    ui.compareBody.hidden = true;
    return;
  }
  ui.compareMessage.textContent = t('compare.running');
  document.body.dataset.compare = 'busy';
  try {
    const res = await app.bridge.compare(a.text, b.text, { ...app.state.kwOptions });
    const [ra, rb] = res.reports;
    ui.compareBody.hidden = false;
    ui.compareMessage.textContent = `A: ${a.title} · B: ${b.title}`;
    // Keyness both ways, from the engine's compare entry when this build has it.
    const items = keynessItems(res.keyness);
    const box = $('box-keyness');
    if (items) {
      box.hidden = false;
      ui.keynessNote.textContent = t('compare.keynessNote');
      app.drawChart(ui.keynessChart, 'keyness', { aTitle: `A ${a.title.slice(0, 40)}`, bTitle: `B ${b.title.slice(0, 40)}`, items }, null);
    } else {
      box.hidden = true;
      ui.compareMessage.textContent += ` — ${t('compare.noKeyness')}`;
    }
    drawEvents(app, ra, rb, a.title, b.title);
    document.body.dataset.compare = 'ready';
  } catch (e) {
    if (e instanceof app.SupersededError) return;
    ui.compareMessage.textContent = e instanceof app.CancelledError ? t('status.cancelled') : t('status.failed', { error: e.message });
    document.body.dataset.compare = 'error';
  }
}

// The engine's comparison ({over_a, over_b}: src/keywords/compare.rs, `Comparison`) → rows
// {term, side, score, effect, countA, countB}, the 15 strongest each way, A's first.
function keynessItems(k) {
  if (!k) return null;
  const row = (x, side) => ({ term: x.term, side, score: Math.abs(x.log_likelihood), effect: x.log_ratio, countA: x.count_a, countB: x.count_b });
  const rows = [...k.over_a.slice(0, 15).map((x) => row(x, 'a')), ...k.over_b.slice(0, 15).map((x) => row(x, 'b'))];
  return rows.sort((x, y) => (x.side === y.side ? y.score - x.score : x.side === 'a' ? -1 : 1));
}

const EVENTS_SHOWN = 300;

function drawEvents(app, ra, rb, titleA, titleB) {
  const { elt, fmt, $, t } = app;
  const keysA = new Map(ra.timeline.map((e) => [eventKey(ra, e), e]));
  const keysB = new Map(rb.timeline.map((e) => [eventKey(rb, e), e]));
  const label = (r, e) => {
    const x = r.timexes[e.timex] ?? {};
    const span = e.start_date === e.end_date ? e.start_date : `${e.start_date} … ${e.end_date}`;
    return `${span} — ${x.text ?? ''}`;
  };
  // At most EVENTS_SHOWN lines per list (two long texts share thousands of dates).
  const list = (ul, items) => ul.replaceChildren(...(items.length ? items.slice(0, EVENTS_SHOWN).map((s) => elt('li', { textContent: s }))
    : [elt('li', { class: 'muted', textContent: t('compare.noEvents') })]),
  ...(items.length > EVENTS_SHOWN ? [elt('li', { class: 'muted', textContent: t('compare.moreEvents', { n: fmt(items.length - EVENTS_SHOWN) }) })] : []));
  const onlyA = [...keysA].filter(([k]) => !keysB.has(k)).map(([, e]) => label(ra, e));
  const onlyB = [...keysB].filter(([k]) => !keysA.has(k)).map(([, e]) => label(rb, e));
  const both = [...keysA].filter(([k]) => keysB.has(k)).map(([k, e]) => `${label(ra, e)} / ${(rb.timexes[keysB.get(k).timex] ?? {}).text ?? ''}`);
  $('ev-a-h').textContent = t('compare.only', { title: `A ${titleA.slice(0, 40)}` });
  $('ev-b-h').textContent = t('compare.only', { title: `B ${titleB.slice(0, 40)}` });
  list($('ev-a'), onlyA);
  list($('ev-b'), onlyB);
  list($('ev-both'), both);
  $('ev-a').dataset.count = String(onlyA.length);
  $('ev-b').dataset.count = String(onlyB.length);
  $('ev-both').dataset.count = String(both.length);
}
