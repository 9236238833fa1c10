// The two pickers of the comparison: the text in the editor, or any article of the library.
import { state } from '../../state.js';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { entryTitle } from '../library/library.js';

/** Fills both pickers with the library's entries, keeping the choices that still exist. */
export function fillComparePickers() {
  const { entries } = state;
  const opts = () => [elt('option', { value: '', textContent: t('compare.current') }),
    ...entries.map((e) => elt('option', { value: e.id, textContent: entryTitle(e) }))];
  const [a, b] = [ui.cmpA.value, ui.cmpB.value];
  ui.cmpA.replaceChildren(...opts());
  ui.cmpB.replaceChildren(...opts());
  ui.cmpA.value = entries.some((e) => e.id === a) ? a : '';
  ui.cmpB.value = entries.some((e) => e.id === b) ? b : (entries.find((e) => e.id !== state.id)?.id ?? '');
}
