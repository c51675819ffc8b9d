"""A local preview cannot be printed by mistake: a build for a loopback or local address stamps
every print file and share image "BẢN XEM THỬ - KHÔNG IN", says so on the kit page, and the
deploy refuses such an address (tests/unit/test_site_address.py). The default test build is local
(127.0.0.1); `other_site` is built for a public address, and carries no stamp."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from support.kit_helpers import DOWNLOADS, print_files

from innovation_day.settings.address import STAMP, is_local_address

STAMP_RED = (0xA4, 0x16, 0x1A)


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def top_band(path: Path) -> Image.Image:
    """The top 4 % of an image, where the stamp's white band stands."""
    image = Image.open(path).convert("RGB")
    return image.crop((0, 0, image.width, max(2, image.height * 4 // 100)))


def stamped(path: Path) -> bool:
    """The image reads as stamped: its top band is white with the stamp's red letters."""
    band = top_band(path)
    colours = band.getcolors(band.width * band.height)
    total = band.width * band.height
    white = sum(n for n, c in colours if min(c) > 235)
    red = sum(n for n, c in colours if abs(c[0] - STAMP_RED[0]) < 40 and c[1] < 90 and c[2] < 90)
    return white > 0.6 * total and red > 0.005 * total


def share_images(site: Path) -> list[Path]:
    images = sorted((site / DOWNLOADS).glob("*.png")) + sorted((site / "assets" / "og").glob("*.png"))
    return [p for p in images if not p.name.startswith("ma-qr")]


def test_every_print_file_of_a_local_build_is_stamped(built_site, site_url):
    assert is_local_address(site_url)
    pdfs = print_files(built_site)
    assert pdfs
    for pdf in pdfs:
        words = pdf_text(pdf)
        assert words.count(STAMP) >= 1, pdf.name
    for image in share_images(built_site):
        assert stamped(image), image.name


def test_a_public_build_carries_no_stamp(other_site):
    for pdf in print_files(other_site):
        assert STAMP not in pdf_text(pdf), pdf.name
    for image in share_images(other_site):
        assert not stamped(image), image.name


def test_the_kit_page_says_it_is_a_preview(soup_of, other_site):
    from bs4 import BeautifulSoup

    for page in ("tai-lieu/", "en/tai-lieu/"):
        notice = soup_of(page).select_one(".preview-notice")
        assert notice is not None and STAMP in notice.get_text()
        public = BeautifulSoup((other_site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        assert public.select_one(".preview-notice") is None
