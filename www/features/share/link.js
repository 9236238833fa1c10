// Making a share payload and its link: the article, the settings that change its analysis and
// the provenance (the text's SHA-256, the engine and report versions, when). The link is
// `#share/1/` + base64url of the zlib-deflated JSON (CompressionStream('deflate'): zlib's checksum
// lets the reader catch a changed link). Reading links and bundles is the engine's job
// (src/share/, engine.js here): outside input is checked there, completely.
import { state } from '../../state.js';
import { findEntry } from '../library/store.js';

export const LINK_PREFIX = '#share/1/';
/** The longest link made (src/share/mod.rs MAX_LINK_CHARS): longer ones are cut by mail and chat programs. */
export const MAX_LINK_CHARS = 32000;

/** SHA-256 of `text`'s UTF-8 bytes, lowercase hex. */
export async function sha256(/** @type {string} */ text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The payload for the analysis on screen (`format`: 'article-explorer-share' or '-bundle').
 * @param {string} format
 * @param {string} engine the engine's version
 */
export async function payload(format, engine) {
  const report = /** @type {import('../../types/report').Report} */ (state.report);
  const kw = state.kwOptions;
  /** @type {Record<string, any>} */
  const p = {
    format, version: 1, text: state.text,
    settings: { dct: state.userDct ?? null, lang: state.shared?.lang ?? 'auto', user_words: [...kw.user_words],
      stopwords_add: [...kw.stopwords_add], stopwords_remove: [...kw.stopwords_remove], keep_numbers: !!kw.keep_numbers,
      // Only when there are some, as the engine writes them: such a link opens on copies of the page made before them.
      ...(kw.official_terms_add?.length ? { official_terms_add: [...kw.official_terms_add] } : {}),
      ...(kw.official_terms_remove?.length ? { official_terms_remove: [...kw.official_terms_remove] } : {}) },
    provenance: { text_sha256: await sha256(state.text), engine, report_version: report.version,
      analyzed_at: state.shared?.text === state.text ? state.shared.provenance.analyzed_at : new Date().toISOString() },
  };
  // Timeline corrections travel verbatim in their own versioned slot (version 1: the library
  // entry's `corrections` list as the timeline view stores it, objects {start, end, text, op, …}).
  const entry = /** @type {any} */ (state.id ? findEntry(state.id) : null);
  if (state.shared?.text === state.text && state.shared.corrections) p.corrections = state.shared.corrections;
  else if (Array.isArray(entry?.corrections) && entry.corrections.length) p.corrections = { version: 1, items: entry.corrections };
  return p;
}

const base64url = (/** @type {Uint8Array} */ bytes) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** The link fragment of `p`: `#share/1/…`. */
export async function fragmentOf(/** @type {object} */ p) {
  const stream = new Blob([JSON.stringify(p)]).stream().pipeThrough(new CompressionStream('deflate'));
  return LINK_PREFIX + base64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** This page's address with the fragment `fragment` (the page's own URL, without its query or fragment). */
export function linkTo(/** @type {string} */ fragment, page = 'index.html') {
  const here = new URL(location.href);
  here.hash = '';
  here.search = '';
  const url = new URL(page === 'index.html' ? './' : `./${page}`, here);
  return `${url.href}${fragment}`;
}
