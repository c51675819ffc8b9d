"""Page weight: what a reader's phone downloads, gzip, as served, in Chromium.

Budgets (issue 24: budgets that measure what a reader pays, and scale with content):
- a first view: the home page at most 40 KiB with its full content, with the
  longest headlines the news schema allows (issue 23: at most 0.8 times a stock
  Material starter's 71 KB, scripts/benchmark_first_paint.py); no page over
  150 KiB; Material's script is no part of it (docs/assets/js/on-demand.js
  fetches it at the reader's first tap, key or scroll). The frame is
  fixed; the home page's list is bounded by its item count (data/site.yml's
  `news.home`) and the declared maximum length of a title and a summary
  (content/schema.py); the innovators' list pages likewise;
- the search index is not part of a first view: each language has its own,
  loaded only when search is opened (its budget per page and on a slow phone:
  tests/build/test_search_index_budget.py).
"""

from __future__ import annotations

import random

import pytest

from support.page_walk import Tabs, Walk, is_material_bundle, walked_pages
from support.site_settings import site
from support.sites import longest_text, make_site_copy, run_build

from innovation_day import preview
from innovation_day.content.schema import NEWS
from innovation_day.output.search_index import INDEX

KIB = 1024
HOME_BUDGET = 40 * KIB
PAGE_BUDGET = 150 * KIB
# Weighed on each page's one walk (tests/support/page_walk.py): a first view, until no request is left in flight.
@pytest.mark.browser
@pytest.mark.parametrize("walked", walked_pages())
def test_first_view_stays_within_budget(walk, walked):
    record = walk(walked)
    assert not any("search_index" in u or "/workers/" in u for u in record.first_view_urls)
    assert not any(is_material_bundle(u) for u in record.first_view_urls), "Material's script waits for the reader"
    assert record.first_view_urls, "nothing was downloaded"
    budget = HOME_BUDGET if walked in ("", "en/") else PAGE_BUDGET
    assert record.first_view_bytes <= budget


@pytest.mark.browser
@pytest.mark.parametrize("lang", site().languages.codes)
def test_search_loads_only_its_languages_index_when_opened(visit, lang):
    home = site().languages.prefix(lang)
    v = visit(home)
    assert not any("search_index" in u for u in v.requests)
    with v.page.expect_response(lambda r: "search_index.json" in r.url) as response:
        v.page.locator('input[name="query"]').click()
    assert response.value.status == 200
    assert response.value.url.endswith("/" + home + INDEX)
    v.in_flight.settle()
    assert [u for u in v.requests if "search_index" in u] == [response.value.url], "one index, its own"


@pytest.mark.browser
@pytest.mark.slow
def test_home_first_view_holds_with_the_longest_headlines(browser, base_path, tmp_path):
    """The home page's first view with its latest news at the longest title and summary the schema allows."""
    repo = make_site_copy(tmp_path)
    settings = site()
    (_, high_t), (_, high_s) = NEWS.field("title").length, NEWS.field("description").length
    assert high_t and high_s, "the news schema declares a maximum title and summary length"
    rng = random.Random(24)
    day = settings.today
    for n in range(settings.news.home):
        slug = f"{day.isoformat()}-tin-dai-nhat-{n}"
        for lang in settings.languages.codes:
            home_source = "index.md" if lang == settings.languages.default else f"index.{lang}.md"
            words = [w for w in (repo / "docs" / home_source).read_text(encoding="utf-8").split() if w.isalpha()]
            name = f"{slug}.md" if lang == settings.languages.default else f"{slug}.{lang}.md"
            (repo / "docs/tin-tuc" / name).write_text(
                f"---\ntitle: \"{longest_text(rng, high_t, words)}\"\n"
                f"description: \"{longest_text(rng, high_s, words)}\"\ndate: {day.isoformat()}\n---\n\nx\n",
                encoding="utf-8")
    out = tmp_path / "out"
    run_build(out, config=repo / "mkdocs.yml")
    httpd, url = preview.start(out, base_path)
    tabs = Tabs(browser, url)
    try:
        walk = Walk(tabs, url)
        for lang in settings.languages.codes:
            home = settings.languages.prefix(lang)
            record = walk(home)
            assert record.first_view_bytes <= HOME_BUDGET, f"{home or '/'}: {record.first_view_bytes} B"
    finally:
        tabs.close()
        httpd.shutdown()


@pytest.mark.browser
@pytest.mark.slow
def test_innovators_list_first_view_holds_at_its_page_count_with_the_longest_entries(browser, base_path,
                                                                                      paged_showcase):
    """The innovators' list at `showcase.per_page` (data/site.yml) cards, each with a photo and the longest name,
    summary and place the schema allows (conftest.paged_showcase), with no axe violation; and,
    without JavaScript, its filter's links lead to a kind's own list."""
    from innovation_day.content.schema import INNOVATOR
    from innovation_day.content.showcase import FILTER_FOLDERS
    from support.page_walk import PHONE

    site_dir, _, _ = paged_showcase
    settings = site()
    httpd, url = preview.start(site_dir, base_path)
    tabs = Tabs(browser, url)
    try:
        walk = Walk(tabs, url)
        for lang in settings.languages.codes:
            first = f"{settings.languages.prefix(lang)}{INNOVATOR.section}/"
            record = walk(first)
            assert record.first_view_bytes <= PAGE_BUDGET, f"{first}: {record.first_view_bytes} B"
            # The walk ran axe and watched the console on the way: the paged list is checked as every page is.
            assert (record.phone.axe, record.desktop.axe, record.phone.console_errors) == ([], [], [])
            assert record.no_js["search leads to the site index"]
        page = tabs(java_script_enabled=False, **PHONE)
        page.goto(url + f"{INNOVATOR.section}/", wait_until="load")
        assert page.locator(".showcase-card").count() == settings.showcase.per_page
        kind = page.locator(f'.showcase-filter a[href^="{FILTER_FOLDERS["kind"]}/"]').first
        value = kind.get_attribute("data-value")
        kind.click()
        page.wait_for_url(f"**/{INNOVATOR.section}/{FILTER_FOLDERS['kind']}/{value}/")
        cards = page.locator(".showcase-card")
        assert cards.count() >= 1
        assert page.locator(f'.showcase-card:not([data-kind="{value}"])').count() == 0
    finally:
        tabs.close()
        httpd.shutdown()
