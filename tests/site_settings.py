"""The site's settings as the tests read them: mkdocs.yml, `!ENV` tags at their defaults.

Expected themes, slogans, dates and status lines come from here, so next year's
settings need no test change.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _Loader(yaml.SafeLoader):
    pass


# `!ENV [NAME, default]` (or `!ENV NAME`) in mkdocs.yml: the tests read the default.
_Loader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


@lru_cache(maxsize=None)
def _read() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def settings() -> dict:
    """A fresh copy each time: a test may change its own."""
    return copy.deepcopy(_read())


def extra() -> dict:
    return settings()["extra"]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def shown_date(day, lang: str) -> str:
    """How the pages write a date: 22/9/2025 or 05/10/2025 (as the plan does), 22 September 2025."""
    return f"{day.day:02d}/{day.month}/{day.year}" if lang == "vi" else f"{day.day} {MONTHS[day.month - 1]} {day.year}"
