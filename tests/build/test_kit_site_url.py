"""Changing site_url in one place changes every QR code, share tag and calendar link."""

from __future__ import annotations

import json

import pytest
from icalendar import Calendar
from PIL import Image

from support.sites import OTHER_SITE_URL, html_pages
from support.kit_helpers import DOWNLOADS, SITE_FILES, phone_photo, print_files, qr_images, render_pdf, texts

pytestmark = pytest.mark.slow


def test_every_qr_code_decodes_to_the_new_address(other_site):
    images = qr_images(other_site)
    assert len(images) >= 7
    for path in images:
        image = Image.open(path).convert("RGB")
        assert texts(image) == [OTHER_SITE_URL], path.name
        assert texts(phone_photo(image, 0.3, 1.0)) == [OTHER_SITE_URL], path.name
    for path in print_files(other_site):
        assert texts(render_pdf(path, scale=0.25 if "bang-ron" in path.name else 1.0)) == [OTHER_SITE_URL], path.name


def test_printed_and_spoken_address_is_the_new_one(other_site):
    svg = (other_site / SITE_FILES / "ma-qr.svg").read_text(encoding="utf-8")
    assert f"<title>{OTHER_SITE_URL}</title>" in svg
    speech = (other_site / DOWNLOADS / "loa-phat-thanh.txt").read_text(encoding="utf-8")
    # The loudspeaker reads out no web address at all (it says where the QR code is).
    assert "example.github.io" not in speech and "127.0.0.1" not in speech
    for lang, home in (("vi", OTHER_SITE_URL), ("en", OTHER_SITE_URL + "en/")):
        assert home in (other_site / DOWNLOADS / f"bai-dang-{lang}.txt").read_text(encoding="utf-8")
        calendar = Calendar.from_ical((other_site / DOWNLOADS / f"ngay-hoi-dmst-{lang}.ics").read_bytes())
        assert all(str(e["URL"]).startswith(home) for e in calendar.walk("VEVENT"))


def test_share_tags_use_the_new_address(other_site):
    from bs4 import BeautifulSoup

    for page in html_pages(other_site):
        soup = BeautifulSoup((other_site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        url = soup.find("meta", attrs={"property": "og:url"})["content"]
        image = soup.find("meta", attrs={"property": "og:image"})["content"]
        assert url == OTHER_SITE_URL + page
        assert image.startswith(OTHER_SITE_URL) and (other_site / image[len(OTHER_SITE_URL):]).is_file()
        graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
        assert all(node["url"].startswith(OTHER_SITE_URL) for node in graph if "url" in node)
