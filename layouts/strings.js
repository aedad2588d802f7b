// strings.js: the words the other scripts show, in the page's language. The build
// writes them, from layouts/i18n/<lang>.yaml, into the first line of this file as
// self.uiStrings, so the browser keeps them with the script; a page of a layout
// that still carries them as JSON in <script type="application/json"
// id="ui-strings"> is read from there. tr(key, a, b) gives the string of key with
// {0}, {1} (and {n}, the first) filled in; a string with plural forms takes the form of its
// first argument, a count. A missing key gives the key itself.
(() => {
  'use strict';
  let all = self.uiStrings || {};
  try {
    const el = document.getElementById('ui-strings');
    if (el) all = JSON.parse(el.textContent);
  } catch (e) { /* keep the strings of the first line */ }
  window.tr = (key, ...args) => {
    let s = all[key];
    if (s === undefined) return key;
    if (typeof s === 'object') s = args[0] === 1 ? s.one : s.other;
    return s.replace(/\{(n|\d+)\}/g, (m, k) => {
      const v = args[k === 'n' ? 0 : Number(k)];
      return v === undefined ? m : String(v);
    });
  };
})();
