// The report's summary above the reading pane: the counts, the language and the header fields
// (source, author, release time, …) found at the top of the article.
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t, hasString } from '../../i18n.js';

/** @typedef {import('../../types/report').Report} Report */

/** Shows the counts and the language of `report`. */
export function showStats(/** @type {Report} */ report) {
  const rows = [['characters', report.stats.characters], ['words', report.stats.words], ['sentences', report.stats.sentences],
    ['paragraphs', report.stats.paragraphs], ['sections', report.stats.sections], ['dates', report.timexes.length]];
  const items = rows.map(([k, v]) => elt('div', {}, elt('dt', { textContent: t(`stat.${k}`) }),
    elt('dd', { textContent: fmt(v), dataset: { stat: k } })));
  items.push(elt('div', {}, elt('dt', { textContent: t('stat.language') }),
    elt('dd', { textContent: t(`lang.${report.language}`), dataset: { stat: 'language' } })));
  ui.stats.replaceChildren(...items);
}

/** Shows the header fields of `report` that have a value. */
export function showHeader(/** @type {Report} */ report) {
  const fields = (report.header ?? []).filter((h) => h.value?.trim());
  ui.headerFields.replaceChildren(...fields.map((h) => elt('div', {},
    elt('dt', { textContent: hasString(`header.${h.field}`) ? t(`header.${h.field}`) : h.field.replace(/_/g, ' ') }),
    elt('dd', { textContent: h.value }))));
  ui.headerFields.hidden = fields.length === 0;
}
