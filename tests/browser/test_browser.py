"""In a real Chromium, as a reader on a phone sees the site served under its sub-path."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from support.page_walk import PHONE, VIEWPORTS, InFlight, wake_material, walked_pages
from support.site_settings import edition

pytestmark = pytest.mark.browser

VN = dt.timezone(dt.timedelta(hours=7))


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), VN)


EDITION = edition()
# What the status line counts to: the response period, or 1 October until the plan sets it.
START, END = EDITION.period
EXPO = (EDITION.expo["start"], EDITION.expo["end"]) if EDITION.expo else None
# A day of the period without the expo, if there is one.
QUIET_DAY = next((START + dt.timedelta(days=n) for n in range((END - START).days + 1)
                  if not (EXPO and EXPO[0] <= START + dt.timedelta(days=n) <= EXPO[1])), None)
no_expo = pytest.mark.skipif(EXPO is None, reason="the current edition has no expo")


def expected_status(day: dt.date, lang: str) -> str:
    """The line the build writes for `day` (settings/timeline.py): the script must say the same."""
    from support.site_settings import site
    from innovation_day.settings.timeline import status

    return status(EDITION, day, site().t(lang), lang).text





@pytest.mark.parametrize("walked", walked_pages())
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_page_loads_with_no_error_no_404_and_no_other_origin(walk, walked, viewport):
    load = getattr(walk(walked), viewport)
    assert load.status == 200
    assert load.console_errors == []
    assert load.failed == []
    assert load.third_party(walk.origin) == []


# The reader's clock on days around the edition's dates: the script's line is the build's rule for that day,
# in the interface's words (data/strings/), with the dates and names of data/editions/.
@pytest.mark.parametrize("path, when", [
    ("", START - dt.timedelta(days=21)),
    ("", START - dt.timedelta(days=1)),
    ("en/", START - dt.timedelta(days=1)),
    pytest.param("", QUIET_DAY, marks=pytest.mark.skipif(QUIET_DAY is None, reason="the expo lasts the whole period")),
    pytest.param("", EXPO and min(EXPO[0] + dt.timedelta(days=1), EXPO[1]), marks=no_expo),
    ("", END + dt.timedelta(days=1)),
    ("en/", START - dt.timedelta(days=21)),
    ("en/", END),
    ("en/", END + dt.timedelta(days=420)),
], ids=["vi-21-days-before", "vi-day-before", "en-day-before", "vi-during", "vi-during-expo", "vi-after",
        "en-21-days-before", "en-last-day", "en-long-after"])
def test_status_line_before_during_and_after(visit, path, when):
    lang = "en" if path else "vi"
    v = visit(path, wait="load", clock=at(when))  # the line is written before the first paint
    status = v.page.locator("[data-edition-status]")
    assert status.is_visible()
    assert status.inner_text() == expected_status(when, lang)


def test_status_uses_vietnam_time_not_the_readers_clock(visit):
    # 23:30 in London on the day before the period is already its first day in Hanoi.
    london_evening = dt.datetime.combine(START - dt.timedelta(days=1), dt.time(23, 30), ZoneInfo("Europe/London"))
    v = visit("", wait="load", clock=london_evening, timezone_id="Europe/London")
    assert v.page.locator("[data-edition-status]").get_attribute("data-state") == "during"


def test_without_javascript_the_status_is_the_build_dates(visit, soup_of):
    """With JavaScript off, the reader sees the status the build wrote for its own date."""
    built = " ".join(soup_of("").select_one("[data-edition-status]").get_text().split())
    v = visit("", java_script_enabled=False)
    status = v.page.locator("[data-edition-status]")
    assert status.is_visible() and status.inner_text() == built
    v.page.click("a.lang-switch")
    assert v.page.url.endswith("/en/")


def test_language_switch_keeps_the_reader_on_the_same_page(visit, server):
    v = visit("ke-hoach/2025/")
    v.page.click("a.lang-switch")
    v.page.wait_for_load_state()
    assert v.page.url == server + "en/ke-hoach/2025/"
    assert v.page.locator("html").get_attribute("lang") == "en"
    v.page.click("a.lang-switch")
    v.page.wait_for_load_state()
    assert v.page.url == server + "ke-hoach/2025/"


def test_404_page_works_deep_under_the_sub_path(visit, server):
    v = visit("khong-co/trang/nao/")
    assert v.response.status == 404
    assert v.page.locator("h1").inner_text() == "Không tìm thấy trang"
    assert v.page.locator('section[lang="en"] h2').inner_text() == "Page not found"
    # The stylesheet loaded: Material's header is laid out as a bar, not raw text.
    assert v.page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    assert [u for u in v.failed if "khong-co/trang/nao" not in u] == []
    assert v.console_errors == [] and v.third_party == []
    v.page.get_by_role("link", name="Go to the home page").click()
    v.page.wait_for_load_state()
    assert v.page.url == server + "en/"


@pytest.mark.parametrize("path", ["", "en/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_header_name_is_whole_and_on_the_language_switchs_centre_line(visit, path, width):
    """The site's name reads whole (the short one on a phone), on the language switch's centre line."""
    from support.site_settings import site

    v = visit(path, viewport={"width": width, "height": 640})
    topic = v.page.locator(".md-header__topic").first
    shown = topic.locator(".site-name:visible, .site-name-short:visible")
    assert shown.count() == 1
    name = shown.inner_text()
    t = site().t("en" if path else "vi")
    assert name == (t("site.short_name") if width < 720 else topic.locator(".site-name").first.inner_text())
    whole = topic.locator(".md-ellipsis").evaluate("e => e.scrollWidth <= e.clientWidth")
    assert whole, f"{name!r} is cut off at {width} px"

    def centre(locator):
        box = locator.bounding_box()
        return box["y"] + box["height"] / 2

    assert abs(centre(shown) - centre(v.page.locator(".lang-switch span"))) <= 1


@pytest.mark.parametrize("path", ["", "ke-hoach/2025/", "en/ke-hoach/2025/", "lien-he/"])
def test_phone_at_320px_needs_no_horizontal_scrolling(visit, path):
    v = visit(path, viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    width = v.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, width


def test_plan_prints_on_a4_without_navigation(visit, tmp_path):
    v = visit("ke-hoach/2025/")
    v.page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not v.page.locator(selector).first.is_visible(), selector
    assert v.page.locator(".plan-text").is_visible()
    pdf = v.page.pdf(path=str(tmp_path / "plan.pdf"), prefer_css_page_size=True)
    assert pdf[:4] == b"%PDF"
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 3 <= pages <= 15, pages
    # A4 is 595 x 842 points.
    assert b"/MediaBox [0 0 595" in pdf or b"/MediaBox [0 0 594" in pdf


def test_without_javascript_the_phone_menu_works(visit):
    # Material's drawer is a checkbox and a label: it opens with JavaScript off.
    v = visit("", java_script_enabled=False, **PHONE)
    v.page.click('.md-header label[for="__drawer"]')
    link = v.page.locator(".md-nav--primary a.md-nav__link", has_text="Liên hệ").first
    assert link.is_visible()
    link.click()
    v.page.wait_for_load_state()
    assert v.page.url.endswith("/lien-he/")
    assert v.page.locator("article h1").inner_text().rstrip("#") == "Liên hệ"


@pytest.mark.parametrize("walked", walked_pages())
def test_without_javascript_the_page_shows_its_heading_language_switch_and_site_index(walk, walked):
    assert walk(walked).no_js == {"heading": True, "language switch": True, "search leads to the site index": True}


def test_every_page_has_a_skip_link_to_its_content(visit):
    v = visit("ke-hoach/2025/")
    v.page.keyboard.press("Tab")
    skip = v.page.locator(":focus")
    assert skip.inner_text() == "Chuyển đến nội dung chính"
    assert skip.is_visible()
    skip.press("Enter")
    assert v.page.evaluate("location.hash") != ""


@pytest.mark.parametrize("path", ["", "ke-hoach/2025/", "en/chinh-sach/nghi-quyet-57/"])
def test_text_at_200_percent_zoom_needs_no_horizontal_scrolling(visit, path):
    # 200% zoom on a 1280 px screen lays the page out at 640 CSS pixels.
    v = visit(path, viewport={"width": 640, "height": 400}, device_scale_factor=2)
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 640


def test_focused_links_are_not_hidden_under_the_sticky_header(visit):
    v = visit("ke-hoach/2025/", **PHONE)
    header = v.page.locator(".md-header").bounding_box()
    # Tab through the first links of the article: each focused one is below the header.
    v.page.locator("article a").nth(5).focus()
    for _ in range(6):
        v.page.keyboard.press("Tab")
        box = v.page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                              " return {top: r.top, bottom: r.bottom}; })()")
        if box["bottom"] > 0:
            assert box["top"] >= header["height"] - 1 or box["bottom"] <= 0, box


# Fonts in and two frames painted: what is on screen now has been drawn.
PAINTED = """async () => {
  await document.fonts.ready;
  for (let i = 0; i < 2; i++) await new Promise(done => requestAnimationFrame(done));
}"""
LAYOUT_SHIFTS = """window.__shift = 0;
const count = entries => { for (const e of entries) if (!e.hadRecentInput) window.__shift += e.value; };
window.__shifts = new PerformanceObserver(list => count(list.getEntries()));
window.__shifts.observe({type: "layout-shift", buffered: true});
// The total so far, shifts recorded but not yet handed to the callback included.
window.__shiftTotal = () => { count(window.__shifts.takeRecords()); return window.__shift; };"""


# The showcase with photos: on the site with the model innovators (conftest.showcase_site).
WITH_MODELS = ("guong-sang-tao/", "guong-sang-tao/hop-tac-xa-rau-sach-vi-du/", "en/guong-sang-tao/hop-tac-xa-rau-sach-vi-du/")


# The model innovators' pages on the worker that builds their site (conftest: one per site).
@pytest.mark.parametrize("path", ["", "en/", "guong-sang-tao/", "tai-lieu/",
                                  *[pytest.param(f"models:{p}", marks=pytest.mark.xdist_group("showcase_site"))
                                    for p in WITH_MODELS]])
def test_nothing_moves_while_the_page_loads(tabs, server, path, request):
    # Photos keep their place, the status line is filled before the first paint,
    # page-specific styles load in the head (cumulative layout shift near zero).
    if path.startswith("models:"):
        server, path = request.getfixturevalue("showcase_server"), path.removeprefix("models:")
    page = tabs(init_script=LAYOUT_SHIFTS, **PHONE)
    # Photos arrive late, as on a weak connection: held until the text is painted.
    held, painted = [], []

    def photo(route):
        if painted:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"\.(avif|webp|jpg|png)$"), photo)
    in_flight = InFlight(page)
    page.goto(server + path, wait_until="domcontentloaded")
    page.evaluate(PAINTED)
    painted.append(True)
    for route in held:
        route.continue_()
    page.wait_for_load_state("load")
    in_flight.settle()
    page.evaluate(PAINTED)  # the photos drawn
    shift = page.evaluate("() => window.__shiftTotal()")
    in_flight.stop()
    assert shift < 0.01, shift


TABLES_MOVED = """window.__tablesMoved = 0;
new MutationObserver(records => {
  for (const record of records) for (const node of record.removedNodes)
    if (node.nodeName === "TABLE") window.__tablesMoved += 1;
}).observe(document, {childList: true, subtree: true});"""


@pytest.mark.parametrize("path", ["huong-dan/", "en/chinh-sach/thuat-ngu/"])
def test_tables_stay_in_place_while_the_page_loads(visit, path):
    # Tables arrive in Material's scroll wrapper, so its script leaves them where
    # they are instead of laying every cell out twice (the editor's guide lost
    # most of its blocking time this way).
    page = visit(path, init_script=TABLES_MOVED, **PHONE).page
    moved = page.evaluate("window.__tablesMoved")
    tables = page.evaluate("""[...document.querySelectorAll("article table")].map(t =>
        [t.parentElement.className, t.parentElement.parentElement.className,
         t.closest(".md-typeset__table").parentElement.closest(".md-typeset__table") === null])""")
    assert tables, path
    assert moved == 0, f"{path}: Material's script moved {moved} table(s)"
    assert all(t == ["md-typeset__table", "md-typeset__scrollwrap", True] for t in tables), tables


DESKTOP = {"viewport": {"width": 1280, "height": 800}}
FOCUS_STOP = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  await frame(); await frame();
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Material opens the search when its field gets focus (it checks the search toggle): wait
  // for that, as a loaded machine may take more than a frame or two, then let it draw.
  const toggle = document.getElementById("__search");
  if (el.matches(".md-search__input") && toggle) {
    for (let i = 0; i < 300 && !toggle.checked; i++) await frame();
    await frame(); await frame();
  }
  // A link's first line (an inline link around an image starts with an empty line).
  const box = [...el.getClientRects()].find(r => r.width && r.height) || el.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const style = getComputedStyle(el);
  return {
    name: `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent || el.placeholder || "").trim().slice(0, 40)}”`,
    key: el.dataset.tabWalk || (el.dataset.tabWalk = String(Math.random())),
    sized: box.width > 0 && box.height > 0,
    in_view: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    uncovered: !!hit && (el === hit || el.contains(hit) || [...(el.labels || [])].some(l => l.contains(hit))),
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none",
  };
}"""
FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true}))
  .map(el => el.dataset.tabWalk || `${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 40)}” (never reached)`)"""
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("path", ["", "en/", "ke-hoach/2025/", "guong-sang-tao/", "guong-sang-tao/de-cu/", "tai-lieu/",
                                  "en/tin-tuc/"])
def test_every_control_is_reached_by_tab_with_a_visible_focus(visit, path, size):
    # WCAG 2.1.1, 2.4.7 and 2.4.11: Tab from the top of the page to the end. Every
    # stop is on screen, not covered (by the sticky header or anything else) and
    # drawn with a focus ring; every visible control is one of the stops.
    # Transitions are switched off: what counts is where each one ends.
    page = visit(path, wait="load", **(PHONE if size == "phone" else DESKTOP)).page
    # A constructed stylesheet: the page's CSP (rightly) refuses an inline one.
    page.evaluate("css => { const s = new CSSStyleSheet(); s.replaceSync(css); "
                  "document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }", NO_MOTION)
    # The first Tab would fetch Material's script (docs/assets/js/on-demand.js), which then starts
    # while the walk goes on and shows its controls (back to top…) part-way: it starts first.
    wake_material(page)
    stops = []
    for _ in range(400):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STOP)
        if stop is None or (stops and stop["key"] == stops[0]["key"]):
            break
        stops.append(stop)
    assert len(stops) >= 5, stops
    faults = [(s["name"], fault) for s in stops for fault in ("sized", "in_view", "uncovered", "ring") if not s[fault]]
    assert faults == [], faults
    reached = {s["key"] for s in stops}
    assert [key for key in page.evaluate(FOCUSABLE) if key not in reached] == []
