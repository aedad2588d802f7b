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
  const plural = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const mean = (xs) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

  const kept = document.querySelector('[data-kept]');
  const draw = () => {
    const routines = read('stretchguide-routines');
    kept.hidden = !routines.length;
    out.kept.replaceChildren(...routines.map((k) => {
      const a = el('a', k.t || 'My stretches');
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
      const tr = el('tr');
      for (let i = 0; i < 7; i++) {
        const c = new Date(first);
        c.setDate(first.getDate() + w * 7 + i);
        const td = el('td');
        const n = recent.filter((s) => day(new Date(s.t)) === day(c)).length;
        td.append(el('span', String(c.getDate())));
        if (n) { td.className = 'done'; td.append(el('span', ` ✓ ${plural(n, 'session')}`)); }
        if (c > today) td.className = 'future';
        if (day(c) === day(today)) td.setAttribute('aria-current', 'date');
        tr.append(td);
      }
      out.cal.append(tr);
    }
    out.sum.textContent = all.length
      ? `${plural(recent.length, 'session')} in the last four weeks. Days in a row now: ${streak}. Most days in a row: ${best}.`
      : 'No sessions yet. Start a routine or a stretch, and it will show here.';
    // Pain: the average before and after, first half of the four weeks and second.
    const half = new Date(first);
    half.setDate(half.getDate() + 14);
    const avg = (list, k) => { const xs = list.map((s) => s[k]).filter((v) => typeof v === 'number'); return xs.length ? mean(xs) : null; };
    const early = recent.filter((s) => new Date(s.t) < half);
    const late = recent.filter((s) => new Date(s.t) >= half);
    const parts = [];
    [['b', 'before'], ['a', 'after']].forEach(([k, w]) => {
      const a = avg(early, k);
      const b = avg(late, k);
      if (a !== null && b !== null) parts.push(`Average pain ${w} stretching went from ${a} to ${b} out of 10 between the first two weeks and the last two.`);
      else if (b !== null || a !== null) parts.push(`Average pain ${w} stretching: ${b === null ? a : b} out of 10.`);
    });
    out.trend.textContent = parts.join(' ') || 'When you note your pain before or after a session, it shows here.';
    out.rows.replaceChildren(...recent.slice().reverse().map((s) => {
      const tr = el('tr');
      [new Date(s.t).toLocaleDateString(document.documentElement.lang), s.r, `${s.n} of ${s.of}`, pain(s.b), pain(s.a)]
        .forEach((v) => tr.append(el('td', v)));
      return tr;
    }));
  };

  const csv = () => {
    const q = (v) => `"${String(v).replace(/"/g, '""')}"`;
    const lines = [['date', 'time', 'what', 'steps done', 'steps', 'pain before', 'pain after'].join(',')];
    read().forEach((s) => {
      const t = new Date(s.t);
      lines.push([day(t), t.toTimeString().slice(0, 5), q(s.r), s.n, s.of, pain(s.b), pain(s.a)].join(','));
    });
    const a = el('a');
    a.href = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }));
    a.download = `my-stretching-${day(new Date())}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const acts = {
    print: () => window.print(),
    csv,
    forget: () => {
      if (!window.confirm('Remove all your sessions from this browser? This cannot be undone.')) return;
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
      draw();
      out.status.textContent = 'Your data is gone from this browser.';
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
