"""The site's languages, as mkdocs-static-i18n is configured in mkdocs.yml: nowhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass


def entry_value(entry, key: str):
    """A field of one of mkdocs-static-i18n's language entries: an object in a build, a dict when
    mkdocs.yml is read as plain data (config.py)."""
    return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]    # the default language first
    default: str

    @classmethod
    def from_i18n(cls, entries) -> "Languages":
        """From the i18n plugin's `languages` list (objects or dicts with locale and default)."""
        codes = [entry_value(entry, "locale") for entry in entries]
        default = next((entry_value(e, "locale") for e in entries if entry_value(e, "default")), codes[0])
        return cls((default, *[code for code in codes if code != default]), default)

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def prefix(self, lang: str) -> str:
        """Where a language's pages live under the site root: '' or 'en/'."""
        return "" if lang == self.default else f"{lang}/"

    def of_source(self, src_uri: str) -> str:
        """The language of a Markdown source file: 'x.en.md' is English, 'x.md' the default."""
        for lang in self.others:
            if src_uri.endswith(f".{lang}.md"):
                return lang
        return self.default

    def default_source(self, src_uri: str) -> str:
        """The default language's source file of a page, whatever the language of this one."""
        pattern = "|".join(re.escape(code) for code in self.others)
        return re.sub(rf"\.(?:{pattern})\.md$", ".md", src_uri) if pattern else src_uri

    def source(self, src_uri: str, lang: str) -> str:
        """A page's source file in a language, from its default-language source: x.md -> x.en.md."""
        return src_uri if lang == self.default else f"{src_uri[: -len('.md')]}.{lang}.md"

    def sources(self, src_uri: str) -> list[str]:
        """A page's source files in every language."""
        return [self.source(src_uri, lang) for lang in self.codes]

    def split(self, name: str) -> tuple[str, str]:
        """'x.en.md' -> ('x', 'en'); 'x.md' -> ('x', default)."""
        lang = self.of_source(name)
        stem = name[: -len(".md")]
        return (stem if lang == self.default else stem[: -len(lang) - 1]), lang

    def page_path(self, src_uri: str, lang: str) -> str:
        """The site-relative address of a page (given by its default-language source) in a language."""
        path = src_uri[: -len(".md")]
        path = path[: -len("index")] if path == "index" or path.endswith("/index") else path + "/"
        return self.prefix(lang) + path
