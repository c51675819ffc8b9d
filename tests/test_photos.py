"""Photos: a few widths, modern formats with a JPEG fallback, no metadata, no layout shift, lazy below the fold."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, content_error_line, make_site_copy, run_build

from innovation_day.content import photos
from innovation_day.templates import environment

WIDTHS = [480, 960, 1440]
CARD_PAGES = ["guong-sang-tao/", "en/guong-sang-tao/"]
ENTRY_PAGE = "guong-sang-tao/hop-tac-xa-rau-sach-vi-du/"


def srcset(value: str) -> list[tuple[str, int]]:
    return [(url, int(width[:-1])) for url, width in (part.split() for part in value.split(","))]


def pictures(soup):
    return soup.select("article.md-content__inner picture")


def test_every_picture_offers_avif_webp_and_a_jpeg_fallback(soup_of, built_site, site_url):
    seen = 0
    for page in [*CARD_PAGES, ENTRY_PAGE, "en/" + ENTRY_PAGE]:
        for picture in pictures(soup_of(page)):
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
                    path = built_site / urljoin(site_url + page, url)[len(site_url):]
                    with Image.open(path) as image:
                        assert image.width == width
                        assert image.format == {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}[ext]
            assert img["src"].endswith("-960.jpg")
    assert seen >= 6


def test_published_photos_carry_no_metadata(built_site):
    files = sorted((built_site / "anh").iterdir())
    assert files
    for path in files:
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(image.info), path.name


def test_images_have_size_alt_and_load_lazily_below_the_fold(soup_of):
    for page in CARD_PAGES:
        for img in soup_of(page).select("article picture img"):
            assert img["width"] == "1440" and img["height"] == "900"
            assert img.get("loading") == "lazy" and img.get("decoding") == "async"
            assert img.get("alt")
    hero = soup_of(ENTRY_PAGE).select_one("article .entry-photo img")
    assert hero.get("loading") is None, "the photo at the top of an entry page loads at once"
    assert hero["width"] == "1440" and hero["height"] == "900" and hero["decoding"] == "async"
    assert hero["alt"].startswith("Hình vẽ minh họa")
    assert soup_of("en/" + ENTRY_PAGE).select_one("article .entry-photo img")["alt"].startswith("A drawing")


def test_originals_are_not_published(built_site):
    originals = {p.name for p in (ROOT / "docs" / "anh").iterdir()}
    published = {p.name for p in built_site.rglob("*") if p.is_file()}
    assert not originals & published


# The photo step on its own (fast, no build) ------------------------------------

SETTINGS = photos.PhotoSettings(max_bytes=5_000_000, widths=(480, 960, 1440), formats=("avif", "webp"))


def phone_photo(path: Path, size=(2000, 1200), orientation: int | None = 6) -> None:
    """A JPEG like a phone's: camera, time and GPS position in its EXIF, rotated by a tag."""
    image = Image.new("RGB", size, "#3a7")
    for x in range(0, size[0], 100):
        image.paste("#fd3", (x, 0, x + 40, size[1] // 3))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"          # Make
    exif[0x0110] = "Phone 12"            # Model
    exif[0x0132] = "2025:09:22 08:00:00"  # DateTime
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (21.0, 2.0, 30.0), 3: "E", 4: (105.0, 56.0, 10.0)})
    image.save(path, "JPEG", exif=exif.tobytes(), quality=90)
    with Image.open(path) as check:
        assert check.getexif().get_ifd(0x8825), "the test photo really carries a GPS position"


def test_gps_and_camera_are_stripped_and_rotation_kept(tmp_path):
    docs = tmp_path / "docs"
    (docs / "anh").mkdir(parents=True)
    phone_photo(docs / "anh" / "IMG_2034.JPG")
    assert photos.check(docs, "IMG_2034.JPG", SETTINGS) == []
    rendition = photos.render(docs, "IMG_2034.JPG", SETTINGS, tmp_path / "cache")
    # Orientation 6 turns the 2000×1200 landscape into a 1200×2000 portrait.
    assert (rendition.width, rendition.height) == (1200, 2000)
    assert [w for w, _ in rendition.files["jpeg"]] == [480, 960, 1200], "never enlarged"
    for files in rendition.files.values():
        for width, name in files:
            assert name.startswith("img-2034-")
            with Image.open(tmp_path / "cache" / rendition.key / name) as image:
                assert image.width == width and image.height > image.width
                assert not image.getexif()
                assert b"PhoneMaker" not in (tmp_path / "cache" / rendition.key / name).read_bytes()


def test_repeated_builds_reuse_the_cache(tmp_path):
    docs = tmp_path / "docs"
    (docs / "anh").mkdir(parents=True)
    phone_photo(docs / "anh" / "a.jpg", orientation=None)
    first = photos.render(docs, "a.jpg", SETTINGS, tmp_path / "cache")
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache" / first.key).iterdir()}
    again = photos.render(docs, "a.jpg", SETTINGS, tmp_path / "cache")
    assert again == first
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache" / first.key).iterdir()} == stamps


def test_picture_markup(tmp_path):
    docs = tmp_path / "docs"
    (docs / "anh").mkdir(parents=True)
    Image.new("RGBA", (600, 300), (200, 0, 0, 128)).save(docs / "anh" / "logo.png")
    rendition = photos.render(docs, "logo.png", SETTINGS, tmp_path / "cache")
    shown = photos.Photos(docs, SETTINGS, tmp_path / "cache", environment("content", html_layout=True))
    html = shown.picture(rendition, 'Ảnh "thử"', "en/tin-tuc/x/", lazy=True, sizes="100vw")
    assert html.startswith("<picture><source type=\"image/avif\"")
    assert BeautifulSoup(html, "lxml").img["alt"] == 'Ảnh "thử"'

    assert 'width="600" height="300"' in html and 'loading="lazy"' in html and 'decoding="async"' in html
    assert re.search(r'src="\.\./\.\./\.\./anh/logo-[0-9a-f]{8}-600\.jpg"', html)
    with Image.open(tmp_path / "cache" / rendition.key / rendition.files["jpeg"][0][1]) as jpeg:
        assert jpeg.mode == "RGB", "transparency flattened for the JPEG fallback"


@pytest.mark.parametrize("content, message", [
    (b"not a picture at all", "không đọc được ảnh docs/anh/x.jpg"),
    (None, "không có tệp ảnh docs/anh/x.jpg"),
])
def test_unreadable_or_missing_photo_is_named(tmp_path, content, message):
    (tmp_path / "anh").mkdir()
    if content is not None:
        (tmp_path / "anh" / "x.jpg").write_bytes(content)
    problems = photos.check(tmp_path, "x.jpg", SETTINGS)
    assert len(problems) == 1 and problems[0][0].startswith(message)


def test_heic_or_other_formats_are_refused(tmp_path):
    (tmp_path / "anh").mkdir()
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "GIF")
    (tmp_path / "anh" / "x.gif").write_bytes(buffer.getvalue())
    assert photos.check(tmp_path, "x.gif", SETTINGS)[0][1].startswith("cannot read the photo docs/anh/x.gif")


# Bad photos fail the build, by name ---------------------------------------------

ENTRY = "docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du"
PHOTO = "docs/anh/hop-tac-xa-rau-sach-vi-du.jpg"
KB = round((ROOT / PHOTO).stat().st_size / 1000)


def drop_line(path: Path, prefix: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(prefix)]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")


@pytest.mark.parametrize("breaking, where, vi, en", [
    (lambda r: (r / "data/site.yml").write_text(re.sub(r"max_bytes: \d+", "max_bytes: 50000",
                                                       (r / "data/site.yml").read_text(encoding="utf-8")), encoding="utf-8"),
     f"{ENTRY}.md › photo", f"ảnh {PHOTO} quá lớn ({KB} KB, tối đa 50 KB)",
     f"the photo {PHOTO} is too large ({KB} KB, at most 50 KB)"),
    (lambda r: (r / PHOTO).write_bytes(b"\x89PNG\r\n\x1a\n broken"),
     f"{ENTRY}.md › photo", f"không đọc được ảnh {PHOTO}", f"cannot read the photo {PHOTO}"),
    (lambda r: drop_line(r / f"{ENTRY}.en.md", "photo_alt:"),
     f"{ENTRY}.en.md › photo_alt", "thiếu mô tả ảnh cho người không xem được ảnh",
     "missing the photo's alt text (what it shows)"),
    (lambda r: drop_line(r / f"{ENTRY}.md", "photo_alt:"),
     f"{ENTRY}.md › photo_alt", "thiếu mô tả ảnh", "missing the photo's alt text"),
    (lambda r: (r / PHOTO).unlink(),
     f"{ENTRY}.md › photo", f"không có tệp ảnh {PHOTO}", f"there is no photo file {PHOTO}"),
], ids=["oversized", "unreadable", "no-alt-in-english", "no-alt-in-vietnamese", "missing-file"])
def test_a_bad_photo_fails_the_build_by_name(tmp_path, breaking, where, vi, en):
    repo = make_site_copy(tmp_path)
    breaking(repo)
    line = content_error_line(repo, where)
    assert vi in line and en in line, line


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
