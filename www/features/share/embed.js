// The embed view (embed.html, an entry of its own): one chart (`?view=timeline|keywords|dispersion|
// sections`) of the analysis a share link carries in the fragment, sized to its iframe. It loads
// only what that needs: the engine's full module (which reads and checks the link, and analyzes
// on this thread), the chart code, and the Chinese dictionary only for a Chinese text.
import { t, addStrings, setLang, initialLang } from '../../i18n.js';
import { draw } from '../charts/charts.js';
import { keywordItems, dispersionData, timelineData, sectionsData } from '../charts/chart-data.js';
import { readLink, fullEngine, ShareError } from './engine.js';
import { linkTo } from './link.js';
import strings from './strings.js';

addStrings(strings);

const VIEWS = ['timeline', 'keywords', 'dispersion', 'sections'];
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

async function dictionary() {
  const response = await fetch(new URL('./jieba-dict.txt.gz', import.meta.url));
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

async function show() {
  setLang(initialLang());
  const message = $('embed-message');
  message.textContent = t('embed.loading');
  const requested = new URLSearchParams(location.search).get('view') ?? 'timeline';
  const view = VIEWS.includes(requested) ? requested : 'timeline';
  try {
    const shared = await readLink(location.hash);
    const full = await fullEngine();
    const s = shared.settings;
    if (s.lang === 'zh' || HAN.test(shared.text)) {
      full.loadChineseDictionary(await dictionary());
      for (const w of s.user_words) full.addChineseWord(w, 0);
      full.setOfficialTerms(s.official_terms_add ?? [], s.official_terms_remove ?? []);
    }
    const report = full.analyze(shared.text, { dct: s.dct ?? undefined, lang: s.lang, stopwords_add: s.stopwords_add,
      stopwords_remove: s.stopwords_remove, keep_numbers: s.keep_numbers });
    const data = view === 'keywords' ? { view: 'word', items: keywordItems(report, 'word') }
      : view === 'dispersion' ? dispersionData(report) : view === 'timeline' ? timelineData(report) : sectionsData(report);
    $('embed-title').textContent = `${report.title?.text ?? ''} — ${t(`chart.${view}`)}`.replace(/^ — /, '');
    const open = /** @type {HTMLAnchorElement} */ ($('embed-open'));
    open.href = linkTo(location.hash);
    open.textContent = t('embed.open');
    open.hidden = false;
    const chart = $('embed-chart');
    chart.setAttribute('aria-label', t(`chart.aria.${view}`, { n: report.timexes.length, view: t('keywords.words') }));
    draw(chart, /** @type {any} */ (view), data, null);
    message.textContent = '';
    document.body.dataset.state = 'ready';
    document.body.dataset.textSha256 = shared.provenance.text_sha256;
  } catch (e) {
    const code = e instanceof ShareError ? e.code : 'malformed';
    const reason = t(`share.err.${code}`, { error: /** @type {Error} */ (e).message });
    message.textContent = t('embed.failed', { reason: reason.startsWith('share.err.') ? t('share.err.malformed') : reason });
    message.className = 'embed-message error';
    document.body.dataset.state = 'error';
  }
}
show();
