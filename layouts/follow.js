// follow.js: the follow-along mode of a routine or stretch page. "Start" opens a
// dialog that walks through the steps listed in .follow-plan one at a time: time to
// get into position (with the next stretch shown, and "I'm ready" to go on), then a
// countdown for a hold or a counter for repetitions, a prompt to switch sides, and
// an end screen. A spoken coach (the browser's own voices), short tones and
// vibration say the same as the screen unless muted. Pause, Back and Skip (space and
// the arrow keys) control it; a live region says what to do next; the screen is kept
// awake where the browser allows. Each finished or stopped session is kept in this
// browser only (localStorage) for the progress page. Times follow the clock.
(() => {
  'use strict';
  const sec = document.querySelector('[data-follow]');
  const dlg = sec && sec.querySelector('dialog');
  if (!dlg || typeof dlg.showModal !== 'function') return;
  const out = {};
  dlg.querySelectorAll('[data-out]').forEach((el) => { out[el.dataset.out] = el; });
  const set = {};
  sec.querySelectorAll('[data-set]').forEach((el) => { set[el.dataset.set] = el; });
  const pauseButton = dlg.querySelector('[data-act=pause]');
  const muteButton = dlg.querySelector('[data-act=mute]');
  const skipButton = dlg.querySelector('[data-act=skip]');
  const perRep = Number(sec.dataset.rep) || 3; // seconds per repetition
  const lang = document.documentElement.lang || 'en';
  const store = (k, v) => { try { if (v === undefined) return localStorage.getItem(k); localStorage.setItem(k, v); } catch (e) { /* private mode */ } return null; };
  const LOG = 'stretchguide-sessions';
  const MUTE = 'stretchguide-mute';

  const read = () => [...sec.querySelectorAll('.follow-plan > li')].map((li) => {
    const d = li.dataset;
    return {
      title: d.title, dose: d.dose, img: d.img, alt: d.alt || '',
      hold: Number(d.hold) || 0, reps: Number(d.reps) || 0, sets: Number(d.sets) || 1,
      sides: d.sides === 'both', cues: [...li.children].map((c) => c.textContent),
    };
  });
  let steps = read();
  // A page that writes its plan later (data-plan-later, the "Make a routine" page)
  // sends follow:plan after each change; the next Start plays the new plan.
  sec.addEventListener('follow:plan', () => { steps = read(); sec.hidden = !steps.length; });
  if (!steps.length && !('planLater' in sec.dataset)) return;
  // A part is one side of one set of a step: a rest to get ready, then the work
  // itself (the hold, scaled as the patient chose, or the repetitions).
  let parts = [];
  let rest = 5; // seconds to get ready
  let total = 1;
  const plan = () => {
    rest = Number(set.ready && set.ready.value) || Number(sec.dataset.rest) || 5;
    const scale = Number(set.hold && set.hold.value) || 1;
    parts = [];
    steps.forEach((s, step) => {
      for (let n = 1; n <= s.sets; n++) {
        for (const side of s.sides ? [1, 2] : [0]) {
          parts.push({ step, set: n, side, work: s.reps ? s.reps * perRep : Math.max(1, Math.round(s.hold * scale)) });
        }
      }
    });
    total = parts.reduce((t, p) => t + rest + p.work, 0);
  };

  let cur = 0; // index into parts
  let working = false; // false while getting ready
  let left = 0; // milliseconds left in this phase
  let end = 0; // when this phase ends, on the performance.now() clock
  let paused = false;
  let timer = 0;
  let lock = null; // the screen wake lock, when held
  let shownStep = -1;
  let lastCount = 0; // the last second or repetition said aloud
  let muted = store(MUTE) === '1';
  let audio = null;
  let session = null; // this session's record, once the work has begun

  const clock = () => performance.now();
  const words = (s) => {
    const m = Math.floor(s / 60);
    const r = s % 60;
    if (!m) return tr('duration.seconds', r);
    return r ? tr('duration.minutes_seconds', tr('duration.minutes', m), tr('duration.seconds', r)) : tr('duration.minutes', m);
  };
  const mmss = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

  // The coach: speech, tones and vibration. Mute silences speech and tones.
  const speak = (msg, now) => {
    const ss = window.speechSynthesis;
    if (muted || !ss || !window.SpeechSynthesisUtterance) return;
    if (now) ss.cancel();
    const u = new SpeechSynthesisUtterance(msg);
    u.lang = lang;
    ss.speak(u);
  };
  const tone = (hz, ms) => {
    if (muted || !audio) return;
    try {
      const o = audio.createOscillator();
      const g = audio.createGain();
      const t = audio.currentTime;
      o.frequency.value = hz;
      g.gain.setValueAtTime(0.15, t);
      g.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
      o.connect(g).connect(audio.destination);
      o.start(t);
      o.stop(t + ms / 1000);
    } catch (e) { /* no sound, no harm */ }
  };
  const buzz = (pattern) => { if (navigator.vibrate) navigator.vibrate(pattern); };
  const setMute = (m, keep) => {
    muted = m;
    if (keep) store(MUTE, m ? '1' : '0');
    muteButton.setAttribute('aria-pressed', String(m));
    if (m && window.speechSynthesis) speechSynthesis.cancel();
  };

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

  // The session log, newest last; see the progress page.
  const log = () => { try { return JSON.parse(store(LOG)) || []; } catch (e) { return []; } };
  const save = (done) => {
    if (!session) return;
    session.n = done;
    const all = log().filter((s) => s.t !== session.t);
    all.push(session);
    store(LOG, JSON.stringify(all.slice(-500)));
  };
  const stepsDone = () => parts[cur].step; // steps finished before this one

  const sideWords = (p) => (p.side === 1 ? tr('follow.first_side') : p.side === 2 ? tr('follow.second_side') : '');

  const phaseWords = () => {
    const p = parts[cur];
    const s = steps[p.step];
    const n = s.sets > 1 ? tr('follow.set_of', p.set, s.sets) : '';
    if (!working) {
      if (p.side === 2) return tr('follow.switch');
      if (p.set > 1) return tr('follow.rest_then', n);
      return tr('follow.get_ready');
    }
    return [s.reps ? tr('follow.repeat') : tr('follow.hold_now'), sideWords(p), n].filter(Boolean).join(tr('follow.join'));
  };

  const draw = () => {
    const p = parts[cur];
    const s = steps[p.step];
    const len = working ? p.work : rest;
    let spoken = Math.ceil(left / 1000);
    if (working && s.reps) {
      spoken = Math.min(s.reps, Math.floor((p.work * 1000 - left) / (perRep * 1000)) + 1);
      out.count.textContent = tr('follow.count_of', spoken, s.reps);
      if (spoken !== lastCount) { speak(String(spoken)); tone(660, 120); }
    } else {
      out.count.textContent = mmss(spoken);
      if (spoken <= 3 && spoken > 0 && spoken !== lastCount) { speak(String(spoken)); tone(spoken === 1 ? 880 : 660, 100); }
    }
    lastCount = spoken;
    let done = 0;
    for (let i = 0; i < cur; i++) done += rest + parts[i].work;
    done += (working ? rest : 0) + len - left / 1000;
    out.progress.value = Math.min(1, done / total);
  };

  const picture = (box, s) => {
    box.replaceChildren();
    if (!s.img) return;
    const img = new Image();
    img.src = s.img;
    img.alt = s.alt;
    box.appendChild(img);
  };

  // begin starts part i, getting ready or working, and says what to do.
  const begin = (i, work) => {
    cur = i;
    working = work;
    const p = parts[i];
    const s = steps[p.step];
    left = (work ? p.work : rest) * 1000;
    end = clock() + left;
    lastCount = -1;
    out.where.textContent = tr('follow.step_of', p.step + 1, steps.length);
    if (shownStep !== p.step) {
      shownStep = p.step;
      out.title.textContent = s.title;
      out.dose.textContent = s.dose;
      picture(out.pic, s);
      out.cues.replaceChildren(...s.cues.map((c) => {
        const li = document.createElement('li');
        li.textContent = c;
        return li;
      }));
    }
    const after = parts.slice(i + 1).find((q) => q.step !== p.step);
    out.upnext.textContent = work && after ? tr('follow.next', steps[after.step].title) : '';
    out.phase.textContent = phaseWords();
    dlg.classList.toggle('working', work);
    // While getting ready, Skip is the way on: "I'm ready".
    skipButton.textContent = work ? tr('follow.skip') : tr('follow.ready_now');
    skipButton.classList.toggle('primary', !work);
    pauseButton.classList.toggle('primary', work);
    let msg = phaseWords();
    let talk = msg;
    if (work) {
      if (!session) session = { t: new Date().toISOString(), r: sec.dataset.name, u: location.pathname, n: 0, of: steps.length, b: set.pain && set.pain.value !== '' ? Number(set.pain.value) : null, a: null };
      msg += s.reps ? tr('follow.times', s.reps) : tr('follow.for', words(p.work));
      talk = msg;
      tone(880, 200);
      buzz(200);
    } else if (p.set === 1 && p.side < 2) {
      msg = tr('follow.step_intro', tr('follow.step_of', p.step + 1, steps.length), s.title, s.dose, msg);
      talk = p.step ? tr('follow.next_talk', s.title, s.dose) : tr('follow.first_talk', s.title, s.dose);
    } else if (p.side === 2) buzz([100, 80, 100]);
    speak(talk, true);
    say(`${msg}.`);
    draw();
  };

  const finish = () => {
    clearTimeout(timer);
    sleep();
    out.stage.hidden = true;
    out.end.hidden = false;
    out.progress.value = 1;
    out.where.textContent = tr('follow.finished');
    say(tr('follow.done_said'));
    speak(tr('follow.done_spoken'), true);
    tone(988, 300);
    buzz([200, 100, 200]);
    save(steps.length);
    if (set.after) set.after.value = '';
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
    pauseButton.textContent = p ? tr('follow.resume') : tr('follow.pause');
    dlg.classList.toggle('paused', p);
    say(p ? tr('follow.paused') : tr('follow.going_on'));
    speak(p ? tr('follow.paused') : tr('follow.going_on'), true);
    tick();
  };

  const start = () => {
    const AC = window.AudioContext || window.webkitAudioContext;
    if (!audio && AC) { try { audio = new AC(); } catch (e) { audio = null; } }
    if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
    plan();
    session = null;
    paused = false;
    pauseButton.textContent = tr('follow.pause');
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

  const acts = { start, stop, next, back, skip: next, pause: () => pause(!paused), mute: () => setMute(!muted, true) };
  sec.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (b && acts[b.dataset.act]) acts[b.dataset.act]();
  });
  // Pain after the session, when given, joins its record.
  if (set.after) {
    set.after.addEventListener('change', () => {
      if (session && set.after.value !== '') { session.a = Number(set.after.value); save(session.n); }
    });
  }
  dlg.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || out.stage.hidden) return;
    const onControl = e.target.closest('button, a, select');
    if (e.key === ' ' && !onControl) {
      e.preventDefault();
      pause(!paused);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      (e.key === 'ArrowRight' ? next : back)();
    }
  });
  // Closing (the Close button or Escape) stops the timer, keeps a stopped session
  // and lets the screen sleep.
  dlg.addEventListener('close', () => {
    clearTimeout(timer);
    sleep();
    if (window.speechSynthesis) speechSynthesis.cancel();
    if (!out.stage.hidden) save(stepsDone());
    sec.querySelector('[data-act=start]').focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && dlg.open && !paused && !out.stage.hidden) wake();
  });
  setMute(muted);
  sec.hidden = !steps.length;
})();
