"""What a page shows when it is shared, and what search engines read about it.

Zalo and Facebook show a shared link as a card built from the page's Open
Graph tags. Every page gets them in its own language (og:locale vi_VN or
en_US, the other as og:locale:alternate), with its canonical address (from
main.html) and a 1200 × 630 image of its title in the kit's colours, drawn at
build time with the committed font so Vietnamese is set right (draw.py). An
image is named by the cache key of what it shows: a changed title gets a new
address (Facebook keeps images by address), and unchanged images are taken
from .cache/kit/og/, so a rebuild draws only what changed. Each language build
draws its own pages' images, all at once, after its pages.

JSON-LD describes the commune as a GovernmentOrganization on every page and
the expo as an Event (with no organiser: the sources name only who announced
it) on the home page (the current edition's) and on the expo's own page
(`expo.page` in data/editions/<year>.yml), from the settings only: no address, phone or
name that the settings do not hold. `application/ld+json` is data, never
run, so the Content-Security-Policy does not list it (output/csp.py).
The tags are written by overrides/partials/share-meta.html from `share`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from markupsafe import Markup

from ..settings.dates import format_date
from .draw import draw_share_card, save_png

LOCALES = {"vi": "vi_VN", "en": "en_US"}
WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/og"


def image_text(site, edition, lang: str, home: bool, title: str) -> dict:
    """What a page's share image says: who speaks, the page's title, its edition and its dates."""
    t = site.t(lang)
    dates = (t("kit.print.dates", start=format_date(edition.response["start"], lang),
               end=format_date(edition.response["end"], lang)) if edition.response
             else format_date(edition.day, lang))
    return {
        "heading": site.commune.name[lang],
        "title": f"“{edition.theme[lang]}”" if home and edition.theme else title,
        "footer": [f"{edition.name[lang]} · {edition.year}", dates],
    }


def structured_data(site, source: str, edition, lang: str) -> Markup:
    """JSON-LD for the page whose default-language source is `source`, about `edition`."""
    commune = site.commune
    other = next(code for code in site.languages.codes if code != lang)
    organisation = {
        "@type": "GovernmentOrganization",
        "@id": f"{site.site_url}#commune",
        "name": commune.name[lang],
        "alternateName": commune.name[other],
        "url": site.address("index.md", lang),
        "address": {"@type": "PostalAddress", "addressRegion": commune.city[lang], "addressCountry": "VN"},
    }
    # The commune's channels, only those set in data/commune.yml (none is guessed).
    for key, field in (("phone", "telephone"), ("email", "email")):
        if getattr(commune, key):
            organisation[field] = getattr(commune, key)
    if commune.address:
        organisation["address"]["streetAddress"] = commune.address[lang]
    same_as = [getattr(commune, key) for key in ("website", "facebook", "zalo") if getattr(commune, key)]
    if same_as:
        organisation["sameAs"] = same_as
    graph = [organisation]
    expo = edition.expo
    if expo and source in ("index.md", expo["page"]):
        graph.append({
            "@type": "Event",
            "@id": f"{site.site_url}#{expo['name'].lower().replace(' ', '-')}",
            "name": f"{expo['title'][lang]} ({expo['name']})",
            "startDate": expo["start"].isoformat(),
            "endDate": expo["end"].isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": expo["venue"][lang], "address": expo["venue"][lang]},
            "url": site.address(expo["page"], lang),
            "inLanguage": lang,
        })
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    # Inside <script>: "</" must not end it early.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class ShareImages:
    """The share images of one language build: asked for page by page, drawn together."""

    def __init__(self, kit, lang: str):
        self.kit, self.lang = kit, lang
        self.jobs: dict[str, dict] = {}

    def ask(self, text: dict) -> str:
        """The image's address, site-relative; it is drawn by `publish`."""
        settings = self.kit.site.kit
        # A local preview's image is stamped: it must never be reused by a public build.
        key = self.kit.cache.key("og", [text, settings.background, settings.text, WIDTH, HEIGHT, self.kit.preview])
        self.jobs[key] = text
        return f"{FOLDER}/{key}.png"

    def _draw(self, keys: list[str], folder: Path) -> None:
        """Draw the missing images, as the pages of one PDF, and render each to PNG."""
        import pypdfium2 as pdfium

        settings = self.kit.site.kit
        canvas = self.kit.canvas(self.kit.site.texts[self.lang]["name"], self.lang)
        for key in keys:
            job = self.jobs[key]
            canvas.page(WIDTH, HEIGHT)
            draw_share_card(self.kit.fonts, canvas, settings.background, settings.text, job["heading"],
                            job["title"], job["footer"], WIDTH, HEIGHT)
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

    def publish(self, site_dir: Path) -> None:
        folder = self.kit.cache.root / "og"
        folder.mkdir(parents=True, exist_ok=True)
        missing = [key for key in self.jobs if not (folder / f"{key}.png").exists()]
        if missing:
            self._draw(missing, folder)
        target = site_dir / FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for key in self.jobs:
            shutil.copyfile(folder / f"{key}.png", target / f"{key}.png")


def share_context(site, images: ShareImages, lang: str, source: str, edition, meta: dict, page_title,
                  canonical_url, alternates) -> dict:
    """The `share` variable of overrides/partials/share-meta.html for one page."""
    home = source == "index.md"
    texts = site.texts[lang]
    title = texts["name"] if home else (meta.get("title") or page_title or texts["name"])
    text = image_text(site, edition, lang, home, title)
    return {
        "title": title,
        "description": meta.get("description") or texts["description"],
        "url": canonical_url,
        "locale": LOCALES[lang],
        "alternate_locales": [LOCALES[code] for code in sorted(alternates) if code != lang and code in LOCALES],
        "image": {"url": site.site_url + images.ask(text), "width": WIDTH, "height": HEIGHT,
                  "alt": f"{text['title']} · {text['heading']}"},
        "jsonld": structured_data(site, source, edition, lang),
    }
