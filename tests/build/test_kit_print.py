"""Print artwork: vector PDFs at their real size, fonts embedded and covering every character
they print, yellow on red with enough contrast, the QR code big enough by the one-tenth rule
and readable as a phone sees the print from that distance. Ready for a print shop: the
background runs into a bleed past the trim, the TrimBox and BleedBox say where, words and code
keep a safe margin inside it, and a one-page note in each language gives those figures."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from innovation_day.settings.finishing import FINISH
from support.kit_helpers import KIT_EDITION, DOWNLOADS, NOTES, PT_PER_M, decode, phone_photo, print_files, render_pdf, side_px, texts
from support.site_settings import data

KIT = data("data/kit.yml")
EDITION = KIT_EDITION
ARTWORKS = KIT["artworks"]
IDS = [artwork["file"] for artwork in ARTWORKS]


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def near(pixel, colour, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def finish(artwork) -> tuple[float, float]:
    """An artwork's bleed and safe margin in metres, from the settings: its own, else its kind's."""
    default = FINISH[artwork["kind"]]
    return artwork.get("bleed", default.bleed), artwork.get("safe", default.safe)


def edges(image: Image.Image, band: int) -> list[Image.Image]:
    """The four strips `band` pixels wide along an image's edges."""
    w, h = image.size
    return [image.crop(box) for box in ((0, 0, w, band), (0, h - band, w, h), (0, 0, band, h), (w - band, 0, w, h))]


def off_colour(strip: Image.Image, colour) -> list:
    return [pixel for _, pixel in strip.getcolors(maxcolors=strip.width * strip.height) if not near(pixel, colour)]


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_print_is_in_the_kit_colours(built_site, artwork):
    """The printed ground is data/kit.yml's background and the words its text colour (whose
    contrast the build checks): the drawing follows the settings, nothing else."""
    pdf = built_site / DOWNLOADS / f"{artwork['file']}.pdf"
    image = render_pdf(pdf, scale=400 / max(PdfReader(pdf).pages[0].mediabox.width, 1))
    counts = sorted(image.getcolors(maxcolors=image.width * image.height), reverse=True)
    background, text = hex_rgb(KIT["colours"]["background"]), hex_rgb(KIT["colours"]["text"])
    assert near(counts[0][1], background), f"most of the print is {counts[0][1]}, not {background}"
    text_share = sum(n for n, pixel in counts if near(pixel, text)) / (image.width * image.height)
    assert text_share > 0.01, f"hardly any text colour {text} on the print ({text_share:.2%})"


def test_every_artwork_in_the_settings_has_a_pdf_and_previews(built_site):
    for artwork in ARTWORKS:
        for suffix in (".pdf", ".png", "-nho.png"):
            assert (built_site / DOWNLOADS / f"{artwork['file']}{suffix}").is_file(), artwork["file"] + suffix
    assert len(print_files(built_site)) == len(ARTWORKS)


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_pdf_boxes_are_the_finished_size_and_its_bleed(built_site, artwork):
    """What a print shop's software reads: the TrimBox is the finished size of the settings, the
    MediaBox and the BleedBox that size and the bleed on every side, the trim in their middle."""
    reader = PdfReader(built_site / DOWNLOADS / f"{artwork['file']}.pdf")
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert "/TrimBox" in page and "/BleedBox" in page, "set in the file, not pypdf's fallback to the MediaBox"
    bleed = finish(artwork)[0] * PT_PER_M
    width, height = artwork["width"] * PT_PER_M, artwork["height"] * PT_PER_M
    sheet = [0, 0, width + 2 * bleed, height + 2 * bleed]
    assert [float(v) for v in page.mediabox] == pytest.approx(sheet, abs=0.01)
    assert [float(v) for v in page.bleedbox] == pytest.approx(sheet, abs=0.01)
    assert [float(v) for v in page.trimbox] == pytest.approx([bleed, bleed, bleed + width, bleed + height], abs=0.01)
    assert not page.images, "artwork must be vector, not a picture"


@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_background_runs_past_the_trim(built_site, artwork):
    """Cut or hemmed a little off the line, no white edge shows: the bleed is all background."""
    bleed = finish(artwork)[0] * PT_PER_M
    if not bleed:
        pytest.skip("this artwork is set to have no bleed")
    scale = 8 / bleed                   # eight pixels of bleed
    image = render_pdf(built_site / DOWNLOADS / f"{artwork['file']}.pdf", scale)
    background = hex_rgb(KIT["colours"]["background"])
    # The pixel at the trim line may be blended with what is inside it.
    for strip in edges(image, int(bleed * scale) - 1):
        assert not off_colour(strip, background), f"the bleed is not all {KIT['colours']['background']}"


@pytest.mark.slow
@pytest.mark.parametrize("artwork", ARTWORKS, ids=IDS)
def test_words_and_code_stay_inside_the_safe_margin(other_site, artwork):
    """Within the safe margin of the trim, where the cut wanders or a banner's hem and eyelets
    go, there is only background. The deploy's files (a public address: no preview stamp)."""
    safe = finish(artwork)[1] * PT_PER_M
    if not safe:
        pytest.skip("this artwork is set to have no safe margin")
    scale = 32 / safe                   # 32 pixels of safe margin
    finished = render_pdf(other_site / DOWNLOADS / f"{artwork['file']}.pdf", scale, finished=True)
    assert finished.width == pytest.approx(artwork["width"] * PT_PER_M * scale, abs=2)
    background = hex_rgb(KIT["colours"]["background"])
    for strip in edges(finished, int(safe * scale) - 1):
        assert not off_colour(strip, background), "words or the code within the safe margin"


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
    for words in (EDITION.slogan["vi"].upper(), EDITION.theme["vi"]):
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
    """The PNG preview shows what the PDF prints: the PDF rendered at the preview's size
    matches it pixel by pixel, within what the preview's palette and anti-aliasing allow."""
    from PIL import ImageChops, ImageStat

    pdf = built_site / DOWNLOADS / f"{artwork['file']}.pdf"
    preview = Image.open(built_site / DOWNLOADS / f"{artwork['file']}.png").convert("RGB")
    trim = PdfReader(pdf).pages[0].trimbox       # the preview shows the print as finished
    rendered = render_pdf(pdf, scale=preview.width / float(trim.width), finished=True)
    # The build rounds the preview's size its own way: a pixel or three at most.
    assert abs(rendered.height - preview.height) <= max(3, preview.height // 500), (rendered.size, preview.size)
    rendered = rendered.resize(preview.size, Image.Resampling.LANCZOS) if rendered.size != preview.size else rendered
    difference = ImageChops.difference(rendered, preview).convert("L")
    # Measured: 1.4 and 0.3 % at worst for the right PDF; the A3 poster against the A4
    # one gives 13 and 7.7 %, two banners 30 and 19 %.
    assert max(ImageStat.Stat(difference).mean) < 4, "the preview is not this PDF"
    off = sum(difference.histogram()[48:]) / (preview.width * preview.height)
    assert off < 0.01, f"{off:.2%} of the preview's pixels differ from the PDF"


def millimetres(metres: float, lang: str) -> str:
    value = f"{round(metres * 1000, 1):g}"
    return value.replace(".", ",") if lang == "vi" else value


@pytest.mark.parametrize("lang", NOTES)
def test_print_note_is_one_page_with_each_artworks_sizes_and_the_colours(built_site, site_url, lang):
    """The note for the print shop, in each language: one A4 page that gives, from the settings,
    each file's page size with its bleed, the bleed, the safe margin, and the colours."""
    reader = PdfReader(built_site / DOWNLOADS / NOTES[lang])
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((595.28, 841.89), abs=0.5)
    assert reader.metadata.title and reader.trailer["/Root"]["/Lang"] == lang
    text = " ".join(page.extract_text().split())
    for artwork in ARTWORKS:
        bleed, safe = finish(artwork)
        sheet = (f"{millimetres(artwork['width'] + 2 * bleed, lang)} × "
                 f"{millimetres(artwork['height'] + 2 * bleed, lang)} mm")
        assert f"{sheet} {millimetres(bleed, lang)} mm {millimetres(safe, lang)} mm" in text, artwork["file"]
        assert f"{artwork['file']}.pdf" in text
    for colour in KIT["colours"].values():
        assert colour.upper() in text
    assert site_url.removeprefix("https://") in text
