"""The news items as their sources have them: what the news pages and feeds must show."""

from __future__ import annotations

from innovation_day.content.entries import read_front_matter

from .sites import ROOT

SECTION = ROOT / "docs" / "tin-tuc"
# The item the bad-input tests break (in a copy of the sources).
ITEM = "docs/tin-tuc/2025-09-25-cong-bo-trien-lam-viie-2025"


def items() -> list[dict]:
    """Every news item as the sources have it, newest first (the order the site must show)."""
    found = {}
    for path in SECTION.glob("*.md"):
        stem = path.name[: -len(".md")]
        lang = "en" if stem.endswith(".en") else "vi"
        stem = stem.removesuffix(".en")
        if stem == "index":
            continue
        found.setdefault(stem, {"slug": stem})[lang] = read_front_matter(path)[0]
    return sorted(found.values(), key=lambda i: (i["vi"]["date"], i["slug"]), reverse=True)
