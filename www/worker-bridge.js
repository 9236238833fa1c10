// The one module that owns the analysis worker's lifecycle: lazy start, a queue in which only
// the newest request of each kind waits, cancel by terminate() (then a fresh worker on the next
// request), and restart after a crash.

export class AnalysisBridge {
  #worker = null;
  #current = null; // {id, op, msg, resolve, reject, onProgress}
  #pending = new Map(); // op -> the newest request of that kind waiting for the current one
  #nextId = 1;
  /** How many workers were started (a fresh one after each cancel or crash). */
  generation = 0;
  /** What the loaded engine offers: {compare, concordance, maxInputBytes}. */
  features = {};
  /** Called with the features when a worker's engine has loaded. */
  onReady = () => {};

  /** Analyzes `text`; resolves with `{report, ms}`. A newer call supersedes a waiting one. */
  analyze(text, options = {}, onProgress = () => {}) {
    return this.#request('analyze', { text, options }, onProgress);
  }

  /** Analyzes two texts and compares them; resolves with `{reports: [a, b], keyness, ms}`. */
  compare(a, b, options = {}, onProgress = () => {}) {
    return this.#request('compare', { a, b, options }, onProgress);
  }

  /** Key-word-in-context lines of `term` in `text` (only when features.concordance); resolves with `{result}`. */
  concordance(text, term, query = {}, options = {}) {
    return this.#request('concordance', { text, term, query, options }, () => {});
  }

  /** Stops the work under way (if any) at once and drops every waiting request. */
  cancel() {
    for (const p of this.#pending.values()) p.reject(new CancelledError());
    this.#pending.clear();
    if (this.#current) {
      this.#worker?.terminate();
      this.#worker = null;
      const current = this.#current;
      this.#current = null;
      current.reject(new CancelledError());
    }
  }

  /** Starts the worker (and so the engine's download and compilation) before the first request. */
  warm() {
    this.#ensureWorker();
  }

  get busy() {
    return this.#current !== null;
  }

  #request(op, msg, onProgress) {
    return new Promise((resolve, reject) => {
      const request = { id: this.#nextId++, op, msg, resolve, reject, onProgress };
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
    this.#ensureWorker().postMessage({ id: request.id, op: request.op, ...request.msg });
  }

  #ensureWorker() {
    if (!this.#worker) {
      this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      this.generation++;
      this.#worker.onmessage = (e) => this.#onMessage(e.data);
      this.#worker.onerror = (e) => {
        e.preventDefault();
        this.#fail(e.message || 'unknown error', true);
      };
    }
    return this.#worker;
  }

  #onMessage(msg) {
    if (msg.type === 'ready') {
      this.features = msg.features ?? {};
      this.onReady(this.features);
      return;
    }
    const current = this.#current;
    if (!current || msg.id !== current.id) return;
    if (msg.type === 'progress') {
      current.onProgress(msg.stage, msg.fraction);
      return;
    }
    if (msg.type === 'result') {
      this.#current = null;
      const { type, id, ...rest } = msg;
      current.resolve(rest);
    } else {
      this.#fail(msg.message, msg.fatal);
      return;
    }
    this.#pump();
  }

  #fail(message, fatal) {
    const current = this.#current;
    this.#current = null;
    if (fatal) {
      this.#worker?.terminate();
      this.#worker = null;
    }
    current?.reject(fatal ? new CrashError(message) : new AnalysisError(message));
    this.#pump();
  }
}

/** The engine refused or failed on the input (the worker is still fine). */
export class AnalysisError extends Error {}
/** The engine crashed (panic, out of memory); the worker was replaced. */
export class CrashError extends Error {}
export class CancelledError extends Error {
  constructor() { super('Analysis cancelled'); }
}
export class SupersededError extends Error {
  constructor() { super('Superseded by a newer request'); }
}
