"""Explain every abbreviation where it appears, from one list: data/glossary.yml.

The commune's plan is dense with abbreviations (ĐMST, KHCN, CĐS, KH-UBND, …)
that many readers do not know. Rather than each page defining its own, this
hook appends the `*[ABBR]: expansion` definitions in the page's language to
every page, so the `abbr` extension renders `<abbr title>` tooltips everywhere,
and it renders the same list as a table on the glossary page, at the marker
below. An entry missing a language fails the build and names it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from build_errors import BuildErrors
from page_settings import page_language

GLOSSARY: list[dict[str, str]] = []


def load_glossary(path: Path) -> list[dict[str, str]]:
    errors = BuildErrors("Thuật ngữ / Glossary")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
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


def glossary_table(lang: str) -> str:
    head = HEADERS[lang]
    rows = [f"| {' | '.join(head)} |", f"|{' --- |' * len(head)}"]
    for entry in GLOSSARY:
        cells = [f"**{entry['abbr']}**", entry[lang]]
        if lang == "en":
            cells.append(f'<span lang="vi">{entry["vi"]}</span>')
        rows.append("| " + " | ".join(cell.replace("|", r"\|") for cell in cells) + " |")
    return "\n".join(rows)


# Hooks ----------------------------------------------------------------------

def on_config(config):
    GLOSSARY[:] = load_glossary(Path(config.config_file_path).parent / SOURCE)
    return config


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / SOURCE))
    return server


def on_page_markdown(markdown, page, config, files):
    lang = page_language(page)
    definitions = "\n".join(f"*[{entry['abbr']}]: {entry[lang]}" for entry in GLOSSARY)
    markdown = f"{markdown}\n\n{definitions}\n"
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, glossary_table(lang))


# Data -----------------------------------------------------------------------

SOURCE = "data/glossary.yml"
MARKER = "<!-- hooks/abbreviations.py -->"
FIELDS = ("abbr", "vi", "en")
MISSING = {
    "abbr": ("thiếu chữ viết tắt", "the abbreviation is missing"),
    "vi": ("thiếu nghĩa tiếng Việt", "the Vietnamese expansion is missing"),
    "en": ("thiếu nghĩa tiếng Anh", "the English expansion is missing"),
}
HEADERS = {
    "vi": ("Viết tắt", "Nghĩa"),
    "en": ("Abbreviation", "Meaning", "In Vietnamese"),
}
