"""The next step a citizen can take, as the built pages show it: 'What you can do' near the
top of the home page, the nomination page one tap away with its status from the settings,
the commune's channels (or, while unknown, how to reach it meanwhile), and the editor's
guide out of the citizens' menu but linked from the footer and searchable."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
import yaml

from support.sites import heading, text
from support.kit_helpers import DOWNLOADS
from support.site_settings import edition
from support.site_settings import data, search_indexes

from support.sites import ROOT  # noqa: E402
COMMUNE, NOMINATION, KIT = data("data/commune.yml"), data("data/nomination.yml"), data("data/kit.yml")
HOME = {"vi": "", "en": "en/"}
SECTION = {"vi": "ba-con-co-the-lam-gi", "en": "what-you-can-do"}
CHANNELS = ("address", "phone", "email", "zalo", "facebook", "website")


def string(lang: str, key: str) -> str:
    """An interface string, read from its table (data/strings/), with the commune's name in it."""
    table = yaml.safe_load((ROOT / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))["site"]
    return table[key].replace("{commune}", COMMUNE["name"][lang])


def section(soup, lang):
    h2 = soup.find("h2", id=SECTION[lang])
    assert h2 is not None, "no 'What you can do' section"
    return h2, h2.find_next_sibling()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_what_you_can_do_is_the_first_section_of_home(soup_of, lang):
    soup = soup_of(HOME[lang])
    h2, body = section(soup, lang)
    assert soup.select("article h2")[0] is h2, "it comes before every other section"
    assert heading(h2) == {"vi": "Bà con có thể làm gì", "en": "What you can do"}[lang]
    items = body.select("li")
    assert len(items) == 3 and all(len(text(item)) < 400 for item in items), "one line each"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nomination_is_one_tap_from_home(soup_of, built_site, lang):
    soup = soup_of(HOME[lang])
    _, body = section(soup, lang)
    link = body.select_one("li a")
    target = urljoin(f"https://x/{HOME[lang]}", link["href"])
    assert target == f"https://x/{HOME[lang]}guong-sang-tao/de-cu/"
    assert (built_site / HOME[lang] / "guong-sang-tao/de-cu/index.html").exists()
    page = soup_of(f"{HOME[lang]}guong-sang-tao/de-cu/")
    assert page.select_one("#phieu-de-cu-title") is not None, "the link opens the form's page"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", ["", "guong-sang-tao/de-cu/"])
def test_nomination_says_if_open_until_when_and_to_whom(soup_of, lang, page):
    nomination = NOMINATION
    status = soup_of(HOME[lang] + page).select_one(".nomination-status")
    words = text(status)
    # Open or not, the reader learns where to take an introduction.
    assert nomination["office"][lang].split(",")[0] in words
    if not nomination["open"]:
        assert words.startswith(string(lang, "nomination.closed"))
        return
    assert string(lang, "nomination.open") in words
    if nomination["deadline"] is None:
        assert string(lang, "nomination.no_deadline") in words


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_form_is_an_administrative_form_of_no_finished_year(soup_of, lang):
    """The national name and motto head it, as on every administrative form; it names no
    campaign's year, so it stays good after the year's campaign is over."""
    form = soup_of(f"{HOME[lang]}guong-sang-tao/de-cu/").select_one(".nomination-form")
    assert text(form.select_one(".form-heading")) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert text(form.select_one(".form-motto")) == "Độc lập - Tự do - Hạnh phúc"
    assert str(edition().year) not in text(form)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", ["", "lien-he/", "guong-sang-tao/de-cu/", "tai-lieu/", "ke-hoach/"])
def test_channels_or_how_to_reach_the_commune_meanwhile(soup_of, lang, page):
    commune = COMMUNE
    known = [key for key in CHANNELS if commune.get(key)]
    soup = soup_of(HOME[lang] + page)
    footer = text(soup.select_one(".md-copyright__channels"))
    block = soup.select_one(".commune-channels")
    if page in ("lien-he/", "tai-lieu/"):
        assert block is not None
    if page == "guong-sang-tao/de-cu/":
        assert text(soup.select_one("article .commune-channels-short")) == footer
    if known:
        assert all(commune[key] in footer for key in known)
    else:
        # Nothing is invented: the pages say the channels are not published, and whom to ask.
        assert footer == string(lang, "channels.short.unknown")
        if block is not None:
            # Where to go first, then what is not published.
            assert text(block) == f"{string(lang, 'channels.meanwhile')} {string(lang, 'channels.unknown')}"
        assert not soup.select('a[href^="tel:"], a[href^="mailto:"]')


def test_the_editors_guide_is_out_of_the_menu_but_linked_from_the_footer(soup_of, built_site):
    for lang in ("vi", "en"):
        soup = soup_of(HOME[lang] + "ke-hoach/")
        nav = [a["href"] for a in soup.select("nav.md-nav--primary a[href]")]
        assert not any("huong-dan" in href for href in nav)
        link = soup.select_one(".md-copyright__guide a")
        assert urljoin(f"https://x/{HOME[lang]}ke-hoach/", link["href"]) == f"https://x/{HOME[lang]}huong-dan/"
        assert (built_site / HOME[lang] / "huong-dan/index.html").exists()
    indexes = search_indexes(built_site)
    for lang in ("vi", "en"):
        locations = {doc["location"] for doc in indexes[lang]["docs"]}
        assert f"{HOME[lang]}huong-dan/" in locations, "the guide can be found by search in its language"


def test_the_loudspeaker_reads_no_web_address(built_site, site_url):
    speech = (built_site / DOWNLOADS / "loa-phat-thanh.txt").read_text(encoding="utf-8")
    host = site_url.split("//")[1].split("/")[0]
    assert "http" not in speech and host not in speech and "www" not in speech
    assert "mã QR" in speech and KIT["search_words"] in speech


def test_structured_data_has_no_channel_the_settings_do_not_hold(soup_of):
    commune = COMMUNE
    data = json.loads(soup_of("").select_one('script[type="application/ld+json"]').string)
    organisation = data["@graph"][0]
    for key, field in (("phone", "telephone"), ("email", "email")):
        assert (field in organisation) == bool(commune.get(key))


# Once the commune publishes its channels ------------------------------------------------
# Test values only, in a throwaway copy: obviously not the commune's (example.vn, 0000).
FILLED = {"phone": "024 0000 0000", "email": "vi-du@example.vn", "zalo": "https://zalo.me/0000000000",
          "facebook": "https://www.facebook.com/vi-du-thuan-an", "website": "https://thuanan.example.vn/"}


@pytest.fixture(scope="session")
def filled_site(tmp_path_factory):
    from support.sites import edit, make_site_copy, run_build

    tmp = tmp_path_factory.mktemp("filled")
    repo = make_site_copy(tmp)
    # Written as staff type them, without quotes: the phone number keeps its leading 0.
    for key, value in FILLED.items():
        edit(repo / "data/commune.yml", f"\n{key}: null", f"\n{key}: {value}")
    # A call announced, with its source and last day (test values, example.vn).
    edit(repo / "data/nomination.yml", "\nopen: false", "\nopen: true")
    edit(repo / "data/nomination.yml", "\nsource: null", "\nsource: https://thuanan.example.vn/thong-bao")
    edit(repo / "data/nomination.yml", "\ndeadline: null", "\ndeadline: 2025-10-05")
    site = tmp / "site"
    run_build(site, config=repo / "mkdocs.yml")
    return site


@pytest.mark.slow
def test_filled_channels_appear_where_they_help(filled_site):
    from bs4 import BeautifulSoup

    def soup(page):
        return BeautifulSoup((filled_site / page / "index.html").read_text(encoding="utf-8"), "lxml")

    for lang in ("vi", "en"):
        home, contact = soup(HOME[lang]), soup(HOME[lang] + "lien-he/")
        hrefs = {a["href"] for a in contact.select(".commune-channels a")}
        assert {"tel:02400000000", "mailto:" + FILLED["email"], FILLED["zalo"], FILLED["facebook"],
                FILLED["website"]} <= hrefs
        assert FILLED["phone"] in text(home.select_one(".md-copyright__channels"))
        _, body = section(home, lang)
        assert {FILLED["zalo"], FILLED["facebook"]} <= {a["href"] for a in body.select("a")}
        status = text(home.select_one(".nomination-status"))
        assert string(lang, "nomination.no_deadline") not in status
        assert {"vi": "05/10/2025", "en": "5 October 2025"}[lang] in status
    data = json.loads(soup("").select_one('script[type="application/ld+json"]').string)["@graph"][0]
    assert data["telephone"] == FILLED["phone"] and data["email"] == FILLED["email"]
    assert data["sameAs"] == [FILLED["website"], FILLED["facebook"], FILLED["zalo"]]
    speech = (filled_site / DOWNLOADS / "loa-phat-thanh.txt").read_text(encoding="utf-8")
    assert "Zalo" in speech and "Facebook" in speech and FILLED["phone"] in speech
    assert "http" not in speech
