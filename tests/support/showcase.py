"""The innovators' showcase in the tests: the model entries (tests/fixtures/showcase/) a copy
of the site adds, its list pages and its example badge."""

from __future__ import annotations

from pathlib import Path

from innovation_day.content.entries import read_front_matter

from .sites import SHOWCASE_FIXTURES

SECTION = SHOWCASE_FIXTURES / "guong-sang-tao"   # the model entries the tests add to a copy
PAGES = {"vi": "guong-sang-tao/", "en": "en/guong-sang-tao/"}
EXAMPLE = {"vi": "Ví dụ minh họa", "en": "Illustrative example"}
# A model entry, as its source files are named (without .md / .en.md).
ENTRY = "docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du"


def entries(section: Path = SECTION) -> dict[str, dict[str, dict]]:
    """slug -> {lang: front matter}, read from the sources as an editor wrote them."""
    found: dict[str, dict[str, dict]] = {}
    for path in sorted(section.glob("*.md")):
        stem = path.name[: -len(".md")]
        lang = "en" if stem.endswith(".en") else "vi"
        stem = stem.removesuffix(".en")
        if stem in ("index", "de-cu"):
            continue
        found.setdefault(stem, {})[lang] = read_front_matter(path)[0]
    return found
