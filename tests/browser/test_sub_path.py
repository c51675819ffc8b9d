"""The site works wherever it is published: `site_url` is the one setting."""

from __future__ import annotations

import re

import pytest

from innovation_day import preview as serve
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


@pytest.mark.browser
def test_switcher_and_404_resolve_under_another_sub_path(browser, other_site):
    httpd, url = serve.start(other_site, "/thu-nghiem/")
    try:
        page = browser.new_page()
        failed = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        page.goto(url + "ke-hoach/")
        page.click("a.lang-switch")
        page.wait_for_load_state()
        assert page.url == url + "en/ke-hoach/"
        page.goto(url + "a/b/c/missing/")
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        page.get_by_role("link", name="Về trang chủ").click()
        page.wait_for_load_state()
        assert page.url == url
        assert failed == [url + "a/b/c/missing/"]
        page.close()
    finally:
        httpd.shutdown()
