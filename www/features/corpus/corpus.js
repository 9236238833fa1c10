// The corpus explorer (a lazy chunk, opened from the first view's one button): a dialog with the
// intake (files, a folder, .zip archives, articles of the library), the run (a worker pool, progress,
// cancel, resume) and six views of the corpus — articles, trends, phrasing changes, keywords,
// concordance, merged timeline — with their exports.
import { elt } from '../../dom.js';
import { t, addStrings, onLangChange } from '../../i18n.js';
import { fmt } from '../../format.js';
import { download } from '../../download.js';
import { Library } from '../library/library.js';
import strings from './strings.js';
import { readFiles, droppedFiles, looksChinese } from './intake.js';
import { listArticles, listProblems, addIntake, putArticle, clearCorpus } from './store.js';
import { articleDate, dateFromName, textId, validDay } from './summary.js';
import { runPool, cancelPool, poolSize, viewBridge, warmPool, CORPUS_OPTIONS } from './pool.js';
import { counted } from './aggregate.js';
import { VIEWS, renderView } from './views.js';

// The library, read only (its own connection to the same database; not the page's store module,
// whose state would tie this chunk to more of the first visit's modules).
const library = new Library();

/** @typedef {import('./store.js').Article} Article */

/** What the views read: the corpus's articles and problems (kept in memory: summaries only, no texts). */
export const corpus = {
  /** @type {Article[]} */ articles: [],
  /** @type {import('./store.js').Problem[]} */ problems: [],
  /** @type {Map<string, Article>} */ byId: new Map(),
  view: 'articles',
};

/** @type {HTMLDialogElement | null} */
let dialog = null;
/** @type {Record<string, HTMLElement>} */
const el = {};
let running = false;
/** The most characters of new texts kept in memory for the workers during a run (64 MB as UTF-16). */
const KEEP_CHARS = 32 * 1024 * 1024;
/** Resolves once the stored corpus has been read into `corpus` (never rejects): new texts and a
 * clear wait for it, else a slow read would land on top of them (the new articles vanished from
 * the view, and a text already stored was not seen as a duplicate). */
let loaded = Promise.resolve();
/** The last intake's and run's times (ms): the dialog's data-timing, read by bench/corpus-page.mjs. @type {Record<string, number>} */
const timing = {};

/** Opens the corpus dialog (building it on the first call) and loads the stored corpus. */
export async function openCorpus() {
  if (!dialog) {
    addStrings(strings);
    build();
  }
  const d = /** @type {HTMLDialogElement} */ (dialog);
  if (!d.open) d.showModal();
  // During a run the records in memory are the ones the pool updates: reading them again from
  // IndexedDB would show a copy that no longer changes.
  if (running) refresh();
  else {
    // The workers load the engine (and, for a Chinese interface or corpus, the dictionary) while
    // the reader picks files: a run's first batch waited seconds for them on a loaded machine.
    warmPool(document.documentElement.lang.startsWith('zh'));
    loaded = reload();
    await loaded;
    if (corpus.articles.some((a) => a.summary?.language === 'zh')) warmPool(true);
  }
}

async function reload() {
  try {
    [corpus.articles, corpus.problems] = await Promise.all([listArticles(), listProblems()]);
  } catch (e) {
    say('corpus.storageFailed', { error: /** @type {Error} */ (e).message }, 'error');
    return;
  }
  index();
  refresh();
}

function index() {
  corpus.byId = new Map(corpus.articles.map((a) => [a.id, a]));
}

function build() {
  // Its style sheet travels with the chunk (dist/corpus.css), not with every first visit.
  document.head.append(elt('link', { rel: 'stylesheet', href: new URL('./corpus.css', import.meta.url).href }));
  const fileInput = elt('input', { type: 'file', multiple: true, id: 'corpus-files', onchange: () => takeFiles(fileInput) });
  const dirInput = elt('input', { type: 'file', multiple: true, id: 'corpus-folder', onchange: () => takeFiles(dirInput) });
  dirInput.setAttribute('webkitdirectory', '');
  el.status = elt('p', { id: 'corpus-status', class: 'small', role: 'status' });
  el.progress = elt('progress', { id: 'corpus-progress', max: 1, value: 0, hidden: true });
  el.cancel = elt('button', { type: 'button', id: 'corpus-cancel', hidden: true, onclick: () => cancelPool() }, t('corpus.cancel'));
  el.resume = elt('button', { type: 'button', id: 'corpus-resume', hidden: true, onclick: () => run() });
  el.problems = elt('details', { id: 'corpus-problems', class: 'corpus-problems', hidden: true });
  el.libraryPick = elt('fieldset', { id: 'corpus-library', class: 'corpus-library', hidden: true });
  el.tabs = elt('div', { role: 'tablist', class: 'corpus-tabs', 'aria-label': t('corpus.views') });
  el.panel = elt('section', { id: 'corpus-panel', class: 'corpus-panel', role: 'tabpanel', tabindex: '-1' });
  el.summary = elt('p', { id: 'corpus-summary', class: 'small muted' });
  dialog = elt('dialog', { id: 'corpus', class: 'corpus', 'aria-labelledby': 'corpus-title' },
    elt('div', { class: 'corpus-head' },
      elt('h2', { id: 'corpus-title', dataset: { k: 'corpus.title' } }),
      elt('button', { type: 'button', id: 'corpus-close', class: 'small-btn', dataset: { k: 'corpus.close' }, onclick: () => dialog?.close() })),
    elt('p', { class: 'small muted', dataset: { k: 'corpus.hint' } }),
    elt('div', { class: 'corpus-intake' },
      elt('label', { class: 'file-btn' }, elt('span', { dataset: { k: 'corpus.addFiles' } }), fileInput),
      elt('label', { class: 'file-btn' }, elt('span', { dataset: { k: 'corpus.addFolder' } }), dirInput),
      elt('button', { type: 'button', id: 'corpus-from-library', dataset: { k: 'corpus.fromLibrary' }, onclick: () => toggleLibraryPick() }),
      elt('button', { type: 'button', id: 'corpus-clear', dataset: { k: 'corpus.clear' }, onclick: () => clearAll() })),
    el.libraryPick,
    elt('div', { class: 'corpus-run' }, el.progress, el.cancel, el.resume, el.status),
    el.summary, el.problems, el.tabs, el.panel);
  // Drops anywhere on the dialog: files, folders, archives.
  dialog.addEventListener('dragover', (e) => { e.preventDefault(); dialog?.classList.add('dragging'); });
  dialog.addEventListener('dragleave', () => dialog?.classList.remove('dragging'));
  dialog.addEventListener('drop', async (e) => {
    e.preventDefault();
    dialog?.classList.remove('dragging');
    if (e.dataTransfer) {
      const dropped = await droppedFiles(e.dataTransfer);
      await intake(dropped.files, dropped.problems);
    }
  });
  for (const v of VIEWS) {
    el.tabs.append(elt('button', { type: 'button', role: 'tab', id: `corpus-tab-${v}`, dataset: { view: v, k: `corpus.view.${v}` },
      'aria-controls': 'corpus-panel', onclick: () => show(v), onkeydown: (/** @type {KeyboardEvent} */ e) => tabKey(e, v) }));
  }
  document.body.append(dialog);
  label();
  onLangChange(() => { label(); refresh(); });
}

// Arrow keys move between the tabs (the tablist pattern).
function tabKey(/** @type {KeyboardEvent} */ e, /** @type {string} */ v) {
  const i = VIEWS.indexOf(v);
  const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -1;
  if (j < 0 && e.key !== 'ArrowLeft') return;
  const next = VIEWS[(j + VIEWS.length) % VIEWS.length];
  show(next);
  document.getElementById(`corpus-tab-${next}`)?.focus();
}

/** Writes the dialog's fixed labels in the interface's language. */
function label() {
  dialog?.querySelectorAll('[data-k]').forEach((n) => { n.textContent = t(/** @type {HTMLElement} */ (n).dataset.k ?? ''); });
  el.cancel.textContent = t('corpus.cancel');
}

/** @type {{key: string, vars: Record<string, any>, kind: string}} */
let said = { key: '', vars: {}, kind: '' };
function say(/** @type {string} */ key, /** @type {Record<string, any>} */ vars = {}, kind = '') {
  said = { key, vars, kind };
  el.status.textContent = key ? t(key, vars) : '';
  el.status.className = `small ${kind}`;
}

function show(/** @type {string} */ v) {
  corpus.view = v;
  refresh();
}

/** Redraws the counts, the problems, the tabs and the current view. */
export function refresh() {
  if (!dialog) return;
  refreshCounts();
  for (const b of el.tabs.querySelectorAll('button')) {
    const on = /** @type {HTMLElement} */ (b).dataset.view === corpus.view;
    b.setAttribute('aria-selected', String(on));
    b.setAttribute('tabindex', on ? '0' : '-1');
  }
  el.panel.setAttribute('aria-labelledby', `corpus-tab-${corpus.view}`);
  renderView(corpus.view, el.panel, corpus);
}

// The counts, the status line and the problems (during a run: the view itself is redrawn when the
// run ends, so a filter being typed keeps its focus).
function refreshCounts() {
  if (!dialog) return;
  say(said.key, said.vars, said.kind);
  const docs = counted(corpus.articles);
  const count = (/** @type {string} */ s) => corpus.articles.filter((a) => a.status === s).length;
  const undated = docs.filter((a) => !articleDate(a).date).length;
  el.summary.textContent = t('corpus.summary', { articles: fmt(docs.length), words: fmt(docs.reduce((n, a) => n + (a.summary?.words ?? 0), 0)),
    duplicates: fmt(count('duplicate')), undated: fmt(undated), pending: fmt(count('pending')), failed: fmt(count('failed')) });
  dialog.dataset.articles = String(docs.length);
  dialog.dataset.pending = String(count('pending'));
  const pending = count('pending');
  el.resume.hidden = running || pending === 0;
  el.resume.textContent = t('corpus.resume', { n: fmt(pending) });
  renderProblems();
}

function renderProblems() {
  const p = corpus.problems;
  el.problems.hidden = p.length === 0;
  el.problems.replaceChildren(elt('summary', {}, t('corpus.problems', { n: fmt(p.length) })),
    elt('ul', { class: 'small' }, ...p.slice(0, 1000).map((x) => elt('li', { dataset: { reason: x.reason } },
      elt('strong', {}, x.path || x.name), ': ', t(`corpus.reason.${x.reason}`, { detail: x.detail ?? '', mb: x.detail ? (Number(x.detail) / 1048576).toFixed(1) : '' })))));
}

async function takeFiles(/** @type {HTMLInputElement} */ input) {
  const files = [...(input.files ?? [])];
  input.value = '';
  await intake(files);
}

/** Reads `files` into the corpus, then runs the analysis of what is new. */
async function intake(/** @type {File[]} */ files, /** @type {import('./intake.js').Problem[]} */ refused = []) {
  if (!files.length && !refused.length) return;
  for (const k of Object.keys(timing)) delete timing[k];
  timing.at = performance.now();
  say('corpus.reading', { n: fmt(files.length) });
  warmPool();
  looksChinese(files).then((zh) => { if (zh) warmPool(true); });
  const t0 = performance.now();
  const { texts, problems } = await readFiles(files, (done, total) => {
    el.progress.hidden = false;
    /** @type {HTMLProgressElement} */ (el.progress).value = total ? done / total : 0;
  });
  timing.read = performance.now() - t0;
  await addTexts(texts, [...refused, ...problems]);
}

/**
 * Adds texts to the corpus: each gets its id from its content (the same text twice is a duplicate,
 * recorded and shown but never analyzed or counted again) and the date in its file name, if any.
 * @param {import('./intake.js').Text[]} texts
 * @param {import('./intake.js').Problem[]} problems
 */
async function addTexts(texts, problems) {
  await loaded;
  let order = corpus.articles.reduce((n, a) => Math.max(n, a.order + 1), 0);
  /** @type {{article: Article, text?: string}[]} */
  const items = [];
  if (texts.some((x) => /[\u3400-\u9fff]/.test(x.text.slice(0, 2000)))) warmPool(true);
  let t0 = performance.now();
  const ids = await Promise.all(texts.map((x) => textId(x.text)));
  timing.hash = performance.now() - t0;
  for (const [k, x] of texts.entries()) {
    const id = ids[k];
    const base = { name: x.name, path: x.path, source: x.source, order: order++, fileDate: dateFromName(x.path), userDate: null };
    if (corpus.byId.has(id)) {
      items.push({ article: { ...base, id: `dup-${base.order}-${id}`, status: 'duplicate', duplicateOf: id } });
    } else {
      /** @type {Article} */
      const article = { ...base, id, status: 'pending' };
      corpus.byId.set(id, article);
      items.push({ article, text: x.text });
    }
  }
  // The records and texts are stored while the workers already analyze the texts in hand (the
  // pool writes its first summaries once they are stored); if storing fails, the run stops and
  // the new articles are taken out again.
  t0 = performance.now();
  const stored = addIntake(items, problems).then(() => { timing.store = performance.now() - t0; });
  const articles = items.map((i) => i.article);
  corpus.articles.push(...articles);
  corpus.problems.push(...problems);
  say('corpus.added', { n: fmt(items.length), problems: fmt(problems.length) });
  t0 = performance.now();
  refresh();
  timing.draw = performance.now() - t0;
  // The texts just read go to the workers as they are (not read back from IndexedDB), unless they
  // are many megabytes: then they are let go now and read back in batches, as on a resume.
  const chars = items.reduce((n, i) => n + (i.text?.length ?? 0), 0);
  const known = chars <= KEEP_CHARS ? new Map(items.flatMap((i) => (i.text === undefined ? [] : [[i.article.id, i.text]]))) : new Map();
  await run(known, stored);
  try {
    await stored;
  } catch (e) {
    const gone = new Set(articles);
    corpus.articles = corpus.articles.filter((a) => !gone.has(a));
    corpus.problems = corpus.problems.filter((p) => !problems.includes(p));
    index();
    say('corpus.storageFailed', { error: /** @type {Error} */ (e).message }, 'error');
    refresh();
  }
}

/**
 * Analyzes every pending article with the worker pool (a resume is the same call); `known`: texts
 * in hand, by article id; `stored`: resolves once the articles are in IndexedDB.
 * @param {Map<string, string>} [known]
 * @param {Promise<void>} [stored]
 */
async function run(known, stored) {
  if (running) return;
  const todo = corpus.articles.filter((a) => a.status === 'pending');
  if (!todo.length) {
    el.progress.hidden = true;
    return;
  }
  running = true;
  dialog?.setAttribute('data-running', 'true');
  el.cancel.hidden = false;
  el.resume.hidden = true;
  el.progress.hidden = false;
  const bar = /** @type {HTMLProgressElement} */ (el.progress);
  const t0 = performance.now();
  let done = 0;
  const workers = Math.min(poolSize(), todo.length);
  say('corpus.running', { done: 0, total: fmt(todo.length), workers });
  let lastDraw = 0;
  try {
    const { cancelled, spent } = await runPool(todo, (batch) => {
      done += batch.length;
      bar.value = done / todo.length;
      say('corpus.running', { done: fmt(done), total: fmt(todo.length), workers });
      if (performance.now() - lastDraw > 1000) {
        lastDraw = performance.now();
        refreshCounts();
      }
    }, known, stored);
    timing.analysis = performance.now() - t0;
    Object.assign(timing, Object.fromEntries(Object.entries(spent).map(([k, v]) => [`pool_${k}`, v])));
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    say(cancelled ? 'corpus.cancelled' : 'corpus.finished', { done: fmt(done), total: fmt(todo.length), s, workers });
  } catch (e) {
    say('corpus.failed', { error: /** @type {Error} */ (e).message }, 'error');
  } finally {
    running = false;
    dialog?.removeAttribute('data-running');
    el.cancel.hidden = true;
    el.progress.hidden = true;
    const t1 = performance.now();
    refresh();
    timing.redraw = performance.now() - t1;
    timing.end = performance.now();
    if (dialog) dialog.dataset.timing = JSON.stringify(Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v)])));
  }
}

async function clearAll() {
  await loaded;
  if (running) cancelPool();
  await clearCorpus();
  corpus.articles = [];
  corpus.problems = [];
  index();
  say('corpus.cleared');
  refresh();
}

/** Sets the date the user gave an article that has none of its own. */
export async function setUserDate(/** @type {Article} */ a, /** @type {string} */ value) {
  const day = validDay(value);
  if (value.trim() && !day) {
    say('corpus.badDate', { value }, 'error');
    return;
  }
  a.userDate = day;
  // Analyzed again with its date, so its relative expressions ("yesterday") resolve against it.
  if (day && a.status === 'done' && !a.summary?.dateline && !a.fileDate) a.status = 'pending';
  await putArticle(a);
  say('');
  refresh();
  await run();
}

// The library's articles, picked with check boxes.
async function toggleLibraryPick() {
  const box = el.libraryPick;
  if (!box.hidden) {
    box.hidden = true;
    return;
  }
  const entries = await library.list().catch(() => []);
  const checks = entries.map((e) => elt('label', { class: 'small' },
    elt('input', { type: 'checkbox', value: e.id, checked: true }), ' ', e.title ?? e.autoTitle ?? (e.text ?? '').slice(0, 60)));
  box.replaceChildren(elt('legend', {}, t('corpus.libraryPick')),
    ...(entries.length ? checks : [elt('p', { class: 'small muted' }, t('corpus.libraryEmpty'))]),
    elt('button', { type: 'button', id: 'corpus-library-add', disabled: !entries.length, onclick: async () => {
      const ids = [...box.querySelectorAll('input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);
      box.hidden = true;
      const texts = [];
      for (const id of ids) {
        const e = await library.get(id);
        if (e?.text) texts.push({ name: e.title ?? e.autoTitle ?? id, path: `library/${e.title ?? e.autoTitle ?? id}`, source: 'library', text: e.text });
      }
      await addTexts(texts, []);
    } }, t('corpus.libraryAdd')));
  box.hidden = false;
}

/** The bridge and options the phrasing changes view asks the engine with. */
export const phrasingEngine = () => ({ bridge: viewBridge(), options: CORPUS_OPTIONS });

/** Downloads `rows` (objects with the keys of `columns`) as CSV. */
export function downloadCsv(/** @type {string} */ name, /** @type {string[]} */ columns, /** @type {Record<string, any>[]} */ rows) {
  const cell = (/** @type {unknown} */ v) => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would be a formula in a spreadsheet: quoted with a leading apostrophe.
    const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const body = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n');
  download(name, new Blob([`\ufeff${body}\r\n`], { type: 'text/csv;charset=utf-8' }));
}

/** Downloads `value` as JSON. */
export function downloadJson(/** @type {string} */ name, /** @type {unknown} */ value) {
  download(name, new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
}
