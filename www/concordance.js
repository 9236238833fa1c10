// The concordance panel, loaded on first use (main.js loads it when the first charts are drawn,
// or when the pointer or the focus reaches the keyword chart or the search box): every line of a
// keyword, or of any word or phrase searched for, with the occurrences marked in the reading pane.
// `app` is the page's context (main.js).

const CONC_LIMIT = 300;

/** Opens the concordance of `term` (a keyword, or any word or phrase the user searches for). */
export async function openConcordance(app, term) {
  const { state, ui, bridge, elt, t } = app;
  const report = state.report;
  if (!report || !term.trim()) return;
  const text = state.text;
  const k = app.findKeyword(term);
  let lines;
  let total;
  try {
    const { result } = await bridge.concordance(text, term, { mode: 'term', context: 60, limit: CONC_LIMIT }, app.analysisOptions());
    if (state.text !== text) return;
    ({ lines, total } = result);
  } catch (e) {
    if (e instanceof app.SupersededError || e instanceof app.CancelledError) return;
    app.setState('error', 'status.failed', { error: e.message }, 'error');
    return;
  }
  state.keyword = term;
  state.keywordSpans = k && k.occurrences.length >= total ? k.occurrences : lines.map((l) => ({ start: l.start, end: l.end }));
  app.renderReading(ui.reading, text, report, state.keywordSpans, app.readingLabels());
  ui.concHeading.textContent = t('conc.heading', { term: k?.term ?? term, n: total });
  const rows = lines.map((l) => {
    const sentence = app.sentenceAt(report, l.start);
    return elt('tr', {},
      elt('td', { class: 'left', textContent: l.left }),
      elt('td', { class: 'kw' }, elt('mark', { class: 'key', textContent: l.text })),
      elt('td', { class: 'right', textContent: l.right }),
      elt('td', {}, elt('button', { type: 'button', class: 'small-btn', textContent: t('conc.read'),
        'aria-label': `${t('conc.read')}: ${t('col.sentence')} ${sentence + 1}`, onclick: () => app.jumpToSentence(ui.reading, sentence) })));
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
export function closeConcordance(app) {
  const { state, ui } = app;
  ui.conc.hidden = true;
  state.keyword = null;
  if (state.report) app.renderReading(ui.reading, state.text, state.report, [], app.readingLabels());
}
