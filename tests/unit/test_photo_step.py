"""The photo step on its own: metadata stripped, rotation kept, widths and formats, a cache,
the picture markup, and a bad photo named by file and field."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from support.photo_samples import phone_photo
from support.sites import SHOWCASE_FIXTURES, add_model_innovators, content_error_line, make_site_copy

from innovation_day.content import photos
from innovation_day.templates import environment

SETTINGS = photos.PhotoSettings(max_bytes=5_000_000, widths=(480, 960, 1440), formats=("avif", "webp"))


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


ENTRY = "docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du"
PHOTO = "docs/anh/hop-tac-xa-rau-sach-vi-du.jpg"
KB = round((SHOWCASE_FIXTURES / "anh" / PHOTO.rsplit("/", 1)[1]).stat().st_size / 1000)


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
    add_model_innovators(repo)
    breaking(repo)
    line = content_error_line(repo, where)
    assert vi in line and en in line, line
