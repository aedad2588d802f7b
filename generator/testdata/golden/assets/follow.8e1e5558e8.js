// follow.js: the follow-along mode of a routine page. "Start the routine" opens a
// dialog that walks through the steps listed in .follow-plan one at a time: a few
// seconds to get into position, then a countdown for a hold or a counter for
// repetitions, a prompt to switch sides, and an end screen. Pause, Back and Skip
// (space and the arrow keys) control it; a live region says what to do next; the
// screen is kept awake where the browser allows. Times follow the clock, so a
// hold lasts as long as it says even when the browser runs timers late.
(() => {
  'use strict';
  const sec = document.querySelector('[data-follow]');
  const dlg = sec && sec.querySelector('dialog');
  if (!dlg || typeof dlg.showModal !== 'function') return;
  const out = {};
  dlg.querySelectorAll('[data-out]').forEach((el) => { out[el.dataset.out] = el; });
  const pauseButton = dlg.querySelector('[data-act=pause]');
  const rest = Number(sec.dataset.rest) || 5; // seconds to get ready
  const perRep = Number(sec.dataset.rep) || 3; // seconds per repetition

  const steps = [...sec.querySelectorAll('.follow-plan > li')].map((li) => {
    const d = li.dataset;
    return {
      title: d.title, dose: d.dose, img: d.img, alt: d.alt || '',
      hold: Number(d.hold) || 0, reps: Number(d.reps) || 0, sets: Number(d.sets) || 1,
      sides: d.sides === 'both', cues: [...li.children].map((c) => c.textContent),
    };
  });
  // A part is one side of one set of a step: a short rest to get ready, then the
  // work itself (the hold, or the repetitions at perRep seconds each).
  const parts = [];
  steps.forEach((s, step) => {
    for (let set = 1; set <= s.sets; set++) {
      for (const side of s.sides ? [1, 2] : [0]) {
        parts.push({ step, set, side, work: s.reps ? s.reps * perRep : s.hold });
      }
    }
  });
  if (!parts.length) return;
  const total = parts.reduce((t, p) => t + rest + p.work, 0);

  let cur = 0; // index into parts
  let working = false; // false while getting ready
  let left = 0; // milliseconds left in this phase
  let end = 0; // when this phase ends, on the performance.now() clock
  let paused = false;
  let timer = 0;
  let lock = null; // the screen wake lock, when held
  let shownStep = -1;

  const clock = () => performance.now();
  const plural = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const words = (s) => {
    const m = Math.floor(s / 60);
    const r = s % 60;
    return [m && plural(m, 'minute'), (r || !m) && plural(r, 'second')].filter(Boolean).join(' ');
  };
  const mmss = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

  const say = (msg) => {
    // Empty first, so the same words said twice are announced twice.
    out.live.textContent = '';
    setTimeout(() => { out.live.textContent = msg; }, 60);
  };

  const wake = () => {
    if (lock || !navigator.wakeLock) return;
    navigator.wakeLock.request('screen').then((l) => {
      if (!dlg.open || paused) { l.release(); return; }
      lock = l;
      l.addEventListener('release', () => { if (lock === l) lock = null; });
    }, () => {});
  };
  const sleep = () => {
    if (lock) lock.release().catch(() => {});
    lock = null;
  };

  const sideWords = (p) => (p.side === 1 ? 'first side' : p.side === 2 ? 'second side' : '');

  const phaseWords = () => {
    const p = parts[cur];
    const s = steps[p.step];
    const set = s.sets > 1 ? `set ${p.set} of ${s.sets}` : '';
    if (!working) {
      if (p.side === 2) return 'Switch sides';
      if (p.set > 1) return `Rest, then ${set}`;
      return 'Get into position';
    }
    return [s.reps ? 'Repeat' : 'Hold', sideWords(p), set].filter(Boolean).join(', ');
  };

  const draw = () => {
    const p = parts[cur];
    const s = steps[p.step];
    const len = working ? p.work : rest;
    if (working && s.reps) {
      const rep = Math.min(s.reps, Math.floor((p.work * 1000 - left) / (perRep * 1000)) + 1);
      out.count.textContent = `${rep} of ${s.reps}`;
    } else {
      out.count.textContent = mmss(Math.ceil(left / 1000));
    }
    let done = 0;
    for (let i = 0; i < cur; i++) done += rest + parts[i].work;
    done += (working ? rest : 0) + len - left / 1000;
    out.progress.value = Math.min(1, done / total);
  };

  // begin starts part i, getting ready or working.
  const begin = (i, work) => {
    cur = i;
    working = work;
    const p = parts[i];
    const s = steps[p.step];
    left = (work ? p.work : rest) * 1000;
    end = clock() + left;
    out.where.textContent = `Step ${p.step + 1} of ${steps.length}`;
    if (shownStep !== p.step) {
      shownStep = p.step;
      out.title.textContent = s.title;
      out.dose.textContent = s.dose;
      out.pic.replaceChildren();
      if (s.img) {
        const img = new Image();
        img.src = s.img;
        img.alt = s.alt;
        out.pic.appendChild(img);
      }
      out.cues.replaceChildren(...s.cues.map((c) => {
        const li = document.createElement('li');
        li.textContent = c;
        return li;
      }));
    }
    out.phase.textContent = phaseWords();
    dlg.classList.toggle('working', work);
    let msg = phaseWords();
    if (work) msg += s.reps ? `: ${s.reps} times` : ` for ${words(p.work)}`;
    else if (p.set === 1 && p.side < 2) msg = `Step ${p.step + 1} of ${steps.length}: ${s.title}. ${s.dose}. ${msg}`;
    say(`${msg}.`);
    draw();
  };

  const finish = () => {
    clearTimeout(timer);
    sleep();
    out.stage.hidden = true;
    out.end.hidden = false;
    out.progress.value = 1;
    out.where.textContent = 'Finished';
    say('Routine finished. Well done.');
    out.end.querySelector('button').focus();
  };

  const tick = () => {
    clearTimeout(timer);
    if (paused || !dlg.open || out.stage.hidden) return;
    left = end - clock();
    if (left <= 0) { next(); return; }
    draw();
    timer = setTimeout(tick, Math.min(250, left));
  };

  // next ends the current phase early or on time: from getting ready to the work,
  // from the work to the next part, after the last part to the end screen.
  function next() {
    if (!working) begin(cur, true);
    else if (cur + 1 < parts.length) begin(cur + 1, false);
    else { finish(); return; }
    tick();
  }

  // back starts this part again from getting ready when it is under way, or the
  // part before while getting ready.
  const back = () => {
    begin(!working && cur > 0 ? cur - 1 : cur, false);
    tick();
  };

  const pause = (p) => {
    if (p === paused || out.stage.hidden) return;
    paused = p;
    if (p) {
      left = Math.max(0, end - clock());
      sleep();
    } else {
      end = clock() + left;
      wake();
    }
    pauseButton.textContent = p ? 'Resume' : 'Pause';
    dlg.classList.toggle('paused', p);
    say(p ? 'Paused.' : 'Going on.');
    tick();
  };

  const start = () => {
    paused = false;
    pauseButton.textContent = 'Pause';
    dlg.classList.remove('paused');
    out.end.hidden = true;
    out.stage.hidden = false;
    shownStep = -1;
    if (!dlg.open) dlg.showModal();
    begin(0, false);
    tick();
    wake();
    out.stage.focus({ preventScroll: true });
  };

  const stop = () => { if (dlg.open) dlg.close(); };

  const acts = { start, stop, next, back, skip: next, pause: () => pause(!paused) };
  sec.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (b && acts[b.dataset.act]) acts[b.dataset.act]();
  });
  dlg.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || out.stage.hidden) return;
    const onControl = e.target.closest('button, a');
    if (e.key === ' ' && !onControl) {
      e.preventDefault();
      pause(!paused);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      (e.key === 'ArrowRight' ? next : back)();
    }
  });
  // Closing (the Close button or Escape) stops the timer and lets the screen sleep.
  dlg.addEventListener('close', () => {
    clearTimeout(timer);
    sleep();
    sec.querySelector('[data-act=start]').focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && dlg.open && !paused && !out.stage.hidden) wake();
  });
  sec.hidden = false;
})();
