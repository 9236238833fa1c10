// How a report travels from the worker to the page without freezing the page. A structured-clone
// message is deserialized on the page's main thread in one task, and a 10 MB article's report holds
// several hundred thousand small objects (sentences, paragraphs, dates, keyword occurrences and
// per-paragraph counts): as one message that is a task of a second or more. So the big arrays are
// sent ahead in parts of a bounded size, each its own message (its own short task on the page), and
// the report follows with those arrays empty and the list of what was sent ahead. The page puts the
// parts back, so it always holds the complete report of the contract — nothing is left out.
//
// Worker side: postReport / postReports          Page side: new ReportAssembler(), add(msg), finish(report, keys, slot)

/**
 * @typedef {Record<string, any>} AnyReport  a report (typed loosely: only its arrays are moved here)
 * @typedef {(message: object) => void} Post
 * @typedef {{id: number, type: 'part', key: string, slot?: number, items: unknown[]}} PartMessage
 */

/** Top-level arrays of the report that may be large, in the order they are sent. */
export const SPLIT_KEYS = ['sentences', 'paragraphs', 'sections', 'timexes', 'timeline', 'keywords'];

/** At most about this many small objects are deserialized per message on the page (a few ms). */
export const PART_BUDGET = 4000;

// What an array element costs to deserialize, in small objects.
function weight(/** @type {string} */ key, /** @type {any} */ x) {
  if (key !== 'keywords') return 1;
  const d = x.dispersion ?? {};
  return 1 + (x.occurrences?.length ?? 0) + (d.paragraphs?.length ?? 0) + (d.sections?.length ?? 0)
    + (x.variants?.length ?? 0) + (x.absorbs?.length ?? 0);
}

/**
 * Posts `{id, type: 'result', ...fields, report}` with `post(message)`; when the report is big its
 * large arrays go first as `{id, type: 'part', key, items}` messages and the result lists them in
 * `parts` (the keys whose arrays the page must refill, in order).
 */
export function postReport(/** @type {Post} */ post, /** @type {number} */ id, /** @type {object} */ fields, /** @type {AnyReport} */ report) {
  const parts = sendParts(post, id, report, undefined);
  post({ id, type: 'result', ...fields, report, ...(parts.length ? { parts } : {}) });
}

/**
 * The same for a comparison's two reports: parts carry `slot` (0 or 1), and the result
 * `{id, type: 'result', ...fields, reports, parts: [keys of A, keys of B]}`.
 */
export function postReports(/** @type {Post} */ post, /** @type {number} */ id, /** @type {object} */ fields, /** @type {AnyReport[]} */ reports) {
  const parts = reports.map((r, slot) => sendParts(post, id, r, slot));
  post({ id, type: 'result', ...fields, reports, ...(parts.some((p) => p.length) ? { parts } : {}) });
}

// Sends `report`'s big arrays ahead (when it is big) and empties them; returns their keys.
function sendParts(/** @type {Post} */ post, /** @type {number} */ id, /** @type {AnyReport} */ report, /** @type {number | undefined} */ slot) {
  let total = 0;
  for (const k of SPLIT_KEYS) if (Array.isArray(report?.[k])) for (const x of report[k]) total += weight(k, x);
  if (total <= PART_BUDGET) return [];
  const parts = [];
  for (const key of SPLIT_KEYS) {
    const list = report[key];
    if (!Array.isArray(list) || list.length === 0) continue;
    parts.push(key);
    let from = 0;
    while (from < list.length) {
      let to = from;
      let cost = 0;
      while (to < list.length && (to === from || cost + weight(key, list[to]) <= PART_BUDGET)) cost += weight(key, list[to++]);
      post({ id, type: 'part', key, slot, items: list.slice(from, to) });
      from = to;
    }
    report[key] = [];
  }
  return parts;
}

/** Collects the parts of one report on the page and puts them back into it. */
export class ReportAssembler {
  /** @type {Map<string, unknown[]>} */
  #arrays = new Map();

  /** Takes one `{key, items}` part message. */
  add(/** @type {PartMessage} */ msg) {
    const name = `${msg.slot ?? ''}:${msg.key}`;
    let list = this.#arrays.get(name);
    if (!list) this.#arrays.set(name, (list = []));
    for (const x of msg.items) list.push(x);
  }

  /** Refills `report`'s arrays named in `keys` from the parts received (of `slot`); returns the report. */
  finish(/** @type {AnyReport} */ report, /** @type {string[]} */ keys = [], /** @type {number | undefined} */ slot = undefined) {
    for (const key of keys) report[key] = this.#arrays.get(`${slot ?? ''}:${key}`) ?? [];
    return report;
  }
}
