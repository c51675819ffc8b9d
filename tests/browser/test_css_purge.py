"""Trimming Material's stylesheet changes nothing a reader sees.

The built site (trimmed main.css, after each page's inline critical CSS) and the same
site with Material's original main.css and our whole extra.css are opened side by side in Chromium; every element's computed style
must be the same, at a phone and a desktop width, with the menu and search open.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import material
from support.engine_drivers import SEARCH_ANSWERED, probe_script
from innovation_day import preview as serve
from support.page_walk import InFlight, Tabs, wake_material

pytestmark = pytest.mark.browser
from support.sites import ROOT  # noqa: E402

PROPERTIES = ["display", "position", "visibility", "opacity", "margin-top", "margin-bottom",
              "padding-top", "padding-left", "width", "height", "font-size",
              "font-weight", "line-height", "color", "background-color", "border-top-width",
              "transform", "overflow-x", "z-index"]
# With each element's left edge on the page, where its margin-left puts it: Chromium reports
# an auto margin-left (Material's centred .md-grid) as 0px or as its used value from one load
# to the next, the box in the same place.
STYLES = """props => [...document.querySelectorAll('body *')].map(el => {
  const cs = getComputedStyle(el);
  const left = Math.round(el.getBoundingClientRect().left * 100) / 100;
  return el.tagName + '.' + el.getAttribute('class') + ' ' + props.map(p => cs.getPropertyValue(p)).join('|')
    + '|left ' + left;
})"""


@pytest.fixture(scope="session")
def original_site(built_site, tmp_path_factory, base_path):
    copy = tmp_path_factory.mktemp("untrimmed") / "site"
    shutil.copytree(built_site, copy)
    stock = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    # The built file is Material's trimmed rules followed by extra.css's, each without what every
    # page that may use a rule has inline (innovation_day/output/first_paint.py): against both whole.
    ours = (ROOT / "docs" / "assets" / "css" / "extra.css").read_text(encoding="utf-8")
    for css in copy.glob("assets/stylesheets/main.*.min.css"):
        trimmed = css.stat().st_size
        css.write_text((stock / css.name).read_text(encoding="utf-8") + ours, encoding="utf-8")
        assert css.stat().st_size > trimmed * 1.3, "the stylesheet was not trimmed"
    httpd, url = serve.start(copy, base_path)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def untrimmed_tabs(browser, original_site):
    """Kept tabs (page_walk.Tabs) for the untrimmed site, emptied for its origin."""
    kept = Tabs(browser, original_site)
    yield kept
    kept.close()


# What a reader sees once the page is still: fonts in, no CSS transition or animation running,
# and every element's computed style the same two frames running (a style change can take a
# frame or two to start its transition on a loaded machine).
SETTLED_STYLES = """async props => {
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const snapshot = () => JSON.stringify((STYLES)(props));
  await document.fonts.ready;
  let last = null;
  for (let i = 0; i < 300; i++) {
    await frames();
    if (document.getAnimations().some(a => a.playState === "running")) continue;
    const now = snapshot();
    if (now === last) return JSON.parse(now);
    last = now;
  }
  throw new Error("the page never came to rest");
}""".replace("STYLES", STYLES)


def styles(tabs, url, viewport, action=None):
    # A kept tab (page_walk.Tabs) with the probe, which counts search queries and answers.
    # The actions use no mouse, so nothing is left hovered for the next page in that tab.
    page = tabs(init_script=probe_script(), viewport=viewport)
    in_flight = InFlight(page)
    page.goto(url, wait_until="load")
    in_flight.settle()
    # The full stylesheets applied: their deferred links switched from print to every medium
    # (output/templates/first-paint.html). Arrived is not yet applied on a busy machine, and
    # the critical CSS alone is not what this test compares.
    page.wait_for_function("() => ![...document.querySelectorAll('link[data-deferred-style]')]"
                           ".some(l => l.media === 'print')")
    if action:
        action(page)
    result = page.evaluate(SETTLED_STYLES, PROPERTIES)
    in_flight.stop()
    return result


def open_menu(page):
    page.locator('.md-header label[for="__drawer"]').dispatch_event("click")


def open_search(page):
    # Material opens the search when its field gets focus, once its script has come (on the
    # reader's first action: tests/browser/test_first_paint.py).
    wake_material(page)
    page.locator('input[name="query"]').focus()
    page.keyboard.type("doi moi")
    # The results of the whole query, not of its first letters.
    page.wait_for_function(f"() => {SEARCH_ANSWERED}")
    page.evaluate("() => window.__probeFrames(2)")  # and drawn
    page.wait_for_selector(".md-search-result__item")


@pytest.mark.parametrize("path, viewport, action", [
    ("", {"width": 360, "height": 740}, None),
    ("", {"width": 1280, "height": 800}, None),
    ("ke-hoach/2025/", {"width": 360, "height": 740}, open_menu),
    ("en/chinh-sach/nghi-quyet-57/", {"width": 1280, "height": 800}, None),
    ("chinh-sach/thuat-ngu/", {"width": 360, "height": 740}, None),
    ("lien-he/", {"width": 360, "height": 740}, open_search),
    ("en/", {"width": 1280, "height": 800}, open_search),
    ("khong-co/", {"width": 360, "height": 740}, None),
])
def test_trimmed_stylesheet_renders_the_same(tabs, server, untrimmed_tabs, original_site, path, viewport, action):
    trimmed = styles(tabs, server + path, viewport, action)
    original = styles(untrimmed_tabs, original_site + path, viewport, action)
    assert len(trimmed) == len(original)
    differ = [(t, o) for t, o in zip(trimmed, original) if t != o]
    assert differ == [], f"{PROPERTIES}\n" + "\n".join(f"trimmed  {t}\noriginal {o}" for t, o in differ[:5])
