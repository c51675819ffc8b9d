"""The site's settings, read from mkdocs.yml and checked in one pass: `Site`.

The site's address and settings live once in mkdocs.yml `extra:`, each year's
edition in data/editions/ (settings/editions.py); every page, template and
generated file reads them from a `Site`, so a bad value would spread silently.
`load_site` checks every setting (the editions, the news, photo and kit
settings, the interface strings) and reports every problem at once, naming the
file and the setting, before anything is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..content.photos import PhotoSettings, photo_settings
from ..errors import BuildErrors
from ..kit.settings import KitSettings, kit_settings
from .editions import Edition, read_editions
from .languages import Languages, entry_value
from .strings import Strings
from .timeline import build_date

BILINGUAL_TEXTS = ("commune.name",)


@dataclass(frozen=True)
class NewsSettings:
    per_page: int      # items per page of the news list
    home: int          # latest items on the home page
    recent_days: int   # older than this, the home page's heading gives the latest item's date


@dataclass(frozen=True)
class Site:
    """Everything the generators need to know about the site, without MkDocs."""
    root: Path                         # the folder of mkdocs.yml
    docs_dir: Path
    site_url: str
    languages: Languages
    texts: Mapping[str, Mapping[str, str]]   # lang -> site name, description, copyright
    extra: Mapping[str, Any]
    strings: Strings
    news: NewsSettings
    photos: PhotoSettings
    kit: KitSettings
    today: dt.date                     # the build's date in Vietnam (settings/timeline.py)
    editions: tuple[Edition, ...] = ()   # every year's edition, oldest first

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

    @property
    def commune(self) -> Mapping[str, Any]:
        return self.extra["commune"]

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


def lookup(extra: Mapping, dotted: str):
    value = extra
    for key in dotted.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def check_core(site_url: str, extra: Mapping, docs_dir: Path, languages: Languages, errors: BuildErrors) -> None:
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc or not (site_url or "").endswith("/"):
        errors.add("mkdocs.yml", "site_url",
                   f"phải là địa chỉ đầy đủ, kết thúc bằng '/' (hiện là {site_url!r})",
                   f"must be a full address ending in '/' (now {site_url!r})")
    for key in BILINGUAL_TEXTS:
        value = lookup(extra, key)
        for lang in languages.codes:
            text = value.get(lang) if isinstance(value, Mapping) else None
            if not isinstance(text, str) or not text.strip():
                errors.add("mkdocs.yml", f"extra.{key}.{lang}", "thiếu nội dung", "missing text")
    review = lookup(extra, "review") or {}
    sections, max_days = review.get("sections"), review.get("max_days")
    if not isinstance(sections, list) or not all(isinstance(x, str) and x for x in sections):
        errors.add("mkdocs.yml", "extra.review.sections", "phải là danh sách thư mục trong docs/, ví dụ [chinh-sach]",
                   "must be a list of folders in docs/, e.g. [chinh-sach]")
    if isinstance(max_days, bool) or not isinstance(max_days, int) or max_days < 1:
        errors.add("mkdocs.yml", "extra.review.max_days", "phải là số ngày, ví dụ 365",
                   "must be a number of days, e.g. 365")
    reading = lookup(extra, "reading") or {}
    scale, chunk, rate = reading.get("text_scale"), reading.get("chunk"), reading.get("rate")
    if not isinstance(scale, list) or len(scale) < 2 or not all(
            isinstance(x, (int, float)) and not isinstance(x, bool) and 0.5 <= x <= 3 for x in scale):
        errors.add("mkdocs.yml", "extra.reading.text_scale", "phải là danh sách các bậc cỡ chữ, ví dụ [1, 1.15, 1.3]",
                   "must be a list of text size steps, e.g. [1, 1.15, 1.3]")
    if isinstance(chunk, bool) or not isinstance(chunk, int) or not 40 <= chunk <= 1000:
        errors.add("mkdocs.yml", "extra.reading.chunk", "phải là số ký tự từ 40 đến 1000",
                   "must be a number of characters from 40 to 1000")
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0.5 <= rate <= 2:
        errors.add("mkdocs.yml", "extra.reading.rate", "phải là tốc độ đọc từ 0,5 đến 2", "must be a rate from 0.5 to 2")


def news_settings(raw, errors: BuildErrors) -> NewsSettings | None:
    raw = raw if isinstance(raw, Mapping) else {}
    found = len(errors.problems)
    for key, low in (("per_page", 1), ("home", 0), ("recent_days", 1)):
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            errors.add("mkdocs.yml", f"extra.news.{key}", f"phải là số nguyên từ {low} trở lên",
                       f"must be a whole number, {low} or more")
    return None if len(errors.problems) > found else NewsSettings(raw["per_page"], raw["home"], raw["recent_days"])


def load_site(root: Path, docs_dir: Path, site_url: str, texts: Mapping, extra: Mapping,
              languages: Languages, today: dt.date | None = None) -> Site:
    """Check every setting, report every problem at once, and return the site's settings."""
    errors = BuildErrors("Cài đặt / Settings")
    check_core(site_url, extra, docs_dir, languages, errors)
    editions = read_editions(root, docs_dir, languages, errors)
    news = news_settings(extra.get("news"), errors)
    photos = photo_settings(extra.get("photos"), errors)
    kit = kit_settings(extra.get("kit"), errors)
    strings = Strings.load(root, languages, errors)
    errors.raise_if_any()
    return Site(root, docs_dir, site_url, languages, texts, extra, strings, news, photos, kit,
                today or build_date(), editions)
