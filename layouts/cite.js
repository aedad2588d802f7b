// cite.js: citation popovers. Hovering, focusing or tapping an inline citation
// shows the full reference (and its evidence grade with its reason, or "Not graded") next to it;
// Escape, moving away or tapping elsewhere closes it. With a mouse or keyboard the
// link still goes to the reference list; on a touch screen the first tap opens the
// popover and a second tap follows the link. The references come from the page's
// <template id="cite-refs">, so nothing is downloaded.
(() => {
  'use strict';
  const store = document.getElementById('cite-refs');
  const links = document.querySelectorAll('a[data-cite]');
  if (!store || !store.content || !links.length) return;

  const pop = document.createElement('div');
  pop.className = 'cite-pop';
  pop.id = 'cite-pop';
  pop.setAttribute('role', 'tooltip');
  pop.hidden = true;
  document.body.appendChild(pop);

  let owner = null; // the link the popover belongs to
  let timer = 0;
  let touched = null; // the link a finger went down on, if it was closed then

  const place = (a) => {
    const r = a.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(r.left, width - pop.offsetWidth - 8));
    let top = r.bottom + 6;
    if (top + pop.offsetHeight > innerHeight && r.top > pop.offsetHeight + 6) top = r.top - pop.offsetHeight - 6;
    pop.style.left = `${left + scrollX}px`;
    pop.style.top = `${top + scrollY}px`;
  };

  const hide = () => {
    clearTimeout(timer);
    if (!owner) return;
    owner.removeAttribute('aria-describedby');
    owner = null;
    pop.hidden = true;
  };

  const show = (a) => {
    clearTimeout(timer);
    if (owner === a) return;
    hide();
    const ref = [...store.content.querySelectorAll('[data-ref]')].find((d) => d.dataset.ref === a.dataset.cite);
    if (!ref) return;
    const more = document.createElement('p');
    const to = document.createElement('a');
    to.href = a.href;
    to.textContent = tr('cite.see');
    more.appendChild(to);
    pop.replaceChildren(...ref.cloneNode(true).childNodes, more);
    pop.hidden = false;
    owner = a;
    a.setAttribute('aria-describedby', pop.id);
    place(a);
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  };

  links.forEach((a) => {
    a.addEventListener('mouseenter', () => show(a));
    a.addEventListener('mouseleave', later);
    a.addEventListener('focus', () => show(a));
    a.addEventListener('blur', later);
    a.addEventListener('pointerdown', (e) => {
      touched = e.pointerType !== 'mouse' && owner !== a ? a : null;
    });
    a.addEventListener('click', (e) => {
      if (touched === a) {
        e.preventDefault();
        touched = null;
        show(a);
      }
    });
  });
  pop.addEventListener('mouseenter', () => clearTimeout(timer));
  pop.addEventListener('mouseleave', later);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && owner) hide();
  });
  document.addEventListener('pointerdown', (e) => {
    if (owner && e.target !== owner && !owner.contains(e.target) && !pop.contains(e.target)) hide();
  });
  addEventListener('resize', hide);
})();
