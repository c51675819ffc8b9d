"""Search finds pages the way people type: with or without Vietnamese diacritics."""

from __future__ import annotations

import pytest

from support.engine_drivers import SEARCH_ANSWERED, probe_script

pytestmark = pytest.mark.browser
# probe.js counts the queries sent to the search worker and its answers.
PROBE = probe_script()


def search(v, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links."""
    page = v.page
    box = page.locator('input[name="query"]')
    box.click()
    box.fill("")
    box.type(query)
    # The results of the whole query once every query typed has been answered.
    page.wait_for_function(f"() => {SEARCH_ANSWERED}")
    page.evaluate("() => window.__probeFrames(2)")  # and drawn
    results = page.locator(".md-search-result__item > a")
    # The page and section found; the ?h= highlight parameter aside.
    return sorted(results.evaluate_all(
        "els => els.map(e => { const u = new URL(e.href); return u.pathname + u.hash; })"))


@pytest.mark.parametrize("with_marks, without", [
    ("đổi mới sáng tạo", "doi moi sang tao"),
    ("Thuận An", "thuan an"),
    ("Nghị quyết", "nghi quyet"),
    ("Đảng", "dang"),
])
def test_typing_without_diacritics_finds_the_same_pages(visit, with_marks, without):
    v = visit("", init_script=PROBE)
    expected = search(v, with_marks)
    assert expected, f"nothing found for {with_marks!r}"
    assert search(v, without) == expected


def test_english_search_still_works(visit):
    v = visit("en/", init_script=PROBE)
    found = search(v, "innovation expo")
    assert any("viie-2025" in href for href in found)
    assert search(v, "Resolution") == search(v, "resolution")


def test_english_pages_find_vietnamese_names_without_diacritics(visit):
    # The English index keeps the Vietnamese stemmer (innovation_day/output/search_index.py):
    # English pages name places and bodies in Vietnamese.
    v = visit("en/", init_script=PROBE)
    expected = search(v, "Hòa Lạc")
    assert expected and all("/en/" in href for href in expected)
    assert search(v, "hoa lac") == expected


# Without JavaScript Material hides its search; the header's link to the site's index takes its place.

@pytest.mark.parametrize("start", ["tin-tuc/", "en/chinh-sach/thuat-ngu/"])
def test_without_javascript_the_search_control_leads_to_the_site_index(visit, server, start):
    from support.page_walk import PHONE, site_index_of

    v = visit(start, java_script_enabled=False, **PHONE)
    assert v.page.locator('.md-header label.md-header__button[for="__search"]').is_hidden()
    v.page.locator(".md-header a.site-index-link").click()
    v.page.wait_for_url(server + site_index_of(start))
    # The page the reader came from is there to go back to, with the rest of the site.
    listed = v.page.locator("article ul.site-index a").evaluate_all("links => links.map(a => a.href)")
    assert server + start in listed


def test_with_javascript_the_search_control_opens_materials_search(visit):
    from support.page_walk import PHONE

    v = visit("tin-tuc/", **PHONE)
    assert v.page.locator(".md-header a.site-index-link").count() == 0
    v.page.locator('.md-header label.md-header__button[for="__search"]').click()
    assert v.page.locator('input[name="query"]').is_visible()
    assert v.console_errors == []
