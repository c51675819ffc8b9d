"""Next year's edition as data: `scripts/new.py edition YEAR` in a copy of the site, then the switch.

The copy gets a new edition exactly as commune staff would make it, unfilled
(its theme, slogan and dates still blank), and is built strictly. The home page
in both languages must then present that year as the coming edition and say
what is not published yet; the plan page must show it first and move the
earlier years to its archive; each earlier year's plan must still be published
word for word, and its kit file for file, at the addresses it had.
Expected values come from the settings of the copy, never from this year's words.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from support.sites import ROOT, make_site_copy, run_build, run_new, text
from innovation_day.settings.mkdocs_file import site_from_file
from innovation_day.settings.dates import format_date
from innovation_day.settings.timeline import status

pytestmark = pytest.mark.xdist_group("editions")


def new_edition(repo, year: int) -> subprocess.CompletedProcess:
    return run_new("edition", str(year), root=repo)


@pytest.fixture(scope="module")
def before():
    """The site's settings as they are: its current edition is about to become the archive's newest."""
    return site_from_file(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def next_year(before, built_on):
    """The coming year: after the newest edition, and not yet past on the build's date."""
    return max(before.edition.year, built_on.year) + 1


@pytest.fixture(scope="module")
def switched(tmp_path_factory, next_year):
    """A copy of the site with the next edition scaffolded and nothing filled in, built strictly."""
    tmp = tmp_path_factory.mktemp("editions")
    repo = make_site_copy(tmp)
    made = new_edition(repo, next_year)
    assert made.returncode == 0, made.stderr
    run_build(tmp / "site", config=repo / "mkdocs.yml")
    return repo, tmp / "site"


@pytest.fixture(scope="module")
def after(switched):
    return site_from_file(switched[0] / "mkdocs.yml")


def page(site_dir, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")


def article(soup) -> str:
    return text(soup.select_one("article"))


def test_the_script_writes_the_years_settings_and_plan_in_every_language(switched, after, next_year):
    repo, _ = switched
    assert after.edition.year == next_year
    assert (repo / f"data/editions/{next_year}.yml").is_file()
    for source in after.languages.sources(after.edition.plan_page):
        assert (repo / "docs" / source).is_file(), source
    # Nothing is guessed: only 1 October itself is known ahead.
    assert after.edition.day == dt.date(next_year, 10, 1)
    assert (after.edition.theme, after.edition.slogan, after.edition.response, after.edition.expo) == (None,) * 4
    assert not after.edition.published


def test_the_script_never_overwrites_nor_goes_back_in_time(switched, next_year, before):
    repo, _ = switched
    again = new_edition(repo, next_year)
    assert again.returncode != 0 and "không ghi đè" in again.stderr and "nothing overwritten" in again.stderr
    older = new_edition(repo, before.edition.year - 1)
    assert older.returncode != 0 and "newest edition" in older.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_home_page_presents_the_coming_year_and_says_what_is_not_published(switched, after, lang):
    _, site_dir = switched
    t = after.t(lang)
    soup = page(site_dir, after.languages.page_path("index.md", lang))
    edition = after.edition
    banner = text(soup.select_one(".banner"))
    assert str(edition.year) in banner and t("edition.unknown") in banner
    line = soup.select_one("[data-edition-status]")
    built = dt.date.fromisoformat(line["data-built"])
    expected = status(edition, built, t, lang)
    assert expected.state == "before"
    assert text(line) == expected.text and format_date(edition.day, lang) in expected.text
    # The key dates: 1 October, and the campaign period shown as not yet published.
    dates = text(soup.select_one(".key-dates"))
    assert format_date(edition.day, lang) in dates and t("edition.unknown") in dates
    # The earlier years are one tap away, each at its plan's own page.
    archive = soup.select_one(".editions-archive")
    home = after.site_url + after.languages.page_path("index.md", lang)
    for past in after.past_editions:
        target = after.site_url + after.languages.page_path(past.plan_page, lang)
        assert any(urljoin(home, a["href"]) == target for a in archive.select("a")), past.year


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_plan_page_shows_the_coming_year_first_then_the_archive(switched, after, lang):
    _, site_dir = switched
    t = after.t(lang)
    path = after.languages.page_path("ke-hoach/index.md", lang)
    soup = page(site_dir, path)
    headings = [h.get("id") for h in soup.select("article h2, article h3")]
    years = [f"nam-{after.edition.year}"] + [f"nam-{e.year}" for e in after.past_editions]
    assert [h for h in headings if h in years] == years
    words = article(soup)
    for part in after.edition.missing:
        assert t(f"edition.missing.{part}") in words
    here = after.site_url + path
    links = {urljoin(here, a["href"]) for a in soup.select("article a")}
    for past in after.past_editions:
        assert after.site_url + after.languages.page_path(past.plan_page, lang) in links
        assert f"{after.site_url}{after.languages.page_path('tai-lieu/index.md', lang)}#nam-{past.year}" in links
        if past.expo:
            assert after.site_url + after.languages.page_path(past.expo["page"], lang) in links


def test_the_coming_years_plan_page_is_marked_blank(switched, after):
    _, site_dir = switched
    for lang in after.languages.codes:
        soup = page(site_dir, after.languages.page_path(after.edition.plan_page, lang))
        blanks = soup.select(".edition-blank")
        assert blanks and all(text(b) == after.t(lang)("edition.blank", year=after.edition.year) for b in blanks)


def test_earlier_plans_are_still_published_word_for_word(switched, built_site, after):
    _, site_dir = switched
    published = [past for past in after.past_editions if past.published]
    assert published
    for past in published:
        for lang in after.languages.codes:
            path = after.languages.page_path(past.plan_page, lang)
            then, now = page(built_site, path), page(site_dir, path)
            assert now.select_one(".plan-text") is not None
            assert str(now.select_one(".plan-text")) == str(then.select_one(".plan-text")), path


def test_earlier_kits_are_still_published_file_for_file(switched, built_site, after):
    _, site_dir = switched
    for past in [past for past in after.past_editions if past.complete]:
        folder = f"tai-lieu/tai-ve/{past.year}"
        published = sorted(p.name for p in (built_site / folder).iterdir())
        assert published, folder
        for name in published:
            if name.endswith(".ics"):     # DTSTAMP says when the file was made
                continue
            assert (site_dir / folder / name).read_bytes() == (built_site / folder / name).read_bytes(), name
        # ... and the kit page lists them, under the year's own heading.
        for lang in after.languages.codes:
            path = after.languages.page_path("tai-lieu/index.md", lang)
            soup = page(site_dir, path)
            section = soup.select_one(f"#nam-{past.year}")
            assert section is not None
            links = {urljoin(after.site_url + path, a["href"]) for a in soup.select("article a")}
            for name in published:
                assert f"{after.site_url}{folder}/{name}" in links or name.endswith("-nho.png"), name


def test_the_coming_years_kit_waits_for_its_words(switched, after):
    _, site_dir = switched
    year = after.edition.year
    assert not any((site_dir / f"tai-lieu/tai-ve/{year}").glob("*.pdf"))
    for lang in after.languages.codes:
        words = article(page(site_dir, after.languages.page_path("tai-lieu/index.md", lang)))
        assert after.t(lang)("kit.pending", year=year) in words


def test_the_calendar_offers_the_coming_day_itself(switched, after):
    _, site_dir = switched
    edition = after.edition
    for lang in after.languages.codes:
        path = after.languages.page_path("index.md", lang)
        soup = page(site_dir, path)
        button = soup.select_one(".kit-calendar a")
        ics = urljoin(after.site_url + path, button["href"])[len(after.site_url):]
        assert ics.startswith(f"tai-lieu/tai-ve/{edition.year}/")
        events = list(Calendar.from_ical((site_dir / ics).read_bytes()).walk("VEVENT"))
        assert [e.decoded("dtstart") for e in events] == [edition.day]


def test_an_earlier_years_own_pages_keep_their_year(switched, after):
    """The expo's page of an earlier year still speaks of its year, in the past."""
    _, site_dir = switched
    for past in after.past_editions:
        if not past.expo:
            continue
        for lang in after.languages.codes:
            soup = page(site_dir, after.languages.page_path(past.expo["page"], lang))
            calendar = soup.select_one(".kit-calendar")
            assert "kit-calendar--past" in calendar["class"]
            assert str(past.year) in text(calendar)


def test_a_plan_counts_as_published_once_no_blank_is_left(switched, after):
    """The scaffold's blanks mark what the commune has not published; filling them in is what publishes."""
    from innovation_day.errors import BuildErrors
    from innovation_day.settings.editions import read_editions

    repo, _ = switched
    year = after.edition.year
    pages = [repo / "docs" / source for source in after.languages.sources(after.edition.plan_page)]
    texts = [page.read_text(encoding="utf-8") for page in pages]

    def published() -> bool:
        errors = BuildErrors("test")
        editions = read_editions(repo, repo / "docs", after.languages, errors)
        assert errors.problems == []
        return next(e for e in editions if e.year == year).published

    try:
        pages[0].write_text(texts[0].replace("{{ blank }}", "Toàn văn."), encoding="utf-8")
        assert not published()          # the other language's page still waits
        for page, text in zip(pages, texts):
            page.write_text(text.replace("{{ blank }}", "Text."), encoding="utf-8")
        assert published()
    finally:
        for page, text in zip(pages, texts):
            page.write_text(text, encoding="utf-8")
