// search.js: the site search. On first use it downloads search.json, which the
// build writes, and lists the best matches as links while the patient types.
// Without it the search form stays hidden; every page is reachable by links.
(() => {
  'use strict';
  const form = document.querySelector('form.site-search[data-index]');
  if (!form || !window.fetch) return;
  const input = form.querySelector('input');
  const list = form.querySelector('.search-results');
  const status = form.querySelector('.search-status');
  const base = new URL(form.dataset.index, location.href);
  let index = null;
  let loading = null;

  // Words as the build splits them: lowercase letters and digits, no apostrophes.
  const words = (s) => s.toLowerCase().replace(/['\u2019]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  const load = () => {
    loading = loading || fetch(base)
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((entries) => {
        index = entries.map((e) => ({ e, t: words(e.t), s: words(e.s || ''), w: (e.w || '').split(' ') }));
      })
      .catch(() => { index = []; status.textContent = 'Search is not available right now.'; });
    return loading;
  };

  // Entries matching the most query words, best first: a word at the start of a
  // title word counts most, then the summary, then the rest of the page.
  const find = (q) => {
    const qs = words(q);
    const hits = [];
    index.forEach((x, i) => {
      let n = 0;
      let score = 0;
      qs.forEach((w) => {
        const has = (ts) => ts.some((t) => t.startsWith(w));
        const s = has(x.t) ? 4 : has(x.s) ? 2 : has(x.w) ? 1 : 0;
        if (s) { n++; score += s; }
      });
      if (n) hits.push({ x, n, score, i });
    });
    const most = Math.max(0, ...hits.map((h) => h.n));
    return hits.filter((h) => h.n === most).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, 8);
  };

  const show = () => {
    const q = input.value.trim();
    list.replaceChildren();
    if (!q) { status.textContent = ''; return; }
    if (!index) { load().then(show); return; }
    const hits = find(q);
    hits.forEach(({ x }) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      const kind = document.createElement('span');
      a.href = new URL(x.e.u, base).href;
      a.textContent = x.e.t;
      kind.className = 'meta';
      kind.textContent = ` ${x.e.k}`;
      li.append(a, kind);
      list.appendChild(li);
    });
    status.textContent = hits.length
      ? `${hits.length} ${hits.length === 1 ? 'result' : 'results'}.`
      : 'Nothing found. Try another word.';
  };

  const move = (by) => {
    const as = [...list.querySelectorAll('a')];
    const i = as.indexOf(document.activeElement) + by;
    if (i < 0) input.focus();
    else if (as[Math.min(i, as.length - 1)]) as[Math.min(i, as.length - 1)].focus();
  };

  input.addEventListener('focus', load);
  input.addEventListener('input', show);
  // Enter or Go opens the best match.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load().then(() => {
      show();
      const first = list.querySelector('a');
      if (first) location.href = first.href;
    });
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Escape' && input.value) {
      input.value = '';
      show();
      input.focus();
    }
  });
  form.hidden = false;
})();
