"""The default language's 404 page at the site root.

GitHub Pages serves the root 404.html for every missing address. Our 404
template speaks both languages, but mkdocs-static-i18n builds the other
languages last and would leave one of their page shells (lang="en", English
navigation) there. The output plugin keeps the default language's page and
writes it back once every language is built.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = "404.html"


def write(site_dir: Path, html: str | None) -> None:
    if html is not None:
        (site_dir / TEMPLATE).write_text(html, encoding="utf-8")
