"""What the communication kit's tests share: the settings, and reading codes as a phone does."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageFilter

from .site_settings import edition, full_edition

SITE_FILES = "tai-lieu/tai-ve"                      # the site's own files: its QR code
# The kit the file tests read: the newest edition whose words are all known, whichever year is
# current (an edition waiting for its plan has no print files yet; tests/build/test_editions.py).
KIT_EDITION = full_edition()
DOWNLOADS = f"{SITE_FILES}/{KIT_EDITION.year}"
# The kit page shows the current edition's kit once its words are known; until then it says so.
current_kit = pytest.mark.skipif(not edition().complete, reason="the current edition's theme, slogan and dates are "
                                 "not published yet: its kit page says so (tests/build/test_editions.py)")
PT_PER_M = 72 / 0.0254


def decode(image: Image.Image) -> list:
    """The QR codes zxing-cpp finds in an image."""
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)


def texts(image: Image.Image) -> list[str]:
    return [code.text for code in decode(image)]


def phone_photo(image: Image.Image, factor: float = 0.3, blur: float = 1.0) -> Image.Image:
    """Scaled down and blurred, like a phone's photo of a print from a distance."""
    grey = image.convert("L")
    small = grey.resize((max(1, round(grey.width * factor)), max(1, round(grey.height * factor))),
                        Image.Resampling.LANCZOS)
    return small.filter(ImageFilter.GaussianBlur(blur))


def render_pdf(path: Path, scale: float, page: int = 0, finished: bool = False) -> Image.Image:
    """A PDF page as a phone would see the print: `scale` pixels per point; `finished`: only
    its TrimBox, as the print is once cut (the bleed cut off)."""
    from innovation_day.kit.draw import render   # PDFium, as the kit's previews are drawn

    return render(path.read_bytes(), scale, page, finished)


def side_px(code) -> float:
    """The side of a decoded code in pixels (top-left to top-right corner)."""
    position = code.position
    return ((position.top_right.x - position.top_left.x) ** 2
            + (position.top_right.y - position.top_left.y) ** 2) ** 0.5


def svg_in_chromium(browser, path: Path, width: int = 420) -> Image.Image:
    """The SVG as Chromium draws it, `width` pixels wide, on white."""
    data = base64.b64encode(path.read_bytes()).decode()
    page = browser.new_page(viewport={"width": width + 40, "height": width * 2})
    try:
        page.set_content(f'<body style="margin:20px;background:#fff">'
                         f'<img id="qr" width="{width}" src="data:image/svg+xml;base64,{data}"></body>')
        page.wait_for_function("document.getElementById('qr').complete")
        return Image.open(io.BytesIO(page.locator("#qr").screenshot())).convert("RGB")
    finally:
        page.close()


NOTES = {"vi": "ghi-chu-in-vi.pdf", "en": "ghi-chu-in-en.pdf"}   # the print shop's note (kit/note.py)


def print_files(site: Path) -> list[Path]:
    """The artworks' PDFs (each with the QR code), not the print shop's note."""
    return sorted(p for p in (site / DOWNLOADS).glob("*.pdf") if p.name not in NOTES.values())


def qr_images(site: Path) -> list[Path]:
    """Every PNG of the kit that carries the site's QR code (full previews, the share image, the code)."""
    return sorted(p for p in [*(site / DOWNLOADS).glob("*.png"), *(site / SITE_FILES).glob("*.png")]
                  if not p.name.endswith("-nho.png"))
