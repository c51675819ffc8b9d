"""The site in the three engines citizens' phones run: Chromium, Firefox and WebKit.

Every browser on an iPhone is WebKit; Android phones run Chromium or Firefox.
Each engine opens one 360 px window for the session and visits every page the walk
takes (tests/support/page_walk.py walked_pages: every kind of page, a sample of the entries) once
(tests/support/engine_drivers.py); the per-page checks below all read
that one visit. Chromium is the reference for the words a page shows: the same
page must read the same in Firefox and WebKit, the status line its script
computes from the clock included. A few key pages are then used: drawer,
language switch, search, the status line at each stage of the edition.
"""

from __future__ import annotations

import difflib
import json
from datetime import date, datetime, time, timedelta, timezone

import pytest

from scripts import compare_screens
from support import engine_drivers
from support.page_walk import walked_pages
from support.site_settings import current_edition

pytestmark = [pytest.mark.browser, pytest.mark.engines,
              # One worker runs them all under pytest-xdist's --dist loadgroup, so each
              # engine still starts once and visits every page once.
              pytest.mark.xdist_group("engines"),
              # Selenium's own WebKitGTK driver class still uses the older argument.
              pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")]

WIDTH, HEIGHT = 360, 740
WALKED = walked_pages()
OTHERS = ["firefox", "webkit"]
# The commune's dates are in Vietnam's time (UTC+7, no daylight saving).
VIETNAM = timezone(timedelta(hours=7))


def noon_in_vietnam(day: date) -> int:
    """ms since the epoch at noon, Hanoi time, on `day`."""
    return int(datetime.combine(day, time(12), VIETNAM).timestamp() * 1000)


@pytest.fixture(scope="session")
def engine_server(built_site, base_path):
    """The site with the probe script, and one fixed clock shared by every engine's visits."""
    server, url = engine_drivers.probe_server(built_site, base_path)
    server.clock = int(datetime.now(timezone.utc).timestamp() * 1000)
    server.default_clock = server.clock
    yield server, url
    server.shutdown()


@pytest.fixture(scope="session")
def chromium(browser):
    engine = engine_drivers.Chromium(browser, WIDTH, HEIGHT)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def engines(chromium):
    """name -> the session's one window in that engine, opened when first needed."""
    opened = {"chromium": chromium}

    def get(name: str):
        if name not in opened:
            try:
                opened[name] = {"firefox": engine_drivers.Firefox, "webkit": engine_drivers.WebKit}[name](
                    WIDTH, HEIGHT)
            except engine_drivers.EngineMissing as missing:
                pytest.fail(f"{name}: {missing}; run `make test`, which installs it")
        return opened[name]

    get.opened = opened
    yield get
    for name, engine in opened.items():
        if name != "chromium":
            engine.close()


@pytest.fixture(autouse=True)
def parked(engines):
    """After each test, every open engine waits on a blank page: one left on a page of the
    site keeps drawing it (WebKitGTK under Xvfb: a tenth of a core or more) for the rest of the session."""
    yield
    for engine in engines.opened.values():
        engine.goto("about:blank")


@pytest.fixture(scope="session", params=OTHERS)
def other(request, engines):
    """Firefox, then WebKit."""
    return engines(request.param)


@pytest.fixture(scope="session", params=["chromium", *OTHERS])
def any_engine(request, engines):
    return engines(request.param)


_reports: dict[str, dict[str, dict]] = {}


def every_page(engine, engine_server, pages) -> dict[str, dict]:
    """What each page shows in `engine`, each page visited once in the session."""
    if engine.name not in _reports:
        server, url = engine_server
        server.clock = server.default_clock
        _reports[engine.name] = {page: engine.report(url + page) for page in pages}
    return _reports[engine.name]


@pytest.fixture
def reports(any_engine, engine_server):
    return every_page(any_engine, engine_server, WALKED)


@pytest.fixture
def reference(chromium, engine_server):
    return every_page(chromium, engine_server, WALKED)


# Every page, one visit ----------------------------------------------------------

def test_no_javascript_error_on_any_page(reports, any_engine):
    errors = {page or "/": r["errors"] for page, r in reports.items() if r["errors"]}
    assert not errors, f"{any_engine.name}: {json.dumps(errors, ensure_ascii=False, indent=1)}"


def test_no_page_scrolls_sideways_at_360_px(reports, any_engine):
    wide = {page or "/": f"{r['scrollWidth']} px wide, past the edge: {r['wide']}"
            for page, r in reports.items() if r["scrollWidth"] > r["clientWidth"]}
    assert all(r["clientWidth"] == WIDTH for r in reports.values()), "the window is a phone's width"
    assert not wide, f"{any_engine.name}: {wide}"


def test_every_page_shows_its_heading_and_content(reports, any_engine):
    hidden = [page or "/" for page, r in reports.items()
              if not (r["heading"] and r["headingShown"] and r["contentShown"])]
    assert not hidden, f"{any_engine.name}: heading or content not shown on {hidden}"


def test_every_page_reads_the_same_as_in_chromium(other, engine_server, reference):
    differ = {}
    for page, report in every_page(other, engine_server, WALKED).items():
        expected = reference[page]
        if report["words"] == expected["words"] and report["lang"] == expected["lang"]:
            continue
        matcher = difflib.SequenceMatcher(a=expected["words"], b=report["words"], autojunk=False)
        differ[page or "/"] = [f"chromium {' '.join(expected['words'][i1:i2])[:100]!r} / "
                               f"{other.name} {' '.join(report['words'][j1:j2])[:100]!r}"
                               for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"][:5]
    assert not differ, json.dumps(differ, ensure_ascii=False, indent=1)


# Key pages ------------------------------------------------------------------------

def edition_clocks() -> dict[str, int]:
    """A moment in each state of the status line, from the current edition's dates (data/editions/)."""
    edition = current_edition()
    start, end = edition.period      # the response period, or 1 October until the plan sets it
    return {
        "three days before": noon_in_vietnam(start - timedelta(days=3)),
        "the day before": noon_in_vietnam(start - timedelta(days=1)),
        # During the expo when there is one: the line then names it too.
        "during": noon_in_vietnam(edition.expo["start"] if edition.expo else start),
        "after": noon_in_vietnam(end + timedelta(days=1)),
    }


STATUS = "document.querySelector('[data-edition-status]').textContent"
_statuses: dict[tuple[str, str, str], str] = {}


def status_at(engine, engine_server, page: str, stage: str, clock: int) -> str:
    """The status line `engine` shows on `page` at `clock` (Chromium's read once per session)."""
    key = (engine.name, page, stage)
    if key not in _statuses:
        server, url = engine_server
        server.clock = clock
        try:
            engine.goto(url + page)
            _statuses[key] = engine.evaluate(STATUS)
        finally:
            server.clock = server.default_clock
    return _statuses[key]


@pytest.mark.parametrize("page", ["", "en/"])
def test_status_line_reads_the_same_at_every_stage(other, chromium, engine_server, page):
    differ = {}
    for stage, clock in edition_clocks().items():
        expected = status_at(chromium, engine_server, page, stage, clock)
        assert expected and expected.strip(), f"no status line in Chromium {stage}"
        got = status_at(other, engine_server, page, stage, clock)
        if got != expected:
            differ[stage] = f"chromium {expected!r} / {other.name} {got!r}"
    assert not differ, json.dumps(differ, ensure_ascii=False, indent=1)


DRAWER_OPEN = """(() => {
  const toggle = document.getElementById("__drawer");
  const link = document.querySelector(".md-nav--primary .md-nav__item .md-nav__link");
  if (!toggle || !toggle.checked || !link) return false;
  const r = link.getBoundingClientRect();
  return r.width > 0 && r.left >= 0 && r.right <= innerWidth + 1 && r.top >= 0;
})()"""


def test_the_menu_drawer_opens(any_engine, engine_server):
    server, url = engine_server
    any_engine.goto(url)
    any_engine.click('.md-header label[for="__drawer"]')
    any_engine.wait_for(DRAWER_OPEN)


@pytest.mark.parametrize("page", ["", "ke-hoach/2025/", "en/guong-sang-tao/de-cu/", "en/lien-he/"])
def test_the_language_switch_leads_to_the_same_page(any_engine, engine_server, reference, page):
    server, url = engine_server
    twin = page.removeprefix("en/") if page.startswith("en/") else "en/" + page
    any_engine.goto(url + page)
    any_engine.follow("a.lang-switch")
    arrived = any_engine.evaluate("window.__probeReport()")
    assert arrived["path"] == reference[twin]["path"], f"{page} -> {arrived['path']}"
    assert arrived["lang"] == reference[twin]["lang"]
    assert arrived["heading"] == reference[twin]["heading"]


# The probe counts the queries sent to Material's search worker and its answers:
# the results shown are those of the whole query once every query is answered.
FOUND = """window.__probeFrames(2).then(() => Array.from(document.querySelectorAll(".md-search-result__item > a"))
  .map(a => { const u = new URL(a.href); return u.pathname + u.hash; }).sort())"""


def search(engine, url: str, query: str) -> list[str]:
    engine.goto(url)
    engine.click('.md-header label[for="__search"]')
    engine.wait_for("document.activeElement && document.activeElement.matches('input.md-search__input')")
    engine.type("input.md-search__input", query)
    assert engine.evaluate("document.querySelector('input.md-search__input').value") == query
    engine.wait_for(engine_drivers.SEARCH_ANSWERED, timeout=20)
    return engine.evaluate(FOUND)


def test_search_finds_pages_typed_without_diacritics(other, chromium, engine_server):
    server, url = engine_server
    expected = search(chromium, url, "doi moi sang tao")
    assert expected, "Chromium finds nothing"
    assert search(other, url, "doi moi sang tao") == expected


FORM_LINES = """Array.from(document.querySelector(".nomination-form").innerText.split("\\n"))
  .map(line => line.split(/\\s+/).filter(Boolean).join(" ")).filter(Boolean)"""


@pytest.mark.parametrize("page", ["guong-sang-tao/de-cu/", "en/guong-sang-tao/de-cu/"])
def test_the_nomination_form_prints_on_a_fresh_sheet_whole(any_engine, engine_server, page):
    """As tests/browser/test_showcase.py checks in Chromium with three font sets: here in each engine's own print."""
    server, url = engine_server
    any_engine.goto(url + page)
    lines = any_engine.evaluate(FORM_LINES)
    try:
        sheets = engine_drivers.pdf_sheets(any_engine.pdf())
    except engine_drivers.EngineCannot as cannot:
        pytest.skip(str(cannot))
    assert all(sheets), f"a blank sheet is printed: {[len(s) for s in sheets]}"
    first = next(i for i, sheet in enumerate(sheets) if lines[0] in sheet)
    assert first > 0 and sheets[first].startswith(lines[0]), "the form starts on a fresh sheet"
    missing = [line for line in lines if line not in sheets[first]]
    assert not missing, f"not on the form's sheet ({len(sheets)} sheets): {missing}"


# The first screen from the inline CSS alone (issue 23) ------------------------------------------

# Key pages: the home page, the plan, a policy page (Chromium checks more: test_first_paint.py).
SCREENS = ["", "ke-hoach/2025/", "chinh-sach/nghi-quyet-57/"]
DEFERRED_MEDIA = "Array.from(document.querySelectorAll('link[data-deferred-style]'), l => l.media)"


@pytest.fixture(scope="session")
def critical_only_server(built_site, base_path, engine_server):
    """The site with every stylesheet missing, at the engines' clock."""
    server, url = engine_drivers.probe_server(built_site, base_path, stylesheets=False)
    server.clock = engine_server[0].default_clock
    yield server, url
    server.shutdown()


def first_screen(engine, url: str, full_stylesheets: bool = True) -> bytes:
    engine.goto(url)
    if full_stylesheets:   # applied, else critical CSS could be compared with itself
        engine.evaluate(f"({compare_screens.APPLIED})()")
    engine.evaluate(f"({compare_screens.STILL})()")
    return engine.screenshot()


def test_the_first_screen_needs_only_the_inline_css(other, engine_server, critical_only_server):
    """As in Chromium (test_first_paint.py, at 360, 412 and 1280 px): the same first screen, but
    anti-aliasing, whether or not the full stylesheets arrive, in the walk's phone-sized window
    (a desktop width in WebKit took 13 s of the suite for what Chromium already checks)."""
    engine_server[0].clock = engine_server[0].default_clock
    differ = {}
    for page in SCREENS:
        full = first_screen(other, engine_server[1] + page)
        critical_only = first_screen(other, critical_only_server[1] + page, full_stylesheets=False)
        # The full stylesheets never came: their deferred link was never switched on.
        assert other.evaluate(DEFERRED_MEDIA) == ["print"], page
        count, total, _ = compare_screens.differing_pixels(full, critical_only)
        print(f"{other.name} {page or '/'} {WIDTH} px: {count} of {total} pixels differ")
        if count > total * compare_screens.MAX_SHARE:
            differ[page] = f"{count} of {total} pixels"
    assert differ == {}
