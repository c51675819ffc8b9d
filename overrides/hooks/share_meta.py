"""What a page shows when it is shared, and what search engines read about it.

Zalo and Facebook show a shared link as a card built from the page's Open
Graph tags. Every page gets them in its own language (og:locale vi_VN or
en_US, the other as og:locale:alternate), with its canonical address (from
main.html) and a 1200 × 630 image of its title in the kit's colours, drawn at
build time with the committed font so Vietnamese is set right
(kit_draw.py). An image is named by a hash of what it shows: a changed title
gets a new address (Facebook keeps images by address), and unchanged images
are taken from .cache/kit/og/, so a rebuild draws only what changed. Each
language build draws its own pages' images, all at once, after its pages.

JSON-LD describes the commune as a GovernmentOrganization on every page and
VIIE 2025 as an Event (with no organiser: the sources name only who announced
it) on the home page and the expo's page
(`extra.edition.expo.page`), from the settings only: no address, phone or
name that the settings do not hold. `application/ld+json` is data, never
run, so the Content-Security-Policy does not list it (content_security.py).
The tags are written by partials/share-meta.html from the `share` variable.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from markupsafe import Markup

from kit import cache_root, fingerprint, load_settings, page_address, translator
from kit_draw import Canvas, draw_share_card, save_png
from page_settings import format_date, page_language
from preview import is_local_address

LOCALES = {"vi": "vi_VN", "en": "en_US"}
WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/og"
_jobs: dict[str, dict] = {}
_state: dict = {}


def image_text(config, page, lang: str, title: str) -> dict:
    """What a page's share image says: who speaks, the page's title, the edition and its dates."""
    edition = config.extra["edition"]
    t = translator(config, lang)
    return {
        "heading": config.extra["commune"]["name"][lang],
        "title": f"“{edition['theme'][lang]}”" if is_home(page) else title,
        "footer": [f"{edition['name'][lang]} · {edition['year']}",
                   t("kit.print.dates", start=format_date(edition["response"]["start"], lang),
                     end=format_date(edition["response"]["end"], lang))],
    }


def _source(page) -> str:
    """The page's Vietnamese source file, whatever the language of this one."""
    return re.sub(r"\.[a-z]{2}\.md$", ".md", page.file.src_uri)


def is_home(page) -> bool:
    """The home page in any language (MkDocs' is_homepage is false for /en/)."""
    return _source(page) == "index.md"


def structured_data(config, page, lang: str) -> Markup:
    edition, commune = config.extra["edition"], config.extra["commune"]
    other = next(code for code in LOCALES if code != lang)
    organisation = {
        "@type": "GovernmentOrganization",
        "@id": f"{config.site_url}#commune",
        "name": commune["name"][lang],
        "alternateName": commune["name"][other],
        "url": page_address(config, "index.md", lang),
        "address": {"@type": "PostalAddress", "addressRegion": commune["city"][lang], "addressCountry": "VN"},
    }
    # The commune's channels, only those set in extra.commune (none is guessed).
    if commune.get("address"):
        organisation["address"]["streetAddress"] = commune["address"]
    for key, field in (("phone", "telephone"), ("email", "email")):
        if commune.get(key):
            organisation[field] = commune[key]
    same_as = [commune[key] for key in ("website", "facebook", "zalo") if commune.get(key)]
    if same_as:
        organisation["sameAs"] = same_as
    graph = [organisation]
    expo = edition["expo"]
    if is_home(page) or _source(page) == expo["page"]:
        graph.append({
            "@type": "Event",
            "@id": f"{config.site_url}#{expo['name'].lower().replace(' ', '-')}",
            "name": f"{expo['title'][lang]} ({expo['name']})",
            "startDate": expo["start"].isoformat(),
            "endDate": expo["end"].isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": expo["venue"][lang], "address": expo["venue"][lang]},
            "url": page_address(config, expo["page"], lang),
            "inLanguage": lang,
        })
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    # Inside <script>: "</" must not end it early.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def draw(config, keys: list[str], folder: Path) -> None:
    """Draw the missing images, as the pages of one PDF, and render each to PNG."""
    import pypdfium2 as pdfium

    settings = _state["settings"]
    canvas = Canvas(config, title=config.site_name)
    for key in keys:
        job = _jobs[key]
        canvas.page(WIDTH, HEIGHT)
        draw_share_card(config, canvas, settings.background, settings.text, job["heading"], job["title"],
                        job["footer"], WIDTH, HEIGHT)
    document = pdfium.PdfDocument(canvas.output())
    try:
        for index, key in enumerate(keys):
            image = document[index].render(scale=1).to_pil().convert("RGB")
            handle, temporary = tempfile.mkstemp(suffix=".png", dir=folder)
            os.close(handle)
            save_png(image, Path(temporary))
            os.replace(temporary, folder / f"{key}.png")
    finally:
        document.close()


# Hooks ----------------------------------------------------------------------

def on_config(config):
    _state["settings"] = load_settings(config)
    _jobs.clear()
    return config


def on_page_context(context, page, config, nav):
    lang = page_language(page)
    title = config.site_name if is_home(page) else (page.meta.get("title") or page.title or config.site_name)
    text = image_text(config, page, lang, title)
    settings = _state["settings"]
    # A local preview's image is stamped (preview.py): it must never be reused by a public build.
    key = fingerprint(config, "og", [text, settings.background, settings.text, WIDTH, HEIGHT,
                                     is_local_address(config.site_url)])
    _jobs[key] = text
    alternates = getattr(page.file, "alternates", None) or {}
    context["share"] = {
        "title": title,
        "description": page.meta.get("description") or config.site_description or "",
        "url": page.canonical_url,
        "locale": LOCALES[lang],
        "alternate_locales": [LOCALES[code] for code in sorted(alternates) if code != lang and code in LOCALES],
        "image": {"url": f"{config.site_url}{FOLDER}/{key}.png", "width": WIDTH, "height": HEIGHT,
                  "alt": f"{text['title']} · {text['heading']}"},
        "jsonld": structured_data(config, page, lang),
    }
    return context


def on_post_build(config):
    folder = cache_root(config) / "og"
    folder.mkdir(parents=True, exist_ok=True)
    missing = [key for key in _jobs if not (folder / f"{key}.png").exists()]
    if missing:
        draw(config, missing, folder)
    target = Path(config.site_dir) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for key in _jobs:
        shutil.copyfile(folder / f"{key}.png", target / f"{key}.png")
    _jobs.clear()
