"""The innovators' showcase in the built site: cards from one file per innovator, groups with
counts, badges, facts and links, the empty state and the nomination page.

The published site lists real innovators only, and has none yet: it shows the empty state. The
cards, groups and badges are read on a copy of the site with the model entries of
tests/fixtures/showcase/ added (conftest.showcase_site), so these tests do not depend on what
the commune has published. In Chromium: tests/browser/test_showcase.py."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from support.showcase import ENTRY, EXAMPLE, PAGES, entries
from support.sites import EXAMPLE_REPO, ROOT, add_model_innovators, build_error_line, edit, heading, make_site_copy, text

from innovation_day.content.schema import FIELDS, KINDS


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_showcase_says_so_invites_and_offers_no_filter(lang, soup_of):
    """While no innovator is published: an honest empty state, the way to introduce one, no filter."""
    from support.site_settings import site

    if entries(ROOT / "docs" / "guong-sang-tao"):
        pytest.skip("innovators are published: the showcase is not empty")
    t = site().t(lang)
    soup = soup_of(PAGES[lang])
    assert text(soup.select_one(".showcase-notice")) == t("showcase.empty")
    invite = soup.select_one(".showcase-invite")
    assert text(invite).startswith(t("showcase.invite")) and text(invite.select_one("a")) == t("showcase.nominate")
    assert urljoin(f"https://x/{PAGES[lang]}", invite.select_one("a")["href"]) == f"https://x/{PAGES[lang]}de-cu/"
    assert soup.select(".showcase-card, .showcase-filter, [data-showcase-filter]") == []
    assert not soup.select('script[src*="showcase"]'), "no filter script to load"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_innovator_has_a_card_and_a_page(lang, showcase_soup, showcase_site):
    page = PAGES[lang]
    soup = showcase_soup(page)
    cards = soup.select(".showcase-card")
    assert len(cards) == len(entries())
    for slug, meta in entries().items():
        link = soup.select_one(f'.showcase-card__title a[href="{slug}/"]')
        assert link is not None, slug
        assert text(link) == meta[lang]["title"]
        card = link.find_parent("li")
        assert card["data-kind"] == meta[lang]["kind"] and card["data-field"] == meta[lang]["field"]
        assert text(card.select_one(".showcase-card__summary")) == meta[lang]["description"]
        assert (showcase_site / page / slug / "index.html").exists()
        entry = showcase_soup(f"{page}{slug}/")
        assert heading(entry.select_one("article h1")) == meta[lang]["title"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_groups_by_kind_and_by_field_with_counts(lang, showcase_soup):
    soup = showcase_soup(PAGES[lang])
    kinds = {slug: meta[lang]["kind"] for slug, meta in entries().items()}
    fields = {slug: meta[lang]["field"] for slug, meta in entries().items()}
    for dimension, values, allowed in (("kind", kinds, KINDS), ("field", fields, FIELDS)):
        expected = {value: list(values.values()).count(value) for value in set(values.values())}
        headings = soup.select(f'h3[id^="{dimension}-"]')
        assert [h["id"] for h in headings] == [f"{dimension}-{v}" for v in allowed if v in expected]
        for group in headings:
            value = group["id"][len(dimension) + 1:]
            assert re.search(rf"\({expected[value]}\)", text(group)), text(group)
            link = soup.select_one(f'.showcase-filter a[href="#{group["id"]}"]')
            assert link is not None and f"({expected[value]})" in text(link)
        if dimension == "kind":
            for value, count in expected.items():
                assert len(soup.select(f'[data-group="kind-{value}"] .showcase-card')) == count
        else:
            for heading in headings:
                assert len(heading.find_next_sibling("ul").select("li")) == expected[heading["id"][6:]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_examples_are_badged_on_card_and_page(lang, showcase_soup):
    soup = showcase_soup(PAGES[lang])
    assert soup.select_one(".showcase-notice") is not None, "the page says no real entry is published"
    for slug, meta in entries().items():
        card = soup.select_one(f'.showcase-card__title a[href="{slug}/"]').find_parent("li")
        badge = card.select_one(".badge--example")
        entry_badge = showcase_soup(f"{PAGES[lang]}{slug}/").select_one("article .badge--example")
        if meta["vi"]["example"]:
            assert text(badge) == EXAMPLE[lang]
            assert text(entry_badge) == EXAMPLE[lang]
        else:
            assert badge is None and entry_badge is None


def test_showcase_notice_says_no_real_entry_yet(showcase_soup):
    from support.site_settings import site

    for lang in ("vi", "en"):
        soup = showcase_soup(PAGES[lang])
        assert text(soup.select_one(".showcase-notice")) == site().t(lang)("showcase.no_real")
        assert soup.select_one(".showcase-invite a") is not None, "the way to introduce an innovator stays"


def test_entry_pages_have_facts_linking_back_to_their_groups(showcase_soup, site_url):
    for slug, meta in entries().items():
        for lang, base in PAGES.items():
            page = f"{base}{slug}/"
            soup = showcase_soup(page)
            facts = soup.select(".entry-facts dd a")
            assert len(facts) == 2
            for link, dimension in zip(facts, ("kind", "field")):
                target = urljoin(site_url + page, link["href"])
                assert target == f"{site_url}{base}#{dimension}-{meta[lang][dimension]}"
            body = text(soup.select_one("article"))
            assert meta[lang]["area"] in body and str(meta[lang]["year"]) in body
            switch = soup.select_one("a.lang-switch")
            other = page[3:] if lang == "en" else "en/" + page
            assert urljoin(site_url + page, switch["href"]) == site_url + other


def test_entries_stay_out_of_the_navigation_but_the_index_links_them(showcase_soup):
    nav = showcase_soup(PAGES["vi"]).select_one("nav.md-nav--primary")
    for slug in entries():
        assert nav.select_one(f'a[href*="{slug}"]') is None


def test_nomination_page(soup_of):
    vi, en = soup_of("guong-sang-tao/de-cu/"), soup_of("en/guong-sang-tao/de-cu/")
    assert "Phòng Văn hóa - Xã hội" in text(vi)
    assert "Culture and Social Affairs Office" in text(en)
    for soup in (vi, en):
        form = soup.select_one(".nomination-form")
        assert form is not None
        labels = [text(c) for c in form.select(".form-choices")[0].select(".form-choice")]
        assert labels == ["Doanh nghiệp", "Hợp tác xã", "Cơ quan, tổ chức", "Trường học", "Trạm Y tế",
                          "Thôn, tổ dân phố", "Cá nhân"]
        assert len(form.select(".form-choices")[1].select(".form-choice")) == len(FIELDS)
        assert not soup.select('article a[href^="tel:"], article a[href^="mailto:"]')
    english_reading = en.select(".md-typeset .form-choices")[2]
    assert "Cooperative" in text(english_reading)
    assert "II.3b" in text(vi) and "II.4f" in text(vi)


def test_guide_lists_the_allowed_values(soup_of):
    for page in ("huong-dan/", "en/huong-dan/"):
        cells = {text(td) for td in soup_of(page).select("article td code")}
        assert set(KINDS) | set(FIELDS) <= cells


def test_the_editors_guide_is_not_in_the_citizens_menu(soup_of):
    # It is linked from the footer instead (test_next_step.py).
    for page, label in (("", "Hướng dẫn biên tập"), ("en/", "Editor's guide")):
        items = soup_of(page).select("nav.md-nav--primary > ul > li")
        assert label not in [text(item) for item in items]


def test_no_edit_link_while_repo_url_is_unset(soup_of):
    assert soup_of("guong-sang-tao/").select_one('a[rel="edit"]') is None


def test_edit_link_appears_once_repo_url_is_set(site_with_repo):
    for page, source in (("guong-sang-tao/index.html", "guong-sang-tao/index.md"),
                         ("en/guong-sang-tao/index.html", "guong-sang-tao/index.en.md")):
        html = (site_with_repo / page).read_text(encoding="utf-8")
        assert f'href="{EXAMPLE_REPO}/edit/main/docs/{source}"' in html
        assert 'rel="edit"' in html


@pytest.mark.slow
def test_the_build_stops_on_a_broken_innovator(tmp_path):
    repo = make_site_copy(tmp_path)
    add_model_innovators(repo)
    edit(repo / f"{ENTRY}.md", "kind: cooperative\n", "")
    line = build_error_line(repo, tmp_path, f"{ENTRY}.md › kind")
    assert "thiếu loại" in line and "missing the kind" in line
