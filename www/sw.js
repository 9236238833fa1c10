// The Service Worker: keeps the site for offline use after the first visit. scripts/build-site.mjs
// fills in the cache version (a hash of the site's files) and the list of files to keep.
// Strategy: the site's own files are served from the cache (cache first, so the page opens
// offline and at once); anything else of this origin goes to the network and, when it is lazy
// data under this scope (the Chinese dictionary), is kept once fetched.
const VERSION = '__VERSION__';
/** @type {string[]} */
const PRECACHE = /** @type {any} */ ('__PRECACHE__');
const CACHE = `article-explorer-${VERSION}`;
/** @type {ServiceWorkerGlobalScope} */
const sw = /** @type {any} */ (self);
const scope = new URL(sw.registration.scope);

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'no-cache': each file is revalidated with the server (a new build is never mixed with an old
    // one), but a file the page has just loaded comes back as a 304 from the HTTP cache instead of
    // being downloaded a second time.
    await cache.addAll(PRECACHE.map((p) => new Request(new URL(p, scope), { cache: 'no-cache' })));
    await sw.skipWaiting();
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('article-explorer-') && key !== CACHE) await caches.delete(key);
    }
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Navigations (any query string) get the page itself, but for the embed view (embed.html, in
    // other sites' iframes), which is a page of its own.
    const page = req.mode === 'navigate' && !url.pathname.endsWith('/embed.html');
    const key = page ? new URL('./', scope).href : url.href.split('#')[0];
    const hit = await cache.match(key, { ignoreSearch: page });
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') cache.put(key, res.clone());
    return res;
  })());
});
