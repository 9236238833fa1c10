// The report's warnings, in the interface's language. A report of contract version 2 gives each
// warning as {code, params}: the code picks the sentence (i18n key `warning.<code>`) and the params
// fill its placeholders; a code this page does not know yet is shown with a general sentence that
// names it. Version 1 gave English sentences, shown as they are.
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t, hasString } from '../../i18n.js';

/** @typedef {import('../../types/report').Warning} Warning */

/** The sentence that says `w` in the interface's language. */
export function warningText(/** @type {Warning} */ w) {
  if (typeof w === 'string') return w;
  const code = String(w?.code);
  /** @type {Record<string, string>} */
  const vars = {};
  for (const [k, v] of Object.entries(w?.params ?? {})) vars[k] = typeof v === 'number' ? fmt(v) : String(v);
  // A count of exactly one may have its own sentence (`warning.<code>.one`), as English needs.
  const one = w?.params?.count === 1 && hasString(`warning.${code}.one`);
  if (one) return t(`warning.${code}.one`, vars);
  return hasString(`warning.${code}`) ? t(`warning.${code}`, vars) : t('warning.unknown', { code });
}

/** Lists the warnings of `report` under the status line (hidden when there are none). */
export function showWarnings(/** @type {{warnings?: Warning[]}} */ report) {
  const list = report.warnings ?? [];
  ui.warnings.replaceChildren(...list.map((w) => elt('li', { textContent: warningText(w) })));
  ui.warnings.hidden = list.length === 0;
}
