// Saving a file the page made (a chart, a table, the report, the library) through the browser's
// download (chart-tools.js, library-ui.js).

/** Downloads `blob` as the file `name`. */
export function download(/** @type {string} */ name, /** @type {Blob} */ blob) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
