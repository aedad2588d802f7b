// offline.js: registers the service worker (sw.js at the site root), which keeps
// the guide on the device after the first visit so that it opens with no network.
(() => {
  'use strict';
  const me = document.currentScript;
  if (!me || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => { navigator.serviceWorker.register(me.dataset.sw).catch(() => {}); });
})();
