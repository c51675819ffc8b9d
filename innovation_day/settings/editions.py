"""Every year's National Innovation Day (1 October) as data: `Edition`, read from data/editions/.

National Innovation Day returns every 1 October and the commune issues a new
plan each year. Each year is one set of files: its settings in
data/editions/<year>.yml and its plan, word for word, in docs/ke-hoach/<year>.md
and its translations (docs/ke-hoach/<year>.en.md). The newest edition is the
current one: it drives the home page, the plan page, the kit, the calendar,
the share images and the status lines. The others stay published as they were,
at their own addresses, with their own kit.

`python scripts/new.py edition YEAR` scaffolds a year; until the commune's plan
is out, its theme, slogan and dates stay null, its plan's pages hold `{{ blank }}`
where the text will go, and the pages say "not yet published". Nothing is
guessed: only 1 October, set by the Prime Minister for every year, is known ahead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BuildErrors
from .models import EDITIONS_FOLDER as FOLDER
from .models import EditionFile
from .schema import load_file, load_text, read

PLAN_FOLDER = "ke-hoach"            # docs/ke-hoach/<year>.md: the plan of each year
# What scripts/new.py puts where the plan's text will go (settings/page_templating.py shows it as
# "chưa cập nhật"): a plan page without it is the published plan.
BLANK = re.compile(r"\{\{\s*blank\s*\}\}")


@dataclass(frozen=True)
class Edition:
    """One year's edition. Unknown parts are None; `edition.theme` reads like a mapping
    too, so page templates and generators write `edition.theme` or `edition.theme`."""
    year: int
    day: dt.date
    name: Mapping[str, str]
    theme: Mapping[str, str] | None
    slogan: Mapping[str, str] | None
    response: Mapping[str, dt.date] | None     # the commune's response period: start, end
    expo: Mapping[str, Any] | None             # the year's expo, when announced
    plan: Mapping[str, Any] = field(default_factory=dict)   # number, date
    source: str = ""                           # data/editions/<year>.yml
    published: bool = True                     # its plan's pages hold the text, no blank left

    @property
    def plan_page(self) -> str:
        """The plan's page, as its default-language source."""
        return f"{PLAN_FOLDER}/{self.year}.md"

    @property
    def complete(self) -> bool:
        """Enough is known to print the year's banners: its theme, slogan and response period."""
        return bool(self.theme and self.slogan and self.response)

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """What the status line counts to: the response period, or the Day itself until it is set."""
        return (self.response["start"], self.response["end"]) if self.response else (self.day, self.day)

    @property
    def last_day(self) -> dt.date:
        """The last day of anything this year: after it, every event of the year is over."""
        return max(d for d in (self.period[1], self.day, self.expo["end"] if self.expo else None) if d)

    @property
    def missing(self) -> list[str]:
        """What is not known yet, as string keys (edition.missing.*), in the order pages list them."""
        # Not the expo: a year may have none, so its absence is not a blank.
        parts = [("plan", not self.published), ("theme", not self.theme), ("slogan", not self.slogan),
                 ("response", not self.response)]
        return [name for name, missing in parts if missing]


def read_edition(path: Path, root: Path, docs_dir: Path, languages, errors: BuildErrors,
                 text: str | None = None) -> Edition | None:
    """One year's file, checked by its declaration (models.EditionFile) and what no single field
    says: the year is the file's, the Day is in it, periods run forward, the pages exist."""
    where = path.relative_to(root).as_posix()
    raw = load_text(text) if text is not None else load_file(path, where, errors)
    if raw is None:
        return None
    found = len(errors.problems)
    data = read(EditionFile, raw, where, errors, languages)
    if data is None:
        return None
    if str(data.year) != path.stem:
        errors.add(where, "year", f"phải là năm của tên tệp ({path.stem})", f"must be the file's year ({path.stem})")
    if data.day.year != data.year:
        errors.add(where, "day", f"phải là một ngày của năm {data.year}", f"must be a day of {data.year}")
    for name, period in (("response", data.response), ("expo", data.expo)):
        if period and period.start > period.end:
            errors.add(where, name, "ngày bắt đầu sau ngày kết thúc", "the start date is after the end date")
    if data.expo and not (docs_dir / data.expo.page).is_file():
        errors.add(where, "expo.page", f"không có trang docs/{data.expo.page}", f"there is no page docs/{data.expo.page}")
    blanks = False
    for source in languages.sources(f"{PLAN_FOLDER}/{data.year}.md"):
        page = docs_dir / source
        if not page.is_file():
            errors.add(where, "plan", f"thiếu trang kế hoạch docs/{source}",
                       f"the plan's page docs/{source} is missing")
        elif BLANK.search(page.read_text(encoding="utf-8")):
            blanks = True
    if len(errors.problems) > found:
        return None
    # The parts stay mappings (edition.expo["page"], {{ edition.response.start }}), as pages quote them.
    part = lambda value: asdict(value) if value is not None else None  # noqa: E731
    return Edition(data.year, data.day, data.name, data.theme, data.slogan, part(data.response), part(data.expo),
                   part(data.plan) or {"number": None, "date": None}, where, published=not blanks)


def read_editions(root: Path, docs_dir: Path, languages, errors: BuildErrors,
                  texts: Mapping[str, str] | None = None) -> tuple[Edition, ...]:
    """Every edition, oldest first (the last one is the current edition). `texts` gives a
    file's text instead of reading it (path -> YAML text)."""
    folder = root / FOLDER
    texts = texts or {}
    paths = sorted({*folder.glob("*.yml"), *(root / p for p in texts if p.startswith(FOLDER + "/"))})
    if not paths:
        errors.add(FOLDER, "<year>.yml", "chưa có năm nào: tạo bằng python scripts/new.py edition YEAR",
                   "no edition yet: make one with python scripts/new.py edition YEAR")
    editions = [read_edition(path, root, docs_dir, languages, errors, texts.get(path.relative_to(root).as_posix()))
                for path in paths]
    return tuple(sorted((e for e in editions if e), key=lambda e: e.year))
