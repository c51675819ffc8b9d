"""The site's index (Mục lục, content/site_index.py): a way to every page without JavaScript.

What it must list is derived from the build: every page it made in the index's language,
but the news items and innovators (their lists are listed), the pages of those lists, the
404 page and the index itself. Groups follow the citizens' menu as the built page shows it.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from support.page_walk import entry_section, list_page, site_index_of
from support.site_settings import site
from support.sites import html_pages, text

BASE = "https://x/"   # any origin: links are compared as a browser resolves them


def index_soup(site_dir, lang: str) -> tuple[str, BeautifulSoup]:
    page = site_index_of(site().languages.prefix(lang))
    return page, BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "lxml")


def expected_pages(site_dir, lang: str) -> list[str]:
    languages = site().languages
    others = tuple(languages.prefix(code) for code in languages.others if code != lang)
    prefix = languages.prefix(lang)
    return sorted(p for p in html_pages(site_dir)
                  if p.startswith(prefix) and not (others and p.startswith(others))
                  and not entry_section(p) and not list_page(p) and p != site_index_of(prefix))


def words(node) -> str:
    """An element's text as read, abbreviations (<abbr>) joined to the words around them."""
    return " ".join(node.get_text("").split())


def listed(site_dir, lang: str) -> dict[str, list]:
    """heading -> [(page, link text, description)] as the index shows them."""
    page, soup = index_soup(site_dir, lang)
    groups = {}
    for heading in soup.select("article h2"):
        items = heading.find_next_sibling("ul").select("li")
        groups[text(heading).removesuffix("#").strip()] = [
            (urljoin(BASE + page, li.a["href"]).removeprefix(BASE), words(li.a),
             words(li.select_one(".site-index__description"))) for li in items]
    return groups


def page_title_and_description(site_dir, page: str, lang: str) -> tuple[str, str]:
    soup = BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "lxml")
    title = soup.title.string.removesuffix(" - " + site().texts[lang]["name"])
    return title, soup.select_one('meta[name="description"]')["content"]


@pytest.mark.parametrize("lang", site().languages.codes)
def test_the_index_lists_every_page_once_with_its_title_and_description(built_site, lang):
    found = [item for items in listed(built_site, lang).values() for item in items]
    assert sorted(page for page, _, _ in found) == expected_pages(built_site, lang)
    for page, title, description in found:
        assert (title, description) == page_title_and_description(built_site, page, lang), page


@pytest.mark.parametrize("lang", site().languages.codes)
def test_groups_follow_the_menu_and_end_with_the_pages_under_none(built_site, soup_of, lang):
    page, _ = index_soup(built_site, lang)
    menu = soup_of(page).select("nav.md-nav--primary > ul > li")
    groups = listed(built_site, lang)
    headings = [text(item.select_one("a, label")) for item in menu]
    assert list(groups) == headings + [site().t(lang)("site_index.other")]
    for item, heading in zip(menu, headings):
        # Every page the menu entry links is in its group.
        links = {urljoin(BASE + page, a["href"]).removeprefix(BASE) for a in item.select("a[href]")}
        assert links <= {p for p, _, _ in groups[heading]}, heading
    # A year's plan sits with the plan: the pages of a menu entry's folder join its group.
    plan = site().languages.prefix(lang) + f"ke-hoach/{site().edition.year}/"
    assert any(p == plan for items in list(groups.values())[:-1] for p, _, _ in items)


@pytest.mark.parametrize("lang", site().languages.codes)
def test_news_and_innovators_are_reached_by_their_lists(built_site, lang):
    from innovation_day.content.schema import INNOVATOR, NEWS

    pages = {p for items in listed(built_site, lang).values() for p, _, _ in items}
    prefix = site().languages.prefix(lang)
    assert {f"{prefix}{NEWS.section}/", f"{prefix}{INNOVATOR.section}/"} <= pages
    assert not [p for p in pages if entry_section(p)]


def test_the_index_has_its_twin_in_each_language(built_site, site_url):
    for lang in site().languages.codes:
        page, soup = index_soup(built_site, lang)
        twins = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        for other in site().languages.codes:
            assert twins[other] == site_url + site_index_of(site().languages.prefix(other))


def test_every_page_leads_to_its_languages_index_without_javascript(built_site, pages):
    for page in pages:
        soup = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        target = BASE + site_index_of(page)
        header = soup.select(".md-header noscript a.site-index-link")
        assert len(header) == 1 and urljoin(BASE + page, header[0]["href"]) == target, page
        assert header[0]["aria-label"] and header[0].select_one("svg"), page


def test_a_page_added_to_docs_is_listed_and_a_long_list_only_once(paged_showcase):
    site_dir, _, _ = paged_showcase
    for lang in site().languages.codes:
        groups = listed(site_dir, lang)
        found = [p for items in groups.values() for p, _, _ in items]
        assert sorted(found) == expected_pages(site_dir, lang)
        # The added page is under no menu entry: with the others.
        assert site().languages.prefix(lang) + "hoi-dap/" in [p for p, _, _ in groups[site().t(lang)("site_index.other")]]
