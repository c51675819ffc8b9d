"""Every page exists in both languages: `page.md` (Vietnamese) beside `page.en.md`.

mkdocs-static-i18n would otherwise publish a lone page in one language only
(or, with fallback, Vietnamese text under lang="en"). We fail the build instead.
"""

from __future__ import annotations

from pathlib import Path

from build_errors import BuildErrors


def missing_twins(docs_dir: Path) -> list[tuple[str, str]]:
    """Return (existing file, missing twin) pairs, relative to docs_dir."""
    vi, en = set(), set()
    for path in docs_dir.rglob("*.md"):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.endswith(".en.md"):
            en.add(rel[: -len(".en.md")])
        else:
            vi.add(rel[: -len(".md")])
    pairs = [(f"{stem}.md", f"{stem}.en.md") for stem in sorted(vi - en)]
    pairs += [(f"{stem}.en.md", f"{stem}.md") for stem in sorted(en - vi)]
    return pairs


# Hooks ----------------------------------------------------------------------

def on_pre_build(config):
    errors = BuildErrors("Bản dịch / Translations")
    for present, missing in missing_twins(Path(config.docs_dir)):
        errors.add(
            f"docs/{present}", "twin",
            f"thiếu trang song ngữ docs/{missing}",
            f"the other-language twin docs/{missing} is missing",
        )
    errors.raise_if_any()
