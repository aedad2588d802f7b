// progress.js: the "My progress" page. It reads the sessions follow.js kept in this
// browser (localStorage, nothing leaves the device) and shows the last four weeks as
// a calendar with streaks, pain before and after, a printable summary, a CSV file to
// save and a button that forgets it all; and links to the routines prescribe.js kept.
(() => {
  'use strict';
  const box = document.querySelector('[data-progress]');
  if (!box) return;
  const out = {};
  document.querySelectorAll('[data-out]').forEach((el) => { out[el.dataset.out] = el; });
  const KEY = 'stretchguide-sessions';
  const read = (k = KEY) => { try { return JSON.parse(localStorage.getItem(k)) || []; } catch (e) { return []; } };
  const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
  const pain = (v) => (v === null || v === undefined ? '' : String(v));
  const mean = (xs) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

  const kept = document.querySelector('[data-kept]');
  const draw = () => {
    const routines = read('stretchguide-routines');
    kept.hidden = !routines.length;
    out.kept.replaceChildren(...routines.map((k) => {
      const a = el('a', k.t || tr('make.untitled'));
      a.href = `${kept.dataset.make}#${k.f}`;
      const li = el('li');
      li.append(a);
      return li;
    }));
    const all = read();
    const days = new Set(all.map((s) => day(new Date(s.t))));
    const today = new Date();
    today.setHours(12, 0, 0, 0);
    // Streaks: days in a row with a session, ending today or yesterday.
    let streak = 0;
    const d = new Date(today);
    if (!days.has(day(d))) d.setDate(d.getDate() - 1);
    while (days.has(day(d))) { streak++; d.setDate(d.getDate() - 1); }
    let best = 0;
    let run = 0;
    [...days].sort().forEach((k, i, ks) => {
      const prev = new Date(`${ks[i - 1]}T12:00`);
      prev.setDate(prev.getDate() + 1);
      run = i && day(prev) === k ? run + 1 : 1;
      best = Math.max(best, run);
    });
    // The calendar: four whole weeks, Monday first, ending with this week.
    const first = new Date(today);
    first.setDate(first.getDate() - ((first.getDay() + 6) % 7) - 21);
    const recent = all.filter((s) => new Date(s.t) >= first);
    out.cal.replaceChildren();
    for (let w = 0; w < 4; w++) {
      const row = el('tr');
      for (let i = 0; i < 7; i++) {
        const c = new Date(first);
        c.setDate(first.getDate() + w * 7 + i);
        const td = el('td');
        const n = recent.filter((s) => day(new Date(s.t)) === day(c)).length;
        td.append(el('span', String(c.getDate())));
        if (n) { td.className = 'done'; td.append(el('span', ` ✓ ${tr('progress.sessions', n)}`)); }
        if (c > today) td.className = 'future';
        if (day(c) === day(today)) td.setAttribute('aria-current', 'date');
        row.append(td);
      }
      out.cal.append(row);
    }
    out.sum.textContent = all.length
      ? tr('progress.sum', tr('progress.sessions', recent.length), streak, best)
      : tr('progress.none');
    // Pain: the average before and after, first half of the four weeks and second.
    const half = new Date(first);
    half.setDate(half.getDate() + 14);
    const avg = (list, k) => { const xs = list.map((s) => s[k]).filter((v) => typeof v === 'number'); return xs.length ? mean(xs) : null; };
    const early = recent.filter((s) => new Date(s.t) < half);
    const late = recent.filter((s) => new Date(s.t) >= half);
    const parts = [];
    // went says the change from the first two weeks to the last two; one, the one average.
    const trend = (k, went, one) => {
      const a = avg(early, k);
      const b = avg(late, k);
      if (a !== null && b !== null) parts.push(went(a, b));
      else if (b !== null || a !== null) parts.push(one(b === null ? a : b));
    };
    trend('b', (a, b) => tr('progress.before_went', a, b), (v) => tr('progress.before_avg', v));
    trend('a', (a, b) => tr('progress.after_went', a, b), (v) => tr('progress.after_avg', v));
    out.trend.textContent = parts.join(' ') || tr('progress.no_pain');
    out.rows.replaceChildren(...recent.slice().reverse().map((s) => {
      const row = el('tr');
      [new Date(s.t).toLocaleDateString(document.documentElement.lang), s.r, tr('progress.of', s.n, s.of), pain(s.b), pain(s.a)]
        .forEach((v) => row.append(el('td', v)));
      return row;
    }));
  };

  const csv = () => {
    const q = (v) => `"${String(v).replace(/"/g, '""')}"`;
    const lines = [tr('progress.csv_head')];
    read().forEach((s) => {
      const t = new Date(s.t);
      lines.push([day(t), t.toTimeString().slice(0, 5), q(s.r), s.n, s.of, pain(s.b), pain(s.a)].join(','));
    });
    const a = el('a');
    a.href = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }));
    a.download = `${tr('progress.file')}-${day(new Date())}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const acts = {
    print: () => window.print(),
    csv,
    forget: () => {
      if (!window.confirm(tr('progress.confirm'))) return;
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
      draw();
      out.status.textContent = tr('progress.gone');
    },
  };
  box.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (b && acts[b.dataset.act]) acts[b.dataset.act]();
  });
  window.addEventListener('storage', draw);
  draw();
  out.nojs.hidden = true;
  box.hidden = false;
})();
