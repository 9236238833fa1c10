// Numbers and sizes as the page writes them.
import { uiLang } from './i18n.js';

/**
 * A count with its digits in groups of three ("10,485,760"), as Intl.NumberFormat writes it for
 * 'en' and 'zh-CN' alike, without it: a formatter's first use loads ICU's locale data (tens of
 * milliseconds in the first report's task), and Number#toLocaleString builds a formatter per call.
 */
export const fmt = (/** @type {number | string} */ n) => {
  const x = Number(n);
  if (!Number.isSafeInteger(x)) return x.toLocaleString(uiLang() === 'zh' ? 'zh-CN' : 'en');
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
};

/** "10.0 MB" / "850 KB" for a count of characters or bytes (MB = 1024 × 1024, as in the engine's limit). */
export const sizeLabel = (/** @type {number} */ n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
