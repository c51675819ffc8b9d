"""One walk of every kind of page in Chromium, recording what each per-page check needs.

The pages walked (`walked_pages`): every page docs/ makes, but of the news items and
innovators a sample of each section (the checks of the built HTML, the validator's
(tests/build/test_valid_html.py) and the others reading `pages`, still read every page).

The per-page checks (no error, no 404, no other origin: tests/browser/test_browser.py;
axe at a phone's and a desktop's width: tests/browser/test_quality.py; first-view weight:
tests/browser/test_weight.py; headings without JavaScript: tests/browser/test_browser.py) all
read one visit of each page, plus one with JavaScript off:

- A first view (the browser's cache and the site's storage emptied) 412 px wide,
  until the page has loaded and no request is left in flight: every request and
  its size. Then the window narrows to 360 px and axe runs on the page laid out
  at that width, as it first shows (the "phone" part); then it widens to 1280 px,
  a key is pressed, which brings Material's script (docs/assets/js/on-demand.js),
  the page fetches what a wider screen needs, and axe runs again on what the
  script made of it (the "desktop" part). Errors and failed requests are
  recorded for each part.
- JavaScript off, at a phone's size: the heading and the language switch.

The record of a page is made when a test first asks for it and kept for the
session; conftest.py pins every test of one page to one xdist worker, so no page
is walked twice and the pages are shared between the workers.
"""

from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .sites import ROOT  # noqa: E402
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# resultTypes: every violation in full; passes and the rest with one node each (axe's own
# advice for speed: making a selector for every node that passes is most of its time).
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
# The first view is weighed at a common phone's size (tests/browser/test_weight.py's budgets).
FIRST_VIEW = {"width": 412, "height": 823}
# A phone (tests/browser/test_browser.py's), for the visit without JavaScript.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
               "has_touch": True}
# A page that is not there: the 404 page, at a path of its own.
MISSING = "khong-co-trang-nay/"
FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Material's script, fetched at the reader's first tap, key or scroll (docs/assets/js/on-demand.js),
# has started once it has published its streams (bundle.ts: window.component$).
MATERIAL_STARTED = "() => 'component$' in window"


def is_material_bundle(url: str) -> bool:
    """Whether a request is for Material's bundle (output/bundle.py names its file)."""
    from innovation_day.output.bundle import BUNDLE

    return fnmatch.fnmatchcase(urlsplit(url).path, "*/" + BUNDLE)


def wake_material(page) -> None:
    """Do what a reader does first (a key: Shift, which does nothing else) and wait until
    Material's script, fetched then, has started."""
    page.keyboard.press("Shift")
    page.wait_for_function(MATERIAL_STARTED)


class InFlight:
    """The requests a page has started and not yet finished (or failed)."""

    def __init__(self, page, scripts: bool = True):
        self.page, self.scripts, self.pending = page, scripts, set()
        # Playwright calls Python functions only (not built-in methods such as set.add).
        self._listeners = {"request": lambda request: self.pending.add(request),
                           "requestfinished": lambda request: self.pending.discard(request),
                           "requestfailed": lambda request: self.pending.discard(request)}
        for event, listener in self._listeners.items():
            page.on(event, listener)

    def stop(self) -> None:
        """Stop watching (the page is kept for other tests)."""
        for event, listener in self._listeners.items():
            self.page.remove_listener(event, listener)

    def settle(self, rounds: int = 50) -> None:
        """Wait until the page has drawn twice with no request in flight.

        The condition Playwright's "networkidle" stands for, without its fixed
        half-second of quiet: the page's requests are all known once it has loaded
        and laid itself out (lazy images wait for a scroll that no check makes).
        Without JavaScript the page draws no frame for a script to wait on; its
        requests are all made by then.
        """
        for _ in range(rounds):
            if self.scripts:
                self.page.evaluate(FRAMES)  # also lets the page's events reach us
            if not self.pending:
                return
            for request in list(self.pending):
                response = request.response()  # None once it has failed
                if response:
                    response.finished()
                self.pending.discard(request)
        raise TimeoutError(f"still loading: {sorted(r.url for r in self.pending)}")


class Tabs:
    """Browser tabs kept for the session, one per set of context options, each handed out empty.

    Opening a tab costs Chromium a new renderer and a cold start: about three times the CPU
    of going to another page in a tab already open (0.33 against 0.12 CPU-seconds a page in
    the headless shell, on 2 cores). A kept tab is emptied before each use as a new one
    would be: it leaves the page it was on, and the browser's cache and the site's storage,
    session storage included, are cleared; its window size is restored, its routes and
    print emulation undone. An init script or a fake clock asked for here is part of what
    the tab is. Anything else a test adds to a page for good (its own init scripts) needs a
    context of its own; listeners must be removed after use.
    """

    def __init__(self, browser, server: str):
        self.browser = browser
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
        self._tabs: dict[str, tuple] = {}

    def __call__(self, init_script: str | None = None, clock: bool = False, **options):
        """A tab for these context options; with `clock`, one whose clock each user sets."""
        key = json.dumps([init_script, clock, options], sort_keys=True)
        if key not in self._tabs:
            context = self.browser.new_context(**options)
            if init_script:
                context.add_init_script(init_script)
            page = context.new_page()
            if clock:
                page.clock.install()
            # The size it opened at, Playwright's default when the options give none.
            self._tabs[key] = (page, context.new_cdp_session(page), page.viewport_size)
        page, cdp, size = self._tabs[key]
        page.unroute_all()
        page.goto("about:blank")
        # Nothing left hovered: the mouse moved off once the page is left, where it hit-tests
        # an empty document (5 to 10 ms less CPU a use than on the page).
        page.mouse.move(-1, -1)
        page.emulate_media(media="null")
        page.set_viewport_size(size)
        cdp.send("Network.clearBrowserCache")
        # "all" takes the tab's session storage too (tests/browser/test_suite.py checks it).
        cdp.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "all"})
        return page

    def close(self) -> None:
        for page, _, _ in self._tabs.values():
            page.context.close()


def source_pages(docs: Path = ROOT / "docs") -> list[str]:
    """Every page the build makes from docs/, as tests/conftest.py's html_pages names them.

    Known before the build, so that each page is a test of its own;
    tests/browser/test_browser.py checks that the build made exactly these pages.
    """
    pages = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        lang = "en/" if rel.endswith(".en.md") else ""
        stem = rel.removesuffix(".md").removesuffix(".en")
        path = "" if stem == "index" else stem.removesuffix("/index")
        pages.append(lang + (path + "/" if path else ""))
    return sorted(pages)


# News items and innovators are made from one template each: the walk takes a sample of
# each section in each language (the newest two, one from the middle, the oldest), and
# every other page in full, so the browser checks grow with the kinds of page, not with
# the content (issue 24). The cheap checks of the built HTML still read every page.
ENTRY_SAMPLE = 4
# Pages 2, 3… of the news and innovators' lists (content/news.py, content/showcase.py): made by
# the build, not from docs/; so are, once the innovators' list is paged, each kind's and field's list.
LIST_PAGE = re.compile(r"trang-\d+")


def list_page(page: str) -> bool:
    """Whether a page (site-relative path) is one the build makes for a list, not from docs/."""
    from innovation_day.content.showcase import FILTER_FOLDERS

    parts = page.removeprefix("en/").strip("/").split("/")
    return bool(LIST_PAGE.fullmatch(parts[-1])) or (len(parts) > 2 and parts[1] in FILTER_FOLDERS.values())


def entry_section(page: str) -> str | None:
    """The section of a news item's or an innovator's page (site-relative path), else None."""
    from innovation_day.content.schema import SCHEMAS

    parts = page.removeprefix("en/").strip("/").split("/")
    for schema in SCHEMAS.values():
        if len(parts) == 2 and parts[0] == schema.section and parts[1] not in schema.pages \
                and not LIST_PAGE.fullmatch(parts[1]):
            return schema.section
    return None


def sample(entries: list[str], size: int = ENTRY_SAMPLE) -> list[str]:
    """The newest two, one from the middle and the oldest (names sort by date for news)."""
    if len(entries) <= size:
        return entries
    ordered = sorted(entries)
    return sorted({ordered[-1], ordered[-2], ordered[len(ordered) // 2], ordered[0]})


def walked_pages(docs: Path = ROOT / "docs") -> list[str]:
    """The pages the browser checks open: every page but entries, a sample of each section's
    entries in each language, and the news list's second page when there is one."""
    from .site_settings import site

    pages, entries = [], {}
    for page in source_pages(docs):
        section = entry_section(page)
        if section:
            entries.setdefault((page.startswith("en/"), section), []).append(page)
        else:
            pages.append(page)
    for group in entries.values():
        pages += sample(group)
    settings = site()
    from innovation_day.content.schema import NEWS

    from innovation_day.content.schema import INNOVATOR

    # Pages 2… of a list, and each kind's and field's list, are made alike: the second page is walked.
    for section, per_page in ((NEWS.section, settings.news.per_page), (INNOVATOR.section, settings.showcase.per_page)):
        if len(entries.get((False, section), [])) > per_page:
            pages += [f"{settings.languages.prefix(lang)}{section}/trang-2/" for lang in settings.languages.codes]
    return sorted(pages)


@dataclass
class Load:
    """One page load: what the reader's browser did on the way."""

    status: int = 0
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)  # "rule: first targets" per violation

    def third_party(self, origin: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(origin) and not u.startswith(("data:", "blob:"))]


@dataclass
class Record:
    path: str
    phone: Load
    desktop: Load
    first_view_bytes: int = 0
    first_view_urls: list[str] = field(default_factory=list)
    no_js: dict[str, bool] = field(default_factory=dict)


def watch(page, current):
    """Record what `page` does into the Load (or Visit) current() returns; returns the undo."""
    def on_console(message):
        # A 404 page's own status is reported as a console error about the document
        # itself; that is the page doing its job, not a fault in it.
        if message.type == "error" and not (message.location.get("url") == page.url and "404" in message.text):
            current().console_errors.append(f"{message.text} @ {message.location.get('url')}")

    listeners = {
        "console": on_console,
        "pageerror": lambda e: current().console_errors.append(str(e)),
        "request": lambda r: current().requests.append(r.url),
        "requestfailed": lambda r: current().failed.append(f"{r.url} ({r.failure})"),
        "response": lambda r: r.status >= 400 and current().failed.append(f"{r.url} ({r.status})"),
    }
    for event, listener in listeners.items():
        page.on(event, listener)

    def unwatch():
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    return unwatch


def _axe(page, source: str) -> list[str]:
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(source)
    result = page.evaluate(AXE_RUN, AXE_TAGS)
    return [f"{v['id']}: {[', '.join(n['target']) for n in v['nodes']][:3]}" for v in result["violations"]]


def site_index_of(path: str) -> str:
    """The site's index (content/site_index.py) in the language of the page at `path`."""
    from innovation_day.content.site_index import PAGE
    from .site_settings import site

    languages = site().languages
    lang = next((code for code in languages.others if path.startswith(languages.prefix(code))), languages.default)
    return f"{languages.prefix(lang)}{PAGE}/"


class Walk:
    """record(path) -> Record, each page walked once in the session."""

    def __init__(self, tabs: Tabs, server: str):
        self.tabs, self.server = tabs, server
        self.origin = tabs.origin
        self.axe_source = AXE.read_text(encoding="utf-8")
        self.records: dict[str, Record] = {}
        self._part, self._finished, self._in_flight = None, [], None

    def __call__(self, path: str) -> Record:
        if path not in self.records:
            self.records[path] = self._walk(path)
        return self.records[path]

    def _walk(self, path: str) -> Record:
        url = self.server + path
        phone, desktop = Load(), Load()
        self._part = phone
        # A first view: a kept tab, emptied (Tabs), the same weights as a new context's.
        page = self.tabs(viewport=FIRST_VIEW)
        if self._in_flight is None:  # the same tab for every page: watched from the first
            self._in_flight = InFlight(page)
            page.on("requestfinished", lambda request: self._finished.append(request))
            watch(page, lambda: self._part)
        self._finished = []
        phone.status = desktop.status = page.goto(url, wait_until="load").status
        self._in_flight.settle()
        first_view = list(self._finished)
        first_view_bytes = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                               for r in first_view)
        page.set_viewport_size(VIEWPORTS["phone"])
        page.evaluate(FRAMES)  # laid out again at 360 px
        phone.axe = _axe(page, self.axe_source)
        # The same page on a desktop's screen, once the reader's first key has brought Material's
        # script: what it fetches and does at that width (the phone's axe ran without it).
        self._part = desktop
        page.set_viewport_size(VIEWPORTS["desktop"])
        wake_material(page)
        self._in_flight.settle()
        desktop.axe = _axe(page, self.axe_source)
        self._in_flight.settle()
        self._part = Load()  # what the tab does from here on is no page's record

        # Without JavaScript, at a phone's size.
        no_js_page = self.tabs(java_script_enabled=False, **PHONE)
        no_js_page.goto(url, wait_until="load")
        # The search's place without scripts: a link to the site's index in the page's language.
        index = no_js_page.locator(".md-header a.site-index-link")
        no_js = {"heading": no_js_page.locator("article h1").is_visible(),
                 "language switch": no_js_page.locator("a.lang-switch").is_visible(),
                 "search leads to the site index": index.is_visible() and urljoin(
                     no_js_page.url, index.get_attribute("href")) == self.server + site_index_of(path)}
        return Record(path, phone, desktop, first_view_bytes, [r.url for r in first_view], no_js)

class Visit:
    """A page opened in Chromium, with what the reader's browser did on the way."""

    def __init__(self, page, server_url: str, scripts: bool = True):
        self.page = page
        self.in_flight = InFlight(page, scripts)
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server_url))
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self._unwatch = watch(page, lambda: self)

    def close(self) -> None:
        """Stop recording (the tab may be kept for another test)."""
        self._unwatch()
        self.in_flight.stop()

    @property
    def third_party(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith(self.origin) and not u.startswith(("data:", "blob:"))]
