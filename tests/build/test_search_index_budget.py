"""The search index's budget (issue 24): each language has its own index, which holds only
that language's pages, at most INDEX_PER_PAGE gzip bytes per page it indexes, and arriving
within INDEX_LOAD_BUDGET on a slow phone connection: a budget that scales with content, not
one total. That a reader loads only their language's index, and only when search is
opened: tests/browser/test_weight.py."""

from __future__ import annotations


import pytest

from support.site_settings import search_indexes, site

from innovation_day.output.search_index import INDEX
from innovation_day.preview import gzipped

KIB = 1024
# The search index, gzip, per page it indexes (each page's sections and text):
# about 1.1 KiB measured with the first content, 0.3 KiB with a decade of content (README, "Growth").
INDEX_PER_PAGE = 1.5 * KIB
# A slow phone connection: Lighthouse's mobile throttling ("Slow 4G"), 150 ms round trip, 1.6 Mbit/s.
SLOW_PHONE_RTT, SLOW_PHONE_BYTES_PER_S = 0.150, 1.6e6 / 8
# Results within a second of opening search on that connection (the index's own download).
INDEX_LOAD_BUDGET = 1.0


def index_gzip(site_dir, lang: str) -> int:
    raw = (site_dir / site().languages.prefix(lang) / INDEX).read_bytes()
    return len(gzipped(raw))


def load_seconds(size: int) -> float:
    """The time a file of `size` bytes takes to arrive on a slow phone connection, the page already open."""
    return SLOW_PHONE_RTT + size / SLOW_PHONE_BYTES_PER_S


@pytest.mark.parametrize("lang", site().languages.codes)
def test_search_index_is_lean_per_page_and_quick_on_a_slow_phone(built_site, lang):
    docs = search_indexes(built_site)[lang]["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    languages = site().languages
    others = tuple(languages.prefix(code) for code in languages.others if code != lang)
    assert pages and all(p.startswith(languages.prefix(lang)) and not p.startswith(others) for p in pages)
    size = index_gzip(built_site, lang)
    assert size / len(pages) <= INDEX_PER_PAGE, f"{size / len(pages):.0f} B a page"
    assert load_seconds(size) <= INDEX_LOAD_BUDGET, f"{load_seconds(size):.2f} s"
