"""One walk of every page in Chromium, recording what each per-page check needs.

The per-page checks (no error, no 404, no other origin: tests/test_browser.py;
axe at a phone's and a desktop's width: tests/test_quality.py; first-view weight:
tests/test_weight.py; headings without JavaScript: tests/test_browser.py) used to
open every page once each. Here each page is opened once per way of reading it:

- "phone": a fresh context (empty cache: a first view) 412 px wide, until the
  network is idle: every request and its size, errors, failures; then the window
  narrows to 360 px and axe runs on the page laid out at that width.
- "desktop": 1280 px, until the network is idle: errors, failures; axe.
- "no_js": JavaScript off, at a phone's size: the heading and the language switch.

The record of a page is made when a test first asks for it and kept for the
session; conftest.py pins every test of one page to one xdist worker, so no page
is walked twice and the pages are shared between the workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# resultTypes: every violation in full; passes and the rest with one node each (axe's own
# advice for speed: making a selector for every node that passes is most of its time).
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
# The first view is weighed at a common phone's size (tests/test_weight.py's budgets).
FIRST_VIEW = {"width": 412, "height": 823}
# A phone (tests/test_browser.py's), for the visit without JavaScript.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
               "has_touch": True}
# A page that is not there: the 404 page, at a path of its own.
MISSING = "khong-co-trang-nay/"
FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def source_pages(docs: Path = ROOT / "docs") -> list[str]:
    """Every page the build makes from docs/, as tests/conftest.py's html_pages names them.

    Known before the build, so that each page is a test of its own;
    tests/test_browser.py checks that the build made exactly these pages.
    """
    pages = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).as_posix()
        lang = "en/" if rel.endswith(".en.md") else ""
        stem = rel.removesuffix(".md").removesuffix(".en")
        path = "" if stem == "index" else stem.removesuffix("/index")
        pages.append(lang + (path + "/" if path else ""))
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


def _watch(page, current) -> None:
    """Record what `page` does into the Load that current() returns (the page is reused)."""
    def on_console(message):
        # A 404 page's own status is reported as a console error about the document
        # itself; that is the page doing its job, not a fault in it (as conftest.Visit).
        if message.type == "error" and not (message.location.get("url") == page.url and "404" in message.text):
            current().console_errors.append(f"{message.text} @ {message.location.get('url')}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: current().console_errors.append(str(e)))
    page.on("request", lambda r: current().requests.append(r.url))
    page.on("requestfailed", lambda r: current().failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and current().failed.append(f"{r.url} ({r.status})"))


def _axe(page, source: str) -> list[str]:
    page.evaluate(source)
    result = page.evaluate(AXE_RUN, AXE_TAGS)
    return [f"{v['id']}: {[', '.join(n['target']) for n in v['nodes']][:3]}" for v in result["violations"]]


class Walk:
    """record(path) -> Record, each page walked once in the session."""

    def __init__(self, browser, server: str):
        self.browser, self.server = browser, server
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(server))
        self.axe_source = AXE.read_text(encoding="utf-8")
        self.records: dict[str, Record] = {}
        self._contexts = []
        self._desktop = self._desktop_load = self._no_js = None

    def close(self) -> None:
        for context in self._contexts:
            context.close()

    def __call__(self, path: str) -> Record:
        if path not in self.records:
            self.records[path] = self._walk(path)
        return self.records[path]

    def _walk(self, path: str) -> Record:
        url = self.server + path
        # Phone: a fresh context, so its cache is empty, as on a first view.
        phone = Load()
        context = self.browser.new_context(viewport=FIRST_VIEW)
        try:
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            _watch(page, lambda: phone)
            phone.status = page.goto(url, wait_until="networkidle").status
            first_view_bytes = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                                   for r in finished)
            first_view_urls = [r.url for r in finished]
            page.set_viewport_size(VIEWPORTS["phone"])
            page.evaluate(FRAMES)  # laid out again at 360 px
            phone.axe = _axe(page, self.axe_source)
        finally:
            context.close()

        # Desktop and without JavaScript: one page each for the session, going from page to
        # page as a reader does (a return visit's cache changes nothing checked here).
        if self._desktop is None:
            self._desktop = self._open(viewport=VIEWPORTS["desktop"])
            _watch(self._desktop, lambda: self._desktop_load)
            self._no_js = self._open(java_script_enabled=False, **PHONE)
        desktop = self._desktop_load = Load()
        desktop.status = self._desktop.goto(url, wait_until="load").status
        desktop.axe = _axe(self._desktop, self.axe_source)
        # Errors and requests until the network is quiet (usually already, after axe).
        self._desktop.wait_for_load_state("networkidle")

        self._no_js.goto(url, wait_until="load")
        no_js = {"heading": self._no_js.locator("article h1").is_visible(),
                 "language switch": self._no_js.locator("a.lang-switch").is_visible()}
        return Record(path, phone, desktop, first_view_bytes, first_view_urls, no_js)

    def _open(self, **options):
        context = self.browser.new_context(**options)
        self._contexts.append(context)
        return context.new_page()
