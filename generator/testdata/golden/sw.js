// sw.js: the service worker. The build writes it at the site root (so its scope is
// the whole guide, under any folder) with VERSION, a hash of every file it writes,
// and FILES, those files' addresses below the root. Installing it keeps every page,
// asset, picture and handout in a cache named for the version; pages come from the
// network while there is one and from the cache when not, everything else from the
// cache first; any other address (such as the live reload of serve) is left to the
// browser. A deploy changes this file, so the next visit installs the new version,
// which takes over at once and drops the old cache.
const VERSION = '7090b590e89ae289';
const FILES = ["404.html","about/","apple-touch-icon.png","areas/hips/","areas/lower-back/","assets/cite.bb74d67909.js","assets/favicon.111ebe7994.svg","assets/finder.f68fe979eb.js","assets/follow.d707ea66bb.js","assets/offline.d2bbe430f9.js","assets/prescribe.8ea74e36a0.js","assets/prescribe.cb34dc813f.css","assets/print.450017cbbf.js","assets/progress.61ad05b5e2.js","assets/qr.2cdfbb2497.js","assets/search.db6fcf5a29.js","assets/strings.7b67159f4d.js","assets/style.982ddf97ad.css","assets/widgets.6a7d5cae7f.css","bibliography/","evidence-grades/","./","make/","manifest.webmanifest","positions/kneeling/","positions/lying/","preview.png","progress/","red-flags/","routines/bedtime.pdf","routines/bedtime/","routines/bedtime/qr.svg","search.json","stretches/bridge/bridge.svg","stretches/bridge/","stretches/childs-pose/","stretches/","stretches/open-book/"];
const CACHE = `stretchguide-${VERSION}`;
const root = new URL('./', self.location.href).href;
const kept = new Set(FILES.map((f) => new URL(f, root).href));

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll([...kept]))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('stretchguide-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (e) => {
  const r = e.request;
  const u = r.url.split(/[?#]/)[0];
  if (r.method !== 'GET' || !(kept.has(u) || (r.mode === 'navigate' && u.startsWith(root)))) return;
  const cached = () => caches.open(CACHE).then((c) => c.match(r, { ignoreSearch: true }));
  if (r.mode === 'navigate') {
    e.respondWith(fetch(r).catch(() => cached().then((m) => m || caches.match(new URL('404.html', root).href))));
  } else {
    e.respondWith(cached().then((m) => m || fetch(r)));
  }
});
