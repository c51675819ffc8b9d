// Test-only instrumentation, served by tests/engine_drivers.py as the first
// script of every page (same origin, so the page's CSP allows it unchanged).
// It records what the reader's browser reported as wrong, can fix the clock
// for the page's own scripts, and reports what the page shows, the same way
// in Chromium, Firefox and WebKit.
(function () {
  "use strict";
  var errors = [];
  window.__probeErrors = errors;
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) errors.push("failed to load " + (t.src || t.href));
    else errors.push(String(e.message) + " @ " + e.filename + ":" + e.lineno);
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + String(e.reason && (e.reason.stack || e.reason)));
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    errors.push("CSP violation: " + e.violatedDirective + " " + e.blockedURI);
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };

  // The clock, fixed by the test server (null: the real clock).
  var CLOCK = __CLOCK__;
  if (CLOCK !== null) {
    var Real = Date, offset = CLOCK - Real.now();
    var Fixed = function () {
      if (!(this instanceof Fixed)) return new Real(Real.now() + offset).toString();
      var args = Array.prototype.slice.call(arguments);
      return args.length ? new (Function.prototype.bind.apply(Real, [null].concat(args)))()
                         : new Real(Real.now() + offset);
    };
    Fixed.prototype = Real.prototype;
    Fixed.now = function () { return Real.now() + offset; };
    Fixed.parse = Real.parse;
    Fixed.UTC = Real.UTC;
    window.Date = Fixed;
  }

  // Material's search runs in a worker: count the queries sent to it and the
  // results it sent back, so a test can wait until the last query is answered.
  var search = window.__probeSearch = { sent: 0, answered: 0, messages: [] };
  var RealWorker = window.Worker;
  if (RealWorker) {
    var post = RealWorker.prototype.postMessage;
    RealWorker.prototype.postMessage = function (message) {
      search.messages.push("sent " + (message && message.type));
      if (message && message.type === 2) search.sent++;
      if (!this.__probed) {
        this.__probed = true;
        this.addEventListener("message", function (e) {
          search.messages.push("got " + (e.data && e.data.type));
          if (e.data && e.data.type === 3) search.answered++;
        });
      }
      return post.apply(this, arguments);
    };
  }

  function shown(el) {
    if (!el) return false;
    var r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && Number(s.opacity) > 0 &&
      r.bottom > 0 && r.right > 0 && r.left < innerWidth;
  }
  function describe(el) {
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  }
  function frames(n) {
    return new Promise(function (done) {
      (function next(k) { if (k === 0) done(); else requestAnimationFrame(function () { next(k - 1); }); })(n);
    });
  }

  window.__probeFrames = frames;

  // What the reader sees, once the page has loaded and painted.
  window.__probeReport = function () {
    var loaded = document.readyState === "complete" ? Promise.resolve()
      : new Promise(function (done) { window.addEventListener("load", done, { once: true }); });
    return loaded.then(function () { return frames(2); }).then(function () {
      var root = document.documentElement, width = root.clientWidth;
      var h1 = document.querySelector("article h1, .md-content h1");
      var article = document.querySelector("article, .md-content");
      var wide = Array.prototype.filter.call(document.querySelectorAll("body *"), function (el) {
        var r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && shown(el);
      }).slice(0, 5).map(describe);
      function wordsWithout(part) {
        var before = part ? part.style.display : null;
        if (part) part.style.display = "none";
        var words = document.body.innerText.split(/\s+/).filter(Boolean);
        if (part) part.style.display = before;
        return words;
      }
      return {
        path: location.pathname,
        lang: root.lang,
        errors: errors.slice(),
        scrollWidth: root.scrollWidth,
        clientWidth: width,
        wide: wide,
        heading: h1 ? h1.textContent.replace(/#$/, "").trim() : null,
        headingShown: shown(h1),
        contentShown: shown(article) && article.innerText.trim().length > 0,
        status: (document.querySelector("[data-edition-status]") || {}).textContent || null,
        // "Nghe"/"Listen" shows only where the engine has a voice for the page's language
        // (WebKitGTK has English ones, headless Chromium none): reported apart, not as words.
        listen: shown(document.querySelector("[data-listen-toggle]")),
        words: wordsWithout(document.querySelector(".reading-tools__listen"))
      };
    });
  };
})();
