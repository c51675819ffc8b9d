"""After an edition's events, the next Day is worked out from the date (settings/timeline.py).

(tests/build/test_home.py checks the pages of a site built the day after the events.)
"""

from __future__ import annotations

import datetime as dt

import pytest

from innovation_day.settings.timeline import next_day
from support.site_settings import edition, next_day_after

EDITION = edition()


@pytest.mark.parametrize("built_offset, lands_in", [(1, "next year"), (300, "a year later still")])
def test_the_next_day_is_worked_out_from_the_date(built_offset, lands_in):
    built = EDITION.period[1] + dt.timedelta(days=built_offset)
    assert next_day(EDITION, built) == next_day_after(EDITION.day, built) > built
    assert next_day(EDITION, EDITION.day) == EDITION.day, "on the Day itself, the Day is today"
