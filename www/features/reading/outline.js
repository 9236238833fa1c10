// The outline beside the reading pane: one button per section, a page of them at a time.
import { ui } from '../../elements.js';
import { fmt } from '../../format.js';
import { t } from '../../i18n.js';
import { jumpToSection } from './reading-pane.js';

/** @typedef {import('../../types/report').Report} Report */

// At most this many outline entries are in the DOM (a 10 MB text has thousands of sections, and
// laying out thousands of entries costs the page a tenth of a second on every redraw).
const OUTLINE_PAGE = 200;

/**
 * Fills the outline `list` with one button per section, OUTLINE_PAGE at a time from `from`, with
 * buttons for the sections before and after; `labels`: {opening, earlier(n), later(n)}.
 */
export function renderOutline(/** @type {HTMLElement} */ list, /** @type {Report} */ report, /** @type {(k: number) => void} */ onPick,
  /** @type {{opening: string, earlier?: (n: number) => string, later?: (n: number) => string}} */ labels, from = 0) {
  const n = report.sections.length;
  const to = Math.min(n, from + OUTLINE_PAGE);
  const entry = (/** @type {string} */ text, /** @type {() => void} */ onClick, cls = 'link') => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.addEventListener('click', onClick);
    li.append(b);
    return li;
  };
  const page = (/** @type {number} */ start, /** @type {number} */ focusIndex) => {
    renderOutline(list, report, onPick, labels, start);
    /** @type {HTMLElement | null} */ (list.querySelector(`[data-k="${focusIndex}"] button`))?.focus();
  };
  const items = [];
  for (let k = from; k < to; k++) {
    const li = entry(report.sections[k].title ?? labels.opening, () => onPick(k));
    li.value = k + 1;
    li.dataset.k = String(k);
    items.push(li);
  }
  if (from > 0) {
    const back = Math.max(0, from - OUTLINE_PAGE);
    items.unshift(entry(labels.earlier?.(from - back) ?? '…', () => page(back, from - 1), 'small-btn more'));
  }
  if (to < n) items.push(entry(labels.later?.(Math.min(OUTLINE_PAGE, n - to)) ?? '…', () => page(to, to), 'small-btn more'));
  list.replaceChildren(...items);
  list.dataset.from = String(from);
  list.dataset.total = String(n);
}

/** Shows the outline of `report` (in the current language). */
export function showOutline(/** @type {Report} */ report) {
  renderOutline(ui.outline, report, (k) => jumpToSection(ui.reading, k), { opening: t('sections.opening'),
    earlier: (n) => t('outline.earlier', { n: fmt(n) }), later: (n) => t('outline.later', { n: fmt(n), total: fmt(report.sections.length) }) });
}
