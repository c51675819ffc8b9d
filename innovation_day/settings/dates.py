"""Dates as the site writes them, and the commune's today."""

from __future__ import annotations

import datetime as dt

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")
# The commune's time zone: a build at 01:00 in Hanoi runs at 18:00 the day before in UTC.
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def format_date(day: dt.date, lang: str, year: bool = True) -> str:
    """22/9/2025, 05/10/2025, 13/01/2025 in Vietnamese (Decree 30/2020/NĐ-CP, as the plan writes them:
    a day below 10 and the months 1 and 2 take a leading zero), 22 September 2025 in English."""
    if lang == "vi":
        text = f"{day.day:02d}/{day.month:02d}" if day.month <= 2 else f"{day.day:02d}/{day.month}"
        return f"{text}/{day.year}" if year else text
    text = f"{day.day} {MONTHS_EN[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_period(start: dt.date, end: dt.date, lang: str, start_year: bool = True) -> str:
    """22/9/2025 – 05/10/2025; `start_year=False` leaves the first date's year to the second: 01/10 – 03/10/2025."""
    return f"{format_date(start, lang, start_year)} – {format_date(end, lang)}"


def today_in_vietnam() -> dt.date:
    return dt.datetime.now(VIETNAM).date()
