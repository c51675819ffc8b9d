"""An editor's mistake fails the build with a message naming the file and the field.

Each check is tested as the plain function it is (fast); a few builds show that the
build runs those checks and stops with their message (slow).
"""

from __future__ import annotations

import copy
import re

import pytest

from conftest import make_site_copy, run_build
from innovation_day.content import front_matter
from innovation_day.content.twins import check_twins
from innovation_day.errors import BuildError, BuildErrors
from innovation_day.settings.mkdocs_file import site_from_file
from innovation_day.settings.page_templating import environment, render_page
from innovation_day.settings.site import load_site
from innovation_day.templates import environment as templates
from kit_helpers import ROOT
from site_settings import edition
from site_settings import load_with as settings_with


@pytest.fixture(scope="module")
def site():
    return site_from_file(ROOT / "mkdocs.yml")


def load_with(site, changes=None, site_url=None):
    return settings_with(site, changes or {}, site_url)


def build_output(repo, tmp_path):
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    return result.returncode, result.stdout + result.stderr


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


# The build stops on them -------------------------------------------------------

@pytest.mark.slow
def test_a_missing_twin_fails_the_build_naming_both_files(tmp_path):
    repo = make_site_copy(tmp_path)
    (repo / "docs/lien-he/index.en.md").unlink()
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/lien-he/index.md › twin" in output and "docs/lien-he/index.en.md" in output


@pytest.mark.slow
@pytest.mark.parametrize("file, pattern, replacement, field", [
    (edition().source, r"\nday: \d{4}-\d\d-\d\d\n", "\n", f"{edition().source} › day"),
    ("data/kit.yml", r'text: "#[0-9A-Fa-f]{6}"', 'text: "#E05050"', "data/kit.yml › colours"),
    ("data/nomination.yml", r"\ndeadline: .*\n", "\ndeadline: soon\n", "data/nomination.yml › deadline: “soon”"),
    ("data/commune.yml", r"\nphone: .*\n", "\nphone: 24000000\n", "data/commune.yml › phone: “24000000”"),
], ids=["edition", "kit", "nomination", "commune"])
def test_a_bad_setting_fails_the_build_naming_the_field(tmp_path, file, pattern, replacement, field):
    repo = make_site_copy(tmp_path)
    config = repo / file
    text, count = re.subn(pattern, replacement, config.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"the test's pattern no longer matches {file}"
    config.write_text(text, encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert field in output
    assert "Traceback" not in output, output


@pytest.mark.slow
def test_a_missing_description_fails_the_build_naming_the_page_and_field(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/tin-tuc/index.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\ndescription: [^\n]+", "", text, count=1), encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/tin-tuc/index.en.md › description" in output


@pytest.mark.slow
def test_broken_internal_link_and_anchor_fail_naming_the_page(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/lien-he/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Sai](../khong-co/index.md)\n", encoding="utf-8")
    twin = repo / "docs/lien-he/index.en.md"
    twin.write_text(twin.read_text(encoding="utf-8") + "\n[Bad](../ke-hoach/index.md#no-such-heading)\n",
                    encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "lien-he/index.md" in output and "khong-co/index.md" in output
    assert "lien-he/index.en.md" in output and "no-such-heading" in output


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
