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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import BuildErrors

FOLDER = "data/editions"
PLAN_FOLDER = "ke-hoach"            # docs/ke-hoach/<year>.md: the plan of each year
TEXTS = ("name", "theme", "slogan")  # name is required; theme and slogan may wait for the plan
EXPO_TEXTS = ("venue", "title")
# What scripts/new.py puts where the plan's text will go (settings/pages.py shows it as
# "chưa cập nhật"): a plan page without it is the published plan.
BLANK = re.compile(r"\{\{\s*blank\s*\}\}")


@dataclass(frozen=True)
class Edition:
    """One year's edition. Unknown parts are None; `edition["theme"]` reads like a mapping
    too, so page templates and generators write `edition.theme` or `edition["theme"]`."""
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

    def __getitem__(self, key: str):
        return getattr(self, key)

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


def _bilingual(raw, where: str, key: str, languages, errors: BuildErrors, required: bool):
    if raw is None and not required:
        return None
    if not isinstance(raw, Mapping):
        errors.add(where, key, "thiếu nội dung (ghi cho từng ngôn ngữ: vi, en)",
                   "missing text (one per language: vi, en)")
        return None
    for lang in languages.codes:
        if not isinstance(raw.get(lang), str) or not raw[lang].strip():
            errors.add(where, f"{key}.{lang}", "thiếu nội dung", "missing text")
    return dict(raw)


def _date(raw, where: str, key: str, errors: BuildErrors):
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    errors.add(where, key, "thiếu hoặc không phải ngày (YYYY-MM-DD)", "missing or not a date (YYYY-MM-DD)")
    return None


def _period(raw, where: str, key: str, errors: BuildErrors):
    if not isinstance(raw, Mapping):
        errors.add(where, key, "phải có start và end (YYYY-MM-DD), hoặc để null khi chưa có",
                   "must have start and end (YYYY-MM-DD), or be null while unknown")
        return None
    start = _date(raw.get("start"), where, f"{key}.start", errors)
    end = _date(raw.get("end"), where, f"{key}.end", errors)
    if start and end and start > end:
        errors.add(where, key, "ngày bắt đầu sau ngày kết thúc", "the start date is after the end date")
    return dict(raw) if start and end and start <= end else None


def _expo(raw, where: str, languages, docs_dir: Path, errors: BuildErrors):
    if raw is None:
        return None
    found = len(errors.problems)
    period = _period(raw, where, "expo", errors)
    if not isinstance(raw, Mapping):
        return None
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        errors.add(where, "expo.name", "thiếu tên ngắn, ví dụ VIIE 2025", "missing its short name, e.g. VIIE 2025")
    for key in EXPO_TEXTS:
        _bilingual(raw.get(key), where, f"expo.{key}", languages, errors, required=True)
    announced = raw.get("announced_by")
    if not isinstance(announced, list) or not announced:
        errors.add(where, "expo.announced_by", "ghi ai công bố triển lãm (theo nguồn)",
                   "say who announced the expo (as the source does)")
    else:
        for index, who in enumerate(announced):
            _bilingual(who, where, f"expo.announced_by[{index}]", languages, errors, required=True)
    page = raw.get("page")
    if not isinstance(page, str) or not (docs_dir / page).is_file():
        errors.add(where, "expo.page", f"không có trang docs/{page}", f"there is no page docs/{page}")
    return dict(raw) if period and len(errors.problems) == found else None


def read_edition(path: Path, root: Path, docs_dir: Path, languages, errors: BuildErrors) -> Edition | None:
    where = path.relative_to(root).as_posix()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        errors.add(where, "YAML", f"không đọc được ({error})", f"cannot be read ({error})")
        return None
    if not isinstance(raw, Mapping):
        errors.add(where, "YAML", "phải là các cặp khóa: giá trị", "must be key: value pairs")
        return None
    found = len(errors.problems)
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or str(year) != path.stem:
        errors.add(where, "year", f"phải là năm của tên tệp ({path.stem})", f"must be the file's year ({path.stem})")
        year = None
    day = _date(raw.get("day"), where, "day", errors)
    if day and year and day.year != year:
        errors.add(where, "day", f"phải là một ngày của năm {year}", f"must be a day of {year}")
    texts = {key: _bilingual(raw.get(key), where, key, languages, errors, required=key == "name") for key in TEXTS}
    response = None if raw.get("response") is None else _period(raw["response"], where, "response", errors)
    expo = _expo(raw.get("expo"), where, languages, docs_dir, errors)
    plan = raw.get("plan") if isinstance(raw.get("plan"), Mapping) else {}
    if plan.get("number") is not None and not isinstance(plan["number"], str):
        errors.add(where, "plan.number", "ghi số văn bản trong ngoặc kép, ví dụ \"123/KH-UBND\", hoặc null",
                   "write the document's number in quotes, e.g. \"123/KH-UBND\", or null")
    if plan.get("date") is not None:
        _date(plan["date"], where, "plan.date", errors)
    blanks = False
    if year:
        for source in languages.sources(f"{PLAN_FOLDER}/{year}.md"):
            page = docs_dir / source
            if not page.is_file():
                errors.add(where, "plan", f"thiếu trang kế hoạch docs/{source}",
                           f"the plan's page docs/{source} is missing")
            elif BLANK.search(page.read_text(encoding="utf-8")):
                blanks = True
    if len(errors.problems) > found:
        return None
    return Edition(year, day, texts["name"], texts["theme"], texts["slogan"], response, expo,
                   dict(plan), where, published=not blanks)


def read_editions(root: Path, docs_dir: Path, languages, errors: BuildErrors) -> tuple[Edition, ...]:
    """Every edition, oldest first (the last one is the current edition)."""
    folder = root / FOLDER
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    if not paths:
        errors.add(FOLDER, "<year>.yml", "chưa có năm nào: tạo bằng python scripts/new.py edition YEAR",
                   "no edition yet: make one with python scripts/new.py edition YEAR")
    editions = [read_edition(path, root, docs_dir, languages, errors) for path in paths]
    return tuple(sorted((e for e in editions if e), key=lambda e: e.year))
