/*
 * The offline shell for phones in the village: after one visit the app opens with no network.
 * HTML and GET /api answers: network first, the last good copy when offline. Built assets
 * (/assets/, content-hashed, never change): cache first. Writes (POST …) are never touched:
 * the visit queue in the page handles those. Logging in or out drops the cached API answers,
 * so one person's data never shows to the next.
 */
const SHELL = 'jiceng-shell-v1';
const ASSETS = 'jiceng-assets-v1';
const API = 'jiceng-api-v1';
const KEEP = [SHELL, ASSETS, API];

async function precacheShell() {
  const cache = await caches.open(SHELL);
  const res = await fetch('/', { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/', res);
  // The entry script, its preloads and styles, named in index.html.
  const urls = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const assets = await caches.open(ASSETS);
  await Promise.all(urls.map((u) => assets.add(u).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precacheShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
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

// The page sends the assets it loaded before this worker controlled it (the first visit).
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'cache-assets' ? event.data.urls : null;
  if (!Array.isArray(urls)) return;
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) =>
        Promise.all(
          urls
            .filter((u) => typeof u === 'string' && u.startsWith('/assets/'))
            .map((u) => cache.match(u).then((hit) => hit || cache.add(u).catch(() => undefined))),
        ),
      ),
  );
});

async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(key || request, res.clone());
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

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    if (url.pathname === '/api/auth/login' || url.pathname === '/api/auth/logout') event.waitUntil(caches.delete(API));
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
  if (request.mode === 'navigate' && !/\.\w+$/.test(url.pathname) && !url.pathname.startsWith('/report')) event.respondWith(networkFirst(request, SHELL, '/'));
});
