"""The site works wherever it is published: `site_url` is the one setting."""

from __future__ import annotations

import re

import pytest

from support.sites import OTHER_SITE_URL

pytestmark = pytest.mark.slow


def test_addresses_follow_site_url(other_site):
    home = (other_site / "en/ke-hoach/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{OTHER_SITE_URL}en/ke-hoach/">' in home
    assert f'hreflang="vi" href="{OTHER_SITE_URL}ke-hoach/"' in home
    sitemap = (other_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count(f"<loc>{OTHER_SITE_URL}") >= 16
    locations = re.findall(r"(?:<loc>|href=\")([^<\"]+)", sitemap)
    assert locations and all(loc.startswith(OTHER_SITE_URL) for loc in locations)
    not_found = (other_site / "404.html").read_text(encoding="utf-8")
    assert not re.search(r'(?:href|src)="/ngay-hoi-dmst/', not_found)
    assert 'href="/thu-nghiem/en/"' in not_found


