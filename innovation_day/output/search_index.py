"""One search index per language, so that a reader downloads only their own language's.

Material's search plugin writes one `search/search_index.json`, and
mkdocs-static-i18n (reconfigure_search) fills it with every language's pages.
After the whole site is built, the index is split by where each page lives:
the default language's stays at `search/search_index.json`, each other
language's goes to `<lang>/search/search_index.json`. Locations are left as they
are (relative to the site's root, Material's `base`), so results link the same.
Every index keeps the one `config` (all languages' lunr pipelines): the
Vietnamese stemmer folds diacritics, and English pages name places in Vietnamese.

Material's bundle then fetches the index of the page's `<html lang>` (bundle.py,
`search_index_patch`), still only when search is opened.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"


def language_of(location: str, languages) -> str:
    return next((code for code in languages.others if location.startswith(languages.prefix(code))),
                languages.default)


def split(site_dir: Path, languages) -> dict[str, Path]:
    """Write each language's index; {language: its file}."""
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    docs: dict[str, list] = {code: [] for code in languages.codes}
    for doc in merged["docs"]:
        docs[language_of(doc["location"], languages)].append(doc)
    written = {}
    for code in languages.codes:
        path = site_dir / languages.prefix(code) / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        # Compact, as Material writes it, and in UTF-8 rather than \u escapes: a third fewer raw bytes.
        path.write_text(json.dumps({"config": merged["config"], "docs": docs[code]}, separators=(",", ":"),
                                   ensure_ascii=False), encoding="utf-8")
        written[code] = path
    return written


def folders(languages) -> dict[str, str]:
    """{language: the folder its index is in, relative to the site's root} for the bundle patch."""
    return {code: languages.prefix(code) for code in languages.others}
