"""The site's QR code, for anyone to print or show: SVG for print, PNG for screens.

Citizens reach the site by the QR codes on the commune's banners. The code
encodes exactly `site_url`, the one address in mkdocs.yml, so a change of
address changes every code at the next build. It uses error correction Q (it
still reads a quarter dirty or covered, as outdoor prints get), a quiet zone of
four modules, black on white, and the address printed under it in letters:
people should see which site they are opening before they trust it. segno
draws the code; the SVG (templates/qr.svg) sets the address as outlines, so it
needs no font. The kit page shows it at `<!-- insert: kit.qr -->`.
"""

from __future__ import annotations

from .draw import INK, QR_LIGHT, QUIET_ZONE, Para, fit, qr_code, render, save_png
from ..settings.address import display_address

FILES = ("ma-qr.svg", "ma-qr.png")
PNG_MODULE = 10      # pixels per module in the PNG


def make(kit, folder) -> dict:
    """Write ma-qr.svg and ma-qr.png into `folder`; `kit` is the build's Kit (plugin.py)."""
    url = kit.site.site_url
    code = qr_code(url)
    matrix = [list(row) for row in code.matrix]
    side = len(matrix) + 2 * QUIET_ZONE
    words = fit(kit.fonts, [Para(display_address(url), bold=True, colour=INK, max_lines=3, address=True)],
                side - 2, 7, max_base=2.4)
    height = side + words.height + 1.5
    # PNG: drawn as a PDF one point per module, rendered at a whole number of pixels per module.
    canvas = kit.canvas(display_address(url), stamp=False)
    canvas.page(side, height)
    canvas.box(0, 0, side, height, QR_LIGHT)
    canvas.qr(matrix, 0, 0, len(matrix))
    canvas.block(words, 1, side, side - 2, words.height, valign="top")
    image = render(canvas.output(), PNG_MODULE)
    save_png(image, folder / "ma-qr.png", colours=None)
    letters = [kit.fonts.get(line.bold).outline(line.text, 1 + (side - 2 - line.width) / 2,
                                                side + line.baseline, line.size) for line in words.lines]
    svg = kit.env.get_template("qr.svg").render(
        url=url, side=side, height=f"{height:.3f}", width_px=side * PNG_MODULE, height_px=round(height * PNG_MODULE),
        light=QR_LIGHT, ink=INK, letters=" ".join(letters),
        code=code.svg_inline(scale=1, border=QUIET_ZONE, dark="#000000", light=None))
    (folder / "ma-qr.svg").write_text(svg, encoding="utf-8")
    return {"url": url, "address": display_address(url), "version": (len(matrix) - 17) // 4,
            "modules": len(matrix), "png": list(image.size)}


def inputs(kit) -> dict:
    return {"url": kit.site.site_url}


def section(kit, lang: str, link) -> str:
    """The kit page's QR section; `link(name)` is a download's link from the page."""
    return kit.env.get_template("qr.md").render(meta=kit.outputs["qr"].meta, svg=link("ma-qr.svg"),
                                                png=link("ma-qr.png"), t=kit.site.t(lang))


def downloads(kit) -> list[str]:
    return list(FILES)
