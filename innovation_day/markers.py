"""One syntax for the places where the build inserts generated content in a page.

A page writes `<!-- insert: NAME -->` (or `<!-- insert: NAME ARGUMENT -->`) where
a generated part belongs: `<!-- insert: kit.qr -->`, `<!-- insert: showcase.kind-boxes vi -->`.
Each concern replaces the names it owns; whatever is left when every concern has
run (an unknown name, a typo, a marker on a page that cannot hold it, or the old
`<!-- hooks/… -->` form) fails the build, naming the file: a mistyped marker
never leaves a section silently missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import BuildErrors

MARKER = re.compile(r"<!--\s*insert:\s*([a-z][a-z0-9.-]*)(?:\s+([A-Za-z0-9_.=-]+))?\s*-->")
# Anything that looks like a marker, well formed or not.
LOOSE = re.compile(r"<!--\s*(?:insert\b|hooks/)[^>]*-->")


# Every marker a page may write, with the concern that fills it (its plugin.py), in one table:
# a concern that offers a name missing here is a programming error, caught at once.
NAMES = {
    "showcase": "content", "showcase.choices": "content", "showcase.kind-boxes": "content",
    "showcase.field-boxes": "content", "news.latest": "content", "news.list": "content",
    "next.channels": "content", "next.short": "content", "next.nomination": "content", "next.preview": "content",
    "editions.current": "content", "editions.archive": "content", "glossary": "content",
    "settings.fields": "content", "site-index": "content",
    "kit.print": "kit", "kit.loudspeaker": "kit", "kit.posts": "kit", "kit.calendar": "kit",
    "kit.qr": "kit", "kit.archive": "kit",
}


def marker(name: str, argument: str | None = None) -> str:
    return f"<!-- insert: {name}{' ' + argument if argument else ''} -->"


def replace(markdown: str, names: dict[str, Callable[[str | None], str]]) -> str:
    """Replace the markers whose name is in `names`; `names[name](argument)` gives the text."""
    unlisted = set(names) - set(NAMES)
    if unlisted:
        raise ValueError(f"markers.NAMES does not list {sorted(unlisted)}")
    if "<!--" not in markdown:
        return markdown

    def fill(match: re.Match) -> str:
        make = names.get(match.group(1))
        return make(match.group(2)) if make else match.group(0)

    return MARKER.sub(fill, markdown)


def check_none_left(markdown: str, where: str) -> None:
    left = LOOSE.findall(markdown)
    if left:
        errors = BuildErrors("Nội dung / Content")
        for text in left:
            errors.add(where, text, "chỗ chèn không hợp lệ: tên sai, hoặc trang này không chèn được phần đó",
                       "unknown insertion marker: a mistyped name, or a part this page cannot hold")
        errors.raise_if_any()
