"""Font sets a reader's device may have, to lay pages out with each in turn.

The site asks for system fonts (extra.css), so what a page looks like, and how
it breaks across printed sheets, depends on the fonts of the device. Each set is
one family Debian packages (the Makefile's `fonts` rule installs them all); a
test selects one with a same-origin stylesheet served by the test, so the
page's Content-Security-Policy (style-src 'self') stays on.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

# family -> Debian package. DejaVu is wide (the Linux default), Liberation has
# Arial's metrics (Windows-like), Noto Sans is Android's.
FONT_SETS = {
    "DejaVu Sans": "fonts-dejavu-core",
    "Liberation Sans": "fonts-liberation",
    "Noto Sans": "fonts-noto-core",
}
STYLESHEET = "__test-font-set.css"


def require_font(family: str) -> None:
    """Fail (not skip) when the family is missing: the page would fall back silently."""
    found = ""
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{family}", family],
                               capture_output=True, text=True).stdout
    if family not in found.split(","):
        pytest.fail(f"font {family!r} is not installed ({FONT_SETS[family]}): run `make test`, "
                    "which installs the fonts the browser tests use")


def use_font_set(page, server_url: str, family: str) -> None:
    """Lay the open page out in `family` only (text, headings, form)."""
    require_font(family)
    css = f'html body, html body * {{ font-family: "{family}" !important; }}'
    page.route(f"**/{STYLESHEET}", lambda route: route.fulfill(body=css, content_type="text/css"))
    page.add_style_tag(url=server_url + STYLESHEET)
    page.wait_for_function("f => document.fonts.check(`12px \"${f}\"`) && "
                           "getComputedStyle(document.body).fontFamily.includes(f)", arg=family)
