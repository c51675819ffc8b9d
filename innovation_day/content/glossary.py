"""Explain every abbreviation where it appears, from one list: data/glossary.yml.

The commune's plan is dense with abbreviations (ĐMST, KHCN, CĐS, KH-UBND, …)
that many readers do not know. Rather than each page defining its own, the
build appends the `*[ABBR]: expansion` definitions in the page's language to
every page, so the `abbr` extension renders `<abbr title>` tooltips everywhere,
and renders the same list as a table (templates/glossary.md) on the glossary
page, at `<!-- insert: glossary -->`. An entry missing a language fails the
build and names it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from .. import yaml_text
from ..errors import BuildErrors

SOURCE = "data/glossary.yml"
FIELDS = ("abbr", "vi", "en")
MISSING = {
    "abbr": ("thiếu chữ viết tắt", "the abbreviation is missing"),
    "vi": ("thiếu nghĩa tiếng Việt", "the Vietnamese expansion is missing"),
    "en": ("thiếu nghĩa tiếng Anh", "the English expansion is missing"),
}


def load_glossary(path: Path) -> list[dict[str, str]]:
    errors = BuildErrors("Thuật ngữ / Glossary")
    try:
        data = yaml_text.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        errors.add(SOURCE, "-", f"không đọc được tệp ({error})", f"cannot read the file ({error})")
        errors.raise_if_any()
    if not isinstance(data, list):
        errors.add(SOURCE, "-", "phải là một danh sách", "must be a list of entries")
        errors.raise_if_any()
    entries, seen = [], set()
    for number, item in enumerate(data, 1):
        item = item if isinstance(item, dict) else {}
        entry = {key: unicodedata.normalize("NFC", str(item.get(key) or "")).strip()
                 for key in FIELDS}
        name = entry["abbr"] or f"#{number}"
        for key in FIELDS:
            if not entry[key]:
                errors.add(SOURCE, f"{name} › {key}", MISSING[key][0], MISSING[key][1])
        if entry["abbr"] in seen:
            errors.add(SOURCE, f"{name} › abbr", "viết tắt bị lặp", "duplicate abbreviation")
        seen.add(entry["abbr"])
        entries.append(entry)
    errors.raise_if_any()
    return entries


def definitions(glossary: list[dict[str, str]], lang: str) -> str:
    """The `abbr` extension's definitions, appended to a page in `lang`."""
    return "\n".join(f"*[{entry['abbr']}]: {entry[lang]}" for entry in glossary)


def table(env, glossary: list[dict[str, str]], lang: str, languages, t) -> str:
    """The glossary as a Markdown table in `lang` (with the default language's words beside)."""
    return env.get_template("glossary.md").render(
        glossary=glossary, lang=lang, default=languages.default, t=t).strip()
