"""Page weight: what a reader's phone downloads on a first view, gzip, as served.

Budgets (issue: quality bar): the home page at most 60 KiB with its full
content; no page over 150 KiB. The search index is not part of a first view
(it loads when search is opened), and it stays lean.
"""

from __future__ import annotations

import gzip

import pytest

from support.page_walk import source_pages

KIB = 1024
HOME_BUDGET = 60 * KIB
PAGE_BUDGET = 150 * KIB
INDEX_BUDGET = 50 * KIB  # 41.8 KiB measured with the first content (both languages)


# Weighed on each page's one walk (tests/support/page_walk.py): a first view, until no request is left in flight.
@pytest.mark.browser
@pytest.mark.parametrize("walked", source_pages())
def test_first_view_stays_within_budget(walk, walked):
    record = walk(walked)
    assert not any("search_index" in u or "/workers/" in u for u in record.first_view_urls)
    assert record.first_view_urls, "nothing was downloaded"
    budget = HOME_BUDGET if walked in ("", "en/") else PAGE_BUDGET
    assert record.first_view_bytes <= budget


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
