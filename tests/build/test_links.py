"""No broken link or anchor inside the site, in either language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

HREF = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]+)"')
SRC = re.compile(r'<(?:img|script|source)\b[^>]*?\bsrc="([^"]+)"')
ID = re.compile(r'\bid="([^"]+)"')


def test_every_internal_link_and_anchor_resolves(built_site, site_url):
    base = urlsplit(site_url).path
    ids: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site).as_posix()
        page_url = site_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        if rel == "404.html":
            page_url = site_url + "khong-co/trang/"  # served at any depth: links must not be relative
        for link in HREF.findall(html) + SRC.findall(html):
            target = urljoin(page_url, link.replace("&amp;", "&"))
            parts = urlsplit(target)
            if not target.startswith(site_url.split(base)[0] + base):
                continue  # another site: listed by scripts/check_links.py, checked weekly online
            checked += 1
            path = unquote(parts.path[len(base):])
            file = built_site / path
            if path == "" or path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{rel}: {link}")
                continue
            if parts.fragment and file.suffix == ".html":
                if file not in ids:
                    ids[file] = set(ID.findall(file.read_text(encoding="utf-8")))
                if unquote(parts.fragment) not in ids[file]:
                    broken.append(f"{rel}: {link} (no such anchor)")
    assert checked > 40 * len(ids or [1]) and checked > 1000, checked
    assert broken == []


VAGUE = {"more", "read more", "click here", "here", "link", "this page", "learn more",
         "xem thêm", "tại đây", "ở đây", "chi tiết", "bấm vào đây", "đọc tiếp"}


def test_link_text_says_where_the_link_goes(pages, soup_of):
    vague = []
    for page in pages:
        for link in soup_of(page).select("article a[href]"):
            text = " ".join(link.get_text(" ").split()).strip(" .:").lower()
            if text in VAGUE and not link.get("aria-label"):
                vague.append(f"{page}: {text!r} -> {link['href']}")
    assert vague == []
