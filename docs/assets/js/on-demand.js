// Material's own script (its bundle: 35 KB gzip, more than half of a page's first view) is
// fetched when the reader first does something on the page (a tap, a key, a scroll), not
// with the page: what it adds, it adds in answer to the reader (search, the keyboard's
// shortcuts, the back-to-top button and the header's title while scrolling, the drawer's
// scroll lock). The page reads, and its links, drawer and language switch work, without it,
// as they do without JavaScript. The pattern is "import on interaction"
// (https://www.patterns.dev/vanilla/import-on-interaction/). first_paint.py writes this
// script where Material's was, with the bundle's address in data-bundle; bundle.py lets the
// bundle start after the document has loaded.
(function () {
  "use strict";
  var src = document.currentScript.getAttribute("data-bundle");
  var events = ["pointerdown", "touchstart", "mousedown", "keydown", "click", "focusin", "scroll", "wheel"];
  var options = { capture: true, passive: true }, started = false, key = null;

  function start(event) {
    if (started) return;
    started = true;
    events.forEach(function (type) { removeEventListener(type, start, options); });
    // The key that woke it ("/" or "s" opens search, "n" the next page): Material
    // answers it once it runs, as if it had been there.
    if (event && event.type === "keydown") {
      key = { key: event.key, code: event.code, shiftKey: event.shiftKey, altKey: event.altKey,
              ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true };
    }
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () {
      if (key) (document.activeElement || document.body).dispatchEvent(new KeyboardEvent("keydown", key));
    };
    document.body.appendChild(script);
  }
  events.forEach(function (type) { addEventListener(type, start, options); });

  // The search button opens search with the page's own CSS (a checkbox); focusing the field
  // in the same tap, as Material does, is what brings up a phone's keyboard.
  var label = document.querySelector("header [for=__search]");
  var field = document.querySelector("[data-md-component=search-query]");
  if (label && field) label.addEventListener("click", function () { field.focus(); });
})();
