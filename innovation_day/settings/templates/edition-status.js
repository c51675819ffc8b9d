// Correct the edition status line from the reader's clock, in Vietnam's time zone
// (the dates are the commune's). The build writes the line for its own day
// (settings/timeline.py, the same rules); this only matters between daily builds.
// Inlined right after the line (edition-status.html), so it is set before the
// first paint and nothing below it moves; the page's CSP allows it by its hash.
(function () {
  "use strict";
  var DAY = 86400000;
  function today() {
    // YYYY-MM-DD (compares correctly as a string), built from the numbers of
    // formatToParts: a formatted date's layout follows the engine's locale
    // data (WebKitGTK's system ICU formats en-CA as M/D/YYYY, which made the
    // line count down to a date already past).
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }
  function show(el) {
    var d = el.dataset, now = today(), text;
    if (now < d.start) {
      var days = Math.round((Date.parse(d.start) - Date.parse(now)) / DAY);
      text = days === 1 ? d.beforeOne : d.before.replace("{days}", String(days));
    } else if (now > d.end) {
      var y = +now.slice(0, 4);
      text = d.after.replace("{y}", y + d.day.slice(4) < now ? y + 1 : y);
    } else if (d.expoStart && now >= d.expoStart && now <= d.expoEnd) {
      text = d.during + " " + d.expo;
    } else {
      text = d.during;
    }
    el.textContent = text;
    el.dataset.state = now < d.start ? "before" : now > d.end ? "after" : "during";
    el.hidden = false;
  }
  var els = document.querySelectorAll("[data-edition-status]");
  for (var i = 0; i < els.length; i++) show(els[i]);
})();
