// The concordance panel (in the lazy chunk, later.js): every line of a keyword, or of any word or
// phrase searched for, with the occurrences marked in the reading pane.
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { setStatus } from '../../status.js';
import { bridge, SupersededError, CancelledError } from '../analysis/worker-bridge.js';
import { analysisOptions } from '../analysis/run.js';
import { findKeyword } from '../charts/chart-data.js';
import { showReading, sentenceAt, jumpToSentence } from './reading-pane.js';

const CONC_LIMIT = 300;

/** Opens the concordance of `term` (a keyword, or any word or phrase the user searches for). */
export async function openConcordance(/** @type {string} */ term) {
  const report = state.report;
  if (!report || !term.trim()) return;
  const text = state.text;
  const k = findKeyword(term);
  /** @type {import('../../types/report').ConcordanceLine[]} */
  let lines;
  let total;
  try {
    const { result } = await bridge.concordance(text, term, { mode: 'term', context: 60, limit: CONC_LIMIT }, analysisOptions());
    if (state.text !== text) return;
    ({ lines, total } = result);
  } catch (e) {
    if (e instanceof SupersededError || e instanceof CancelledError) return;
    setStatus('error', 'status.failed', { error: /** @type {Error} */ (e).message }, 'error');
    return;
  }
  state.keyword = term;
  showReading(text, report, k && k.occurrences.length >= total ? k.occurrences : lines.map((l) => ({ start: l.start, end: l.end })));
  ui.concHeading.textContent = t('conc.heading', { term: k?.term ?? term, n: total });
  const rows = lines.map((l) => {
    const sentence = sentenceAt(report, l.start);
    return elt('tr', {},
      elt('td', { class: 'left', textContent: l.left }),
      elt('td', { class: 'kw' }, elt('mark', { class: 'key', textContent: l.text })),
      elt('td', { class: 'right', textContent: l.right }),
      elt('td', {}, elt('button', { type: 'button', class: 'small-btn', textContent: t('conc.read'),
        'aria-label': `${t('conc.read')}: ${t('col.sentence')} ${sentence + 1}`, onclick: () => jumpToSentence(ui.reading, sentence) })));
  });
  if (total > lines.length) rows.push(elt('tr', {}, elt('td', { colSpan: 4, textContent: t('conc.more', { n: total - lines.length }) })));
  ui.concBody.replaceChildren(...rows);
  ui.conc.hidden = false;
  ui.conc.dataset.term = k?.term ?? term;
  ui.conc.dataset.total = String(total);
  ui.conc.focus({ preventScroll: true });
  ui.conc.scrollIntoView({ block: 'nearest' });
}

/** Closes the concordance and takes its marks out of the reading pane. */
export function closeConcordance() {
  ui.conc.hidden = true;
  state.keyword = null;
  if (state.report) showReading(state.text, state.report);
}
