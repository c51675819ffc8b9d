"""Jinja environments for the package's own templates, and site-relative links.

As in Material's own overrides/hooks/translations.py, generated HTML comes from
a template beside the code that fills it (content/templates/, kit/templates/,
settings/templates/), never from strings in Python. The templates sit in the
package, not in the theme's folder, so their sources are never published.
Their words come from the site's interface strings (`t`, settings.strings).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2

PACKAGE = Path(__file__).resolve().parent


def environment(concern: str, *, html_layout: bool) -> jinja2.Environment:
    """The templates of one concern. `html_layout` trims block tags' lines (HTML and XML
    templates); Markdown templates keep their lines as written."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / concern / "templates")),
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True),
        trim_blocks=html_layout,
        lstrip_blocks=html_layout,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []


def source_link(target: str, page_source: str) -> str:
    """A Markdown link from the page whose docs/ source is `page_source` to the docs/ file
    `target`: MkDocs checks it under --strict and rewrites it for the built page."""
    return posixpath.relpath(target, posixpath.dirname(page_source) or ".")


def relative_url(url: str, other: str) -> str:
    """`url` (site-relative) as a link from the page at `other`, as MkDocs writes links."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    link = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return link + "/" if url.endswith("/") else link
