"""Page weight: what a reader's phone downloads on a first view, gzip, as served.

Budgets (issue: quality bar): the home page at most 60 KiB with its full
content; no page over 150 KiB. The search index is not part of a first view
(it loads when search is opened), and it stays lean.
"""

from __future__ import annotations

import gzip

import pytest

KIB = 1024
HOME_BUDGET = 60 * KIB
PAGE_BUDGET = 150 * KIB
INDEX_BUDGET = 50 * KIB  # 41.8 KiB measured with the first content (both languages)


def first_view_bytes(browser, url: str) -> tuple[int, list[str]]:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    urls = [r.url for r in finished]
    context.close()
    return total, urls


@pytest.mark.browser
def test_first_view_stays_within_budget(browser, server, pages):
    over = {}
    for path in pages:
        total, urls = first_view_bytes(browser, server + path)
        assert not any("search_index" in u or "/workers/" in u for u in urls), path
        budget = HOME_BUDGET if path in ("", "en/") else PAGE_BUDGET
        if total > budget:
            over[path or "/"] = total
    assert over == {}


@pytest.mark.browser
def test_search_index_loads_when_search_is_opened(visit):
    v = visit("")
    assert not any("search_index" in u for u in v.requests)
    with v.page.expect_response(lambda r: "search_index.json" in r.url) as response:
        v.page.locator('input[name="query"]').click()
    assert response.value.status == 200


def test_search_index_is_lean(built_site):
    raw = (built_site / "search" / "search_index.json").read_bytes()
    assert len(gzip.compress(raw, 6)) <= INDEX_BUDGET
