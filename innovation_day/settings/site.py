"""The site's settings, checked in one pass: `Site`.

The site's address and languages live in mkdocs.yml (MkDocs' own configuration);
what the commune changes lives in data files, each field declared once
(settings/models.py): the commune, nominations, the kit and its words, the site's
options, and each year's edition in data/editions/ (settings/editions.py). Every
page, template and generated file reads them from a `Site`, so a bad value would
spread silently: `load_site` checks every file and reports every problem at once,
naming the file and the field, before anything is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import BuildErrors
from .editions import Edition, read_editions
from .languages import Languages, entry_value
from .models import FILES, AdminSettings, Commune, KitSettings, KitWords, Nomination, SiteOptions, check_kit
from .schema import load_file, load_text, read
from .strings import Strings
from .timeline import build_date


@dataclass(frozen=True)
class Site:
    """Everything the generators need to know about the site, without MkDocs."""
    root: Path                         # the folder of mkdocs.yml
    docs_dir: Path
    site_url: str
    languages: Languages
    texts: Mapping[str, Mapping[str, str]]   # lang -> site name, description, copyright
    strings: Strings
    commune: Commune                   # data/commune.yml
    nomination: Nomination             # data/nomination.yml
    kit: KitSettings                   # data/kit.yml
    kit_words: KitWords                # data/kit/words.yml
    options: SiteOptions               # data/site.yml: news, showcase, photos, reading, review, admin
    today: dt.date                     # the build's date in Vietnam (settings/timeline.py)
    editions: tuple[Edition, ...] = ()   # every year's edition, oldest first

    @property
    def news(self):
        return self.options.news

    @property
    def showcase(self):
        return self.options.showcase

    @property
    def photos(self):
        return self.options.photos

    @property
    def reading(self):
        return self.options.reading

    @property
    def review(self):
        return self.options.review

    @property
    def admin(self) -> AdminSettings:
        return self.options.admin or AdminSettings()

    def context(self) -> dict:
        """What pages and the kit's texts may quote: `{{ commune.name.vi }}`, `{{ kit.search_words }}`…"""
        return {"commune": self.commune, "nomination": self.nomination, "kit": self.kit}

    @property
    def edition(self) -> Edition:
        """The current edition: the newest one."""
        return self.editions[-1]

    @property
    def past_editions(self) -> tuple[Edition, ...]:
        """The earlier editions, newest first: the archive."""
        return tuple(reversed(self.editions[:-1]))

    def edition_of(self, year) -> Edition | None:
        return next((e for e in self.editions if e.year == year), None)

    def edition_of_page(self, source: str, meta: Mapping | None = None) -> Edition:
        """The edition a page belongs to (given by its default-language source): the one its
        front matter names (`edition: 2025`), the one whose expo page it is, else the current one."""
        named = self.edition_of((meta or {}).get("edition"))
        if named:
            return named
        return next((e for e in self.editions if e.expo and e.expo["page"] == source), self.edition)

    def address(self, src_uri: str, lang: str) -> str:
        """The absolute address of a page (given by its default-language source) in a language."""
        return self.site_url + self.languages.page_path(src_uri, lang)

    def t(self, lang: str):
        return self.strings.translator(lang)


def language_texts(entries, name: str, description: str | None, copyright: str | None) -> dict:
    """Each language's site name, description and copyright: its own in the i18n plugin's
    entry, else the site's."""
    return {entry_value(entry, "locale"): {
        "name": entry_value(entry, "site_name") or name,
        "description": entry_value(entry, "site_description") or description or "",
        "copyright": entry_value(entry, "copyright") or copyright or "",
    } for entry in entries}


def check_site_url(site_url: str, errors: BuildErrors) -> None:
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or not (site_url or "").endswith("/"):
        errors.add("mkdocs.yml", "site_url",
                   f"phải là địa chỉ đầy đủ, kết thúc bằng '/' (hiện là {site_url!r})",
                   f"must be a full address ending in '/' (now {site_url!r})")


def read_settings(root: Path, languages: Languages, errors: BuildErrors,
                  texts: Mapping[str, str] | None = None) -> dict:
    """Every settings file of data/ (models.FILES), checked: {attribute: value or None}.
    `texts` gives a file's text instead of reading it (tests, the editing app's preview)."""
    values = {}
    for file in FILES:
        raw = load_text(texts[file.path]) if texts and file.path in texts else load_file(
            root / file.path, file.path, errors)
        values[file.attribute] = None if raw is None else read(file.model, raw, file.path, errors, languages)
    if values.get("kit"):
        values["kit"] = check_kit(values["kit"], "data/kit.yml", errors)
    nomination = values.get("nomination")
    if nomination and nomination.open and not nomination.source:
        # The plan sets up no call for nominations: the site says one is open only with its source.
        errors.add("data/nomination.yml", "source",
                   "đang bật open (nhận đề cử): ghi địa chỉ thông báo của xã, hoặc tắt open",
                   "open is on (taking nominations): give the address of the commune's announcement, or turn open off")
    if values.get("options"):
        check_photo_formats(values["options"], errors)
    return values


def check_photo_formats(options: SiteOptions, errors: BuildErrors) -> None:
    from PIL import features  # the build's image library: what it can write decides

    for name in options.photos.formats or ():
        if not features.check(name):
            errors.add("data/site.yml", "photos.formats", f"bản Pillow này không ghi được {name}",
                       f"this Pillow cannot write {name}")


def load_site(root: Path, docs_dir: Path, site_url: str, texts: Mapping, languages: Languages,
              today: dt.date | None = None, files: Mapping[str, str] | None = None) -> Site:
    """Check every setting, report every problem at once, and return the site's settings.
    `files`: settings files' texts to use instead of those in data/ (path -> YAML text)."""
    errors = BuildErrors("Cài đặt / Settings")
    check_site_url(site_url, errors)
    settings = read_settings(root, languages, errors, files)
    editions = read_editions(root, docs_dir, languages, errors, files)
    strings = Strings.load(root, languages, errors)
    errors.raise_if_any()
    return Site(root, docs_dir, site_url, languages, texts, strings, today=today or build_date(),
                editions=editions, **settings)
