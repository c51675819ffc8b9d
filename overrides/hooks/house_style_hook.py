"""Run the house style (house_style.py) on every build: a departure fails it.

Thin MkDocs adapter: the checks are plain functions in house_style.py. It reads
the project's files (pages, kit texts, translation tables) and the settings that
readers see, and reports every problem at once, naming file and line or field.
"""

from __future__ import annotations

from pathlib import Path

from build_errors import BuildErrors
from house_style import check_fields, check_project

def _settings(config) -> list[tuple[str, str, str]]:
    """The settings readers see as text, as (field, language, text)."""
    extra = config.extra
    fields = [("site_name", "vi", config.site_name or ""), ("site_description", "vi", config.site_description or "")]
    for lang in ("vi", "en"):
        fields.append((f"extra.edition.name.{lang}", lang, extra["edition"]["name"][lang]))
        fields.append((f"extra.commune.name.{lang}", lang, extra["commune"]["name"][lang]))
    i18n = config.plugins.get("i18n")
    for language in (i18n.config.languages if i18n else []):
        for key in ("site_name", "site_description"):
            value = getattr(language, key, None)
            if value:
                fields.append((f"plugins.i18n.languages.{language.locale}.{key}", language.locale, value))
    return fields


def on_config(config):
    root = Path(config.config_file_path).parent
    errors = BuildErrors("Cách viết / House style")
    for problem in check_project(root) + check_fields("mkdocs.yml", _settings(config)):
        errors.add(*problem)
    errors.raise_if_any()
    return config
