// The built-in samples: the picker, and loading one into the editor. Samples other than the
// default one arrive with their first use (virtual:samples, scripts/build-site.mjs).
import { SAMPLES } from 'virtual:samples';
import { elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { t } from '../../i18n.js';
import { setStatus } from '../../status.js';
import { library } from '../library/store.js';
import { run } from '../analysis/run.js';
import { openArticle } from './editor.js';

export { SAMPLES };

/** Fills the sample picker (again, in the current language). */
export function fillSamples() {
  const keep = ui.sample.value;
  ui.sample.replaceChildren(elt('option', { value: '', textContent: t('input.yourText') }),
    ...SAMPLES.map((s) => elt('option', { value: s.id, textContent: t(`sample.${s.id}`) === `sample.${s.id}` ? s.id : t(`sample.${s.id}`) })));
  ui.sample.value = keep;
}

/** @type {AbortController | null} the newest sample load: a sample picked meanwhile wins */
let loading = null;

/** Puts the sample `id` in the editor and analyzes it. */
export async function loadSample(/** @type {string} */ id) {
  const s = SAMPLES.find((x) => x.id === id);
  if (!s) return;
  loading?.abort();
  const { signal } = (loading = new AbortController());
  if (s.text === undefined) {
    try {
      s.text = await s.load?.();
    } catch (e) {
      if (!signal.aborted) setStatus('error', 'status.failed', { error: /** @type {Error} */ (e).message }, 'error');
      return;
    }
    if (signal.aborted) return; // another sample was picked meanwhile
  }
  openArticle({ text: s.text ?? '', sampleId: s.id });
  library.setSetting('current', `sample:${s.id}`).catch(() => {});
  run();
}

/** Listens to the sample picker. */
export function initSamples() {
  ui.sample.addEventListener('change', () => (ui.sample.value ? loadSample(ui.sample.value) : null));
}
