"""The site's QR code, for anyone to print or show: SVG for print, PNG for screens.

The card for this site says citizens reach it by the QR codes on the commune's
banners. The code encodes exactly `site_url`, the one address in mkdocs.yml,
so a change of address changes every code at the next build. It uses error
correction Q (it still reads a quarter dirty or covered, as outdoor prints
get), a quiet zone of four modules, black on white, and the address printed
under it in letters: people should see which site they are opening before
they trust it. The SVG draws those letters as outlines, so it needs no font.
The kit page shows it where the marker below stands.
"""

from __future__ import annotations

from html import escape

from kit import DOWNLOADS, display_address, generate, link, register, render_partial
from kit_draw import INK, QR_DARK, QR_LIGHT, QUIET_ZONE, Canvas, Para, fit, font, qr_matrix, render, save_png

MARKER = "<!-- hooks/kit_qr.py -->"
FILES = ("ma-qr.svg", "ma-qr.png")
PNG_MODULE = 10      # pixels per module in the PNG
_state: dict = {}


def _card(config, url: str):
    """The code and its address below, in module units."""
    matrix = qr_matrix(url)
    side = len(matrix) + 2 * QUIET_ZONE
    words = fit(config, [Para(display_address(url), bold=True, colour=INK, max_lines=3, address=True)],
                side - 2, 7, max_base=2.4)
    return matrix, side, words, side + words.height + 1.5


def make(config, folder) -> dict:
    url = config.site_url
    matrix, side, words, height = _card(config, url)
    # PNG: drawn as a PDF one point per module, rendered at a whole number of pixels per module.
    canvas = Canvas(config, title=display_address(url), stamp=False)
    canvas.page(side, height)
    canvas.box(0, 0, side, height, QR_LIGHT)
    canvas.qr(matrix, 0, 0, len(matrix))
    canvas.block(words, 1, side, side - 2, words.height, valign="top")
    image = render(canvas.output(), PNG_MODULE)
    save_png(image, folder / "ma-qr.png", colours=None)
    # SVG: the same drawing, by hand: modules as one path, the address as outlines.
    runs = []
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                runs.append(f"M{start + QUIET_ZONE} {row + QUIET_ZONE}h{column - start}v1h-{column - start}z")
            else:
                column += 1
    letters = []
    for line in words.lines:
        x = 1 + (side - 2 - line.width) / 2
        letters.append(font(config, line.bold).outline(line.text, x, side + line.baseline, line.size))
    address = display_address(url)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {height:.3f}" '
        f'width="{side * PNG_MODULE}" height="{round(height * PNG_MODULE)}" role="img" aria-label="{escape(url)}">'
        f'<title>{escape(url)}</title>'
        f'<rect width="{side}" height="{height:.3f}" fill="{QR_LIGHT}"/>'
        f'<path fill="{QR_DARK}" shape-rendering="crispEdges" d="{"".join(runs)}"/>'
        f'<path fill="{INK}" d="{" ".join(letters)}"/>'
        "</svg>\n"
    )
    (folder / "ma-qr.svg").write_text(svg, encoding="utf-8")
    return {"url": url, "address": address, "version": (len(matrix) - 17) // 4,
            "modules": len(matrix), "png": list(image.size)}


# Hooks ----------------------------------------------------------------------

def on_files(files, config):
    output = generate(config, "qr", {"url": config.site_url}, lambda folder: make(config, folder))
    register(files, config, output, FILES)
    _state["output"] = output
    return files


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    output = _state["output"]
    section = render_partial(
        config, "qr.md", meta=output.meta,
        svg=link(f"{DOWNLOADS}/ma-qr.svg", page), png=link(f"{DOWNLOADS}/ma-qr.png", page),
    )
    return markdown.replace(MARKER, section)
