// The task definitions, one place for every JavaScript tool (Python's twins are in py_task.py).
//
//   scan     the physical floor: read the text once (count line feeds) — no analysis at all
//   segment  sentences + word tokens (for jieba: words only; it has no sentence splitter)
//   count    tokenize, then count word frequencies (a term → count table)
//   dates    find (and resolve) the time expressions
//   e2e      everything the tool offers for "analyze this article": for us, the full report handed to
//            JS as an object (text into wasm, analysis, report out); for the peer pairs, the pair run
//            back to back (wink-nlp sentences+tokens+counts, then chrono-node dates)
//
// Each task returns {tokens?, sentences?, dates?, stages?} so the results show what was produced.
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root, benchDir } from './inputs.mjs';

const require = createRequire(join(benchDir, 'package.json'));
const version = (name) => {
  try { return JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version; }
  catch { return null; }
};

/** The reference date handed to every date tagger: the sample's dateline. */
export const REFERENCE = new Date(Date.UTC(2025, 10, 5, 12));

function countWords(words) {
  const m = new Map();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

const isHanWord = (w) => /\p{Script=Han}/u.test(w);

async function wink() {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  const { its, as } = nlp;
  const segment = (text) => {
    const doc = nlp.readDoc(text);
    return { doc, sentences: doc.sentences().length(), tokens: doc.tokens().length() };
  };
  const count = (text) => {
    const { doc, sentences, tokens } = segment(text);
    const table = doc.tokens().filter((t) => t.out(its.type) === 'word').out(its.normal, as.freqTable);
    return { sentences, tokens, terms: table.length };
  };
  return { segment: (t) => { const { sentences, tokens } = segment(t); return { sentences, tokens }; }, count };
}

async function compromise() {
  const nlp = (await import('compromise')).default;
  const dates = (await import('compromise-dates')).default;
  nlp.extend(dates);
  return {
    // tokenize() is compromise's segmentation without the tagger
    segment: (text) => { const d = nlp.tokenize(text); return { sentences: d.sentences().length, tokens: d.terms().length }; },
    count: (text) => { const d = nlp.tokenize(text); const f = d.terms().out('freq'); return { tokens: d.terms().length, terms: f.length }; },
    // dates need the tagger: nlp(), then the plugin's .dates()
    dates: (text) => ({ dates: nlp(text).dates({ today: '2025-11-05' }).json().length }),
  };
}

async function chrono() {
  const c = await import('chrono-node');
  return {
    dates: (text, lang) => ({ dates: (lang === 'zh' ? c.zh : c).parse(text, REFERENCE).length }),
  };
}

async function jiebaWasm() {
  const { cut } = require('jieba-wasm');
  return {
    segment: (text) => ({ tokens: cut(text, true).length }),
    count: (text) => { const w = cut(text, true); return { tokens: w.length, terms: countWords(w.filter(isHanWord)).size }; },
  };
}

async function nodeRsJieba() {
  const { Jieba } = require('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict');
  const jieba = Jieba.withDict(dict);
  return {
    segment: (text) => ({ tokens: jieba.cut(text, true).length }),
    count: (text) => { const w = jieba.cut(text, true); return { tokens: w.length, terms: countWords(w.filter(isHanWord)).size }; },
  };
}

/** Our core as wasm, loaded the way the page's worker loads it (web target, bytes handed to init). */
export async function loadOurs() {
  const pkg = process.env.AE_BENCH_PKG ?? join(root, 'pkg');
  const mod = await import(join(pkg, 'article_explorer.js'));
  const bytes = readFileSync(join(pkg, 'article_explorer_bg.wasm'));
  const t0 = performance.now();
  const exports = await mod.default({ module_or_path: bytes });
  const instantiateMs = performance.now() - t0;
  // The Chinese dictionary ships beside the wasm and is loaded by the page's worker before a text
  // with Han characters is analyzed; loaded here once, outside the timed runs, timed on its own.
  let dictionaryMs = null;
  const dict = join(pkg, 'jieba-dict.txt.gz');
  if (mod.loadChineseDictionary && existsSync(dict)) {
    const t1 = performance.now();
    mod.loadChineseDictionary(gunzipSync(readFileSync(dict)));
    dictionaryMs = performance.now() - t1;
  }
  return { mod, exports, bytes, instantiateMs, dictionaryMs };
}

async function ours() {
  const { mod, exports } = await loadOurs();
  const memoryBefore = exports.memory.buffer.byteLength; // code, statics and the dictionary, before any text
  const e2e = (text) => {
    const marks = [];
    const t0 = performance.now();
    const report = mod.analyze(text, {}, (stage, fraction) => marks.push([stage, fraction, performance.now()]));
    const t1 = performance.now();
    // stage splits: text into wasm (call → first callback), each stage, report out (last callback → return)
    const stages = { text_in: (marks[0]?.[2] ?? t1) - t0 };
    marks.forEach(([stage], i) => { stages[stage] = (stages[stage] ?? 0) + ((marks[i + 1]?.[2] ?? marks[i][2]) - marks[i][2]); });
    stages.report_out = t1 - (marks.at(-1)?.[2] ?? t0);
    return {
      sentences: report.sentences.length, tokens: report.stats.words, dates: report.timexes.length,
      keywords: report.keywords.length, stages, wasmMemory: exports.memory.buffer.byteLength, wasmMemoryBefore: memoryBefore,
    };
  };
  // A concordance query (goal: < 50 ms on 10 MB): the page indexes the text once
  // (ConcordanceIndex) and queries it on every click. The index is built on the first (warm-up)
  // call for a text and kept, so the timed runs are queries alone.
  let indexed = null;
  const kwic = (text, lang) => {
    if (!mod.ConcordanceIndex) return { lines: 0 };
    if (indexed?.text !== text) {
      indexed?.index.free?.();
      const t0 = performance.now();
      indexed = { text, index: new mod.ConcordanceIndex(text, {}), indexMs: 0 };
      indexed.indexMs = performance.now() - t0;
    }
    const r = indexed.index.query(lang === 'zh' ? '社区' : 'social', {});
    return { lines: r.lines.length, total: r.total, indexMs: indexed.indexMs };
  };
  return { e2e, kwic };
}

async function floor() {
  return {
    // the same JS string the wasm core receives, read once code unit by code unit
    scan: (text) => {
      let lines = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
      return { lines };
    },
  };
}

async function winkChrono() {
  const w = await wink();
  const c = await chrono();
  return { e2e: (text, lang) => ({ ...w.count(text), ...c.dates(text, lang) }) };
}

async function jiebaChrono() {
  const j = await jiebaWasm();
  const c = await chrono();
  return { e2e: (text, lang) => ({ ...j.count(text), ...c.dates(text, lang) }) };
}

/**
 * Every JavaScript tool: languages it is run on, the tasks it has, its version, its loader.
 * `tasks` lists the task names the harness runs; `load()` returns {task: fn(text, lang)}.
 */
export const TOOLS = {
  'ours-wasm': { label: 'Article Explorer (wasm, Node)', langs: ['en', 'zh'], tasks: ['e2e', 'kwic'], ours: true, load: ours,
    version: () => readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"/m)?.[1] ?? null },
  'floor-js': { label: 'single scan (JS string loop)', langs: ['en', 'zh'], tasks: ['scan'], floor: true, load: floor, version: () => process.version },
  'wink-nlp': { label: 'wink-nlp + wink-eng-lite-web-model', langs: ['en'], tasks: ['segment', 'count'], load: wink,
    version: () => `${version('wink-nlp')} + model ${version('wink-eng-lite-web-model')}` },
  compromise: { label: 'compromise (+ compromise-dates)', langs: ['en'], tasks: ['segment', 'count', 'dates'], load: compromise,
    version: () => `${version('compromise')} + dates ${version('compromise-dates')}` },
  'chrono-node': { label: 'chrono-node (en / zh)', langs: ['en', 'zh'], tasks: ['dates'], load: chrono, version: () => version('chrono-node') },
  'jieba-wasm': { label: 'jieba-wasm', langs: ['zh'], tasks: ['segment', 'count'], load: jiebaWasm, version: () => version('jieba-wasm') },
  '@node-rs/jieba': { label: '@node-rs/jieba (native addon)', langs: ['zh'], tasks: ['segment', 'count'], load: nodeRsJieba,
    version: () => version('@node-rs/jieba') },
  'wink+chrono': { label: 'wink-nlp (sentences+tokens+counts) + chrono-node (dates)', langs: ['en'], tasks: ['e2e'], load: winkChrono,
    version: () => `${version('wink-nlp')} + ${version('chrono-node')}` },
  'jieba-wasm+chrono': { label: 'jieba-wasm (tokens+counts) + chrono-node zh (dates)', langs: ['zh'], tasks: ['e2e'], load: jiebaChrono,
    version: () => `${version('jieba-wasm')} + ${version('chrono-node')}` },
};
