// Turning a dropped or picked file into text, in the browser, with the platform's TextDecoder.
// Order: byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a mark (NUL bytes on every other
// position); strict UTF-8; GB18030 (a superset of GBK and GB2312) when the result is mostly
// Chinese; windows-1252 as the last resort. HTML files are parsed with DOMParser into an inert
// document (no scripts run, nothing loads) and only their text is kept.

/** Decodes `bytes` (a Uint8Array); returns `{text, encoding}`. */
export function decodeBytes(/** @type {Uint8Array} */ bytes) {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16 LE' };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16 BE' };
  }
  const sixteen = guessUtf16(b);
  if (sixteen) return { text: new TextDecoder(sixteen === 'le' ? 'utf-16le' : 'utf-16be').decode(b), encoding: `UTF-16 ${sixteen.toUpperCase()}` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch { /* not UTF-8: try the legacy encodings */ }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(b);
    if (mostlyChinese(text)) return { text, encoding: 'GB18030' };
  } catch { /* not GB18030 either */ }
  return { text: new TextDecoder('windows-1252').decode(b), encoding: 'windows-1252' };
}

// UTF-16 without a BOM: in ASCII-heavy text every other byte is NUL.
function guessUtf16(/** @type {Uint8Array} */ b) {
  const n = Math.min(b.length & ~1, 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'be';
  return null;
}

// Of the non-ASCII characters, are most CJK ideographs or CJK punctuation?
function mostlyChinese(/** @type {string} */ text) {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    const c = /** @type {number} */ (ch.codePointAt(0));
    if (c < 0x80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
    else other++;
  }
  return cjk > 0 && cjk >= other * 2;
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TR', 'UL', 'CAPTION', 'BR']);
const SKIP = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, head, button, select, textarea, form';

/** The readable text of an HTML document: one line per block, scripts and styles dropped. */
export function htmlToText(/** @type {string} */ html) {
  // The parsed document is inert, but Chromium still reports the page's CSP blocking its inline
  // scripts, styles and handlers: drop those first (their content is never text anyway).
  const quiet = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[a-z][^>]*>/gi, (/** @type {string} */ tag) => tag.replace(/(\s)(on[a-z]+|style)(\s*=)/gi, '$1data-dropped-$2$3'));
  const doc = new DOMParser().parseFromString(quiet, 'text/html');
  const title = (doc.querySelector('title')?.textContent ?? '').trim();
  doc.querySelectorAll(SKIP).forEach((el) => el.remove());
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  /** @type {string[]} */
  const lines = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\f\r\n\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (/** @type {Node} */ node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) line += /** @type {Text} */ (n).data;
      else if (n.nodeType === 1) {
        const block = BLOCK.has(n.nodeName);
        if (block) flush();
        if (n.nodeName === 'TD' || n.nodeName === 'TH') line += ' ';
        walk(n);
        if (block) flush();
      }
    }
  };
  if (root) walk(root);
  flush();
  if (title && !lines.slice(0, 3).some((l) => l.includes(title) || title.includes(l))) lines.unshift(title);
  return lines.join('\n');
}

const HTML_NAME = /\.(html?|xhtml)$/i;

/** Reads a File: `{text, encoding, html}`; HTML (by name or content) is reduced to its text. */
export async function readFileText(/** @type {File} */ file) {
  const { text, encoding } = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  const html = HTML_NAME.test(file.name) || /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 512));
  return { text: html ? htmlToText(text) : text, encoding, html };
}
