"""The innovators' list, paged (showcase.per_page in data/site.yml): on a copy whose list takes two pages
and a card, each innovator as heavy as the schema allows (conftest.paged_showcase).

Once paged, the filter's links lead to each kind's and field's own list, paged alike: what a
reader sees is checked against the sources, in the order the site lists them (real ones
first, then newest year first, then by name)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from support.page_walk import list_page
from support.site_settings import site
from support.sites import text

from innovation_day.content.entries import read_front_matter
from innovation_day.content.schema import INNOVATOR
from innovation_day.content.showcase import FILTER_FOLDERS
from innovation_day.output import first_paint

BASE = "https://x/"
LANGS = site().languages.codes
KIB = 1024
FIRST_FLIGHT = 14 * KIB   # as tests/browser/test_first_paint.py


def first_page(lang: str) -> str:
    return f"{site().languages.prefix(lang)}{INNOVATOR.section}/"


def soup(site_dir, page: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "lxml")


def resolve(page: str, href: str) -> str:
    return urljoin(BASE + page, href).removeprefix(BASE)


def sources(repo, slugs) -> dict[str, dict]:
    """slug -> its Vietnamese front matter (kind, field, year, example are shared)."""
    return {slug: read_front_matter(repo / "docs" / INNOVATOR.section / f"{slug}.md")[0] for slug in slugs}


def in_list_order(metas: dict[str, dict]) -> list[str]:
    return sorted(metas, key=lambda slug: (metas[slug]["example"] is True, -metas[slug]["year"], slug))


def walk_list(site_dir, page: str) -> list[tuple[str, list[str]]]:
    """[(page, slugs of its cards)] from a list's first page, following its "next" links."""
    found = []
    while page:
        html = soup(site_dir, page)
        cards = [resolve(page, a["href"]).rstrip("/").rsplit("/", 1)[-1] for a in html.select(".showcase-card__title a")]
        found.append((page, cards))
        following = html.select_one('.news-pager a[rel="next"]')
        page = resolve(page, following["href"]) if following else None
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_is_paged_in_its_order_each_innovator_once(paged_showcase, lang):
    site_dir, repo, slugs = paged_showcase
    per_page = site().showcase.per_page
    pages = walk_list(site_dir, first_page(lang))
    assert [slug for _, cards in pages for slug in cards] == in_list_order(sources(repo, slugs))
    assert all(len(cards) == per_page for _, cards in pages[:-1]) and 1 <= len(pages[-1][1]) <= per_page
    assert len(pages) > 1
    for n, (page, _) in enumerate(pages, 1):
        html = soup(site_dir, page)
        assert (html.select_one('.news-pager a[rel="prev"]') is not None) == (n > 1)
        assert text(html.select_one(".news-pager span")) == site().t(lang)("news.page", n=n, total=len(pages))
        twins = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
        bare = page.removeprefix(site().languages.prefix(lang))
        assert all(twins[code].endswith("/" + site().languages.prefix(code) + bare) for code in LANGS), twins
        assert not html.select('script[src*="showcase"]'), "filters are links: no script to load"


@pytest.mark.parametrize("lang", LANGS)
def test_each_kind_and_field_has_its_own_paged_list_from_the_filter(paged_showcase, lang):
    site_dir, repo, slugs = paged_showcase
    metas = sources(repo, slugs)
    order = in_list_order(metas)
    home = first_page(lang)
    links = soup(site_dir, home).select(".showcase-filter a")
    everything, filters = links[0], links[1:]
    assert resolve(home, everything["href"]) == home and everything.get("aria-current") == "page"
    shown = set()
    for link in filters:
        target = resolve(home, link["href"])
        dimension = next(d for d, folder in FILTER_FOLDERS.items() if f"/{folder}/" in target)
        value = link["data-value"]
        shown.add((dimension, value))
        expected = [slug for slug in order if metas[slug][dimension] == value]
        pages = walk_list(site_dir, target)
        assert [slug for _, cards in pages for slug in cards] == expected, target
        assert f"({len(expected)})" in text(link)
        assert text(link).startswith(site().t(lang)(f"showcase.{dimension}.{value}"))
        current = soup(site_dir, target).select('.showcase-filter a[aria-current="page"]')
        assert [resolve(target, a["href"]) for a in current] == [target]
    assert shown == {(d, metas[slug][d]) for slug in slugs for d in FILTER_FOLDERS}


def test_an_innovators_kind_and_field_lead_to_their_lists(paged_showcase):
    site_dir, repo, slugs = paged_showcase
    metas = sources(repo, slugs)
    for lang in LANGS:
        for slug in slugs[:2]:
            page = f"{first_page(lang)}{slug}/"
            facts = [resolve(page, a["href"]) for a in soup(site_dir, page).select(".entry-facts dd a")]
            assert facts == [f"{first_page(lang)}{folder}/{metas[slug][d]}/" for d, folder in FILTER_FOLDERS.items()]


def test_every_page_of_the_lists_paints_from_the_first_flight(paged_showcase, base_path):
    site_dir, _, _ = paged_showcase
    from support.sites import html_pages

    firsts = [first_page(lang) for lang in LANGS]
    pages = [p for p in html_pages(site_dir) if p in firsts or (list_page(p) and any(p.startswith(f) for f in firsts))]
    assert len(pages) > 2 * len(LANGS)
    for page in pages:
        sizes = first_paint.weigh(site_dir / page / "index.html", site_dir, base_path)
        assert sum(sizes.values()) <= FIRST_FLIGHT, (page, sizes)
