"""No accessibility violations (WCAG 2.2 A/AA) on every page: axe-core runs in Chromium on every
page at a phone and a desktop width (tests/build/test_valid_html.py validates the HTML)."""

from __future__ import annotations

import pytest

from support.page_walk import MISSING, VIEWPORTS, walked_pages


# Each page's axe results come from its one walk (tests/support/page_walk.py), the 404 page's too.
@pytest.mark.browser
@pytest.mark.parametrize("walked", [*walked_pages(), MISSING])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations(walk, walked, viewport):
    assert getattr(walk(walked), viewport).axe == []
