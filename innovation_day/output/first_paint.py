"""First paint in one round trip: the page's critical CSS inline, the full stylesheets deferred,
and the HTML without its indentation.

A page's first screen needs its HTML and every render-blocking stylesheet: on a phone on a
weak connection, more than the first round trip of about 14 KiB (gzip) meant a second one
before a word showed. Each page now carries the rules its first screen can use
(critical.py) and loads the full stylesheets without blocking (templates/first-paint.html).
`weigh` measures what a page needs before its first paint, as scripts/audit.py reports it
and tests/build/test_first_paint_bytes.py holds it: the head's blocking resources, and the part of
the HTML's gzip stream down to the end of the first screen. Browsers paint a document as it
arrives, so the rest of a long article streams in after the first paint; the whole HTML of the
longest pages (26 KiB gzip) could never fit the first round trip.
"""

from __future__ import annotations

import json
import posixpath
import re
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import rjsmin
from markupsafe import Markup

from ..coupling import AnchorMissing
from ..preview import gzipped
from .critical import BLOCKING_LINK, Critical, Worked
from .stylesheet import CUSTOM_NAME, SCRIPT_CLASS

HEAD_END = "</head>"
# Each page's critical CSS, worked out once for what it is made from (critical.Worked): under the
# project's .cache/, which the deploy keeps and the tests' copies share.
CACHE = ".cache/critical"
MATERIAL_STYLESHEET = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
# Material's bundle, at the end of the body (base.html's scripts block), parser-blocking as written.
# Its place goes to docs/assets/js/on-demand.js, deferred, which fetches the bundle (its address
# in data-bundle) at the reader's first tap, key or scroll: not part of the first view, and the
# browser, and Lighthouse's model of a slow phone, never wait for its 35 KB before a first paint.
MATERIAL_BUNDLE = re.compile(r'<script src="(([^"]*)assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
ON_DEMAND = r'<script src="\2assets/js/on-demand.js" data-bundle="\1" defer></script>'
# The first screen: the page down to this much of its article's text after the title (a
# 1280 × 800 window or a phone's screen shows less), then the sidebars and footer, which
# come before and after the article in Material's markup and may show beside a short page.
FIRST_SCREEN_TEXT = 2500
ARTICLE = re.compile(r'<article\b[^>]*>')
ARTICLE_END = "</article>"
TAG_OR_TEXT = re.compile(r"<[^>]*>|[^<]+")
# Indentation and blank lines are whitespace the browser collapses; not inside these (Material
# shows code and kbd with white-space: pre-wrap).
KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2>)", re.S)
INDENT = re.compile(r"\n\s+")
INLINE_SCRIPT = re.compile(r"<script((?:(?!\bsrc=)[^>])*)>(.*)</script>", re.S)
STRING = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'|`([^`]*)`")
WORD = re.compile(r"-?[_a-zA-Z][\w-]*")


def first_screen_cut(html: str) -> tuple[int, int]:
    """Where the first screen's part of the article ends, and where the article ends: the
    same place (the article's end, or the page's) when the whole article is in the first screen."""
    match = ARTICLE.search(html)
    end = html.find(ARTICLE_END, match.end()) if match else -1
    if end < 0:
        return len(html), len(html)
    seen, position = 0, match.end()
    for piece in TAG_OR_TEXT.finditer(html, match.end(), end):
        if not piece.group().startswith("<"):
            seen += len(piece.group().strip())
        position = piece.end()
        if seen >= FIRST_SCREEN_TEXT:
            break
    return position, end


def first_screen(html: str) -> str:
    """The page without the part of its article beyond the first screen's text."""
    position, end = first_screen_cut(html)
    return html[:position] + html[end:]


def site_path(href: str, page_dest: str, base_path: str) -> str:
    """A link's target as a path in the built site, from the page at `page_dest` (its file)."""
    if href.startswith("/"):
        return href[len(base_path):] if href.startswith(base_path) else href.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_dest), href))


def _lighter_script(element: str) -> str:
    """An inline script minified (its comments were in every page), a JSON one without spaces."""
    match = INLINE_SCRIPT.fullmatch(element)
    if not match:
        return element   # a script with a src, or unusual markup: as it is
    attributes, body = match.groups()
    if "json" in attributes:
        body = json.dumps(json.loads(body), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    else:
        body = rjsmin.jsmin(body)
    return f"<script{attributes}>{body}</script>"


def lighten(html: str) -> str:
    """Drop indentation and blank lines outside <pre>, <textarea>, <script>, <style>, <code>
    and <kbd>: the browser collapses each run of whitespace to one space, and a newline stays. Inline
    scripts lose their comments and spaces (the CSP hashes them afterwards)."""
    parts = KEEP_WHITESPACE.split(html)
    # split() returns text, then (whole element, tag name) pairs.
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            out.append(INDENT.sub("\n", part))
        elif i % 3 == 1:
            out.append(_lighter_script(part) if parts[i + 1] == "script" else part)
    return "".join(out)


class FirstPaint:
    """Rewrites each built page's head: critical CSS inline, full stylesheets deferred."""

    def __init__(self, env, site_url: str, extra_css: list[str], docs_dir: str, hidden: tuple[str, ...] = (),
                 prefixes: tuple[str, ...] = (), cache_dir: Path | None = None):
        self.template = env.get_template("first-paint.html")
        self.base_path = urlsplit(site_url or "/").path or "/"
        # Every page links Material's stylesheet and then mkdocs.yml's extra_css: one request,
        # Material's file followed by the others (combine()), in the same cascade order.
        self.extra_css = [posixpath.normpath(path) for path in extra_css]
        self.sources: dict[str, Path] = {}
        self.scripts: set[Path] = set()
        self.docs_dir = Path(docs_dir)
        self._script_names: dict[bool, frozenset] = {}
        self.critical = Critical(lambda path: self.sources[path], self.script_names, hidden, prefixes,
                                 lambda: self.script_names(own=True), Worked(cache_dir) if cache_dir else None)
        self.extra_rest = ""

    def know_files(self, files) -> None:
        """The source file of each stylesheet the site publishes, by its address in the site."""
        self.sources.update({f.dest_uri: Path(f.abs_src_path) for f in files
                             if f.dest_uri.endswith(".css") and f.abs_src_path})
        self.scripts.update(Path(f.abs_src_path) for f in files if f.dest_uri.endswith(".js") and f.abs_src_path)

    def script_names(self, own: bool = False) -> frozenset:
        """Every class name a script may set: Material's (stylesheet.py's pattern) and every
        word in a string in any script (ours set plain names); with `own`, only the words of
        the site's own scripts (docs/). Notes the custom properties they name too, which the
        full stylesheets keep."""
        if own not in self._script_names:
            names = set()
            for script in self.scripts:
                if own and not script.is_relative_to(self.docs_dir):
                    continue
                code = script.read_text(encoding="utf-8", errors="replace")
                names.update(word for text in STRING.finditer(code) for word in WORD.findall(text.group()))
                if not own:
                    names.update(SCRIPT_CLASS.findall(code))
                    self.critical.script_vars.update(CUSTOM_NAME.findall(code))
            self._script_names[own] = frozenset(names)
        return self._script_names[own]

    def rewrite(self, html: str, page_dest: str) -> str:
        head_end = html.find(HEAD_END)
        links = list(BLOCKING_LINK.finditer(html, 0, head_end))
        hrefs = [link.group(1) for link in links]
        paths = [site_path(href, page_dest, self.base_path) for href in hrefs]
        # Every page links Material's stylesheet as its base.html writes it, from a known file.
        if not paths or not MATERIAL_STYLESHEET.fullmatch(paths[0]) or not all(p in self.sources for p in paths):
            raise AnchorMissing("first paint (critical CSS)", f"innovation_day/output/first_paint.py ({page_dest})",
                                BLOCKING_LINK.pattern)
        css = self.critical.css(paths, first_screen(html), html)
        hrefs = [href for href, path in zip(hrefs, paths) if path not in self.extra_css]
        block = self.template.render(css=Markup(css), stylesheets=hrefs)
        head = html[:head_end]
        for link in reversed(links[1:]):
            head = head[:link.start()] + head[link.end():]
        first = links[0]
        head = head[:first.start()] + block + "\n" + head[first.end():]
        body, found = MATERIAL_BUNDLE.subn(ON_DEMAND, html[head_end:])
        if found != 1:
            raise AnchorMissing("first paint (Material's bundle, on demand)",
                                f"innovation_day/output/first_paint.py ({page_dest})", MATERIAL_BUNDLE.pattern)
        return lighten(head + body)

    def write_rest(self, site: Path) -> None:
        """Material's stylesheet in the built site, without what it need not repeat (critical.py);
        the same of the extra_css ones kept for combine(). Their own files stay whole, and so do
        the stylesheets only some pages link."""
        if self.critical.cache:
            self.critical.cache.prune()
        material = [path for path in self.critical.inline if MATERIAL_STYLESHEET.fullmatch(path)]
        texts = self.critical.rests(material + self.extra_css)
        for path in material:
            (site / path).write_text(texts[path], encoding="utf-8")
        self.extra_rest = "".join(texts[path] for path in self.extra_css)

    def combine(self, site: Path) -> None:
        """Material's stylesheet followed by the extra_css ones, in its file: the one request
        every page makes (after the trimming, which trims Material's rules only)."""
        for material in site.glob("assets/stylesheets/main.*.min.css"):
            material.write_text(material.read_text(encoding="utf-8") + self.extra_rest, encoding="utf-8")


# Measuring -------------------------------------------------------------------

RENDER_BLOCKING_STYLESHEET = re.compile(r"<link\b(?=[^>]*\brel=\"stylesheet\")(?![^>]*\bmedia=\"print\")[^>]*>")
HREF = re.compile(r'\bhref="([^"]+)"')
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>")
SRC = re.compile(r'\bsrc="([^"]+)"')
NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.S)


def gzip_size(data: bytes) -> int:
    return len(gzipped(data))


def gzip_needed(data: bytes, upto: int) -> int:
    """How many bytes of `data`'s gzip stream (as it is served) must arrive before the
    first `upto` bytes of `data` can be decoded: the stream fed to a decoder byte by byte, as
    a browser decodes a response while it arrives."""
    stream = gzipped(data)
    decoder, decoded = zlib.decompressobj(wbits=31), 0
    for arrived in range(1, len(stream) + 1):
        decoded += len(decoder.decompress(stream[arrived - 1:arrived]))
        if decoded >= upto:
            return arrived
    return len(stream)


def blocking_in(markup: str) -> list[str]:
    """The addresses in `markup` the browser waits for before painting what follows, with
    scripts on: stylesheets not limited to print, and scripts with a src but no defer, async
    or module (outside <noscript>)."""
    markup = NOSCRIPT.sub("", markup)
    found = [HREF.search(link).group(1) for link in RENDER_BLOCKING_STYLESHEET.findall(markup)]
    for attributes in SCRIPT_TAG.findall(markup):
        src = SRC.search(attributes)
        if src and not re.search(r"\b(defer|async)\b|type=\"module\"", attributes):
            found.append(src.group(1))
    return found


def blocking_resources(html: str) -> list[str]:
    """The addresses the page's head makes the browser wait for before painting."""
    return blocking_in(html[:html.find(HEAD_END)])


def html_before_paint(html: str) -> tuple[bytes, int]:
    """The page's HTML as served, and how many of its bytes come before the end of its first
    screen (first_screen_cut): the browser paints the first screen once those and the head's
    blocking resources have arrived, while the rest of a long article still streams in."""
    data = html.encode("utf-8")
    cut, article_end = first_screen_cut(html)
    # A whole article in the first screen: the footer after it may show there too.
    return data, len(html[:cut].encode("utf-8")) if cut < article_end else len(data)


def weigh(page: Path, site: Path, base_path: str) -> dict[str, int]:
    """Gzip bytes a page needs before its first paint: under "HTML", the part of the page's gzip
    stream that decodes to its HTML down to the end of its first screen (the whole stream for a
    page whose article fits that screen); then each resource its head blocks on, whole.

    A model, not a measurement of a paint: it assumes nothing after that point keeps the first
    screen from painting (no parser-blocking script or stylesheet in the body, which
    tests/build/test_first_paint_bytes.py checks) and that the browser paints what it has parsed,
    which tests/browser/test_first_paint.py shows in Chromium with the rest of the document held back."""
    html = page.read_text(encoding="utf-8")
    sizes = {"HTML": gzip_needed(*html_before_paint(html))}
    page_dest = page.relative_to(site).as_posix()
    for href in blocking_resources(html):
        path = site_path(href, page_dest, base_path)
        sizes[path] = gzip_size((site / path).read_bytes())
    return sizes


def whole_html(page: Path) -> int:
    """The page's whole HTML, gzip: what its first view downloads of it."""
    return gzip_size(page.read_bytes())
