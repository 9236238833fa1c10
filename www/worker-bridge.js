// The one module that owns the analysis worker's lifecycle: lazy start, a queue in which only
// the newest request waits, cancel by terminate() (then a fresh worker on the next request),
// and restart after a crash.

export class AnalysisBridge {
  #worker = null;
  #current = null; // {id, resolve, reject, onProgress}
  #pending = null; // the newest request waiting for the current one to finish
  #nextId = 1;

  /** Analyzes `text`; resolves with `{report, ms}`. A newer call supersedes a waiting one. */
  analyze(text, options = {}, onProgress = () => {}) {
    return new Promise((resolve, reject) => {
      const request = { id: this.#nextId++, text, options, resolve, reject, onProgress };
      if (this.#pending) this.#pending.reject(new SupersededError());
      this.#pending = request;
      this.#pump();
    });
  }

  /** Stops the analysis under way (if any) at once and drops the waiting one. */
  cancel() {
    if (this.#pending) this.#pending.reject(new CancelledError());
    this.#pending = null;
    if (this.#current) {
      this.#worker?.terminate();
      this.#worker = null;
      const current = this.#current;
      this.#current = null;
      current.reject(new CancelledError());
    }
  }

  get busy() {
    return this.#current !== null;
  }

  #pump() {
    if (this.#current || !this.#pending) return;
    const request = this.#pending;
    this.#pending = null;
    this.#current = request;
    this.#ensureWorker().postMessage({ id: request.id, text: request.text, options: request.options });
  }

  #ensureWorker() {
    if (!this.#worker) {
      this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      this.#worker.onmessage = (e) => this.#onMessage(e.data);
      this.#worker.onerror = (e) => {
        e.preventDefault();
        this.#fail(`The analysis engine stopped: ${e.message || 'unknown error'}`, true);
      };
    }
    return this.#worker;
  }

  #onMessage(msg) {
    const current = this.#current;
    if (!current || msg.id !== current.id) return;
    if (msg.type === 'progress') {
      current.onProgress(msg.stage, msg.fraction);
      return;
    }
    if (msg.type === 'result') {
      this.#current = null;
      current.resolve({ report: msg.report, ms: msg.ms });
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
    current?.reject(new AnalysisError(message));
    this.#pump();
  }
}

export class AnalysisError extends Error {}
export class CancelledError extends Error {
  constructor() { super('Analysis cancelled'); }
}
export class SupersededError extends Error {
  constructor() { super('Superseded by a newer request'); }
}
