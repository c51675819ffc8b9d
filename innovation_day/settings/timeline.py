"""Where the edition stands on the day the site is built: before, during or after its dates.

The build knows its date, so every page that shows dates says in its HTML
whether each event is coming, under way or over: true with JavaScript off.
The deploy runs daily, so the text is at most a day old; the status line's
script only corrects it between builds (on 1 October itself, for example),
with the same rules as `status` below. BUILD_DATE (YYYY-MM-DD) sets the date,
for tests and for rebuilding a past day's site.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from .dates import format_date, today_in_vietnam


def build_date() -> dt.date:
    given = os.environ.get("BUILD_DATE")
    return dt.date.fromisoformat(given) if given else today_in_vietnam()


def phase(today: dt.date, start: dt.date, end: dt.date) -> str:
    return "before" if today < start else "after" if today > end else "during"


def next_day(edition, today: dt.date) -> dt.date:
    """The next National Innovation Day on or after `today`: the edition's Day (1 October)
    in the first year where it is not yet past (edition-status.js: the same rule)."""
    day = edition.day.replace(year=today.year)
    return day if day >= today else edition.day.replace(year=today.year + 1)


# Where the next Day's year goes in the lines the reader's script may switch to: it fills it
# from the reader's own date, as the build does from its date.
NEXT_YEAR = "{y}"


@dataclass(frozen=True)
class Status:
    state: str          # before, during, after: of the edition's period (edition.period)
    text: str           # the status line on the build's date, in one language
    texts: dict         # every line the reader's browser may switch to, {days} left to fill
    start: dt.date
    end: dt.date
    expo: tuple | None  # the expo's first and last days, when there is one


def status(edition, today: dt.date, t, lang: str) -> Status:
    """An edition's status line on `today` (the same rules as templates/edition-status.js).

    With its response period known, the line counts to it; until the commune's plan sets it,
    to 1 October itself, and says the plan is not published yet."""
    start, end = edition.period
    expo = edition.expo
    fields = {"start": format_date(start, lang), "end": format_date(end, lang), "year": edition.year,
              "day": format_date(edition.day, lang),
              "next": format_date(edition.day.replace(year=9999), lang).replace("9999", NEXT_YEAR),
              "expo": expo["name"] if expo else "", "expo_start": format_date(expo["start"], lang) if expo else "",
              "expo_end": format_date(expo["end"], lang) if expo else ""}
    group = "status" if edition.response else "status.pending"
    texts = {key: t(f"{group}.{key}", **fields)
             for key in ("before", "before.one", "during", "after")}
    texts["expo"] = t("status.expo", **fields) if expo else ""
    state = phase(today, start, end)
    if state == "before":
        days = (start - today).days
        text = texts["before.one"] if days == 1 else texts["before"].replace("{days}", str(days))
    elif state == "after":
        text = texts["after"].replace(NEXT_YEAR, str(next_day(edition, today).year))
    else:
        text = texts["during"]
        if expo and phase(today, expo["start"], expo["end"]) == "during":
            text += " " + texts["expo"]
    return Status(state, text, texts, start, end, (expo["start"], expo["end"]) if expo else None)
