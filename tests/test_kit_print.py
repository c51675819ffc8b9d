"""Print artwork: vector PDFs at their real size, fonts embedded and covering every character
they print, yellow on red with enough contrast, the QR code big enough by the one-tenth rule
and readable as a phone sees the print from that distance."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from kit_helpers import DOWNLOADS, PT_PER_M, decode, phone_photo, print_files, render_pdf, settings, side_px, texts

KIT = settings()["extra"]["kit"]
EDITION = settings()["extra"]["edition"]
ARTWORKS = KIT["artworks"]
IDS = [artwork["file"] for artwork in ARTWORKS]


def contrast(first: str, second: str) -> float:
    def luminance(colour):
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_yellow_on_red_has_enough_contrast_for_text():
    colours = KIT["colours"]
    assert contrast(colours["text"], colours["background"]) >= 4.5
    text, background = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in (colours["text"], colours["background"]))
    assert text[0] > 200 and text[1] > 150 and text[2] < 100          # yellow
    assert background[0] > 120 and background[1] < 60 and background[2] < 60   # red


def test_every_artwork_in_the_settings_has_a_pdf_and_previews(built_site):
    for artwork in ARTWORKS:
        for suffix in (".pdf", ".png", "-nho.png"):
            assert (built_site / DOWNLOADS / f"{artwork['file']}{suffix}").is_file(), artwork["file"] + suffix
    assert len(print_files(built_site)) == len(ARTWORKS)


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_pdf_opens_at_its_real_size(built_site, artwork):
    reader = PdfReader(built_site / DOWNLOADS / f"{artwork['file']}.pdf")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(artwork["width"] * PT_PER_M, abs=0.5)
    assert float(box.height) == pytest.approx(artwork["height"] * PT_PER_M, abs=0.5)
    assert not reader.pages[0].images, "artwork must be vector, not a picture"


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_pdf_embeds_fonts_that_cover_every_character_it_prints(built_site, artwork):
    page = PdfReader(built_site / DOWNLOADS / f"{artwork['file']}.pdf").pages[0]
    covered: set[str] = set()
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        assert font["/Subtype"] == "/Type0" and "NotoSans" in font["/BaseFont"]
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))  # embedded TrueType
        glyphs = program["glyf"]
        for code, name in program.getBestCmap().items():
            if chr(code).isspace() or glyphs[name].numberOfContours != 0:
                covered.add(chr(code))
    printed = page.extract_text()
    missing = {char for char in printed if not char.isspace()} - covered
    assert not missing
    flat = " ".join(printed.split())
    for words in (EDITION["slogan"]["vi"].upper(), EDITION["theme"]["vi"]):
        assert " ".join(words.split()) in flat, words
    assert {"Ệ", "Ộ", "Ố", "Ạ", "Đ"} <= set(printed)      # stacked and dotted capitals, as Vietnamese needs


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_qr_code_follows_the_one_tenth_rule(built_site, site_url, artwork):
    preview = Image.open(built_site / DOWNLOADS / f"{artwork['file']}.png").convert("RGB")
    codes = decode(preview)
    assert [c.text for c in codes] == [site_url]
    px_per_m = preview.width / artwork["width"]
    side_m = side_px(codes[0]) / px_per_m
    assert side_m * KIT["qr_reach"] >= artwork["scan_from"] * 0.97


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_print_reads_like_a_phone_photo_from_its_reading_distance(built_site, site_url, artwork):
    """At the reading distance, a phone frame ~12 code-sides wide, ~1920 px: the code is ~160 px."""
    side_pt = artwork["scan_from"] / KIT["qr_reach"] * PT_PER_M
    photo = render_pdf(built_site / DOWNLOADS / f"{artwork['file']}.pdf", scale=160 / side_pt)
    assert texts(photo) == [site_url]
    assert texts(phone_photo(photo, 0.9, 1.0)) == [site_url]


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_preview_is_the_pdf(built_site, artwork):
    """The PNG preview is rendered from the PDF: same proportions."""
    preview = Image.open(built_site / DOWNLOADS / f"{artwork['file']}.png")
    assert preview.width / preview.height == pytest.approx(artwork["width"] / artwork["height"], rel=0.01)
