// prescribe.js: the "Make a routine" page. A clinician picks stretches from the
// catalog the page carries (data-catalog), orders them (drag, or Up and Down) and
// sets each dose; the page shows the routine as a routine page prints it, with its
// total, the warning signs that apply, the link and a QR code. The whole routine
// lives in the address after # (never sent to a server):
//   #r=v1;Title;Note;slug:h30:s2:b,slug:r10:s1
// h is a hold in seconds, r repetitions, s sets, b each side; text is URI-encoded
// with + for spaces. Doses are always written out, so a link keeps the clinician's
// values when the guide changes; stretches the guide no longer has are named and
// left out. "Keep on this device" saves the link in localStorage, nothing else does;
// the progress page (progress.js) lists what it kept.
(() => {
  'use strict';
  const root = document.querySelector('[data-prescribe]');
  if (!root) return;
  const cat = JSON.parse(root.dataset.catalog);
  const bySlug = new Map(cat.stretches.map((s) => [s.s, s]));
  const q = (sel) => root.querySelector(sel);
  const out = {};
  root.querySelectorAll('[data-out]').forEach((el) => { if (!el.closest('[data-follow]')) out[el.dataset.out] = el; });
  const inp = {};
  root.querySelectorAll('[data-in]').forEach((el) => { inp[el.dataset.in] = el; });
  const maker = q('[data-maker]');
  const follow = q('[data-follow]');
  const KEPT = 'stretchguide-routines';
  // follow.js runs after this script; it waits for a plan instead of giving up.
  if (follow) follow.dataset.planLater = '';

  let title = inp.title.value;
  let note = '';
  let steps = []; // {s: slug, kind: 'h' or 'r', n, sets, sides}

  // The same words and sums as package i18n and guide: Words, ISO8601, Dose, Dose.Active.
  const words = (t) => {
    const m = Math.floor(t / 60);
    const s = t % 60;
    if (m === 0) return tr('duration.seconds', s);
    if (s === 0) return tr('duration.minutes', m);
    return tr('duration.minutes_seconds', tr('duration.minutes', m), tr('duration.seconds', s));
  };
  const iso = (t) => {
    const h = Math.floor(t / 3600);
    const m = Math.floor(t / 60) % 60;
    const s = t % 60;
    return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
  };
  const doseText = (st) => [st.kind === 'r' ? tr('dose.reps', st.n) : tr('dose.hold', words(st.n)),
    st.sets > 1 && tr('dose.sets', st.sets), st.sides && tr('dose.sides')].filter(Boolean).join(tr('dose.join'));
  const active = (st) => (st.kind === 'r' ? st.n * cat.rep : st.n) * Math.max(st.sets, 1) * (st.sides ? 2 : 1);

  // h makes an element: attributes (on* never), then children, strings as text.
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== false && v != null) el.setAttribute(k, v === true ? '' : v); });
    el.append(...kids.flat(Infinity).filter((k) => k != null && k !== false));
    return el;
  };
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, Math.round(Number(v)) || lo));
  const fresh = (s) => ({ s: s.s, kind: s.r ? 'r' : 'h', n: s.r || s.h || 30, sets: s.n || 1, sides: !!s.b });

  // The fragment: encode and decode.
  const enc = (t) => encodeURIComponent(t).replace(/%20/g, '+');
  const dec = (t) => { try { return decodeURIComponent(t.replace(/\+/g, ' ')); } catch (e) { return ''; } };
  const fragment = () => `r=v1;${enc(title)};${enc(note)};${steps.map((st) =>
    `${st.s}:${st.kind}${st.n}:s${st.sets}${st.sides ? ':b' : ''}`).join(',')}`;
  const link = () => `${location.href.split('#')[0]}#${fragment()}`;
  const decode = (frag) => {
    const m = /^r=v1;([^;]*);([^;]*);([^;]*)$/.exec(frag);
    if (!m) return null;
    const got = { title: dec(m[1]).slice(0, 60), note: dec(m[2]).slice(0, 200), steps: [], unknown: [] };
    m[3].split(',').filter(Boolean).forEach((tok) => {
      const [slug, ...fields] = tok.split(':');
      const s = bySlug.get(slug);
      if (!s) { got.unknown.push(slug); return; }
      const st = fresh(s);
      st.sides = false;
      fields.forEach((f) => {
        const n = Number(f.slice(1));
        if (f === 'b') st.sides = true;
        else if (f[0] === 'h' || f[0] === 'r') { st.kind = f[0]; st.n = n; } else if (f[0] === 's') st.sets = n;
      });
      st.n = clamp(st.n, 1, st.kind === 'r' ? 100 : 600);
      st.sets = clamp(st.sets, 1, 10);
      got.steps.push(st);
    });
    return got;
  };

  // The catalog list: search words and the area and position filters.
  // The list is drawn again only when a filter changed: the search box's change
  // event, as the focus leaves it for an Add button, must not take that button away.
  let shown = null;
  const results = () => {
    const key = [inp.q.value, inp.area.value, inp.position.value].join('\n');
    if (key === shown) return;
    shown = key;
    const words = inp.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    const found = cat.stretches.filter((s) => {
      const text = [s.t, s.m, ...(s.k || [])].join(' ').toLowerCase();
      return (!inp.area.value || s.ar.includes(inp.area.value)) &&
        (!inp.position.value || s.p === inp.position.value) && words.every((w) => text.includes(w));
    });
    out.results.replaceChildren(...found.map((s) => h('li', null,
      h('span', { class: 'maker-name' }, s.t), ' ',
      h('span', { class: 'meta' }, `${doseText(fresh(s))} · ${s.p}`), ' ',
      h('button', { type: 'button', class: 'button', 'data-add': s.s, 'aria-label': tr('make.add_label', s.t) }, tr('make.add')))));
    out.found.textContent = found.length ? tr('make.found', found.length) : tr('make.none');
  };

  // The editor: one item per step, with its dose fields and buttons to move it.
  const field = (label, el) => h('label', { class: 'maker-field' }, `${label} `, el);
  const editor = () => {
    out.editor.replaceChildren(...steps.map((st, i) => {
      const s = bySlug.get(st.s);
      const kind = h('select', { 'data-f': 'kind' }, h('option', { value: 'h' }, tr('make.hold')), h('option', { value: 'r' }, tr('make.reps')));
      kind.value = st.kind;
      return h('li', { class: 'maker-step', draggable: 'true', 'data-i': i },
        h('h3', null, s.t),
        h('div', { class: 'maker-dose' },
          field(tr('make.count_by'), kind),
          field(tr('make.how_many'), h('input', { type: 'number', min: 1, max: 600, value: st.n, 'data-f': 'n' })),
          field(tr('make.sets'), h('input', { type: 'number', min: 1, max: 10, value: st.sets, 'data-f': 'sets' })),
          h('label', { class: 'maker-field' }, h('input', { type: 'checkbox', 'data-f': 'sides', checked: st.sides }), ` ${tr('make.each_side')}`)),
        h('div', { class: 'maker-move' },
          h('button', { type: 'button', class: 'button', 'data-move': -1, 'aria-label': tr('make.up_label', s.t), disabled: i === 0 }, tr('make.up')),
          h('button', { type: 'button', class: 'button', 'data-move': 1, 'aria-label': tr('make.down_label', s.t), disabled: i === steps.length - 1 }, tr('make.down')),
          h('button', { type: 'button', class: 'button', 'data-remove': '', 'aria-label': tr('make.remove_label', s.t) }, tr('make.remove'))));
    }));
    out.empty.hidden = steps.length > 0;
  };

  // The handout: the same markup as a routine page's steps.
  const ticks = () => h('p', { class: 'ticks print-only', 'aria-hidden': 'true' }, `${tr('make.ticks')} `,
    [1, 2, 3, 4, 5, 6, 7].map((n) => h('span', null, h('i'), String(n))));
  const stepItem = (st) => {
    const s = bySlug.get(st.s);
    return h('li', { class: 'step' },
      s.i && h('img', { src: s.i, alt: s.a, width: 240, height: 160 }),
      h('div', { class: 'step-text' },
        h('h2', null, h('a', { href: s.u }, s.t)),
        h('p', { class: 'dose' }, doseText(st)),
        s.c && h('ul', { class: 'cues' }, s.c.map((c) => h('li', null, c))),
        ticks(),
        s.rv ? h('p', { class: 'reviewed' }, s.rv) : h('p', { class: 'unreviewed' }, cat.un)));
  };
  const plan = () => {
    const ol = follow && follow.querySelector('.follow-plan');
    if (!ol) return;
    ol.replaceChildren(...steps.map((st) => {
      const s = bySlug.get(st.s);
      return h('li', { 'data-title': s.t, 'data-dose': doseText(st), 'data-hold': st.kind === 'h' ? st.n : 0,
        'data-reps': st.kind === 'r' ? st.n : 0, 'data-sets': st.sets, 'data-sides': st.sides && 'both',
        'data-img': s.i, 'data-alt': s.i && s.a }, (s.c || []).map((c) => h('span', null, c)));
    }));
    follow.dataset.name = title;
    follow.querySelector('[data-act=start]').textContent = tr('make.start');
    const done = follow.querySelector('.player-end p');
    if (done) done.textContent = tr('make.finished', title, words(steps.reduce((t, st) => t + active(st), 0)));
    follow.dispatchEvent(new Event('follow:plan'));
  };
  // stamp is the version line a routine page prints (pdf.Stamp): a short hash of the
  // text the handout prints (not the follow-along, which does not print), SHA-256 where the browser offers it (secure
  // pages), else FNV-1a, 8 hex digits either way; then the latest review date of the
  // stretches, "last updated" as the made routine names no reviewer of its own.
  let stampRun = 0;
  const stamp = async () => {
    const run = ++stampRun;
    const text = ['heading', 'note', 'total', 'steps', 'url'].map((k) => out[k].innerText)
      .concat(root.querySelector('#warning-signs').innerText).join(' ').replace(/\s+/g, ' ').trim();
    const bytes = new TextEncoder().encode(text);
    let hex;
    if (window.crypto && crypto.subtle) {
      const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      hex = [...sum.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
    } else {
      let x = 0x811c9dc5;
      bytes.forEach((b) => { x = Math.imul(x ^ b, 0x01000193) >>> 0; });
      hex = x.toString(16).padStart(8, '0');
    }
    const date = steps.map((st) => bySlug.get(st.s).d || '').sort().pop();
    if (run === stampRun) out.stamp.textContent = date ? tr('make.stamp_updated', hex, date) : tr('make.stamp', hex);
  };

  // refresh shows the routine everywhere it appears after any change.
  const refresh = () => {
    const has = steps.length > 0;
    out.handout.hidden = !has;
    q('[data-actions]').hidden = !has;
    if (!has) return;
    const frag = fragment();
    if (location.hash.slice(1) !== frag) history.replaceState(null, '', `#${frag}`);
    const total = steps.reduce((t, st) => t + active(st), 0);
    out.heading.textContent = title || tr('make.untitled');
    out.note.textContent = note;
    out.note.hidden = !note;
    out.total.textContent = words(total);
    out.total.setAttribute('datetime', iso(total));
    out.steps.replaceChildren(...steps.map(stepItem));
    const flags = new Set(steps.flatMap((st) => bySlug.get(st.s).f || []));
    root.querySelectorAll('#warning-signs .flags > li').forEach((li) => {
      const a = li.querySelector('a');
      li.hidden = !li.classList.contains('urgency-emergency') && !flags.has(a.hash.slice(1));
    });
    const url = link();
    out.url.textContent = url;
    const code = window.stretchQR && stretchQR.svg(url, tr('make.qr'));
    out.qr.replaceChildren(code || h('span', null, tr('make.too_long')));
    plan();
    stamp();
  };

  const load = (frag, first) => {
    const got = frag ? decode(frag) : null;
    out.unknown.hidden = true;
    if (!got) {
      if (first) maker.open = true;
      return refresh();
    }
    ({ title, note, steps } = got);
    inp.title.value = title;
    inp.note.value = note;
    if (got.unknown.length) {
      out.unknown.replaceChildren(h('p', null, tr('make.unknown', got.unknown.length),
        got.unknown.map((u, i) => [i ? ', ' : '', h('strong', null, u)]), tr('make.unknown_end')));
      out.unknown.hidden = false;
    }
    maker.open = first ? steps.length === 0 : maker.open;
    editor();
    refresh();
  };

  // Keeping: a list of {t: title, f: fragment} in this browser only.
  const kept = () => { try { return JSON.parse(localStorage.getItem(KEPT)) || []; } catch (e) { return []; } };
  const showKept = () => {
    const list = kept();
    q('[data-kept]').hidden = !list.length;
    out.kept.replaceChildren(...list.map((k, i) => h('li', null, h('a', { href: `#${k.f}` }, k.t || tr('make.untitled')), ' ',
      h('button', { type: 'button', class: 'button', 'data-forget': i, 'aria-label': tr('make.forget_label', k.t) }, tr('make.remove')))));
  };
  const keep = (list) => { try { localStorage.setItem(KEPT, JSON.stringify(list)); return true; } catch (e) { return false; } };

  const move = (i, to) => {
    if (to < 0 || to >= steps.length || to === i) return;
    const [st] = steps.splice(i, 1);
    steps.splice(to, 0, st);
    editor();
    refresh();
  };
  const acts = {
    print: () => window.print(),
    copy: () => {
      const said = (m) => { out.said.textContent = m; };
      if (navigator.clipboard) navigator.clipboard.writeText(link()).then(() => said(tr('make.copied')), () => said(tr('make.copy_yourself')));
      else said(tr('make.copy_yourself'));
    },
    keep: () => {
      const f = fragment();
      const ok = keep([{ t: title, f }, ...kept().filter((k) => k.f !== f)]);
      out.said.textContent = ok ? tr('make.kept') : tr('make.not_kept');
      showKept();
    },
  };

  root.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const li = b.closest('[data-i]');
    const i = li ? Number(li.dataset.i) : -1;
    if (b.dataset.add) {
      steps.push(fresh(bySlug.get(b.dataset.add)));
      editor();
      refresh();
      out.said.textContent = tr('make.added', bySlug.get(b.dataset.add).t, tr('make.count', steps.length));
    } else if (b.dataset.move) {
      const to = i + Number(b.dataset.move);
      move(i, to);
      const again = out.editor.children[to] && out.editor.children[to].querySelector(`[data-move="${b.dataset.move}"]`);
      (again && !again.disabled ? again : out.editor.children[to].querySelector('[data-remove]')).focus();
    } else if ('remove' in b.dataset) {
      steps.splice(i, 1);
      editor();
      refresh();
      const near = out.editor.children[Math.min(i, steps.length - 1)];
      (near ? near.querySelector('[data-remove]') : inp.q).focus();
    } else if (b.dataset.forget) {
      keep(kept().filter((k, n) => n !== Number(b.dataset.forget)));
      showKept();
    } else if (acts[b.dataset.act]) acts[b.dataset.act]();
  });
  const edit = (e) => {
    const el = e.target;
    if (el === inp.q || el === inp.area || el === inp.position) { results(); return; }
    if (el === inp.title) title = el.value;
    else if (el === inp.note) note = el.value;
    else if (el.dataset.f) {
      const st = steps[Number(el.closest('[data-i]').dataset.i)];
      if (el.dataset.f === 'sides') st.sides = el.checked;
      else if (el.dataset.f === 'kind') st.kind = el.value;
      else if (el.value !== '') st[el.dataset.f] = clamp(el.value, 1, el.dataset.f === 'sets' ? 10 : st.kind === 'r' ? 100 : 600);
    } else return;
    refresh();
  };
  root.addEventListener('input', edit);
  root.addEventListener('change', edit);

  // Drag and drop in the editor; the buttons do the same from the keyboard.
  let dragged = -1;
  out.editor.addEventListener('dragstart', (e) => {
    const li = e.target.closest('[data-i]');
    dragged = li ? Number(li.dataset.i) : -1;
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  });
  out.editor.addEventListener('dragover', (e) => { if (dragged >= 0) e.preventDefault(); });
  out.editor.addEventListener('drop', (e) => {
    const li = e.target.closest('[data-i]');
    if (li && dragged >= 0) { e.preventDefault(); move(dragged, Number(li.dataset.i)); }
    dragged = -1;
  });

  window.addEventListener('hashchange', () => { if (location.hash.slice(1) !== fragment()) load(location.hash.slice(1), false); });
  q('.maker-nojs').hidden = true;
  maker.hidden = false;
  results();
  showKept();
  load(location.hash.slice(1), true);
})();
