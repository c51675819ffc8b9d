"""The site's settings as the tests read them: mkdocs.yml, `!ENV` tags at their defaults.

Expected themes, slogans, dates and status lines come from here, so next year's
settings need no test change.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from innovation_day.settings.mkdocs_file import read_config, site_from_file
from innovation_day.settings.dates import format_date

from .sites import ROOT  # noqa: E402


@lru_cache(maxsize=None)
def _read() -> dict:
    return read_config(ROOT / "mkdocs.yml")


def settings() -> dict:
    """A fresh copy each time: a test may change its own."""
    return copy.deepcopy(_read())


@lru_cache(maxsize=None)
def site():
    """The `Site` the build reads (settings/mkdocs_file.py): the editions, strings and settings, checked."""
    return site_from_file(ROOT / "mkdocs.yml")


def edition():
    """The current edition (data/editions/: the newest), which the home page, kit and status lines present."""
    return site().edition


current_edition = edition   # for tests whose local variable is called `edition`


def page_edition(source: str):
    """The edition a page is about (its front matter's `edition:`, else the current one), as the build reads it."""
    import yaml

    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}
    return site().edition_of_page(source, meta)


def full_edition(of=None):
    """The newest edition whose theme, slogan, dates and expo are all known (of a given `Site`, else the
    site's): the one the tests of the kit and of the status rules exercise, whichever year is current."""
    return [e for e in (of or site()).editions if e.complete and e.expo][-1]


def shown_date(day, lang: str) -> str:
    """How the pages write a date (settings/dates.py: 22/9/2025, 05/10/2025, 22 September 2025)."""
    return format_date(day, lang)


def next_day_after(day, built):
    """The first anniversary of the edition's Day (1 October) on or after the build date: what the
    pages must give as the next Day once the edition's events are over."""
    return min(d for d in (day.replace(year=built.year), day.replace(year=built.year + 1)) if d >= built)


def data(path: str) -> dict:
    """A settings file of data/ (data/kit.yml…) as YAML reads it: a fresh copy each time."""
    import yaml

    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def vi_label(key: str) -> str:
    """An interface string of the Vietnamese site (data/strings/vi.yml), which the app's labels use."""
    strings = data("data/strings/vi.yml")["site"]
    assert key in strings, key
    return strings[key]


def load_with(site, changes: dict, site_url: str | None = None):
    """`site` read again with settings files changed: {path: function changing its data}, as the
    build would read them (their texts are given to load_site, nothing is written)."""
    import yaml

    from innovation_day.settings.site import load_site

    texts = {}
    for path, change in changes.items():
        raw = data(path)
        change(raw)
        texts[path] = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)
    return load_site(site.root, site.docs_dir, site_url or site.site_url, site.texts, site.languages,
                     files=texts)


def search_indexes(site_dir: Path) -> dict:
    """{language: its search index, read} as the build splits them (innovation_day/output/search_index.py)."""
    import json

    from innovation_day.output.search_index import INDEX

    languages = site().languages
    return {code: json.loads((site_dir / languages.prefix(code) / INDEX).read_text(encoding="utf-8"))
            for code in languages.codes}
