"""The home page: theme and slogan word for word, key dates, a way into every section."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from support.sites import ROOT
from support.site_settings import edition, next_day_after, settings, shown_date

EDITION = edition()
THEME, SLOGAN = EDITION.theme, EDITION.slogan
# The dates the edition has so far: 1 October, and the campaign period and expo once set.
KEY_DATES = (EDITION.day,) + ((EDITION.response["start"], EDITION.response["end"]) if EDITION.response else ()) + (
    (EDITION.expo["start"], EDITION.expo["end"]) if EDITION.expo else ())


def text_of(soup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


@pytest.mark.skipif(not (THEME and SLOGAN), reason="the current edition's theme and slogan are not published yet "
                                                "(tests/build/test_editions.py checks what the home page says then)")
def test_theme_and_slogan_in_their_exact_wording(soup_of):
    soup = soup_of("")
    assert soup.select_one(".banner .slogan").get_text(strip=True) == SLOGAN["vi"]
    assert soup.select_one(".banner .theme").get_text(strip=True) == f"“{THEME['vi']}”"
    english = text_of(soup_of("en/"))
    # The English home page gives the Vietnamese wording too, as banners carry it.
    assert THEME["vi"] in english and SLOGAN["vi"] in english
    assert THEME["en"] in english


def test_key_dates_are_in_the_text_without_javascript(soup_of):
    vi, en = text_of(soup_of("")), text_of(soup_of("en/"))
    for day in KEY_DATES:
        assert shown_date(day, "vi") in vi, day
        assert shown_date(day, "en") in en, day


@pytest.mark.parametrize("page", ["", "en/"])
def test_status_line_is_in_the_html_for_the_build_date(soup_of, page):
    """True with JavaScript off: the build writes the status for its own date."""
    import datetime as dt

    from innovation_day.settings.mkdocs_file import site_from_file
    from innovation_day.settings.timeline import status

    site = site_from_file(ROOT / "mkdocs.yml")
    line = soup_of(page).select_one("[data-edition-status]")
    assert not line.has_attr("hidden")
    lang = site.languages.default if not page else page.strip("/")
    built = dt.date.fromisoformat(line["data-built"])
    expected = status(site.edition, built, site.t(lang), lang)
    assert (line["data-state"], " ".join(line.get_text().split())) == (expected.state, expected.text)
    start, end = site.edition.period
    assert (line["data-start"], line["data-end"]) == (start.isoformat(), end.isoformat())


def test_every_section_has_a_working_entry(soup_of, built_site, site_url):
    # One card per section of the menu, and the current edition's expo when it has one.
    count = len(settings()["nav"]) - 1 + bool(EDITION.expo)
    for page in ("", "en/"):
        links = [a["href"] for a in soup_of(page).select(".grid.cards a")]
        assert len(links) == count
        for href in links:
            target = urljoin(site_url + page, href)[len(site_url):]
            assert (built_site / target / "index.html").exists(), href


def test_contact_page_invents_no_contact_details(soup_of):
    for page in ("lien-he/", "en/lien-he/"):
        soup = soup_of(page)
        assert not soup.select('article a[href^="tel:"], article a[href^="mailto:"]')
    from support.site_settings import site

    # The page says which channels are not published yet, in the strings table's words.
    for page, lang in (("lien-he/", "vi"), ("en/lien-he/", "en")):
        assert site().t(lang)("channels.unknown") in text_of(soup_of(page))


# After the edition's events: the home and plans pages say it is over, give the next Day
# (worked out from the build date) and say the commune's later plans are published here.
@pytest.fixture(scope="session")
def after_site(tmp_path_factory):
    """The site built the day after the current edition's events (BUILD_DATE, settings/timeline.py)."""
    import datetime as dt
    import os

    from support.sites import run_build

    built = EDITION.last_day + dt.timedelta(days=1)
    site_dir = tmp_path_factory.mktemp("after") / "site"
    os.environ["BUILD_DATE"] = built.isoformat()
    try:
        run_build(site_dir)
    finally:
        del os.environ["BUILD_DATE"]
    return site_dir, built


@pytest.mark.slow
@pytest.mark.parametrize("page", ["", "en/", "ke-hoach/", "en/ke-hoach/"])
def test_after_the_events_the_pages_say_so_and_give_the_next_day(after_site, page):
    from bs4 import BeautifulSoup

    from support.site_settings import site

    site_dir, built = after_site
    lang = "en" if page.startswith("en/") else "vi"
    soup = BeautifulSoup((site_dir / page / "index.html").read_text(encoding="utf-8"), "lxml")
    line = soup.select_one("article [data-edition-status]")
    words = " ".join(line.get_text().split())
    assert line["data-state"] == "after" and line["data-built"] == built.isoformat()
    assert shown_date(next_day_after(EDITION.day, built), lang) in words
    t = site().t(lang)
    # "Over", and "later plans are published here": the sentence around the dates, from the strings table.
    key = "status.after" if EDITION.response else "status.pending.after"
    for part in t(key).split("{")[0], t(key).rsplit("}", 1)[1]:
        assert part.strip() in words, part
