"""Print-ready banners, posters and a standee, each with the site's QR code.

The plan (II.4a, III.1) asks every office, school, the health station, village
halls and residential groups to hang banners with the theme and slogan. The
sizes live in data/kit.yml (`artworks`); for each, the build draws a
vector PDF at its real size with the font embedded (so Vietnamese diacritics
print right on any printer's machine), a PNG preview rendered from that PDF,
and a small preview for the kit page, at `<!-- insert: kit.print -->`.

The slogan and theme are yellow on red, as banners are (the pair is checked
for contrast in settings.py). The QR code follows the one-tenth rule: it is
drawn at `scan_from ÷ qr_reach`, and the kit page says that distance. A code
that does not fit its artwork fails the build and names the setting.

A print shop takes the PDFs as they are: each is its finished size plus a bleed
on every side, the background running into it, with the TrimBox at the finished
size and the BleedBox at the sheet's; words and code stay a safe margin inside
the trim, clear of the cut or of a banner's hem and eyelets (settings/finishing.py).
The previews show the print as finished, and a one-page note for the shop in
each language (kit/note.py) gives the sizes, margins and colours.
"""

from __future__ import annotations

from dataclasses import asdict

from ..errors import BuildErrors
from . import note
from .draw import DoesNotFit, check_coverage, draw_banner, draw_portrait, make_design, render, save_png
from ..settings.address import display_address
from .text import artwork_size, file_size, length

PT_PER_M = 72 / 0.0254
PREVIEW_QR_PX = 400      # the code's side in a full preview; a phone photo at the reading distance has ~160 px
PREVIEW_MAX_PX = 4000    # longest side of a full preview
THUMB_BOX = (960, 640)   # the kit page's previews fit this box
STANDEE_LIFT = 0.7       # metres from the floor to the bottom of a standee's code: scanned at hand height


def names(artwork) -> list[str]:
    return [f"{artwork.file}.pdf", f"{artwork.file}.png", f"{artwork.file}-nho.png"]


def inputs(kit) -> dict:
    """What the print files are drawn from: their words (formatted), sizes and colours."""
    design = asdict(make_design(kit.site, kit.edition))
    design.pop("matrix")   # follows from the address
    return {"design": design, "kit": asdict(kit.site.kit), "preview": kit.preview,
            "titles": {a.file: title(kit, a) for a in kit.site.kit.artworks},
            "note": {lang: note.markup(kit, lang) for lang in note.FILES}}


def title(kit, artwork) -> str:
    t = kit.site.t("vi")
    return f"{t('kit.kind.' + artwork.kind)} {artwork_size(artwork, 'vi')} · {kit.edition.slogan['vi']}"


def _draw(kit, words, artwork) -> bytes:
    width, height, side = artwork.width * PT_PER_M, artwork.height * PT_PER_M, artwork.qr_side * PT_PER_M
    safe = artwork.safe * PT_PER_M
    canvas = kit.canvas(title(kit, artwork))
    canvas.page(width, height, bleed=artwork.bleed * PT_PER_M)
    if artwork.kind == "banner":
        draw_banner(kit.fonts, canvas, words, width, height, side, safe=safe)
    else:
        lift = STANDEE_LIFT * PT_PER_M if artwork.kind == "standee" else 0.0
        draw_portrait(kit.fonts, canvas, words, width, height, side, lift=lift, safe=safe)
    return canvas.output()


def make(kit, folder) -> dict:
    from PIL import Image

    words = make_design(kit.site, kit.edition)
    check_coverage(kit.fonts, {
        "data/commune.yml › name.vi": words.commune, f"{kit.edition.source} › slogan.vi": words.slogan.upper() + words.slogan,
        f"{kit.edition.source} › theme.vi": words.theme, "site_url": words.address,
        "data/strings/vi.yml › kit.print.*": words.scan + words.dates,
    })
    errors = BuildErrors("Tài liệu truyền thông / Communication kit")
    meta = {}
    for number, artwork in enumerate(kit.site.kit.artworks, 1):
        try:
            pdf = _draw(kit, words, artwork)
        except DoesNotFit:
            errors.add("data/kit.yml", f"artworks[{number}].scan_from",
                       f"mã QR cạnh {length(artwork.qr_side, 'vi')} không vừa khổ {artwork_size(artwork, 'vi')}: "
                       "giảm scan_from",
                       f"a {length(artwork.qr_side, 'en')} QR code does not fit {artwork_size(artwork, 'en')}: "
                       "lower scan_from")
            continue
        (folder / f"{artwork.file}.pdf").write_bytes(pdf)
        width, height = artwork.width * PT_PER_M, artwork.height * PT_PER_M
        scale = min(PREVIEW_MAX_PX / max(width, height), PREVIEW_QR_PX / (artwork.qr_side * PT_PER_M))
        image = render(pdf, scale, finished=True)   # as it is once cut, or hemmed
        save_png(image, folder / f"{artwork.file}.png")
        thumb = image.copy()
        thumb.thumbnail(THUMB_BOX, Image.Resampling.LANCZOS)
        save_png(thumb, folder / f"{artwork.file}-nho.png")
        meta[artwork.file] = {"preview": list(image.size), "thumb": list(thumb.size),
                              "qr_px": round(artwork.qr_side * PT_PER_M * scale, 1)}
    errors.raise_if_any()
    note.make(kit, folder)
    return meta


def rows(kit, lang: str, link) -> list[dict]:
    """The kit page's table and previews, in the page's language."""
    t = kit.site.t(lang)
    output = kit.outputs["print"]
    slogan = kit.edition.slogan["vi"]
    result = []
    for artwork in kit.site.kit.artworks:
        meta = output.meta[artwork.file]
        name, size = t(f"kit.kind.{artwork.kind}"), artwork_size(artwork, lang)
        result.append({
            "name": name, "size": size,
            "qr": length(artwork.qr_side, lang),
            "distance": length(artwork.qr_side * artwork.reach, lang),
            "where": t(f"kit.where.{artwork.kind}"),
            "pdf": link(f"{artwork.file}.pdf"),
            "pdf_size": file_size(output.path(f"{artwork.file}.pdf"), lang),
            "png": link(f"{artwork.file}.png"),
            "thumb": link(f"{artwork.file}-nho.png"),
            "thumb_size": meta["thumb"],
            "alt": t("kit.preview.alt", name=name.lower(), size=size,
                     slogan=slogan, address=display_address(kit.site.site_url)),
        })
    return result


def section(kit, lang: str, link) -> str:
    return kit.env.get_template("print.md").render(rows=rows(kit, lang, link), notes=note.links(kit, lang, link),
                                                   t=kit.site.t(lang))


def downloads(kit) -> list[str]:
    return [name for artwork in kit.site.kit.artworks for name in names(artwork)] + list(note.FILES.values())
