// The first view's hint that the two articles picked for comparison may be a text and its
// translation: one mostly Han, the other mostly Latin letters, with a year in common. Cheap
// enough for every change of the pickers; the alignment itself is in the lazy chunk.
import { state } from '../../state.js';
import { $ } from '../../dom.js';
import { ui } from '../../elements.js';
import { editorText } from '../input/editor.js';

/** The text picked as `id` (none: the editor's). */
export const pickedText = (/** @type {string} */ id) => (id ? state.entries.find((e) => e.id === id)?.text ?? '' : editorText());

/** 'zh', 'en' or '' for a text, from its first 20,000 characters. */
function language(/** @type {string} */ text) {
  const head = text.slice(0, 20000);
  const han = head.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const latin = head.match(/[A-Za-z]/g)?.length ?? 0;
  if (han * 3 >= latin && han > 20) return 'zh';
  return latin > 60 && han * 3 < latin ? 'en' : '';
}

const years = (/** @type {string} */ text) => new Set(text.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []);

/** Shows the hint when the picked pair looks like a text and its translation. */
export function suggestTranslation() {
  const hint = $('align-hint');
  if (!hint || !ui.cmpA) return;
  const [a, b] = [pickedText(ui.cmpA.value), pickedText(ui.cmpB.value)];
  const langs = [language(a), language(b)].sort().join('+');
  const ya = years(a);
  const shared = [...years(b)].some((y) => ya.has(y));
  hint.hidden = !(ui.cmpA.value !== ui.cmpB.value && langs === 'en+zh' && shared);
}
