// Reading aids (overrides/partials/reading-tools.html): text size "A−"/"A+",
// remembered on the device only, and "Nghe"/"Listen", which reads the page's
// own text aloud with the device's voice for the page's language (Web Speech
// API: no server, no third party). Progressive enhancement: without this
// script the page is unchanged; "Nghe" appears only when a voice exists.
// The reading itself (listen.js) loads on the first press of "Nghe": most
// readers never press it, and the home page's first view has a 40 KiB budget.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var root = document.documentElement;
  var bar = document.querySelector("[data-reading-tools]");
  if (!bar) return;
  var d = bar.dataset, statusEl = bar.querySelector("[data-reading-status]");
  function say(text) { statusEl.textContent = text; }

  // Text size ---------------------------------------------------------------
  var steps = JSON.parse(d.steps), key = new URL(d.storage, location).pathname + "text-size";
  var sizeButtons = bar.querySelectorAll("[data-size-step]");
  function current() { return +root.getAttribute("data-text-size") || 0; }
  function setSize(step) {
    root.setAttribute("data-text-size", step);
    root.style.setProperty("--text-scale", steps[step]);
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    sizeButtons[0].setAttribute("aria-disabled", String(step === 0));
    sizeButtons[1].setAttribute("aria-disabled", String(step === steps.length - 1));
  }
  Array.prototype.forEach.call(sizeButtons, function (button) {
    button.addEventListener("click", function () {
      var step = Math.max(0, Math.min(steps.length - 1, current() + +button.dataset.sizeStep));
      setSize(step);
      try { localStorage.setItem(key, String(step)); } catch (e) { /* private mode: this page only */ }
      say(d.sizeStatus.replace("{step}", step + 1).replace("{steps}", steps.length));
    });
  });
  setSize(Math.min(current(), steps.length - 1));
  // Another tab changed the size: follow it.
  window.addEventListener("storage", function (event) {
    var step = parseInt(event.newValue, 10);
    if (event.key === key && step >= 0 && step < steps.length) setSize(step);
  });

  // Listen ------------------------------------------------------------------
  var synth = window.speechSynthesis, toggle = bar.querySelector("[data-listen-toggle]");
  if (!synth || !window.SpeechSynthesisUtterance || !toggle || !here) return;
  var pageLang = root.lang || "vi", reader = null, loading = false;
  function base(tag) { return String(tag || "").toLowerCase().replace(/_/g, "-").split("-")[0]; }
  // The device's voice for a language: one on the device itself first (it needs
  // no network and is not cut off), then the browser's default.
  function voiceFor(lang) {
    var best = null, bestScore = -1;
    (synth.getVoices() || []).forEach(function (voice) {
      if (base(voice.lang) !== base(lang)) return;
      var score = (voice.localService ? 2 : 0) + (voice["default"] ? 1 : 0);
      if (score > bestScore) { best = voice; bestScore = score; }
    });
    return best;
  }
  function offer() {
    var hasVoice = !!voiceFor(pageLang);
    if (!hasVoice && reader) reader.stop();
    toggle.hidden = !hasVoice;
  }
  toggle.addEventListener("click", function () {
    if (reader) return reader.toggle();
    if (loading) return;
    loading = true;
    // Some engines (Safari on iPhone) speak only if speaking starts within the tap;
    // the page comes once listen.js has loaded, so start with a silent utterance now.
    var silent = new window.SpeechSynthesisUtterance("");
    silent.volume = 0;
    synth.speak(silent);
    var script = document.createElement("script");
    script.src = new URL("listen.js", here).href;
    script.onload = function () {
      reader = window.readingToolsListen(bar, voiceFor, say);
      reader.toggle();
    };
    script.onerror = function () { loading = false; };
    document.head.appendChild(script);
  });
  // Voices may arrive late (Chrome loads them after the page).
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  else synth.onvoiceschanged = offer;
  offer();
})();
