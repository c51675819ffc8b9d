"""A one-page note for the print shop, in each language: what the print files are.

Made with the print files (prints.py) from the same settings: for each artwork its
finished size, the PDF page's size with the bleed, the bleed and the safe margin
(settings/finishing.py), the QR code's side and the distance it scans from; the
colours; how a banner is hemmed and eyeleted. The words are in the interface
strings (kit.note.*) and the markup in templates/print-note.html, which fpdf2
sets on one A4 page with the kit's embedded font. A note that no longer fits one
page at a readable size fails the build.
"""

from __future__ import annotations

import re

from ..errors import BuildErrors
from .draw import QR_DARK, QR_LIGHT
from ..settings.finishing import EYELET_SPACING
from ..settings.models import rgb
from ..settings.address import display_address
from .text import artwork_size, length, millimetres, number

FILES = {"vi": "ghi-chu-in-vi.pdf", "en": "ghi-chu-in-en.pdf"}
A4 = (595.28, 841.89)       # points
MARGIN = 57                 # points, 20 mm: inside any office printer's unprintable edge, and below
                            # a local preview's stamp (settings/address.py)
SIZES = (10, 9.5, 9, 8.5, 8)  # points: the largest that keeps the note on one page


def context(kit, lang: str) -> dict:
    site, edition = kit.site, kit.edition
    t = site.t(lang)
    settings = site.kit
    rows = [{
        "name": t(f"kit.kind.{a.kind}"), "file": f"{a.file}.pdf", "size": artwork_size(a, lang),
        "sheet": f"{number(round((a.width + 2 * a.bleed) * 1000, 1), lang)} × "
                 f"{millimetres(a.height + 2 * a.bleed, lang)}",
        "bleed": millimetres(a.bleed, lang), "safe": millimetres(a.safe, lang),
        "qr": length(a.qr_side, lang), "distance": length(a.qr_side * a.reach, lang),
    } for a in settings.artworks]
    colours = [(t("kit.note.colour.background"), settings.background), (t("kit.note.colour.text"), settings.text),
               (t("kit.note.colour.qr-dark"), QR_DARK), (t("kit.note.colour.qr-light"), QR_LIGHT)]
    return {
        "t": t, "lang": lang, "year": edition.year, "slogan": edition.slogan["vi"], "rows": rows,
        "colours": [{"role": role, "hex": colour, "rgb": ", ".join(map(str, rgb(colour)))} for role, colour in colours],
        "banner": any(a.kind == "banner" for a in settings.artworks),
        # The kinds that are cut to size (all but banners), as the settings list them.
        "cut": ", ".join(t(f"kit.kind.{kind}") for kind in dict.fromkeys(
            a.kind for a in settings.artworks if a.kind != "banner")),
        "spacing": length(EYELET_SPACING, lang), "address": display_address(site.site_url),
    }


def markup(kit, lang: str) -> str:
    """The note's HTML; fpdf2 sets the line breaks between tags as empty lines, so none are kept."""
    return re.sub(r">\s+<", "><", kit.env.get_template("print-note.html").render(context(kit, lang)).strip())


def _draw(kit, lang: str, html: str, size: float) -> tuple[bytes, int]:
    t = kit.site.t(lang)
    canvas = kit.canvas(t("kit.note.title", year=kit.edition.year), lang=lang)
    canvas.page(*A4)
    pages = canvas.html(html, MARGIN, size)
    return canvas.output(), pages


def make(kit, folder) -> None:
    """Write the note in each language into `folder`."""
    for lang, name in FILES.items():
        html = markup(kit, lang)
        for size in SIZES:
            pdf, pages = _draw(kit, lang, html, size)
            if pages == 1:
                break
        else:
            errors = BuildErrors("Tài liệu truyền thông / Communication kit")
            errors.add("data/kit.yml", "artworks",
                       "ghi chú cho cơ sở in không vừa một trang A4: bớt mẫu in",
                       "the print shop's note does not fit one A4 page: list fewer artworks")
            errors.raise_if_any()
        (folder / name).write_bytes(pdf)


def links(kit, lang: str, link) -> list[dict]:
    """The notes as links from a page in `lang`: its own language's first."""
    t = kit.site.t(lang)
    order = sorted(FILES, key=lambda code: code != lang)
    return [{"lang": code, "title": t(f"kit.note.link.{code}"), "href": link(FILES[code])} for code in order]
