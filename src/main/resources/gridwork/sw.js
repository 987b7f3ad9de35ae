// 呼应 · 网格工作 — the service worker of the grid worker's phone pages (scope /m/).
// Pages and their scripts are taken from the network when there is signal and kept; without signal the kept copy
// is shown, so a patrol or visit can still be typed. POSTs are never touched here: the page keeps what it could
// not send (localStorage) and sends it with its Idempotency-Key when the signal returns.
'use strict';
const CACHE = 'huying-grid-v1';
const SHELL = ['/m/grid', '/m/patrol', '/m/visit', '/css/huying.css', '/js/huying.js', '/js/grid-offline.js',
  '/webjars/htmx.org/dist/htmx.min.js', '/public/grid.webmanifest', '/public/grid-icon.svg'];

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(SHELL.map((url) =>
    fetch(url, {credentials: 'same-origin'})
      .then((r) => (r.ok && !r.redirected ? cache.put(url, r) : null))
      .catch(() => null)))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  const keep = request.mode === 'navigate' || SHELL.includes(url.pathname);
  if (!keep) {
    return;
  }
  event.respondWith(fetch(request).then((response) => {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then((kept) => kept || caches.match('/m/grid'))));
});
