"""The site's QR code as an SVG, drawn by Chromium: it decodes to site_url, also when the site is
built for another address (tests/build/test_kit_qr.py and test_kit_site_url.py read the files)."""

from __future__ import annotations

import pytest

from support.kit_helpers import SITE_FILES, phone_photo, svg_in_chromium, texts
from support.sites import OTHER_SITE_URL

pytestmark = pytest.mark.browser


def test_svg_as_drawn_by_a_browser_decodes_to_site_url(browser, built_site, site_url):
    image = svg_in_chromium(browser, built_site / SITE_FILES / "ma-qr.svg")
    assert texts(image) == [site_url]
    assert texts(phone_photo(image, 0.35, 1.0)) == [site_url]


@pytest.mark.slow
def test_svg_decodes_to_the_new_address(browser, other_site):
    assert texts(svg_in_chromium(browser, other_site / SITE_FILES / "ma-qr.svg")) == [OTHER_SITE_URL]
