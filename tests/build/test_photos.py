"""Photos: a few widths, modern formats with a JPEG fallback, no metadata, no layout shift, lazy below the fold."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from PIL import Image

from support.photo_samples import phone_photo
from support.sites import ROOT, SHOWCASE_FIXTURES, make_site_copy, run_build

WIDTHS = [480, 960, 1440]
# On the site with the model innovators (conftest.showcase_site): two of them have a photo.
CARD_PAGES = ["guong-sang-tao/", "en/guong-sang-tao/"]
ENTRY_PAGE = "guong-sang-tao/hop-tac-xa-rau-sach-vi-du/"


def srcset(value: str) -> list[tuple[str, int]]:
    return [(url, int(width[:-1])) for url, width in (part.split() for part in value.split(","))]


def pictures(soup):
    return soup.select("article.md-content__inner picture")


def test_every_picture_offers_avif_webp_and_a_jpeg_fallback(showcase_soup, showcase_site, site_url):
    seen = 0
    for page in [*CARD_PAGES, ENTRY_PAGE, "en/" + ENTRY_PAGE]:
        for picture in pictures(showcase_soup(page)):
            seen += 1
            types = [source["type"] for source in picture.select("source")]
            assert types == ["image/avif", "image/webp"]
            img = picture.select_one("img")
            candidates = {"avif": srcset(picture.select("source")[0]["srcset"]),
                          "webp": srcset(picture.select("source")[1]["srcset"]),
                          "jpg": srcset(img["srcset"])}
            for ext, pairs in candidates.items():
                assert [width for _, width in pairs] == WIDTHS
                for url, width in pairs:
                    assert url.endswith(f"-{width}.{ext}")
                    path = showcase_site / urljoin(site_url + page, url)[len(site_url):]
                    with Image.open(path) as image:
                        assert image.width == width
                        assert image.format == {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}[ext]
            assert img["src"].endswith("-960.jpg")
    assert seen >= 6


def test_published_photos_carry_no_metadata(showcase_site):
    files = sorted((showcase_site / "anh").iterdir())
    assert files
    for path in files:
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(image.info), path.name


def test_images_have_size_alt_and_load_lazily_below_the_fold(showcase_soup):
    for page in CARD_PAGES:
        for img in showcase_soup(page).select("article picture img"):
            assert img["width"] == "1440" and img["height"] == "900"
            assert img.get("loading") == "lazy" and img.get("decoding") == "async"
            assert img.get("alt")
    hero = showcase_soup(ENTRY_PAGE).select_one("article .entry-photo img")
    assert hero.get("loading") is None, "the photo at the top of an entry page loads at once"
    assert hero["width"] == "1440" and hero["height"] == "900" and hero["decoding"] == "async"
    assert hero["alt"].startswith("Hình vẽ minh họa")
    assert showcase_soup("en/" + ENTRY_PAGE).select_one("article .entry-photo img")["alt"].startswith("A drawing")


def test_originals_are_not_published(built_site, showcase_site):
    originals = {p.name for folder in (ROOT / "docs" / "anh", SHOWCASE_FIXTURES / "anh") for p in folder.iterdir()}
    published = {p.name for site in (built_site, showcase_site) for p in site.rglob("*") if p.is_file()}
    assert not originals & published


@pytest.mark.slow
def test_a_phone_photo_in_a_news_item_is_published_clean(tmp_path):
    repo = make_site_copy(tmp_path)
    phone_photo(repo / "docs" / "anh" / "IMG_2034.JPG")
    for suffix, alt in ((".md", "Ảnh thử"), (".en.md", "A test photo")):
        path = repo / f"docs/tin-tuc/2025-09-25-cong-bo-trien-lam-viie-2025{suffix}"
        text = path.read_text(encoding="utf-8").replace(
            "date: 2025-09-25\n", f"date: 2025-09-25\nphoto: IMG_2034.JPG\nphoto_alt: \"{alt}\"\n", 1)
        path.write_text(text, encoding="utf-8")
    site = tmp_path / "out"
    run_build(site, config=repo / "mkdocs.yml")
    published = sorted((site / "anh").glob("img-2034-*"))
    assert len(published) == 9
    for path in published:
        with Image.open(path) as image:
            assert not image.getexif() and image.height > image.width
    page = (site / "en/tin-tuc/2025-09-25-cong-bo-trien-lam-viie-2025/index.html").read_text(encoding="utf-8")
    assert 'alt="A test photo"' in page and 'fetchpriority="high"' in page
    listing = (site / "tin-tuc/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img [^>]*alt="Ảnh thử"[^>]*loading="lazy"', listing)
    assert not list(site.rglob("IMG_2034.JPG"))
