"""The kit page's campaign texts, rendered as the build renders them, for days around the campaign period."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from innovation_day.settings.dates import format_date
from innovation_day.settings.page_templating import environment, render_page
from innovation_day.templates import environment as templates
from support.sites import ROOT
from support.site_settings import full_edition, site


@pytest.mark.parametrize("source", ["tai-lieu/index.md", "tai-lieu/index.en.md"])
def test_campaign_wording_is_told_in_the_past_once_the_period_is_over(source):
    """The kit's texts were written for the campaign weeks: after them, the kit page says the files
    are that year's models, kept for reference, with the period's dates (and claims no use of them)."""
    before = site()
    edition, lang = full_edition(before), before.languages.of_source(source)
    markdown = (ROOT / "docs" / source).read_text(encoding="utf-8").split("---\n", 2)[2]
    start, end = edition.response["start"], edition.response["end"]
    period = f"({format_date(start, lang)} – {format_date(end, lang)})"

    def on(day):
        that_day = dataclasses.replace(before, today=day)
        return render_page(environment(), markdown, that_day, templates("settings", html_layout=False), lang, source,
                           edition)

    assert period not in on(start)
    after = on(end + dt.timedelta(days=1))
    assert after.count(period) == 3     # the page's introduction, the loudspeaker text and the posts
    assert not re.search(r"đã dùng|đã treo|were used|used during|were hung", after), "only what the plan set out is known"
