"""Trimming Material's stylesheet changes nothing a reader sees.

The built site (trimmed main.css) and the same site with Material's original
main.css are opened side by side in Chromium; every element's computed style
must be the same, at a phone and a desktop width, with the menu and search open.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import material
from engine_drivers import SEARCH_ANSWERED, probe_script
from innovation_day import preview as serve

pytestmark = pytest.mark.browser

PROPERTIES = ["display", "position", "visibility", "opacity", "margin-top", "margin-bottom",
              "margin-left", "padding-top", "padding-left", "width", "height", "font-size",
              "font-weight", "line-height", "color", "background-color", "border-top-width",
              "transform", "overflow-x", "z-index"]
STYLES = """props => [...document.querySelectorAll('body *')].map(el => {
  const cs = getComputedStyle(el);
  return el.tagName + '.' + el.getAttribute('class') + ' ' + props.map(p => cs.getPropertyValue(p)).join('|');
})"""


@pytest.fixture(scope="session")
def original_site(built_site, tmp_path_factory, base_path):
    copy = tmp_path_factory.mktemp("untrimmed") / "site"
    shutil.copytree(built_site, copy)
    stock = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    for css in copy.glob("assets/stylesheets/main.*.min.css"):
        trimmed = css.stat().st_size
        shutil.copy2(stock / css.name, css)
        assert css.stat().st_size > trimmed * 1.3, "the stylesheet was not trimmed"
    httpd, url = serve.start(copy, base_path)
    yield url
    httpd.shutdown()


# A settled page: fonts in, two frames painted (so style changes have started
# their transitions), then no CSS transition or animation still running.
SETTLED = """async () => {
  await document.fonts.ready;
  for (let i = 0; i < 2; i++) await new Promise(done => requestAnimationFrame(done));
}"""


def styles(browser, url, viewport, action=None):
    page = browser.new_page(viewport=viewport)
    page.add_init_script(probe_script())  # counts search queries and answers
    page.goto(url, wait_until="networkidle")
    if action:
        action(page)
    page.evaluate(SETTLED)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    result = page.evaluate(STYLES, PROPERTIES)
    page.close()
    return result


def open_menu(page):
    page.click('.md-header label[for="__drawer"]')


def open_search(page):
    label = page.locator('.md-header label[for="__search"]').first
    (label if label.is_visible() else page.locator('input[name="query"]')).click()
    page.locator('input[name="query"]').type("doi moi", delay=20)
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
def test_trimmed_stylesheet_renders_the_same(browser, server, original_site, path, viewport, action):
    trimmed = styles(browser, server + path, viewport, action)
    original = styles(browser, original_site + path, viewport, action)
    assert len(trimmed) == len(original)
    assert [(t, o) for t, o in zip(trimmed, original) if t != o] == []
