"""The calendar file: the response period and VIIE 2025, to add to any calendar.

People remember dates they have in their phone. One .ics file per language
(RFC 5545) holds two all-day events: the commune's response period and the
expo, with their dates from mkdocs.yml (`extra.edition`). All-day events are
dates, not times, so they need no VTIMEZONE and show on the same days in any
time zone; X-WR-TIMEZONE names Vietnam's for the apps that read it. DTEND is
the day after the last day, as RFC 5545 counts. UIDs are derived from the
edition, not from the site's address, so re-importing after a move updates
the events instead of doubling them.

The "add to calendar" button appears wherever a page has the marker below
(the home page, the VIIE page, the kit page).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
import uuid

from kit import (DOWNLOADS, check_page_setting, generate, link, page_address, register, render_partial,
                 translator)
from page_settings import format_date, page_language

MARKER = "<!-- hooks/kit_calendar.py -->"
LANGUAGES = ("vi", "en")
TIMEZONE = "Asia/Ho_Chi_Minh"
NAMESPACE = uuid.UUID("ea0d97ab-b8b5-4127-b52b-43799f86e80e")   # this site's calendar events
_state: dict = {}


def file_name(lang: str) -> str:
    return f"ngay-hoi-dmst-{lang}.ics"


def stamp() -> dt.datetime:
    """DTSTAMP: when this file was made (SOURCE_DATE_EPOCH for a reproducible build)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.replace(microsecond=0)


def calendar(config, lang: str, made: dt.datetime) -> bytes:
    from icalendar import Calendar, Event

    t = translator(config, lang)
    edition, commune = config.extra["edition"], config.extra["commune"]
    expo, response = edition["expo"], edition["response"]
    home = page_address(config, "index.md", lang)
    cal = Calendar()
    owner = unicodedata.normalize("NFKD", commune["name"]["en"]).encode("ascii", "ignore").decode()
    cal.add("prodid", f"-//{owner}//Innovation Day {edition['year']} calendar//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{edition['name'][lang]} · {edition['year']}")
    cal.add("x-wr-timezone", TIMEZONE)
    events = (
        ("response", response["start"], response["end"],
         t("kit.calendar.response.summary", edition=edition["name"][lang]),
         t("kit.calendar.response.description", commune=commune["name"][lang], theme=edition["theme"][lang],
           slogan=edition["slogan"][lang], url=home),
         None, home),
        ("expo", expo["start"], expo["end"], f"{expo['title'][lang]} ({expo['name']})",
         t("kit.calendar.expo.description", venue=expo["venue"][lang], url=page_address(config, expo["page"], lang)),
         expo["venue"][lang], page_address(config, expo["page"], lang)),
    )
    for key, start, end, summary, description, location, url in events:
        event = Event()
        event.add("uid", str(uuid.uuid5(NAMESPACE, f"{edition['year']}/{key}")))
        event.add("dtstamp", made)
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        if location:
            event.add("location", location)
        event.add("url", url)
        event.add("transp", "TRANSPARENT")
        event.add("sequence", 0)
        cal.add_component(event)
    return cal.to_ical()


def make(config, folder) -> dict:
    made = stamp()
    for lang in LANGUAGES:
        (folder / file_name(lang)).write_bytes(calendar(config, lang, made))
    return {"dtstamp": made.isoformat()}


# Hooks ----------------------------------------------------------------------

def on_files(files, config):
    check_page_setting(config, "extra.edition.expo.page", config.extra["edition"]["expo"].get("page"))
    inputs = {"url": config.site_url, "edition": config.extra["edition"], "commune": config.extra["commune"]}
    output = generate(config, "calendar", inputs, lambda folder: make(config, folder))
    register(files, config, output, [file_name(lang) for lang in LANGUAGES])
    _state["output"] = output
    return files


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lang = page_language(page)
    t = translator(config, lang)
    edition = config.extra["edition"]
    response, expo = edition["response"], edition["expo"]
    hint = t("kit.calendar.hint", events=t(
        "kit.calendar.events",
        response=f"{format_date(response['start'], lang)} – {format_date(response['end'], lang)}",
        expo=expo["name"], expo_dates=f"{format_date(expo['start'], lang, False)} – {format_date(expo['end'], lang)}"))
    section = render_partial(config, "calendar.md", ics=link(f"{DOWNLOADS}/{file_name(lang)}", page),
                             name=file_name(lang), hint=hint)
    return markdown.replace(MARKER, section)
