"""The calendar file (RFC 5545): two all-day events with the settings' dates, Vietnam's time
zone, stable UIDs, and an "add to calendar" link on the home page and the VIIE page."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

import pytest
from icalendar import Calendar

from kit_helpers import DOWNLOADS, KIT_EDITION, SITE_FILES
from site_settings import page_edition

EDITION = KIT_EDITION


def read(site, lang) -> Calendar:
    return Calendar.from_ical((site / DOWNLOADS / f"ngay-hoi-dmst-{lang}.ics").read_bytes())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_calendar_has_the_response_period_and_the_expo_as_all_day_events(built_site, site_url, lang):
    calendar = read(built_site, lang)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    response, expo = events
    day = dt.timedelta(days=1)     # DTEND is the day after the last day, as RFC 5545 counts
    assert (response.decoded("DTSTART"), response.decoded("DTEND")) == (
        EDITION.response["start"], EDITION.response["end"] + day)
    assert (expo.decoded("DTSTART"), expo.decoded("DTEND")) == (EDITION.expo["start"], EDITION.expo["end"] + day)
    for event in events:
        assert type(event.decoded("DTSTART")) is dt.date           # DATE values: no time, no time zone
        assert event.decoded("DTSTAMP").tzinfo is not None         # DTSTAMP in UTC
        assert str(event["UID"])
        assert str(event["URL"]).startswith(site_url)
    assert EDITION.expo["name"] in str(expo["SUMMARY"])
    assert str(expo["LOCATION"]) == EDITION.expo["venue"][lang]
    assert EDITION.theme[lang] in str(response["DESCRIPTION"])


def test_uids_are_stable_and_shared_by_both_languages(built_site):
    uids = [sorted(str(e["UID"]) for e in read(built_site, lang).walk("VEVENT")) for lang in ("vi", "en")]
    assert uids[0] == uids[1] and len(set(uids[0])) == 2


def test_raw_file_is_rfc_5545(built_site):
    raw = (built_site / DOWNLOADS / "ngay-hoi-dmst-vi.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.rstrip().endswith(b"END:VCALENDAR")
    start, after = EDITION.response["start"], EDITION.response["end"] + dt.timedelta(days=1)
    assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}".encode() in raw and f"DTEND;VALUE=DATE:{after:%Y%m%d}".encode() in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))     # folded lines


@pytest.mark.parametrize("page, source, lang", [
    ("", "index.md", "vi"), ("en/", "index.md", "en"), ("viie-2025/", "viie-2025/index.md", "vi"),
    ("en/viie-2025/", "viie-2025/index.md", "en"), ("tai-lieu/", "tai-lieu/index.md", "vi"),
    ("en/tai-lieu/", "tai-lieu/index.md", "en")])
def test_add_to_calendar_only_while_an_event_is_ahead(soup_of, built_site, site_url, page, source, lang, built_on):
    edition = page_edition(source)      # the year the page is about: the current one, or the expo's
    over = built_on > edition.last_day
    link = soup_of(page).select_one(".kit-calendar a.md-button")
    past = soup_of(page).select_one(".kit-calendar--past")
    if over:
        assert link is None, "a past event offered to a calendar"
        assert past is not None and str(edition.year) in past.get_text()
        return
    assert past is None and link is not None
    path = urljoin(site_url + page, link["href"])[len(site_url):]
    assert path == f"{SITE_FILES}/{edition.year}/ngay-hoi-dmst-{lang}.ics" and (built_site / path).is_file()
