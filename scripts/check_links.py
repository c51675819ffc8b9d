#!/usr/bin/env python3
"""List, and optionally check online, the external links of the built site.

Collects every external `<a href>` (http:// or https://, not under the site's
own address) in SITE_DIR/**/*.html, dedupes them, and writes a Markdown report
grouped by page (default: reports/external-links.md).

Offline (the default) it only lists them and exits 0: no network is used.
With --online it checks each distinct address with HEAD, then GET when HEAD
fails (some servers refuse HEAD), a few at a time, and exits 1 when any is
broken, listing the broken ones.

The site's own address is taken from --site-url, else from the shortest <loc>
of SITE_DIR/sitemap.xml; links under it count as internal.

Examples:
  python scripts/check_links.py                  # list only (offline)
  python scripts/check_links.py --online         # check them (weekly workflow)
  python scripts/check_links.py --site-dir /tmp/site --report /tmp/links.md
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "Mozilla/5.0 (compatible; site-link-check/1; +static site maintenance)"
# Statuses that say "the page is there, but not for robots right now".
DEFAULT_ACCEPT = (429,)


class _AnchorParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for name, value in attrs:
                if name == "href" and value:
                    self.hrefs.append(value.strip())


def site_url_from_sitemap(site_dir: Path) -> str | None:
    """The site's own address: the shortest <loc> in site_dir/sitemap.xml."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    try:
        tree = ET.parse(sitemap)
    except ET.ParseError:
        return None
    locs = [el.text.strip() for el in tree.iter() if el.tag.endswith("loc") and el.text]
    return min(locs, key=len) if locs else None


def _normalise_prefix(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def is_external(href: str, site_prefix: str | None) -> bool:
    parts = urlsplit(href)
    if href.startswith("//"):
        parts = urlsplit("https:" + href)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return False  # relative, #anchor, mailto:, tel:, javascript: ...
    if site_prefix:
        own = urlsplit(site_prefix)
        same_host = parts.netloc.lower() == own.netloc.lower()
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        if same_host and path.startswith(own.path):
            return False
    return True


def collect(site_dir: Path, site_url: str | None) -> dict[str, list[str]]:
    """{page (relative path): sorted distinct external hrefs} for pages that have any."""
    prefix = _normalise_prefix(site_url) if site_url else None
    pages: dict[str, list[str]] = {}
    for html_file in sorted(site_dir.rglob("*.html")):
        parser = _AnchorParser()
        parser.feed(html_file.read_text(encoding="utf-8", errors="replace"))
        links = set()
        for href in parser.hrefs:
            if is_external(href, prefix):
                links.add("https:" + href if href.startswith("//") else href)
        if links:
            pages[html_file.relative_to(site_dir).as_posix()] = sorted(links)
    return pages


@dataclass
class Result:
    url: str
    ok: bool
    detail: str


def check_url(url: str, timeout: float, accept: tuple[int, ...] = DEFAULT_ACCEPT) -> Result:
    """HEAD, then GET when HEAD does not give a good answer."""
    target = urldefrag(url).url
    last = "no answer"
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(target, method=method, headers={
            "User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if method == "GET":
                    response.read(1024)
                return Result(url, True, f"{response.status} ({method})")
        except urllib.error.HTTPError as err:
            last = f"HTTP {err.code} ({method})"
            if err.code in accept:
                return Result(url, True, last + ", accepted")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            reason = getattr(err, "reason", err)
            last = f"{type(err).__name__}: {reason} ({method})"
    return Result(url, False, last)


def render(pages: dict[str, list[str]], results: dict[str, Result] | None, site_url: str | None) -> str:
    distinct = sorted({url for links in pages.values() for url in links})
    lines = ["# External links", ""]
    lines.append(f"Site address (internal): `{site_url or 'unknown'}`  ")
    lines.append(f"{len(distinct)} distinct external links on {len(pages)} pages"
                 + (" (checked online)." if results is not None else " (listed only, not checked)."))
    lines.append("")
    if results is not None:
        broken = [results[u] for u in distinct if not results[u].ok]
        lines += [f"## Broken ({len(broken)})", ""]
        if broken:
            where = defaultdict(list)
            for page, links in pages.items():
                for url in links:
                    where[url].append(page)
            for res in broken:
                lines.append(f"- {res.url} — {res.detail} — on: {', '.join(where[res.url])}")
        else:
            lines.append("None.")
        lines.append("")
    lines += ["## By page", ""]
    for page, links in pages.items():
        lines.append(f"### {page}")
        lines.append("")
        for url in links:
            status = f" — {results[url].detail}" if results is not None else ""
            mark = "" if results is None else ("✓ " if results[url].ok else "✗ ")
            lines.append(f"- {mark}{url}{status}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="built site (default: site/)")
    parser.add_argument("--site-url", help="the site's own address (default: from SITE_DIR/sitemap.xml)")
    parser.add_argument("--report", type=Path, default=ROOT / "reports" / "external-links.md",
                        help="Markdown report to write (default: reports/external-links.md)")
    parser.add_argument("--online", action="store_true", help="check each link over the network")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default: 15)")
    parser.add_argument("--workers", type=int, default=4, help="requests in parallel (default: 4)")
    args = parser.parse_args(argv)

    if not args.site_dir.is_dir():
        print(f"{args.site_dir} not found: run `mkdocs build --strict` first.", file=sys.stderr)
        return 2
    site_url = args.site_url or site_url_from_sitemap(args.site_dir)
    pages = collect(args.site_dir, site_url)
    distinct = sorted({url for links in pages.values() for url in links})

    results = None
    if args.online:
        with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
            results = {r.url: r for r in pool.map(lambda u: check_url(u, args.timeout), distinct)}

    report = render(pages, results, site_url)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report + "\n", encoding="utf-8")
    print(f"{len(distinct)} distinct external links on {len(pages)} pages; report: {args.report}")

    if results is not None:
        broken = [results[u] for u in distinct if not results[u].ok]
        for res in broken:
            print(f"BROKEN {res.url} — {res.detail}", file=sys.stderr)
        if broken:
            print(f"{len(broken)} broken external links.", file=sys.stderr)
            return 1
        print("No broken external links.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
