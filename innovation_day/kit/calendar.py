"""An edition's calendar file: its response period and its expo, to add to any calendar.

People remember dates they have in their phone. One .ics file per language and
edition (RFC 5545) holds its all-day events: the commune's response period (or,
until the commune's plan sets it, 1 October itself) and the expo when there is
one, with their dates from data/editions/<year>.yml. All-day events are
dates, not times, so they need no VTIMEZONE and show on the same days in any
time zone; X-WR-TIMEZONE names Vietnam's for the apps that read it. DTEND is
the day after the last day, as RFC 5545 counts. UIDs are derived from the
edition, not from the site's address, so re-importing after a move updates
the events instead of doubling them.

The "add to calendar" button appears wherever a page has `<!-- insert: kit.calendar -->`
(the home page, the expo's page, the kit page).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
import uuid

from ..settings.dates import format_date, format_period

TIMEZONE = "Asia/Ho_Chi_Minh"
NAMESPACE = uuid.UUID("ea0d97ab-b8b5-4127-b52b-43799f86e80e")   # this site's calendar events


def file_name(lang: str) -> str:
    return f"ngay-hoi-dmst-{lang}.ics"


def stamp() -> dt.datetime:
    """DTSTAMP: when this file was made (SOURCE_DATE_EPOCH for a reproducible build)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.replace(microsecond=0)


def calendar_data(site, edition, lang: str) -> dict:
    """What one language's file of an edition says: its name and its events, from the settings."""
    t = site.t(lang)
    commune = site.commune
    expo, response = edition.expo, edition.response
    home = site.address("index.md", lang)
    owner = unicodedata.normalize("NFKD", commune.name["en"]).encode("ascii", "ignore").decode()
    if edition.complete:
        events = [{"key": "response", "start": response["start"], "end": response["end"],
                   "summary": t("kit.calendar.response.summary", edition=edition.name[lang]),
                   "description": t("kit.calendar.response.description", commune=commune.name[lang],
                                    theme=edition.theme[lang], slogan=edition.slogan[lang], url=home),
                   "location": None, "url": home}]
    else:
        events = [{"key": "day", "start": edition.day, "end": edition.day,
                   "summary": f"{edition.name[lang]} · {edition.year}",
                   "description": t("kit.calendar.day.description", commune=commune.name[lang], url=home),
                   "location": None, "url": home}]
    if expo:
        expo_page = site.address(expo["page"], lang)
        events.append({"key": "expo", "start": expo["start"], "end": expo["end"],
                       "summary": f"{expo['title'][lang]} ({expo['name']})",
                       "description": t("kit.calendar.expo.description", venue=expo["venue"][lang], url=expo_page),
                       "location": expo["venue"][lang], "url": expo_page})
    return {
        "prodid": f"-//{owner}//Innovation Day {edition.year} calendar//{lang.upper()}",
        "name": f"{edition.name[lang]} · {edition.year}",
        "events": events,
    }


def calendar(data: dict, year: int, made: dt.datetime) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", data["prodid"])
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", data["name"])
    cal.add("x-wr-timezone", TIMEZONE)
    for item in data["events"]:
        event = Event()
        event.add("uid", str(uuid.uuid5(NAMESPACE, f"{year}/{item['key']}")))
        event.add("dtstamp", made)
        event.add("dtstart", item["start"])
        event.add("dtend", item["end"] + dt.timedelta(days=1))
        event.add("summary", item["summary"])
        event.add("description", item["description"])
        if item["location"]:
            event.add("location", item["location"])
        event.add("url", item["url"])
        event.add("transp", "TRANSPARENT")
        event.add("sequence", 0)
        cal.add_component(event)
    return cal.to_ical()


def inputs(kit) -> dict:
    return {lang: calendar_data(kit.site, kit.edition, lang) for lang in kit.site.languages.codes}


def make(kit, folder) -> dict:
    made = stamp()
    for lang, data in inputs(kit).items():
        (folder / file_name(lang)).write_bytes(calendar(data, kit.edition.year, made))
    return {"dtstamp": made.isoformat()}


def events_text(edition, t, lang: str) -> str:
    """The events of an edition's file, in words: "the campaign period (…) and VIIE 2025 (…)"."""
    if edition.complete:
        first = t("kit.calendar.event.response",
                  dates=format_period(edition.response["start"], edition.response["end"], lang))
    else:
        first = t("kit.calendar.event.day", year=edition.year, day=format_date(edition.day, lang))
    if not edition.expo:
        return first
    expo = edition.expo
    return t("kit.calendar.events", first=first, expo=expo["name"],
             expo_dates=format_period(expo["start"], expo["end"], lang, start_year=False))


def section(kit, lang: str, link) -> str:
    """"Add to calendar" while an event is ahead or under way; once all are over, only their dates."""
    t = kit.site.t(lang)
    edition = kit.edition
    events = events_text(edition, t, lang)
    return kit.env.get_template("calendar.md").render(
        over=kit.site.today > edition.last_day, past=t("kit.calendar.past", year=edition.year, events=events),
        ics=link(file_name(lang)), name=file_name(lang), hint=t("kit.calendar.hint", events=events), t=t)


def files(kit, link) -> list[dict]:
    """The calendar files as downloads, for the kit page's archive."""
    return [{"lang": lang, "href": link(file_name(lang)), "name": file_name(lang)} for lang in kit.site.languages.codes]


def downloads(kit) -> list[str]:
    return [file_name(lang) for lang in kit.site.languages.codes]
