// The translation view (a chunk of its own, loaded on first use: the button, or a change of the
// comparison's pickers, which asks whether to suggest it): a Chinese article beside its
// English version, aligned by the engine (src/align/): two columns of aligned rows, anchors
// marked in both, the differences flagged in the margin (keyboard: n / p from flag to flag), the
// alignment's own doubts stated, and CSV / JSON export. The two texts come from the comparison's
// pickers (the editor or the library) or from two files.
import { $, elt } from '../../dom.js';
import { ui } from '../../elements.js';
import { state } from '../../state.js';
import { t, addStrings, onLangChange } from '../../i18n.js';
import { fmt } from '../../format.js';
import { download } from '../../download.js';
import { bridge, SupersededError, CancelledError } from '../analysis/worker-bridge.js';
import { readFileText } from '../input/decode.js';
import { entryTitle } from '../library/library.js';
import { currentTitle } from '../library/title.js';
import { editorText } from '../input/editor.js';
import strings from './strings.js';

addStrings(strings);

// ---- The suggestion: the two articles picked for comparison may be a text and its translation --
// One mostly Han, the other mostly Latin letters, with a year in common; checked when a picker
// changes.

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


/**
 * @typedef {{kind: string, key: string, start: number, end: number, text: string, paragraph: number}} Anchor
 * @typedef {{start: number, end: number, paragraph: number, length: number}} Passage
 * @typedef {{input: number, paragraphs: Passage[], sentences: Passage[], anchors: Anchor[]}} Version
 * @typedef {{zh: number[], en: number[], shape: string, moved: boolean, shared: number[][], confidence: number | null,
 *   unsure: string[], sentences: {zh: number[], en: number[]}[]}} Row
 * @typedef {{kind: string, row: number, zh: number[], en: number[], zh_anchor?: number, en_anchor?: number, sentence?: number, message: string}} Flag
 * @typedef {{code: string, value: number, message: string}} Note
 * @typedef {{version: number, ratio: number, zh: Version, en: Version, rows: Row[], flags: Flag[],
 *   confidence: {level: string, anchor_density: number, zh_covered: number, en_covered: number, notes: Note[]}}} Alignment
 * @typedef {{title: string, text: string}} Source
 */

// The view's look: adopted as a constructed style sheet (allowed by the page's style-src 'self'),
// so the first visit's style.css does not carry it.
const CSS = `
.translation { grid-column: 1 / -1; margin: 0 0 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; }
.translation .tr-tools { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.3rem 0; }
.translation table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.translation th, .translation td { vertical-align: top; border-top: 1px solid var(--line); padding: 0.3rem; text-align: start; }
.translation col.tr-c-flags { width: 7.5rem; }
.translation td p { margin: 0 0 0.4rem; }
.translation tr.tr-lone td.tr-text:empty::after, .translation .tr-none { color: var(--muted, #777); font-style: italic; }
.translation tr.tr-unsure td.tr-flags::before { content: "?"; font-weight: bold; margin-inline-end: 0.3rem; }
.translation tr.tr-current { outline: 2px solid var(--accent, #c60); outline-offset: -2px; }
.translation mark { background: none; color: inherit; border-bottom: 2px dotted currentColor; padding: 0 1px; }
.translation mark.tr-shared { border-bottom-style: solid; }
.translation mark.tr-flagged { background: rgba(230, 120, 0, 0.25); }
.translation mark[data-kind="date"], .translation mark[data-kind="event"] { border-color: #2a6fdb; }
.translation mark[data-kind="number"] { border-color: #b8860b; }
.translation mark[data-kind="term"] { border-color: #2e8b57; }
.translation .tr-flag { display: block; width: 100%; margin: 0 0 0.2rem; font-size: 0.8rem; text-align: start; }
.translation .tr-flag.tr-current { outline: 2px solid var(--accent, #c60); }
.translation .tr-notes { margin: 0.2rem 0 0.4rem 1.2rem; padding: 0; }
`;

let styled = false;
function addStyle() {
  if (styled) return;
  styled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** @type {{alignment: Alignment, zh: Source, en: Source} | null} */
let shown = null;
let current = -1;

/** The view's section (made once, below the panes). */
function view() {
  let section = $('translation');
  if (section) return section;
  addStyle();
  const files = elt('input', { type: 'file', multiple: true, accept: '.txt,.md,.html,.htm,text/plain', id: 'tr-files',
    onchange: () => openFiles(files) });
  section = elt('section', { id: 'translation', class: 'translation', 'aria-labelledby': 'tr-heading', tabIndex: -1, onkeydown: onKey },
    elt('h3', { id: 'tr-heading' }),
    elt('div', { class: 'tr-tools' },
      elt('label', { class: 'file-btn' }, elt('span', { id: 'tr-files-label' }), files),
      elt('button', { type: 'button', id: 'tr-cancel', hidden: true, onclick: () => bridge.cancel() }),
      elt('button', { type: 'button', id: 'tr-prev', 'aria-keyshortcuts': 'p', onclick: () => step(-1) }),
      elt('button', { type: 'button', id: 'tr-next', 'aria-keyshortcuts': 'n', onclick: () => step(1) }),
      elt('span', { id: 'tr-position', class: 'small', role: 'status' }),
      elt('button', { type: 'button', id: 'tr-export-rows', onclick: exportRows }),
      elt('button', { type: 'button', id: 'tr-export-flags', onclick: exportFlags }),
      elt('button', { type: 'button', id: 'tr-export-json', onclick: exportJson })),
    elt('p', { id: 'tr-message', class: 'small', role: 'status', 'aria-live': 'polite' }),
    elt('div', { id: 'tr-confidence', class: 'small' }),
    elt('div', { id: 'tr-body' }));
  // Below the three panes, the whole width: two columns of text need it.
  (document.querySelector('main') ?? document.body).append(section);
  labels();
  onLangChange(() => {
    labels();
    if (shown) render();
  });
  return section;
}

function labels() {
  const set = (/** @type {string} */ id, /** @type {string} */ key) => { const e = $(id); if (e) e.textContent = t(key); };
  set('tr-heading', 'tr.heading');
  set('tr-files-label', 'tr.files');
  set('tr-cancel', 'tr.cancel');
  set('tr-prev', 'tr.prev');
  set('tr-next', 'tr.next');
  set('tr-export-rows', 'tr.exportRows');
  set('tr-export-flags', 'tr.exportFlags');
  set('tr-export-json', 'tr.exportJson');
}

function message(/** @type {string} */ text, /** @type {string} */ status) {
  $('tr-message').textContent = text;
  document.body.dataset.translation = status;
}

/** The article picked as `id` in a comparison picker, with its title. */
function picked(/** @type {string} */ id) {
  if (!id) return { title: currentTitle(), text: pickedText('') };
  const e = state.entries.find((x) => x.id === id);
  return e ? { title: entryTitle(e), text: e.text } : null;
}

/** Aligns the two articles of the comparison's pickers. */
export async function openTranslation() {
  const section = view();
  section.scrollIntoView({ block: 'start' });
  const a = picked(ui.cmpA.value);
  const b = picked(ui.cmpB.value);
  if (!a || !b || ui.cmpA.value === ui.cmpB.value) {
    message(t('tr.pickTwo'), 'error');
    return;
  }
  await run(a, b);
}

/** Aligns two files the reader chose. */
async function openFiles(/** @type {HTMLInputElement} */ input) {
  const files = [...(input.files ?? [])];
  input.value = '';
  if (files.length !== 2) {
    message(t('tr.pickTwo'), 'error');
    return;
  }
  const [a, b] = await Promise.all(files.map(async (f) => ({ title: f.name, text: (await readFileText(f)).text })));
  await run(a, b);
}

async function run(/** @type {Source} */ a, /** @type {Source} */ b) {
  message(t('tr.running'), 'busy');
  $('tr-cancel').hidden = false;
  try {
    const { result } = await bridge.align(a.text, b.text, (stage, fraction) => {
      if (stage === 'dictionary') message(t('tr.dictionary', { pct: Math.round(fraction * 100) }), 'busy');
    });
    const alignment = /** @type {Alignment} */ (result);
    const [zh, en] = alignment.zh.input === 0 ? [a, b] : [b, a];
    shown = { alignment, zh, en };
    current = -1;
    render();
    document.body.dataset.translation = 'ready';
  } catch (e) {
    if (e instanceof SupersededError) return;
    shown = null;
    $('tr-body').replaceChildren();
    $('tr-confidence').replaceChildren();
    const text = /** @type {Error} */ (e).message ?? String(e);
    const code = /^\[([a-z-]+)\]/.exec(text)?.[1];
    message(e instanceof CancelledError ? t('tr.cancelled') : code ? t(`tr.error.${code}`) : t('tr.failed', { error: text }), 'error');
  } finally {
    $('tr-cancel').hidden = true;
  }
}

/** The paragraph numbers of a list, 1-based, joined. */
const numbers = (/** @type {number[]} */ list) => list.map((p) => p + 1).join(' ');

/** A flag in words. */
function describe(/** @type {Flag} */ f) {
  if (!shown) return '';
  const za = f.zh_anchor !== undefined ? shown.alignment.zh.anchors[f.zh_anchor] : null;
  const ea = f.en_anchor !== undefined ? shown.alignment.en.anchors[f.en_anchor] : null;
  const v = za?.text ?? ea?.text ?? '';
  let en = '';
  if (f.kind === 'term') en = /“(.*)”/.exec(f.message)?.[1] ?? '';
  return t(`flag.${f.kind}`, { zh: za ? `${za.text} (${za.key})` : '', en: f.kind === 'term' ? en : ea ? `${ea.text} (${ea.key})` : '', v });
}

/** A paragraph's text with its anchors marked (text nodes and <mark>s only). */
function marked(/** @type {string} */ text, /** @type {Passage} */ p, /** @type {Anchor[]} */ anchors, /** @type {Set<number>} */ shared, /** @type {Set<number>} */ flagged, /** @type {number[]} */ indices) {
  const out = elt('p');
  let at = p.start;
  for (const i of indices) {
    const a = anchors[i];
    if (a.kind === 'word' || a.start < at || a.end > p.end) continue; // words are evidence only; overlaps keep the first
    out.append(text.slice(at, a.start));
    const cls = [shared.has(i) ? 'tr-shared' : '', flagged.has(i) ? 'tr-flagged' : ''].filter(Boolean).join(' ');
    out.append(elt('mark', { class: cls, dataset: { kind: a.kind }, title: `${a.kind}: ${a.key}`, textContent: text.slice(a.start, a.end) }));
    at = a.end;
  }
  out.append(text.slice(at, p.end));
  return out;
}

function render() {
  if (!shown) return;
  const { alignment: al, zh, en } = shown;
  const sharedZh = new Set(al.rows.flatMap((r) => r.shared.map((p) => p[0])));
  const sharedEn = new Set(al.rows.flatMap((r) => r.shared.map((p) => p[1])));
  const flaggedZh = new Set(al.flags.flatMap((f) => (f.zh_anchor !== undefined ? [f.zh_anchor] : [])));
  const flaggedEn = new Set(al.flags.flatMap((f) => (f.en_anchor !== undefined ? [f.en_anchor] : [])));
  // Anchor indices by paragraph, in text order.
  const byPara = (/** @type {Version} */ v) => {
    /** @type {Map<number, number[]>} */
    const m = new Map();
    v.anchors.forEach((a, i) => { if (!m.has(a.paragraph)) m.set(a.paragraph, []); /** @type {number[]} */ (m.get(a.paragraph)).push(i); });
    return m;
  };
  const zhBy = byPara(al.zh);
  const enBy = byPara(al.en);
  /** @type {Map<number, number[]>} */
  const flagsOf = new Map();
  al.flags.forEach((f, i) => { if (!flagsOf.has(f.row)) flagsOf.set(f.row, []); /** @type {number[]} */ (flagsOf.get(f.row)).push(i); });
  const cell = (/** @type {number[]} */ paras, /** @type {Version} */ v, /** @type {string} */ text, /** @type {Map<number, number[]>} */ by, /** @type {Set<number>} */ sh, /** @type {Set<number>} */ fl, /** @type {string} */ lang) =>
    elt('td', { class: 'tr-text', lang }, ...(paras.length ? paras.map((p) => marked(text, v.paragraphs[p], v.anchors, sh, fl, by.get(p) ?? []))
      : [elt('span', { class: 'tr-none', textContent: t('tr.none') })]));
  const rows = al.rows.map((r, i) => {
    const lone = !r.zh.length || !r.en.length;
    const why = r.unsure.map((u) => t(`tr.unsure.${u}`)).join(', ');
    const title = [r.shape, r.moved ? t('tr.moved') : '', r.confidence !== null ? t('tr.confidenceRow', { c: r.confidence.toFixed(2) }) : '', why].filter(Boolean).join(' · ');
    return elt('tr', { class: ['tr-row', lone ? 'tr-lone' : '', r.unsure.length ? 'tr-unsure' : '', r.moved ? 'tr-moved' : ''].filter(Boolean).join(' '),
      dataset: { row: String(i), zh: numbers(r.zh), en: numbers(r.en) }, title },
    elt('td', { class: 'tr-flags' }, ...(flagsOf.get(i) ?? []).map((k) => elt('button', {
      type: 'button', class: 'tr-flag', dataset: { flag: String(k), kind: al.flags[k].kind }, title: describe(al.flags[k]),
      'aria-label': describe(al.flags[k]), textContent: t(`short.${al.flags[k].kind}`), onclick: () => go(k) }))),
    cell(r.zh, al.zh, zh.text, zhBy, sharedZh, flaggedZh, 'zh'),
    cell(r.en, al.en, en.text, enBy, sharedEn, flaggedEn, 'en'));
  });
  const paired = al.rows.filter((r) => r.zh.length && r.en.length).length;
  message([t('tr.sources', { zh: zh.title, en: en.title }), t('tr.summary', {
    rows: fmt(al.rows.length), paired: fmt(paired), zhOnly: fmt(al.rows.filter((r) => !r.en.length).length),
    enOnly: fmt(al.rows.filter((r) => !r.zh.length).length), flags: fmt(al.flags.length), chars: al.ratio.toFixed(2) })].join(' — '), 'ready');
  const c = al.confidence;
  const note = (/** @type {Note} */ n) => t(`tr.note.${n.code}`, { pct: Math.round(c.anchor_density * 100), zh: Math.round(c.zh_covered * 100), en: Math.round(c.en_covered * 100), n: n.value });
  $('tr-confidence').replaceChildren(
    elt('p', { id: 'tr-level', dataset: { level: c.level }, textContent: t(`tr.confidence.${c.level}`) }),
    elt('ul', { class: 'tr-notes', id: 'tr-notes' }, ...c.notes.map((n) => elt('li', { dataset: { code: n.code }, textContent: note(n) }))),
    elt('p', { class: 'muted', textContent: t('tr.legend') }));
  $('tr-body').replaceChildren(elt('table', { id: 'tr-table' },
    elt('colgroup', {}, elt('col', { class: 'tr-c-flags' }), elt('col'), elt('col')),
    elt('thead', {}, elt('tr', {}, elt('th', { scope: 'col', textContent: t('tr.colFlags') }), elt('th', { scope: 'col', textContent: t('tr.colZh') }), elt('th', { scope: 'col', textContent: t('tr.colEn') }))),
    elt('tbody', {}, ...rows)));
  position();
}

function position() {
  const n = shown?.alignment.flags.length ?? 0;
  $('tr-position').textContent = n ? (current >= 0 ? t('tr.position', { i: current + 1, n }) : '') : t('tr.noFlags');
}

/** Shows flag `k`: its row highlighted and in view, the focus on its button. */
function go(/** @type {number} */ k) {
  if (!shown) return;
  current = k;
  for (const e of document.querySelectorAll('#translation .tr-current')) e.classList.remove('tr-current');
  const button = /** @type {HTMLElement | null} */ (document.querySelector(`#translation .tr-flag[data-flag="${k}"]`));
  const row = button?.closest('tr');
  row?.classList.add('tr-current');
  button?.classList.add('tr-current');
  row?.scrollIntoView({ block: 'center' });
  button?.focus({ preventScroll: true });
  position();
}

function step(/** @type {number} */ by) {
  const n = shown?.alignment.flags.length ?? 0;
  if (n) go(current < 0 ? (by > 0 ? 0 : n - 1) : (current + by + n) % n);
}

function onKey(/** @type {KeyboardEvent} */ e) {
  const target = /** @type {HTMLElement} */ (e.target);
  if (e.ctrlKey || e.metaKey || e.altKey || target.closest('input, textarea, select')) return;
  if (e.key === 'n' || e.key === 'j') step(1);
  else if (e.key === 'p' || e.key === 'k') step(-1);
  else return;
  e.preventDefault();
  e.stopPropagation();
}

// ---- Export ---------------------------------------------------------------------------------------
const csvCell = (/** @type {unknown} */ v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
const csv = (/** @type {unknown[][]} */ rows) => `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
const paraText = (/** @type {Version} */ v, /** @type {string} */ text, /** @type {number[]} */ list) => list.map((p) => text.slice(v.paragraphs[p].start, v.paragraphs[p].end)).join('\n');

function exportRows() {
  if (!shown) return;
  const { alignment: al, zh, en } = shown;
  const rows = [['row', 'shape', 'moved', 'confidence', 'unsure', 'zh_paragraphs', 'en_paragraphs', 'flags', 'zh_text', 'en_text'],
    ...al.rows.map((r, i) => [i + 1, r.shape, r.moved, r.confidence ?? '', r.unsure.join(' '), numbers(r.zh), numbers(r.en),
      al.flags.filter((f) => f.row === i).map((f) => f.kind).join(' '), paraText(al.zh, zh.text, r.zh), paraText(al.en, en.text, r.en)])];
  download('alignment.csv', new Blob([csv(rows)], { type: 'text/csv' }));
}

function exportFlags() {
  if (!shown) return;
  const { alignment: al } = shown;
  const rows = [['flag', 'kind', 'row', 'zh_paragraphs', 'en_paragraphs', 'zh_value', 'en_value', 'description'],
    ...al.flags.map((f, i) => [i + 1, f.kind, f.row + 1, numbers(f.zh), numbers(f.en),
      f.zh_anchor !== undefined ? al.zh.anchors[f.zh_anchor].text : '', f.en_anchor !== undefined ? al.en.anchors[f.en_anchor].text : '', describe(f)])];
  download('alignment-flags.csv', new Blob([csv(rows)], { type: 'text/csv' }));
}

function exportJson() {
  if (!shown) return;
  const { alignment, zh, en } = shown;
  const body = JSON.stringify({ zh: { title: zh.title, text: zh.text }, en: { title: en.title, text: en.text }, alignment }, null, 1);
  download('alignment.json', new Blob([body], { type: 'application/json' }));
}
