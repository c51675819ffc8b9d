"""The site's settings as the tests read them: mkdocs.yml, `!ENV` tags at their defaults.

Expected themes, slogans, dates and status lines come from here, so next year's
settings need no test change.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from innovation_day.settings.config import read_config
from innovation_day.settings.dates import format_date

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def _read() -> dict:
    return read_config(ROOT / "mkdocs.yml")


def settings() -> dict:
    """A fresh copy each time: a test may change its own."""
    return copy.deepcopy(_read())


def extra() -> dict:
    return settings()["extra"]


def shown_date(day, lang: str) -> str:
    """How the pages write a date (settings/dates.py: 22/9/2025, 05/10/2025, 22 September 2025)."""
    return format_date(day, lang)
