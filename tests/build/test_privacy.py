"""Private by default: nothing from other origins, a strict policy in every page."""

from __future__ import annotations

import re


def test_every_page_has_a_strict_content_security_policy(pages, soup_of, built_site):
    documents = [soup_of(p) for p in pages] + [soup_of("404.html")]
    for soup in documents:
        csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["default-src"] == "'self'"
        assert "unsafe-inline" not in directives["script-src"] and "*" not in csp
        assert directives["object-src"] == "'none'"
        assert soup.select_one('meta[name="referrer"]')["content"] == "strict-origin-when-cross-origin"
        # The policy comes before any script, or it would not cover it.
        head = str(soup.head)
        assert head.index("Content-Security-Policy") < head.index("<script")


def test_no_inline_event_handlers_and_no_external_assets(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path
        for tag, attr in re.findall(r"<(script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=\"(https?:[^\"]+)\"", html):
            # Only links to other language versions of our own pages may be absolute.
            assert tag == "link" and attr.startswith("http://127.0.0.1:8000/ngay-hoi-dmst/"), (path, tag, attr)


def test_no_web_fonts_are_requested(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
