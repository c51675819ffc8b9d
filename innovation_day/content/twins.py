"""Every page exists in every language: `page.md` (Vietnamese) beside `page.en.md`.

mkdocs-static-i18n would otherwise publish a lone page in one language only
(or, with fallback, Vietnamese text under lang="en"). The build fails instead.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BuildErrors


def missing_twins(docs_dir: Path, languages) -> list[tuple[str, str]]:
    """(existing file, missing twin) pairs, relative to docs_dir."""
    stems: dict[str, set[str]] = {lang: set() for lang in languages.codes}
    for path in docs_dir.rglob("*.md"):
        stem, lang = languages.split(path.relative_to(docs_dir).as_posix())
        stems[lang].add(stem)

    def name(stem: str, lang: str) -> str:
        return f"{stem}.md" if lang == languages.default else f"{stem}.{lang}.md"

    pairs = []
    for lang in languages.codes:
        for other in languages.codes:
            if other != lang:
                pairs += [(name(stem, lang), name(stem, other)) for stem in sorted(stems[lang] - stems[other])]
    return pairs


def check_twins(docs_dir: Path, languages) -> None:
    errors = BuildErrors("Bản dịch / Translations")
    for present, missing in missing_twins(docs_dir, languages):
        errors.add(f"docs/{present}", "twin",
                   f"thiếu trang song ngữ docs/{missing}",
                   f"the other-language twin docs/{missing} is missing")
    errors.raise_if_any()
