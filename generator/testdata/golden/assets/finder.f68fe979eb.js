// finder.js: the stretch finder. It shows the filter form above the list of
// stretches, hides the stretches that do not match the chosen area, position,
// time and equipment, and keeps the choice in the page's address so it can be
// shared. Without it, the form stays hidden and every stretch stays listed.
(() => {
  'use strict';
  const form = document.querySelector('form[data-finder]');
  if (!form || !window.URLSearchParams) return;
  const box = form.parentNode;
  const cards = [...box.querySelectorAll('.finder-results > li[data-areas]')];
  const status = box.querySelector('.finder-status');
  const empty = box.querySelector('.finder-empty');
  const jump = box.querySelector('.finder-jump');
  const have = [...form.querySelectorAll('input[name=have]')];
  const selects = ['area', 'position', 'time'].map((n) => form.elements[n]).filter(Boolean);

  // The choice in the address: ?area=hips&position=lying&time=60&without=mat
  const fromAddress = () => {
    const q = new URLSearchParams(location.search);
    selects.forEach((s) => {
      const v = q.get(s.name);
      s.value = [...s.options].some((o) => o.value === v) ? v : '';
    });
    const without = q.getAll('without');
    have.forEach((c) => { c.checked = !without.includes(c.value); });
  };

  const toAddress = () => {
    const q = new URLSearchParams(location.search);
    selects.forEach((s) => (s.value ? q.set(s.name, s.value) : q.delete(s.name)));
    q.delete('without');
    have.forEach((c) => { if (!c.checked) q.append('without', c.value); });
    const s = q.toString();
    history.replaceState(history.state, '', location.pathname + (s ? '?' + s : '') + location.hash);
  };

  const fits = (li) => {
    const d = li.dataset;
    const v = (n) => (form.elements[n] ? form.elements[n].value : '');
    if (v('area') && !d.areas.split(' ').includes(v('area'))) return false;
    if (v('position') && d.position !== v('position')) return false;
    if (v('time') && Number(d.seconds) > Number(v('time'))) return false;
    const needs = d.equipment ? d.equipment.split(',') : [];
    return needs.every((e) => have.some((c) => c.value === e && c.checked));
  };

  const apply = (announce) => {
    let shown = 0;
    cards.forEach((li) => {
      li.hidden = !fits(li);
      if (!li.hidden) shown++;
    });
    if (empty) empty.hidden = shown > 0;
    // On a phone the list is below the fold: a link jumps to it.
    if (jump) {
      jump.hidden = !shown || shown === cards.length;
      jump.firstChild.textContent = tr('finder.see', shown);
    }
    if (announce !== false && status) {
      status.textContent = shown === cards.length
        ? tr('finder.all', shown)
        : tr('finder.some', shown, cards.length);
    }
    toAddress();
  };

  form.addEventListener('change', apply);
  // The filter applies as soon as a choice changes; the button also takes the
  // focus to the first stretch shown.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
    const first = cards.find((li) => !li.hidden);
    if (first) first.querySelector('a').focus();
  });
  // A reset button puts the form back after the event: filter once it has.
  form.addEventListener('reset', () => setTimeout(apply));
  fromAddress();
  form.hidden = false;
  apply(location.search !== '');
})();
