// Live reload for `stretchguide serve`. The development server adds this script to the
// pages it serves; a build never contains it. It listens to the server's events:
//   hello   {"build": id, "html": panel}  on every connection: reload when the page
//           is from an older build (a missed event, a restarted server)
//   reload  {"css": bool}                 a new build is being served: reload, or only
//           swap the stylesheets when the stylesheet was all that changed
//   error   {"errors": [...], "html": panel}  the content has problems: show them
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script ? new URL(script.src, location.href).searchParams.get("build") : null;
  var scrollKey = "stretchguide-scroll:" + location.pathname;

  // Put the page back where the reader was before the reload.
  var saved = null;
  try { saved = sessionStorage.getItem(scrollKey); sessionStorage.removeItem(scrollKey); } catch (e) {}
  if (saved) {
    var xy = JSON.parse(saved);
    window.scrollTo(xy[0], xy[1]);
  }

  function reload() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) {}
    location.reload();
  }

  function panel(html) {
    var old = document.getElementById("stretchguide-errors");
    if (old) old.remove();
    if (html) document.body.insertAdjacentHTML("beforeend", html);
  }

  function isSiteSheet(link) {
    return link.getAttribute("href").indexOf("/__stretchguide/") !== 0;
  }

  // Swap the site's stylesheets for the new build's, without reloading the page. When
  // saves come quickly, only the latest swap is applied, whatever order the answers
  // arrive in.
  var swaps = 0;
  function swapStyles() {
    var mine = ++swaps;
    fetch(location.href, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (text) {
      if (mine !== swaps) return;
      var next = new DOMParser().parseFromString(text, "text/html");
      var old = Array.prototype.filter.call(document.querySelectorAll('link[rel="stylesheet"]'), isSiteSheet);
      var fresh = Array.prototype.filter.call(next.querySelectorAll('link[rel="stylesheet"]'), isSiteSheet);
      var anchor = old.length ? old[old.length - 1] : null;
      fresh.forEach(function (link) {
        var copy = document.createElement("link");
        copy.rel = "stylesheet";
        copy.href = link.getAttribute("href");
        if (anchor) anchor.after(copy); else document.head.appendChild(copy);
        anchor = copy;
      });
      // Remove the old sheets once the new ones are in, so the page never flashes unstyled.
      setTimeout(function () { old.forEach(function (link) { link.remove(); }); }, 100);
    }).catch(reload);
  }

  var events = new EventSource("/__stretchguide/events");
  events.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (build && d.build !== build) { reload(); return; }
    panel(d.html);
    document.documentElement.setAttribute("data-stretchguide-live", "");
  });
  events.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.css) { build = d.build; swapStyles(); } else reload();
  });
  events.addEventListener("error", function (e) {
    // The browser fires a plain "error" event, without data, when the connection
    // drops; it connects again by itself.
    if (typeof e.data !== "string") return;
    panel(JSON.parse(e.data).html);
  });
})();
