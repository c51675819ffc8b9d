// "Nghe"/"Listen" (overrides/partials/reading-tools.html): reads the page's own
// text aloud, block by block in document order, with the Web Speech API.
// Loaded by reading-tools.js on the first press of the button, which calls
// readingToolsListen(bar, voiceFor, say) and then the returned toggle().
window.readingToolsListen = function (bar, voiceFor, say) {
  "use strict";
  var root = document.documentElement, d = bar.dataset, synth = window.speechSynthesis;
  var toggle = bar.querySelector("[data-listen-toggle]"), stopButton = bar.querySelector("[data-listen-stop]");
  var article = bar.closest("article") || document.body, pageLang = root.lang || "vi";
  // What is read: text blocks of the main content; never hidden parts, the
  // heading permalinks ("#"), code, or these controls.
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,tr,figcaption,caption,summary";
  var SKIP = "script,style,template,svg,button,noscript,pre,.headerlink,[data-reading-tools],[aria-hidden=true],[hidden]";
  var queue = [], index = 0, state = "idle", session = 0, lit = null, utterance = null;

  // A block's own words: nested blocks are read on their own, hidden parts never.
  function words(node, out) {
    for (var child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child.data);
      else if (child.nodeType === 1 && !child.matches(SKIP + "," + BLOCKS)) {
        if (child.tagName === "BR") out.push(" "); else words(child, out);
      }
    }
    return out;
  }
  function clean(text) { return text.replace(/\s+/g, " ").trim(); }
  function textOf(el) {
    if (el.tagName === "TR") {
      // A table row as "column: value; …" (the labels that innovation_day/output/tables.py adds);
      // a heading row is skipped when every cell carries its label.
      var labelled = el.closest("table").querySelector("td[data-label]");
      if (labelled && el.parentNode.tagName === "THEAD") return "";
      return Array.prototype.map.call(el.cells, function (cell) {
        var value = clean(words(cell, []).join(""));
        var label = cell.getAttribute("data-label");
        return value && label ? label + ": " + value : value;
      }).filter(Boolean).join("; ");
    }
    var text = clean(words(el, []).join(""));
    if (text && el.tagName === "LI" && el.parentNode.tagName === "OL") {
      var list = el.parentNode, n = (parseInt(list.getAttribute("start"), 10) || 1) +
        Array.prototype.indexOf.call(list.children, el);
      text = n + ". " + text;
    }
    return text;
  }
  // Pieces of at most `max` characters, cut at sentence ends, else at commas, else
  // between words; short sentences are joined so the voice does not stop at each.
  function pieces(text, max) {
    var units = [];
    text.replace(/([.!?…;:])\s+/g, "$1\n").split("\n").forEach(function (sentence) {
      if (sentence.length <= max) return units.push(sentence);
      sentence.replace(/,\s+/g, ",\n").split("\n").forEach(function (part) {
        if (part.length <= max) return units.push(part);
        units.push.apply(units, part.split(" "));
      });
    });
    var out = [], piece = "";
    units.forEach(function (unit) {
      unit = clean(unit);
      if (!unit) return;
      if (piece && piece.length + 1 + unit.length > max) { out.push(piece); piece = ""; }
      piece = piece ? piece + " " + unit : unit;
    });
    if (piece) out.push(piece);
    return out;
  }
  function build() {
    queue = [];
    var max = +d.chunk || 160;
    Array.prototype.forEach.call(article.querySelectorAll(BLOCKS), function (el) {
      if (el.closest(SKIP) || !el.getClientRects().length) return;  // hidden or not laid out
      var text = textOf(el), lang = (el.closest("[lang]") || root).lang;
      pieces(text, max).forEach(function (piece) { queue.push({ el: el, text: piece, lang: lang }); });
    });
  }

  function highlight(el) {
    if (lit === el) return;
    if (lit) lit.classList.remove("reading-now");
    lit = el;
    if (!el) return;
    el.classList.add("reading-now");
    var box = el.getBoundingClientRect(), top = parseFloat(getComputedStyle(root).scrollPaddingTop) || 0;
    if (box.top < top || box.bottom > window.innerHeight) {
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ block: box.height > window.innerHeight - top ? "start" : "center",
                          behavior: still ? "auto" : "smooth" });
    }
  }
  function speakNext() {
    var id = session;
    if (index >= queue.length) { stop(d.done); return; }
    var item = queue[index];
    var u = new window.SpeechSynthesisUtterance(item.text);
    u.lang = item.lang;
    u.voice = voiceFor(item.lang) || voiceFor(pageLang);
    u.rate = +d.rate || 1;
    u.onend = function () { if (id === session) { index++; speakNext(); } };
    u.onerror = function (event) {
      // "interrupted"/"canceled" come from our own pause and stop.
      if (id === session && event.error !== "interrupted" && event.error !== "canceled") stop(d.stopped);
    };
    utterance = u;  // held: some engines drop events of an utterance nobody references
    highlight(item.el);
    synth.speak(u);
  }
  function show() {
    toggle.textContent = state === "playing" ? d.pause : state === "paused" ? d.resume : d.listen;
    stopButton.hidden = state === "idle";
  }
  function play() {
    if (state === "idle") { build(); index = 0; }
    if (!queue.length) return;
    state = "playing";
    session++;
    show();
    say(d.playing);
    speakNext();
  }
  // Pause cancels and resume starts the interrupted piece again: speechSynthesis.pause()
  // does nothing on some engines (Android) and stops for good after a while on others.
  function pause() {
    state = "paused";
    session++;
    synth.cancel();
    show();
    say(d.paused);
  }
  function stop(message) {
    var wasFocused = document.activeElement === stopButton;
    state = "idle";
    session++;
    index = 0;
    utterance = null;
    if (synth.speaking || synth.pending) synth.cancel();
    highlight(null);
    show();
    if (wasFocused) toggle.focus();  // the stop button disappears: keep the focus nearby
    if (message) say(message);
  }
  stopButton.addEventListener("click", function () { stop(d.stopped); });
  // Leaving the page (or it going into the back-forward cache) ends the reading.
  window.addEventListener("pagehide", function () { stop(); });
  return {
    toggle: function () { if (state === "playing") pause(); else play(); },
    stop: function () { stop(d.stopped); }
  };
};
