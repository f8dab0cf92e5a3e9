/*
 * The offline shell for phones in the village (docs/offline.md).
 * - Install: the app page ('/') and every file of the representative's phone path (precache.json,
 *   written by the build from vite's manifest), so the visit form opens with no signal even if it
 *   was never opened before. Each page load asks again (a deploy's new files; older builds' files
 *   are dropped).
 * - HTML and GET /api answers: network first, the last good copy when offline. Built assets
 *   (/assets/, content-hashed, never change): cache first.
 * - Writes (POST …) are never answered from here: the visit queue in the page handles those.
 * - The session's end drops the cached API answers, so one person's data never shows to the
 *   next: logging in or out (before and after the server's answer), any API answer 401, and the
 *   page's own 'session-ended' message.
 */
const SHELL = 'jiceng-shell-v1';
const ASSETS = 'jiceng-assets-v1';
const API = 'jiceng-api-v1';
const KEEP = [SHELL, ASSETS, API];

async function precacheShell() {
  const res = await fetch('/', { cache: 'no-cache' });
  if (res.ok) await (await caches.open(SHELL)).put('/', res);
}

/** The representative's path from precache.json; files already kept are not fetched again. */
async function precacheAssets() {
  const res = await fetch('/precache.json', { cache: 'no-cache' });
  if (!res.ok) return;
  const list = await res.json();
  const cache = await caches.open(ASSETS);
  const rep = (list.rep || []).filter((u) => typeof u === 'string' && u.startsWith('/assets/'));
  await Promise.all(rep.map((u) => cache.match(u).then((hit) => hit || cache.add(u))));
  const all = new Set(list.all || []);
  if (all.size === 0) return;
  for (const req of await cache.keys()) if (!all.has(new URL(req.url).pathname)) await cache.delete(req);
}

const dropApi = () => caches.delete(API);

self.addEventListener('install', (event) => {
  event.waitUntil(
    // A failed precache fails the install: the worker is tried again at the next load rather
    // than taking control with a path that shows a white screen offline.
    Promise.all([precacheShell(), precacheAssets()]).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !KEEP.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'session-ended') return event.waitUntil(dropApi());
  if (data.type === 'precache') return event.waitUntil(Promise.all([precacheShell(), precacheAssets()]).catch(() => undefined));
  // The page sends the assets it loaded before this worker controlled it (the first visit).
  if (data.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) =>
        Promise.all(
          data.urls
            .filter((u) => typeof u === 'string' && u.startsWith('/assets/'))
            .map((u) => cache.match(u).then((hit) => hit || cache.add(u).catch(() => undefined))),
        ),
      ),
  );
});

// Background Sync (where the browser has it): the network is back, tell open pages to send the visit queue.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'jiceng-visits') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((list) => {
      for (const c of list) c.postMessage({ type: 'sync-visits' });
    }),
  );
});

async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key || request, res.clone());
    else if (res.status === 401 && cacheName === API) await dropApi();
    return res;
  } catch (err) {
    const hit = await cache.match(key || request);
    if (hit) return hit;
    if (cacheName === API)
      return new Response(JSON.stringify({ error: { code: 'OFFLINE', message: '网络不可用 / offline' } }), {
        status: 503,
        headers: { 'content-type': 'application/json' },
      });
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

/** Logging in or out: the cached answers go before the request and again once it answered. */
async function sessionChange(request) {
  await dropApi();
  const res = await fetch(request);
  await dropApi();
  return res;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    if (url.pathname === '/api/auth/login' || url.pathname === '/api/auth/logout') event.respondWith(sessionChange(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(request));
  if (url.pathname.startsWith('/api/')) {
    // Files (exports, templates, photos) are not kept: large, and personal.
    if (/\/(export|template|photos)\b/.test(url.pathname)) return;
    return event.respondWith(networkFirst(request, API));
  }
  // Every other path is the single-page app: one cached copy of index.html serves them all.
  // (Files with an extension, such as report.html, and the residents' pages are left alone.)
  if (request.mode === 'navigate' && !/\.\w+$/.test(url.pathname) && !url.pathname.startsWith('/report') && !url.pathname.startsWith('/r/'))
    event.respondWith(networkFirst(request, SHELL, '/'));
});
