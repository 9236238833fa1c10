// The engine's share entries (src/wasm/share.rs), from the share module (pkg/share/, ~60 KB gzip)
// loaded on this thread: a link or a bundle is outside input, and the engine reads and checks it
// completely (the same code the fuzz targets run). Only opening a link or a bundle loads it. The
// embed view also loads the full module here, to analyze.

/** @typedef {{format: string, version: number, text: string, settings: {dct: string | null, lang: 'auto' | 'en' | 'zh',
 *   user_words: string[], stopwords_add: string[], stopwords_remove: string[], keep_numbers: boolean,
 *   official_terms_add?: string[], official_terms_remove?: string[]},
 *   corrections?: {version: number, items: object[]}, provenance: {text_sha256: string, engine: string, report_version: number,
 *   analyzed_at: string}, report?: import('../../types/report').Report}} Shared */

/** @type {Promise<typeof import('#engine-share')> | null} */
let shareModule = null;
/** @type {Promise<typeof import('#engine')> | null} */
let fullModule = null;

const failed = (/** @type {Error} */ e) => new ShareError('engine', e.message);

/** The share module, loaded once. */
function shareEngine() {
  shareModule ??= (async () => {
    const m = await import('#engine-share');
    await m.default({ module_or_path: new URL('./article_explorer_share_bg.wasm', import.meta.url) });
    return m;
  })().catch((e) => {
    shareModule = null;
    throw failed(e);
  });
  return shareModule;
}

/** The full module (the embed view analyzes with it), loaded once. */
export function fullEngine() {
  fullModule ??= (async () => {
    const full = await import('#engine');
    await full.default({ module_or_path: new URL('./article_explorer_bg.wasm', import.meta.url) });
    return full;
  })().catch((e) => {
    fullModule = null;
    throw failed(e);
  });
  return fullModule;
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
  const m = await shareEngine();
  try {
    return /** @type {Shared} */ (m.decodeShareLink(link));
  } catch (e) {
    throw refused(e);
  }
}

/** Reads a bundle file's text: the checked bundle, or throws a ShareError. */
export async function readBundle(/** @type {string} */ json) {
  const m = await shareEngine();
  try {
    return /** @type {Shared} */ (m.parseShareBundle(json));
  } catch (e) {
    throw refused(e);
  }
}
