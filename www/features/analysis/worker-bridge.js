// The one module that owns the analysis worker's lifecycle: lazy start, a queue in which only
// the newest request of each kind waits, cancel by terminate() (then a fresh worker on the next
// request), restart after a crash, and a watchdog: a worker that says nothing (no progress, no
// part of a result) for longer than a request may take is taken for dead — killed by the system
// without an error event, or stuck — and replaced, and the request fails with StalledError.
// The page has one bridge, `bridge` (below); every analysis, comparison and concordance goes through it.
import { ReportAssembler } from './report-transfer.js';

/**
 * @typedef {import('../../types/report').Report} Report
 * @typedef {(stage: string, fraction: number) => void} Progress
 * @typedef {{compare?: boolean, concordance?: boolean, maxInputBytes?: number | null, reportVersion?: number | null,
 *   chineseDictionary?: boolean}} Features
 * @typedef {{id: number, op: string, msg: Record<string, any>, resolve: (value: any) => void, reject: (e: Error) => void,
 *   onProgress: Progress, parts: ReportAssembler, silenceMs: number}} Request
 * @typedef {{id?: number, type?: string, [key: string]: any}} WorkerMessage
 */

export class AnalysisBridge {
  /** @type {Worker | null} */
  #worker = null;
  /** @type {Request | null} */
  #current = null;
  /** @type {Map<string, Request>} op -> the newest request of that kind waiting for the current one */
  #pending = new Map();
  #nextId = 1;
  /** How many workers were started (a fresh one after each cancel or crash). */
  generation = 0;
  /** @type {Features} What the loaded engine offers. */
  features = {};
  /** Whether a request was answered by the analysis boot.js started early (tests, measurements). */
  answeredEarly = false;
  /** @type {(features: Features) => void} Called with the features when a worker's engine has loaded. */
  onReady = () => {};
  /**
   * How long the worker may stay silent while it has work: `baseMs` plus `perMbMs` per million
   * characters of input (one engine stage on a 10 MB text takes a few seconds on a slow machine;
   * the wasm cannot send anything in the middle of a stage).
   */
  watchdog = { baseMs: 20000, perMbMs: 6000 };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer = undefined;
  #heard = 0;
  // boot.js's early worker and what it sent for the analysis boot.js asked it for (start-hint.js,
  // `early.speculative`: {id, text, optionsKey}, set when boot.js has the sample — possibly after
  // this bridge adopted the worker). Kept until the page's first request: if it asks for the same
  // text and options, the early analysis is its answer; otherwise that analysis is ignored (the
  // worker finishes it first). `early.claimed` tells boot.js not to ask any more.
  /** @type {EarlyWorker | null} */
  #early = null;
  /** @type {WorkerMessage[]} */
  #earlyMessages = [];
  #readyDone = () => {};
  /** @type {Promise<void>} Resolves when the current worker's engine has loaded, or the worker is gone (never rejects). */
  ready = Promise.resolve();

  /**
   * Analyzes `text`; resolves with `{report, ms}`. A newer call supersedes a waiting one.
   * @param {string} text
   * @param {object} [options]
   * @param {Progress} [onProgress]
   * @returns {Promise<{report: Report, ms: number}>}
   */
  analyze(text, options = {}, onProgress = () => {}) {
    return this.#request('analyze', { text, options }, onProgress);
  }

  /**
   * Analyzes two texts and compares them; resolves with `{reports: [a, b], keyness, ms}`.
   * @param {string} a
   * @param {string} b
   * @param {object} [options]
   * @param {Progress} [onProgress]
   * @returns {Promise<{reports: Report[], keyness: import('../../types/report').Comparison | null, ms: number}>}
   */
  compare(a, b, options = {}, onProgress = () => {}) {
    return this.#request('compare', { a, b, options }, onProgress);
  }

  /**
   * Analyzes a batch of a corpus's articles; resolves with `{summaries, ms}`: for each text its
   * compact summary (features/corpus/summary.js) or `{error}`.
   * `dates[i]`: the date of text i when it has no dateline (its file name's or the user's), or null.
   * @param {string[]} texts
   * @param {object} [options]
   * @param {(string | null)[]} [dates]
   * @returns {Promise<{summaries: (import('../corpus/summary.js').Summary | {error: string})[], ms: number}>}
   */
  summarize(texts, options = {}, dates = []) {
    return this.#request('summarize', { texts, options, dates }, () => {});
  }

  /**
   * A corpus's phrasing changes from `texts` A (the first `split`) to B, `ids[i]` the article id of
   * `texts[i]`; resolves with `{phrasing}` (the engine's corpus entries: appeared, vanished, rose,
   * fell, each with the ids of articles that use it).
   * @param {string[]} texts
   * @param {number} split
   * @param {object} [options]
   * @param {string[]} [ids]
   * @returns {Promise<{phrasing: any, ms: number}>}
   */
  phrasing(texts, split, options = {}, ids = undefined) {
    return this.#request('phrasing', { texts, split, options, ids }, () => {});
  }

  /**
   * Key-word-in-context lines of `term` in `text`; resolves with `{result}`.
   * @param {string} text
   * @param {string} term
   * @param {object} [query]
   * @param {object} [options]
   * @returns {Promise<{result: import('../../types/report').ConcordanceResult, ms: number}>}
   */
  concordance(text, term, query = {}, options = {}) {
    return this.#request('concordance', { text, term, query, options }, () => {});
  }

  /**
   * Aligns a Chinese text with its English version (either order); resolves with `{result, ms}`,
   * `result` the engine's alignment (src/align/). Errors start with a code in brackets.
   * @param {string} a
   * @param {string} b
   * @param {Progress} [onProgress]
   * @returns {Promise<{result: any, ms: number}>}
   */
  align(a, b, onProgress = () => {}) {
    return this.#request('align', { a, b }, onProgress);
  }

  /** Stops the work under way (if any) at once and drops every waiting request. */
  cancel() {
    for (const p of this.#pending.values()) p.reject(new CancelledError());
    this.#pending.clear();
    if (this.#current) {
      this.#worker?.terminate();
      this.#worker = null;
      this.#readyDone();
      const current = this.#current;
      this.#current = null;
      clearTimeout(this.#timer);
      current.reject(new CancelledError());
    }
  }

  /**
   * Failure drill (tests): ends the worker the way the system does when it runs out of memory —
   * without an error event and without telling the bridge — so the watchdog has to notice.
   */
  drillSilentDeath() {
    this.#worker?.terminate();
  }

  /** Starts the worker (and so the engine's download and compilation) before the first request. */
  warm() {
    this.#ensureWorker();
  }

  get busy() {
    return this.#current !== null;
  }

  /**
   * @param {string} op
   * @param {Record<string, any>} msg
   * @param {Progress} onProgress
   * @returns {Promise<any>}
   */
  #request(op, msg, onProgress) {
    return new Promise((resolve, reject) => {
      /** @type {Request} */
      const request = { id: this.#nextId++, op, msg, resolve, reject, onProgress, parts: new ReportAssembler(), silenceMs: 0 };
      this.#pending.get(op)?.reject(new SupersededError());
      this.#pending.set(op, request);
      this.#pump();
    });
  }

  #pump() {
    if (this.#current || this.#pending.size === 0) return;
    const request = [...this.#pending.values()].sort((a, b) => a.id - b.id)[0];
    this.#pending.delete(request.op);
    this.#current = request;
    const chars = ['text', 'a', 'b'].reduce((n, k) => n + (typeof request.msg[k] === 'string' ? request.msg[k].length : 0), 0)
      + (Array.isArray(request.msg.texts) ? request.msg.texts.reduce((n, t) => n + t.length, 0) : 0);
    request.silenceMs = this.watchdog.baseMs + (this.watchdog.perMbMs * chars) / 1e6;
    const worker = this.#ensureWorker();
    const early = this.#early?.speculative;
    const messages = this.#earlyMessages;
    if (this.#early) this.#early.claimed = true;
    this.#early = null;
    this.#earlyMessages = [];
    this.#heard = performance.now();
    if (early && request.op === 'analyze' && early.text === request.msg.text && early.optionsKey === JSON.stringify(request.msg.options)) {
      // The worker is already on it (or done): this request takes over its id and what it sent.
      request.id = early.id;
      this.answeredEarly = true;
      this.#arm();
      for (const m of messages) this.#onMessage(m);
      return;
    }
    worker.postMessage({ id: request.id, op: request.op, ...request.msg });
    this.#arm();
  }

  // Checks on the current request now and then; a worker silent for too long is replaced.
  #arm() {
    clearTimeout(this.#timer);
    const current = this.#current;
    if (!current) return;
    const left = current.silenceMs - (performance.now() - this.#heard);
    if (left > 0) {
      this.#timer = setTimeout(() => this.#arm(), Math.min(left + 5, 1000));
      return;
    }
    this.#worker?.terminate();
    this.#worker = null;
    this.#readyDone();
    this.#current = null;
    this.#ensureWorker(); // restarted at once: the engine is loaded again before the next try
    current.reject(new StalledError(Math.round(current.silenceMs / 1000)));
    this.#pump();
  }

  #ensureWorker() {
    if (!this.#worker) {
      // The worker boot.js started while the page loaded, if any (once; its messages so far replayed below).
      const early = globalThis.__aeEarlyWorker || null;
      // false: boot.js, if it has not run yet, starts no worker of its own (boot.js says why)
      globalThis.__aeEarlyWorker = false;
      if (early?.failed) early.worker.terminate();
      const adopted = early && !early.failed ? early : null;
      this.#worker = adopted?.worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      this.#early = adopted;
      this.#earlyMessages = [];
      this.#readyDone();
      this.ready = new Promise((r) => { this.#readyDone = r; });
      this.generation++;
      this.#worker.onmessage = (e) => this.#onMessage(e.data);
      // A message that cannot be received (e.g. no memory left to copy it) leaves the request hanging.
      this.#worker.onmessageerror = () => this.#fail('a message from the engine could not be received', true);
      this.#worker.onerror = (e) => {
        e.preventDefault();
        this.#readyDone();
        this.#fail(e.message || 'unknown error', true);
      };
      for (const e of adopted?.messages ?? []) this.#onMessage(e.data);
    }
    return this.#worker;
  }

  #onMessage(/** @type {WorkerMessage} */ msg) {
    this.#heard = performance.now();
    if (this.#early && msg.id !== undefined) {
      this.#earlyMessages.push(msg); // the early analysis's: kept until the page asks (see #pump)
      return;
    }
    if (msg.type === 'ready') {
      this.features = msg.features ?? {};
      this.#readyDone();
      this.onReady(this.features);
      return;
    }
    const current = this.#current;
    if (!current || msg.id !== current.id) return;
    if (msg.type === 'progress') {
      current.onProgress(msg.stage, msg.fraction);
      return;
    }
    if (msg.type === 'part') {
      current.parts.add(/** @type {import('./report-transfer.js').PartMessage} */ (msg));
      return;
    }
    if (msg.type === 'result') {
      this.#current = null;
      clearTimeout(this.#timer);
      const { type, id, parts, ...rest } = msg;
      if (rest.report) current.parts.finish(rest.report, parts);
      if (Array.isArray(rest.reports)) rest.reports.forEach((r, slot) => current.parts.finish(r, parts?.[slot], slot));
      current.resolve(rest);
    } else {
      this.#fail(msg.message, msg.fatal);
      return;
    }
    this.#pump();
  }

  #fail(/** @type {string} */ message, /** @type {boolean} */ fatal) {
    const current = this.#current;
    this.#current = null;
    clearTimeout(this.#timer);
    if (fatal) {
      this.#worker?.terminate();
      this.#worker = null;
      this.#readyDone();
    }
    current?.reject(fatal ? new CrashError(message) : new AnalysisError(message));
    this.#pump();
  }
}

/** The engine refused or failed on the input (the worker is still fine). */
export class AnalysisError extends Error {}
/** The engine crashed (panic, out of memory); the worker was replaced. */
export class CrashError extends Error {}
/** The worker stopped answering (no sign of life for `seconds` while it had work); it was replaced. */
export class StalledError extends Error {
  constructor(/** @type {number} */ seconds) {
    super(`no answer for ${seconds} s`);
    this.seconds = seconds;
  }
}
export class CancelledError extends Error {
  constructor() { super('Analysis cancelled'); }
}
export class SupersededError extends Error {
  constructor() { super('Superseded by a newer request'); }
}

/** The page's bridge to its analysis worker. */
export const bridge = new AnalysisBridge();
