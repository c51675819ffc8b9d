"""The site's QR code: exactly site_url, error correction Q, a quiet zone of four modules,
dark on light, the address beside it; it still reads scaled down and blurred."""

from __future__ import annotations

from PIL import Image

from support.kit_helpers import SITE_FILES, decode, phone_photo, qr_images, side_px, texts


def test_png_decodes_to_site_url_with_level_q(built_site, site_url):
    image = Image.open(built_site / SITE_FILES / "ma-qr.png").convert("RGB")
    codes = decode(image)
    assert [c.text for c in codes] == [site_url]
    assert codes[0].ec_level == "Q"
    assert texts(phone_photo(image, 0.3, 1.0)) == [site_url]


def test_png_is_dark_on_light_with_a_quiet_zone_of_four_modules(built_site):
    image = Image.open(built_site / SITE_FILES / "ma-qr.png").convert("L")
    code = decode(image)[0]
    module = side_px(code) / code_modules(code)
    left, top = code.position.top_left.x, code.position.top_left.y
    right, bottom = code.position.bottom_right.x, code.position.bottom_right.y
    zone = 4 * module
    assert left >= zone - 1 and top >= zone - 1 and image.width - right >= zone - 1
    # zxing's corners are the symbol's own: the four strips around it are light.
    strips = [(left - zone, top - zone, right + zone, top), (left - zone, bottom, right + zone, bottom + zone),
              (left - zone, top, left, bottom), (right, top, right + zone, bottom)]
    for strip in strips:
        box = tuple(int(round(v)) for v in strip)
        assert image.crop((box[0] + 1, box[1] + 1, box[2] - 1, box[3] - 1)).getextrema()[0] > 200, box
    assert image.getpixel((int(left + module / 2), int(top + module / 2))) < 60   # a dark finder module


def code_modules(code) -> int:
    """Modules on a side of the symbol: version 1 has 21, each version adds 4."""
    return 17 + 4 * int(code.extra["Version"])


def test_address_is_printed_under_the_code(built_site):
    image = Image.open(built_site / SITE_FILES / "ma-qr.png").convert("L")
    code = decode(image)[0]
    bottom = max(code.position.bottom_left.y, code.position.bottom_right.y)
    module = side_px(code) / code_modules(code)
    below = image.crop((0, int(bottom + 4 * module), image.width, image.height))
    assert below.height > 2 * module and below.getextrema()[0] < 80   # dark letters under the quiet zone


def test_svg_is_vector_with_the_address_and_needs_no_font(built_site, site_url):
    svg = (built_site / SITE_FILES / "ma-qr.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg ") and "<image" not in svg and "<text" not in svg
    assert f"<title>{site_url}</title>" in svg
    assert svg.count("<path") == 2      # the modules, and the address as outlines


def test_every_kit_image_with_a_code_decodes_to_site_url(built_site, site_url):
    images = qr_images(built_site)
    assert len(images) >= 7         # the code, five artworks, the share image
    for path in images:
        image = Image.open(path).convert("RGB")
        assert texts(image) == [site_url], path.name
        assert texts(phone_photo(image, 0.3, 1.0)) == [site_url], path.name
