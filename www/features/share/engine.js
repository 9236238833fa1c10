// The engine's share entries (src/wasm/share.rs), from the full module loaded on this thread: a
// link or a bundle is outside input, and the engine reads and checks it completely (the same
// code the fuzz targets run). Only opening a link or a bundle loads it (the full module is not
// part of the first visit; the light one has no share entries).

/** @typedef {{format: string, version: number, text: string, settings: {dct: string | null, lang: 'auto' | 'en' | 'zh',
 *   user_words: string[], stopwords_add: string[], stopwords_remove: string[], keep_numbers: boolean},
 *   corrections?: {version: number, items: object[]}, provenance: {text_sha256: string, engine: string, report_version: number,
 *   analyzed_at: string}, report?: import('../../types/report').Report}} Shared */

/** @type {Promise<typeof import('#engine')> | null} */
let module = null;

/** The full module, loaded once. */
export function fullEngine() {
  module ??= (async () => {
    const full = await import('#engine');
    await full.default({ module_or_path: new URL('./article_explorer_bg.wasm', import.meta.url) });
    return full;
  })().catch((e) => {
    module = null;
    throw new ShareError('engine', e.message);
  });
  return module;
}

/** A refused link or bundle: `code` names the reason (share.err.CODE). */
export class ShareError extends Error {
  constructor(/** @type {string} */ code, detail = '') {
    super(detail || code);
    this.code = code;
  }
}

const refused = (/** @type {unknown} */ e) => {
  const message = e instanceof Error ? e.message : String(e);
  const code = /^([a-z-]+): /.exec(message)?.[1] ?? 'malformed';
  return new ShareError(code, message);
};

/** Reads a link (URL or fragment): the checked payload, or throws a ShareError. */
export async function readLink(/** @type {string} */ link) {
  const full = await fullEngine();
  try {
    return /** @type {Shared} */ (full.decodeShareLink(link));
  } catch (e) {
    throw refused(e);
  }
}

/** Reads a bundle file's text: the checked bundle, or throws a ShareError. */
export async function readBundle(/** @type {string} */ json) {
  const full = await fullEngine();
  try {
    return /** @type {Shared} */ (full.parseShareBundle(json));
  } catch (e) {
    throw refused(e);
  }
}
