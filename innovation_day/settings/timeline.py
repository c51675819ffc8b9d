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


@dataclass(frozen=True)
class Status:
    state: str          # before, during, after: of the commune's campaign period
    text: str           # the status line, in one language


def status(edition, today: dt.date, t, lang: str) -> Status:
    """The edition's status line on `today` (the same rules as templates/edition-status.js)."""
    response, expo = edition["response"], edition["expo"]
    fields = {"start": format_date(response["start"], lang), "end": format_date(response["end"], lang),
              "expo": expo["name"], "expo_start": format_date(expo["start"], lang),
              "expo_end": format_date(expo["end"], lang), "year": edition["year"]}
    state = phase(today, response["start"], response["end"])
    if state == "before":
        days = (response["start"] - today).days
        text = t("status.before.one", **fields) if days == 1 else t("status.before", **fields).replace(
            "{days}", str(days))
    elif state == "after":
        text = t("status.after", **fields)
    else:
        text = t("status.during", **fields)
        if phase(today, expo["start"], expo["end"]) == "during":
            text += " " + t("status.expo", **fields)
    return Status(state, text)
