// Filter the innovators' showcase by kind and by field, in place.
// Progressive enhancement: without JavaScript the filter links jump to the
// group sections (every card is always on the page); with it they become
// toggle buttons that hide the cards that do not match. Loaded only on the
// showcase page (innovation_day/content/templates/showcase.html); its words come from data-
// attributes rendered from the translation tables.
(function () {
  "use strict";
  var nav = document.querySelector("[data-showcase-filter]");
  if (!nav) return;
  var cards = document.querySelectorAll("[data-showcase-card]");
  var groups = document.querySelectorAll(".showcase-cards[data-group]");
  var status = nav.querySelector("[data-showcase-status]");
  var chosen = { kind: "", field: "" };
  var buttons = [];

  function button(dimension, value, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "showcase-filter__button";
    b.dataset.filter = dimension;
    b.dataset.value = value;
    b.setAttribute("aria-pressed", value === "" ? "true" : "false");
    b.appendChild(label);
    b.addEventListener("click", function () {
      chosen[dimension] = value;
      update();
    });
    buttons.push(b);
    return b;
  }

  function update() {
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      var match = (!chosen.kind || c.dataset.kind === chosen.kind) &&
                  (!chosen.field || c.dataset.field === chosen.field);
      c.hidden = !match;
      if (match) shown++;
    }
    for (var g = 0; g < groups.length; g++) {
      var empty = !groups[g].querySelector("[data-showcase-card]:not([hidden])");
      groups[g].hidden = empty;
      var heading = document.getElementById(groups[g].dataset.group);
      if (heading) heading.hidden = empty;
    }
    for (var k = 0; k < buttons.length; k++) {
      var b = buttons[k];
      b.setAttribute("aria-pressed", String(chosen[b.dataset.filter] === b.dataset.value));
    }
    var filtering = chosen.kind || chosen.field;
    status.hidden = !filtering;
    status.textContent = filtering
      ? nav.dataset.status.replace("{shown}", String(shown)).replace("{total}", nav.dataset.total)
      : "";
  }

  // Each row of links becomes a row of buttons, with "All" first.
  var rows = nav.querySelectorAll("[data-filter-row]");
  for (var r = 0; r < rows.length; r++) {
    var row = rows[r];
    var dimension = row.dataset.filterRow;
    var links = row.querySelectorAll("a[data-filter]");
    var group = document.createElement("span");
    group.className = "showcase-filter__buttons";
    group.setAttribute("role", "group");
    var label = row.querySelector(".showcase-filter__label");
    if (label) {
      label.id = label.id || "showcase-filter-" + dimension;
      group.setAttribute("aria-labelledby", label.id);
    }
    group.appendChild(button(dimension, "", document.createTextNode(nav.dataset.all)));
    for (var l = 0; l < links.length; l++) {
      var text = document.createDocumentFragment();
      while (links[l].firstChild) text.appendChild(links[l].firstChild);
      group.appendChild(button(dimension, links[l].dataset.value, text));
      links[l].parentNode.removeChild(links[l]);
    }
    row.appendChild(group);
  }
  nav.classList.add("showcase-filter--active");
  update();
})();
