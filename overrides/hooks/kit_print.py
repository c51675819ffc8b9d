"""Print-ready banners, posters and a standee, each with the site's QR code.

The plan (II.4a, III.1) asks every office, school, the health station, village
halls and residential groups to hang banners with the theme and slogan. The
sizes live in mkdocs.yml (`extra.kit.artworks`); for each, the build draws a
vector PDF at its real size with the font embedded (so Vietnamese diacritics
print right on any printer's machine), a PNG preview rendered from that PDF,
and a small preview for the kit page, where the marker below stands.

The slogan and theme are yellow on red, as banners are (the pair is checked
for contrast in kit.py). The QR code follows the one-tenth rule: it is drawn
at `scan_from ÷ qr_reach`, and the kit page says that distance. A code that
does not fit its artwork fails the build and names the setting.
"""

from __future__ import annotations

from dataclasses import asdict

from build_errors import BuildErrors
from kit import (DOWNLOADS, PT_PER_M, artwork_size, display_address, file_size, generate, length, link,
                 load_settings, register, render_partial, translator)
from kit_draw import Canvas, DoesNotFit, check_coverage, draw_banner, draw_portrait, make_design, render, save_png
from preview import is_local_address
from page_settings import page_language

MARKER = "<!-- hooks/kit_print.py -->"
PREVIEW_QR_PX = 400      # the code's side in a full preview; a phone photo at the reading distance has ~160 px
PREVIEW_MAX_PX = 4000    # longest side of a full preview
THUMB_BOX = (960, 640)   # the kit page's previews fit this box
STANDEE_LIFT = 0.7       # metres from the floor to the bottom of a standee's code: scanned at hand height
_state: dict = {}


def names(artwork) -> list[str]:
    return [f"{artwork.file}.pdf", f"{artwork.file}.png", f"{artwork.file}-nho.png"]


def make(config, settings, folder) -> dict:
    from PIL import Image

    words = make_design(config, settings)
    check_coverage(config, {
        "extra.commune.name.vi": words.commune, "extra.edition.slogan.vi": words.slogan.upper() + words.slogan,
        "extra.edition.theme.vi": words.theme, "site_url": words.address,
        "overrides/partials/languages/vi.html › kit.print.*": words.scan + words.dates,
    })
    t = translator(config, "vi")
    errors = BuildErrors("mkdocs.yml")
    meta = {}
    for number, artwork in enumerate(settings.artworks, 1):
        width, height, side = artwork.width * PT_PER_M, artwork.height * PT_PER_M, artwork.qr_side * PT_PER_M
        canvas = Canvas(config, title=f"{t('kit.kind.' + artwork.kind)} {artwork_size(artwork, 'vi')} · "
                                      f"{config.extra['edition']['slogan']['vi']}")
        canvas.page(width, height)
        try:
            if artwork.kind == "banner":
                draw_banner(config, canvas, words, width, height, side)
            else:
                lift = STANDEE_LIFT * PT_PER_M if artwork.kind == "standee" else 0.0
                draw_portrait(config, canvas, words, width, height, side, lift=lift)
        except DoesNotFit:
            errors.add("mkdocs.yml", f"extra.kit.artworks[{number}].scan_from",
                       f"mã QR cạnh {length(artwork.qr_side, 'vi')} không vừa khổ {artwork_size(artwork, 'vi')}: "
                       "giảm scan_from",
                       f"a {length(artwork.qr_side, 'en')} QR code does not fit {artwork_size(artwork, 'en')}: "
                       "lower scan_from")
            continue
        pdf = canvas.output()
        (folder / f"{artwork.file}.pdf").write_bytes(pdf)
        scale = min(PREVIEW_MAX_PX / max(width, height), PREVIEW_QR_PX / side)
        image = render(pdf, scale)
        save_png(image, folder / f"{artwork.file}.png")
        thumb = image.copy()
        thumb.thumbnail(THUMB_BOX, Image.Resampling.LANCZOS)
        save_png(thumb, folder / f"{artwork.file}-nho.png")
        meta[artwork.file] = {"preview": list(image.size), "thumb": list(thumb.size),
                              "qr_px": round(side * scale, 1)}
    errors.raise_if_any()
    return meta


def rows(config, page) -> list[dict]:
    """The kit page's table and previews, in the page's language."""
    lang = page_language(page)
    t = translator(config, lang)
    output, settings = _state["output"], _state["settings"]
    slogan = config.extra["edition"]["slogan"]["vi"]
    result = []
    for artwork in settings.artworks:
        meta = output.meta[artwork.file]
        name, size = t(f"kit.kind.{artwork.kind}"), artwork_size(artwork, lang)
        result.append({
            "name": name, "size": size,
            "qr": length(artwork.qr_side, lang),
            "distance": length(artwork.qr_side * artwork.reach, lang),
            "where": t(f"kit.where.{artwork.kind}"),
            "pdf": link(f"{DOWNLOADS}/{artwork.file}.pdf", page),
            "pdf_size": file_size(output.path(f"{artwork.file}.pdf"), lang),
            "png": link(f"{DOWNLOADS}/{artwork.file}.png", page),
            "thumb": link(f"{DOWNLOADS}/{artwork.file}-nho.png", page),
            "thumb_size": meta["thumb"],
            "alt": t("kit.preview.alt", name=name.lower(), size=size,
                     slogan=slogan, address=display_address(config.site_url)),
        })
    return result


# Hooks ----------------------------------------------------------------------

def on_files(files, config):
    settings = load_settings(config)
    inputs = {"url": config.site_url, "kit": asdict(settings),
              "edition": config.extra["edition"], "commune": config.extra["commune"],
              "preview": is_local_address(config.site_url)}  # stamped or not (preview.py)
    output = generate(config, "print", inputs, lambda folder: make(config, settings, folder))
    register(files, config, output, [name for artwork in settings.artworks for name in names(artwork)])
    _state.update(output=output, settings=settings)
    return files


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render_partial(config, "print.md", rows=rows(config, page)))
