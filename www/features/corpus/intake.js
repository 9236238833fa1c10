// What goes into a corpus: picked files, a picked or dropped folder (walked through), .zip archives
// (read with fflate, a maintained inflate library) and articles of the library. Every input either
// becomes a text or a problem with its reason (empty, binary, too large, unreadable, a broken
// archive, an archive entry that failed); nothing is dropped silently.
import { unzipSync } from 'fflate';
import { decodeBytes, htmlToText } from '../input/decode.js';

/** The largest file (or archive entry) taken, in bytes: the engine's limit for one text. */
export const MAX_BYTES = 10 * 1024 * 1024;
/** The largest archive read (it is inflated in memory). */
export const MAX_ARCHIVE = 200 * 1024 * 1024;

/**
 * @typedef {{name: string, path: string, source: string, text: string}} Text
 * @typedef {{name: string, path: string, reason: string, detail?: string}} Problem
 * @typedef {{texts: Text[], problems: Problem[]}} Intake
 */

const HTML_NAME = /\.(html?|xhtml)$/i;
const ZIP_MAGIC = [0x50, 0x4b];

/** Turns `bytes` (a file or an archive entry named `path`) into a text, or a problem. */
export function bytesToText(/** @type {Uint8Array} */ bytes, /** @type {string} */ path, /** @type {string} */ source) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (bytes.length > MAX_BYTES) return { problem: { name, path, reason: 'tooLarge', detail: String(bytes.length) } };
  if (bytes.length === 0) return { problem: { name, path, reason: 'empty' } };
  const { text: raw } = decodeBytes(bytes);
  if (looksBinary(raw)) return { problem: { name, path, reason: 'binary' } };
  const html = HTML_NAME.test(name) || /^\s*(<!doctype html|<html[\s>])/i.test(raw.slice(0, 512));
  const text = html ? htmlToText(raw) : raw;
  if (!text.trim()) return { problem: { name, path, reason: 'empty' } };
  return { text: { name, path, source, text } };
}

// Control characters other than tab, line feed, form feed and carriage return, or U+FFFD from a
// failed decoding, in more than 1 % of the first 8,000 characters: not a text.
function looksBinary(/** @type {string} */ text) {
  const head = text.slice(0, 8000);
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd || c === 0x7f) bad++;
  }
  return bad > head.length * 0.01;
}

const isZip = (/** @type {string} */ name, /** @type {Uint8Array} */ b) => /\.zip$/i.test(name) || (b[0] === ZIP_MAGIC[0] && b[1] === ZIP_MAGIC[1] && b[2] === 3 && b[3] === 4);

/** Reads the entries of the archive `bytes` named `path` into `out`. */
export function readZip(/** @type {Uint8Array} */ bytes, /** @type {string} */ path, /** @type {Intake} */ out) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (bytes.length > MAX_ARCHIVE) {
    out.problems.push({ name, path, reason: 'tooLarge', detail: String(bytes.length) });
    return;
  }
  /** @type {Problem[]} */
  const big = [];
  /** @type {Record<string, Uint8Array>} */
  let entries;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || /(^|\/)(__MACOSX|\.DS_Store)/.test(f.name)) return false;
        if (f.originalSize > MAX_BYTES) {
          big.push({ name: f.name.slice(f.name.lastIndexOf('/') + 1), path: `${path}/${f.name}`, reason: 'tooLarge', detail: String(f.originalSize) });
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    out.problems.push({ name, path, reason: 'archive', detail: /** @type {Error} */ (e).message });
    return;
  }
  out.problems.push(...big);
  // An archive with nothing in it is listed too (nothing is dropped without a word).
  if (!big.length && Object.keys(entries).length === 0) out.problems.push({ name, path, reason: 'empty' });
  for (const [entry, data] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const r = bytesToText(data, `${path}/${entry}`, 'zip');
    if (r.text) out.texts.push(r.text);
    else if (r.problem) out.problems.push(r.problem);
  }
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Whether the first of `files` (its head, or an archive's first entry) has Han characters: a
 * glance, in milliseconds, that lets the workers start loading the Chinese dictionary while the
 * whole intake is still being read.
 */
export async function looksChinese(/** @type {File[]} */ files) {
  const file = files[0];
  if (!file) return false;
  try {
    const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
    if (!isZip(file.name, head)) return HAN.test(decodeBytes(head).text);
    if (file.size > MAX_ARCHIVE) return false;
    let picked = false;
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (f) => {
        if (picked || f.name.endsWith('/') || /(^|\/)(__MACOSX|\.DS_Store)/.test(f.name) || f.originalSize > 1024 * 1024) return false;
        picked = true;
        return true;
      },
    });
    return Object.values(entries).some((bytes) => HAN.test(decodeBytes(bytes.subarray(0, 4096)).text));
  } catch {
    return false; // the intake itself says what is wrong with the file
  }
}

/** Reads `files` (picked, or from a folder: their webkitRelativePath is kept as the path). */
export async function readFiles(/** @type {Iterable<File>} */ files, /** @type {(done: number, total: number) => void} */ progress = () => {}) {
  /** @type {Intake} */
  const out = { texts: [], problems: [] };
  const list = [...files];
  for (let i = 0; i < list.length; i++) {
    const file = list[i];
    const path = file.webkitRelativePath || file.name;
    progress(i, list.length);
    if (file.size > MAX_BYTES && !/\.zip$/i.test(file.name)) {
      out.problems.push({ name: file.name, path, reason: 'tooLarge', detail: String(file.size) });
      continue;
    }
    /** @type {Uint8Array} */
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      out.problems.push({ name: file.name, path, reason: 'unreadable', detail: /** @type {Error} */ (e).message });
      continue;
    }
    if (isZip(file.name, bytes)) {
      readZip(bytes, path, out);
      continue;
    }
    const r = bytesToText(bytes, path, 'file');
    if (r.text) out.texts.push(r.text);
    else if (r.problem) out.problems.push(r.problem);
  }
  progress(list.length, list.length);
  return out;
}

/**
 * The files of a drop, folders walked through (DataTransferItem.webkitGetAsEntry); each file's
 * path inside the dropped folder becomes its webkitRelativePath-like path. A file the browser
 * refuses to hand over is a problem with its reason, not a silent gap.
 * @returns {Promise<{files: File[], problems: Problem[]}>}
 */
export async function droppedFiles(/** @type {DataTransfer} */ dt) {
  /** @type {File[]} */
  const files = [];
  /** @type {Problem[]} */
  const problems = [];
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e) => e);
  if (entries.length === 0) return { files: [...dt.files], problems };
  const walk = async (/** @type {FileSystemEntry} */ entry, /** @type {string} */ prefix) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject)).catch((e) => {
        problems.push({ name: entry.name, path: prefix + entry.name, reason: 'unreadable', detail: String(e?.message ?? e) });
        return null;
      });
      if (file) {
        const path = prefix + /** @type {File} */ (file).name;
        files.push(path.includes('/') ? new File([/** @type {File} */ (file)], /** @type {File} */ (file).name, { lastModified: /** @type {File} */ (file).lastModified }) : /** @type {File} */ (file));
        if (path.includes('/')) Object.defineProperty(files[files.length - 1], 'webkitRelativePath', { value: path });
      }
    } else if (entry.isDirectory) {
      const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
      // readEntries gives a batch at a time (100 in Chromium) until an empty one.
      for (;;) {
        const batch = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
        if (!(/** @type {FileSystemEntry[]} */ (batch)).length) break;
        for (const e of /** @type {FileSystemEntry[]} */ (batch)) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(/** @type {FileSystemEntry} */ (e), '');
  return { files, problems };
}
