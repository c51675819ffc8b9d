"""Interface strings: one table per language in data/strings/<lang>.yml.

Each table has two parts: `material`, the few of Material's own keys this site
words differently (Material's table gives the rest, so a key it adds later
shows Material's words, never a raw name), and `site`, this site's own keys.
Theme templates read both through overrides/partials/language.html; the build's
code and the package's templates read `site` through `Strings.t`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .. import yaml_text
from ..errors import BuildErrors

FOLDER = "data/strings"


class Strings:
    def __init__(self, tables: dict[str, dict[str, dict[str, str]]]):
        self.tables = tables            # lang -> {"material": {...}, "site": {...}}

    @classmethod
    def load(cls, root: Path, languages, errors: BuildErrors) -> "Strings":
        tables = {}
        for lang in languages.codes:
            where = f"{FOLDER}/{lang}.yml"
            try:
                data = yaml_text.load((root / where).read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as error:
                errors.add(where, "-", f"không đọc được tệp ({error})", f"cannot read the file ({error})")
                continue
            if not isinstance(data, dict) or not all(isinstance(data.get(k), dict) for k in ("material", "site")):
                errors.add(where, "material/site", "cần hai mục material: và site:",
                           "needs two mappings, material: and site:")
                continue
            tables[lang] = {part: {str(k): str(v) for k, v in data[part].items()} for part in ("material", "site")}
        return cls(tables)

    def theme_table(self, lang: str) -> dict[str, str]:
        """What overrides/partials/language.html looks up before Material's own table."""
        table = self.tables.get(lang, {})
        return {**table.get("material", {}), **table.get("site", {})}

    def t(self, lang: str, key: str, **fields) -> str:
        """This site's string `key` in `lang`, with its {field} placeholders filled."""
        text = self.tables.get(lang, {}).get("site", {}).get(key)
        if not text:
            errors = BuildErrors("Giao diện / Interface strings")
            errors.add(f"{FOLDER}/{lang}.yml", f"site › {key}", "thiếu chuỗi", "the string is missing")
            errors.raise_if_any()
        for name, value in fields.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def translator(self, lang: str):
        """t(key, **fields) in one language."""
        return lambda key, **fields: self.t(lang, key, **fields)
