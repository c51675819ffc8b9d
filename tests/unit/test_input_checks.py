"""An editor's mistake is caught by the check it breaks, named by file and field.

Each check is tested as the plain function it is; tests/build/test_bad_input.py shows that
the build runs those checks and stops with their message.
"""

from __future__ import annotations

import pytest

from innovation_day.content import front_matter
from innovation_day.content.twins import check_twins
from innovation_day.errors import BuildError, BuildErrors
from innovation_day.settings.mkdocs_file import site_from_file
from innovation_day.settings.page_templating import environment, render_page
from innovation_day.templates import environment as templates
from support.sites import ROOT
from support.site_settings import load_with as settings_with


@pytest.fixture(scope="module")
def site():
    return site_from_file(ROOT / "mkdocs.yml")


def load_with(site, changes=None, site_url=None):
    return settings_with(site, changes or {}, site_url)


# The checks, as functions ----------------------------------------------------

def test_missing_twins_are_named_both_ways(site, tmp_path):
    docs = tmp_path / "docs"
    (docs / "lien-he").mkdir(parents=True)
    (docs / "lien-he/index.md").write_text("x", encoding="utf-8")
    (docs / "lien-he/extra.en.md").write_text("x", encoding="utf-8")
    with pytest.raises(BuildError) as failure:
        check_twins(docs, site.languages)
    message = str(failure.value)
    assert "docs/lien-he/index.md › twin: thiếu trang song ngữ docs/lien-he/index.en.md" in message
    assert "docs/lien-he/extra.en.md › twin" in message and "docs/lien-he/extra.md is missing" in message


def test_a_site_url_without_scheme_is_refused(site):
    with pytest.raises(BuildError, match="mkdocs.yml › site_url"):
        load_with(site, site_url="example.org/x/")


def test_an_unknown_setting_in_a_page_names_the_page(site):
    with pytest.raises(BuildError, match=r"docs/tin-tuc/index\.md › .*motto"):
        render_page(environment(), "# Tin\n{{ edition.motto }}\n", site, templates("settings", html_layout=False),
                    site.languages.default, "docs/tin-tuc/index.md")


def test_a_missing_description_names_the_page_and_field():
    errors = BuildErrors("Front matter")
    front_matter.check({"title": "Tin tức"}, "docs/tin-tuc/index.en.md", errors)
    assert errors.problems == ["docs/tin-tuc/index.en.md › description: thiếu một câu mô tả trang / "
                               "missing a one-sentence description"]


def test_a_review_date_must_be_a_past_date(site):
    import datetime as dt

    errors = BuildErrors("Front matter")
    for value in ("28/11/2026", site.today + dt.timedelta(days=1)):
        front_matter.check({"title": "T", "description": "D", "reviewed": value}, "docs/chinh-sach/x.md",
                           errors, site.today)
    assert [p.split(":")[0] for p in errors.problems] == ["docs/chinh-sach/x.md › reviewed"] * 2


def test_a_policy_page_without_a_recent_review_is_named(site):
    import datetime as dt

    review = site.review
    section = review.sections[0]
    old = site.today - dt.timedelta(days=review.max_days + 1)
    assert "no review recorded" in front_matter.stale_review({}, f"{section}/x.md", review, site.today)
    assert "over" in front_matter.stale_review({"reviewed": old}, f"{section}/x.md", review, site.today)
    assert front_matter.stale_review({"reviewed": site.today}, f"{section}/x.md", review, site.today) is None
    assert front_matter.stale_review({}, "lien-he/index.md", review, site.today) is None
