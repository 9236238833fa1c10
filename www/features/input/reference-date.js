// The reference date: where the report's came from (the article's dateline, the user, none), and
// the user's own choice, which analyzes the text again.
import { state } from '../../state.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';

/** Shows the reference date of `report` and its source. */
export function showReferenceDate(/** @type {import('../../types/report').Report} */ report) {
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

/** Listens to the date field and its reset button; `analyze` analyzes the text again. */
export function initReferenceDate(/** @type {() => void} */ analyze) {
  ui.dct.addEventListener('change', () => {
    state.userDct = ui.dct.value || null;
    analyze();
  });
  ui.dctReset.addEventListener('click', () => {
    state.userDct = null;
    analyze();
    ui.dct.focus();
  });
}
