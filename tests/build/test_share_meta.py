"""Share previews and structured data: every page has Open Graph tags in its language, a
canonical link and a 1200 × 630 image that exists; JSON-LD describes the commune and the expo."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from PIL import Image

from support.site_settings import settings
from support.site_settings import data
from support.site_settings import page_edition, site

COMMUNE = data("data/commune.yml")
CONFIG_I18N_EN = next(language for plugin in settings()["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
                      for language in plugin["i18n"]["languages"] if language["locale"] == "en")


def meta(soup, prop: str):
    tag = soup.find("meta", attrs={"property": prop})
    return tag["content"] if tag else None


def jsonld(soup) -> list[dict]:
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)["@graph"]


def test_every_page_has_its_share_tags_and_image(pages, soup_of, built_site, site_url):
    assert len(pages) >= 20
    images, titles = set(), set()
    for page in pages:
        soup = soup_of(page)
        lang = "en" if page.startswith("en/") else "vi"
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == site_url + page, page
        assert meta(soup, "og:url") == canonical
        assert meta(soup, "og:title") and meta(soup, "og:description"), page
        assert meta(soup, "og:locale") == {"vi": "vi_VN", "en": "en_US"}[lang]
        assert meta(soup, "og:locale:alternate") == {"vi": "en_US", "en": "vi_VN"}[lang]
        image = meta(soup, "og:image")
        assert image.startswith(site_url) and image.endswith(".png"), page
        assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
        with Image.open(built_site / image[len(site_url):]) as picture:
            assert picture.size == (1200, 630) and picture.format == "PNG"
        images.add(image)
        titles.add((lang, meta(soup, "og:title")))
    assert len(images) == len(titles)       # each page's image shows its own title


def test_share_title_is_the_page_title(soup_of):
    assert meta(soup_of("tai-lieu/"), "og:title") == "Tài liệu truyền thông"
    assert meta(soup_of("en/tai-lieu/"), "og:title") == "Communication kit"
    english = CONFIG_I18N_EN["site_name"]
    assert meta(soup_of("en/"), "og:title") == english


def test_commune_is_a_government_organisation_in_both_languages(pages, soup_of, site_url):
    names = COMMUNE["name"]
    for page in pages:
        organisation = jsonld(soup_of(page))[0]
        assert organisation["@type"] == "GovernmentOrganization"
        assert {organisation["name"], organisation["alternateName"]} == {names["vi"], names["en"]}
        assert organisation["url"].startswith(site_url)
        # Only the channels set in extra.commune: none are set now, so none appear.
        commune = COMMUNE
        assert ("telephone" in organisation) == bool(commune.get("phone"))
        assert ("email" in organisation) == bool(commune.get("email"))
        assert ("streetAddress" in organisation["address"]) == bool(commune.get("address"))
        assert organisation.get("sameAs", []) == [commune[k] for k in ("website", "facebook", "zalo") if commune.get(k)]


@pytest.mark.parametrize("page, source, lang", [("", "index.md", "vi"), ("en/", "index.md", "en"),
                                                ("viie-2025/", "viie-2025/index.md", "vi"),
                                                ("en/viie-2025/", "viie-2025/index.md", "en")])
def test_the_expo_is_an_event_with_dates_and_place(soup_of, site_url, page, source, lang):
    """On the home page (the current edition's expo, if it has one) and on the expo's own page."""
    events = [item for item in jsonld(soup_of(page)) if item["@type"] == "Event"]
    expo = page_edition(source).expo
    assert len(events) == (1 if expo else 0)
    if not expo:
        return
    event = events[0]
    assert (event["startDate"], event["endDate"]) == (expo["start"].isoformat(), expo["end"].isoformat())
    assert event["location"]["name"] == expo["venue"][lang] and expo["name"] in event["name"]
    # The sources name who announced the expo, not who organised it: no organiser is claimed.
    assert "organizer" not in event
    assert event["url"] == site_url + site().languages.page_path(expo["page"], lang)


def test_other_pages_describe_no_event(soup_of):
    assert all(item["@type"] != "Event" for item in jsonld(soup_of("ke-hoach/")))


def test_content_security_policy_does_not_hash_json_ld(soup_of):
    soup = soup_of("")
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    body = soup.select_one('script[type="application/ld+json"]').string
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    assert digest not in policy
