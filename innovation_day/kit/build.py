"""The kit of one edition: its fonts, cache and generators, and the files they made.

Each edition has its own kit, published under tai-lieu/tai-ve/<year>/ for good:
a 2025 banner reprinted years later still carries the 2025 words. The site's QR
code belongs to no edition (it opens the home page) and is made once, by the
`Kit` without an edition. An edition's print files and texts are made once its
theme, slogan and dates are known (`Edition.complete`); its calendar file from
the start, with 1 October itself until the plan sets its dates.

The generators (qr, prints, words, calendar) are plain functions of a `Kit`:
`inputs(kit)` says what their files are made from, `make(kit, folder)` writes
them, `downloads(kit)` names them, and the page sections are rendered from
kit/templates/. Nothing here needs MkDocs; kit/plugin.py adapts it.
"""

from __future__ import annotations

from pathlib import Path

from ..settings.page_templating import environment as text_environment
from ..templates import environment
from . import calendar, note, prints, qr, words
from .cache import Cache, Output
from .draw import Canvas, Fonts
from ..settings.address import is_local_address

DOWNLOADS = "tai-lieu/tai-ve"        # where the files are published (same place in every language)
CACHE = ".cache/kit"
# Each generator: its name in the cache, and its module. Order: the QR code first, as on the kit page.
GENERATORS = {"qr": qr, "print": prints, "words": words, "calendar": calendar}


class Kit:
    def __init__(self, site, edition=None, base: "Kit | None" = None):
        self.site = site
        self.edition = edition          # None: the site's own files (the QR code)
        # Where its files are published, under DOWNLOADS: the edition's own folder.
        self.prefix = f"{edition.year}/" if edition else ""
        # The editions' kits share the fonts, cache and templates of the site's (`base`).
        self.fonts = base.fonts if base else Fonts(site.root / "data" / "fonts")
        self.cache = base.cache if base else Cache(site.root / CACHE, self.fonts.folder)
        self.env = base.env if base else environment("kit", html_layout=False, root=site.root)
        self.text_env = base.text_env if base else text_environment()
        self.outputs: dict[str, Output] = {}
        # A local preview's print files and share images are stamped "do not print" (settings/address.py).
        self.preview = is_local_address(site.site_url)

    def canvas(self, title: str, lang: str = "vi", stamp: bool = True) -> Canvas:
        """A PDF to draw on; stamped on a local preview, unless `stamp` is False (the bare QR
        code: a band would cut into its quiet zone; the kit page's notice covers it)."""
        return Canvas(self.fonts, title, creator=self.site.texts[lang]["name"],
                      author=self.site.commune.name[lang], lang=lang, stamp=stamp and self.preview)

    @property
    def generators(self) -> list[str]:
        """What this kit makes: the QR code for the site; an edition's calendar, and its print
        files and texts once its words are known."""
        if self.edition is None:
            return ["qr"]
        return ["print", "words", "calendar"] if self.edition.complete else ["calendar"]

    def generate_one(self, name: str) -> dict[str, Path]:
        """Make (or take from the cache) one generator's files: {download name: file}."""
        module = GENERATORS[name]
        output = self.cache.generate(name, module.inputs(self), lambda folder: module.make(self, folder))
        self.outputs[name] = output
        return {download: output.path(download) for download in module.downloads(self)}

    def generate(self) -> dict[str, Path]:
        """Every file of the kit: {its address under DOWNLOADS: file}."""
        return {self.prefix + download: path
                for name in self.generators for download, path in self.generate_one(name).items()}

    def markers(self, lang: str, link) -> dict:
        """The insertion markers an edition's kit fills; `link(name)` links a download from the page."""
        own = lambda name: link(self.prefix + name)      # noqa: E731
        if not self.edition.complete:
            pending = lambda arg: self.env.get_template("pending.md").render(   # noqa: E731
                edition=self.edition, t=self.site.t(lang))
            return {"kit.print": pending, "kit.loudspeaker": pending, "kit.posts": pending,
                    "kit.calendar": lambda arg: calendar.section(self, lang, own)}
        return {
            "kit.print": lambda arg: prints.section(self, lang, own),
            "kit.loudspeaker": lambda arg: words.loudspeaker(self, lang, own),
            "kit.posts": lambda arg: words.posts(self, lang, own),
            "kit.calendar": lambda arg: calendar.section(self, lang, own),
        }

    def archive(self, lang: str, link) -> dict:
        """This edition's files as one entry of the kit page's archive (templates/archive.md)."""
        own = lambda name: link(self.prefix + name)      # noqa: E731
        return {"edition": self.edition, "prints": prints.rows(self, lang, own) if "print" in self.outputs else [],
                "notes": note.links(self, lang, own) if "print" in self.outputs else [],
                "texts": words.files(self, lang, own) if "words" in self.outputs else [],
                "calendars": calendar.files(self, own)}


class Kits:
    """The site's kits: the QR code's, and one per edition, made once per build."""

    def __init__(self, site):
        self.site = site
        self.own = Kit(site)
        self.editions = {edition.year: Kit(site, edition, self.own) for edition in site.editions}

    def generate(self) -> dict[str, Path]:
        files = self.own.generate()
        for kit in self.editions.values():
            files.update(kit.generate())
        return files

    def markers(self, lang: str, link, edition) -> dict:
        """The markers of a page about `edition`: its kit, the site's QR code, and the archive
        of the earlier editions' kits."""
        return {
            **self.editions[edition.year].markers(lang, link),
            "kit.qr": lambda arg: qr.section(self.own, lang, link),
            "kit.archive": lambda arg: self.own.env.get_template("archive.md").render(
                editions=[self.editions[e.year].archive(lang, link) for e in self.site.past_editions],
                t=self.site.t(lang)),
        }
