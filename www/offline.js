// The Service Worker (sw.js) precaches the whole site, lazy chunks included. It is registered once
// the first charts are drawn (or 4 s after the load event, whichever comes first), so its
// downloads never compete with what the first visit needs (dist/sizes.json: precache_gzip).
import { ui } from './elements.js';
import { t } from './i18n.js';

/** @type {Promise<unknown> | null} */
let registered = null;

/** Registers the Service Worker once; settles once its script has been fetched (or at once without one). */
export function registerOffline() {
  registered ??= !('serviceWorker' in navigator) || location.protocol === 'file:' ? Promise.resolve()
    : navigator.serviceWorker.register('./sw.js').catch(() => { /* no offline copy; the page still works online */ });
  return registered;
}

/** Registers the Service Worker 4 s after load at the latest, and says when a new version has taken over. */
export function initOffline() {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const hadController = !!navigator.serviceWorker.controller;
  window.addEventListener('load', () => setTimeout(registerOffline, 4000), { once: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) return; // the first install: nothing to reload
    ui.updateNote.textContent = t('update.ready');
    ui.updateNote.hidden = false;
  });
}
