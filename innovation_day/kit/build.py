"""The kit of one build: its fonts, cache and generators, and the files they made.

The generators (qr, prints, words, calendar) are plain functions of a `Kit`:
`inputs(kit)` says what their files are made from, `make(kit, folder)` writes
them, `downloads(kit)` names them, and the page sections are rendered from
kit/templates/. Nothing here needs MkDocs; kit/plugin.py adapts it.
"""

from __future__ import annotations

from pathlib import Path

from ..settings.pages import environment as text_environment
from ..templates import environment
from . import calendar, prints, qr, words
from .cache import Cache, Output
from .draw import Canvas, Fonts
from .stamp import is_local_address

DOWNLOADS = "tai-lieu/tai-ve"        # where the files are published (same place in every language)
CACHE = ".cache/kit"
# Each generator: its name in the cache, and its module. Order: the QR code first, as on the kit page.
GENERATORS = {"qr": qr, "print": prints, "words": words, "calendar": calendar}


class Kit:
    def __init__(self, site):
        self.site = site
        self.fonts = Fonts(site.root / "data" / "fonts")
        self.cache = Cache(site.root / CACHE, self.fonts.folder)
        self.env = environment("kit", html_layout=False)
        self.text_env = text_environment()
        self.outputs: dict[str, Output] = {}
        # A local preview's print files and share images are stamped "do not print" (stamp.py).
        self.preview = is_local_address(site.site_url)

    def canvas(self, title: str, lang: str = "vi", stamp: bool = True) -> Canvas:
        """A PDF to draw on; stamped on a local preview, unless `stamp` is False (the bare QR
        code: a band would cut into its quiet zone; the kit page's notice covers it)."""
        return Canvas(self.fonts, title, creator=self.site.texts[lang]["name"],
                      author=self.site.commune["name"][lang], lang=lang, stamp=stamp and self.preview)

    def generate_one(self, name: str) -> dict[str, Path]:
        """Make (or take from the cache) one generator's files: {download name: file}."""
        module = GENERATORS[name]
        output = self.cache.generate(name, module.inputs(self), lambda folder: module.make(self, folder))
        self.outputs[name] = output
        return {download: output.path(download) for download in module.downloads(self)}

    def generate(self) -> dict[str, Path]:
        """Every file of the kit: {download name: file}."""
        return {download: path for name in GENERATORS for download, path in self.generate_one(name).items()}

    def sections(self, lang: str, link) -> dict:
        """The insertion markers the kit fills; `link(name)` links a download from the page."""
        return {
            "kit.qr": lambda arg: qr.section(self, lang, link),
            "kit.print": lambda arg: prints.section(self, lang, link),
            "kit.loudspeaker": lambda arg: words.loudspeaker(self, lang, link),
            "kit.posts": lambda arg: words.posts(self, lang, link),
            "kit.calendar": lambda arg: calendar.section(self, lang, link),
        }
