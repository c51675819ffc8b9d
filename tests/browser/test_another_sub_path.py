"""Under another sub-path, in Chromium: the language switcher and the 404 page's links resolve."""

from __future__ import annotations

import pytest

from innovation_day import preview as serve

pytestmark = pytest.mark.slow


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
