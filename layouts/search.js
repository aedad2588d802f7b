// search.js: the site search. On first use it downloads search.json, which the
// build writes, and lists the best matches as links while the patient types. It
// forgives: a word may be the start of a word of the page, and a word of five
// letters or more may be one letter off (two from eight letters: "hamstrng"); the
// index also holds other names of each page (also_known_as and site synonyms).
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
        index = entries.map((e) => ({ e, t: words(e.t), a: words(e.a || ''), s: words(e.s || ''), w: (e.w || '').split(' ') }));
      })
      .catch(() => { index = []; status.textContent = tr('search.unavailable'); });
    return loading;
  };

  // dl is the Damerau-Levenshtein distance of a and b (letters swapped count as one
  // change), or max + 1 as soon as it is sure to be more than max.
  const dl = (a, b, max) => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let before = [];
    let prev = [...Array(b.length + 1).keys()];
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) {
        let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row.push(d);
      }
      if (Math.min(...row) > max) return max + 1;
      before = prev;
      prev = row;
    }
    return prev[b.length];
  };
  // near says how well query word w matches word t of a page: 1 when t starts with
  // w, 0.5 when w is a letter or two off t (or off its start), else 0.
  const near = (w, t) => {
    if (t.startsWith(w)) return 1;
    const k = w.length >= 8 ? 2 : w.length >= 5 ? 1 : 0;
    return k && (dl(w, t, k) <= k || (t.length > w.length && dl(w, t.slice(0, w.length), k) <= k)) ? 0.5 : 0;
  };

  // Entries matching the most query words, best first: a word of the title counts
  // most, then another name of the page, the summary, the rest of the page.
  const find = (q) => {
    const qs = words(q);
    const hits = [];
    index.forEach((x, i) => {
      let n = 0;
      let score = 0;
      qs.forEach((w) => {
        const best = (ts) => ts.reduce((m, t) => (m === 1 ? m : Math.max(m, near(w, t))), 0);
        const s = Math.max(4 * best(x.t), 3 * best(x.a), 2 * best(x.s), best(x.w));
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
      ? tr('search.results', hits.length)
      : tr('search.none');
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
