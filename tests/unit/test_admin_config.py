"""The editing app's configuration and page, made from the schema and the settings (issue 14),
as functions: a field added to the schema appears, sections' own pages are not entries, the
repository comes from the settings or GitHub Actions, the page takes the site's colours and
fonts. In the built site: tests/build/test_admin_site.py."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from support.sites import ROOT

from innovation_day.admin import app as admin
from innovation_day.admin import config as admin_config
from innovation_day.content.entries import read_front_matter
from innovation_day.content.schema import INNOVATOR, NEWS, Field
from innovation_day.settings.models import AdminSettings



def test_a_field_added_to_the_schema_appears_in_the_app():
    place = Field("venue", "choice", True, "nơi diễn ra", "the venue", shared=True, choices=("hall", "school"))
    note = Field("note", "text", False, "ghi chú", "a note", length=(10, 80), required_with="date")
    schema = dataclasses.replace(NEWS, fields=(*NEWS.fields, place, note))
    settings = {"site_url": "https://example.invalid/", "site_name": "Ví dụ", "repo": None,
                "max_bytes": 1_000_000, "labels": {"showcase.venue.hall": "Hội trường"}, "languages": ["vi", "en"]}
    config = admin_config.config([schema], settings)
    fields = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert fields["venue"]["widget"] == "select" and fields["venue"]["required"] is True
    assert fields["venue"]["i18n"] == "duplicate"
    assert fields["venue"]["options"] == [{"label": "Hội trường", "value": "hall"},
                                          {"label": "school", "value": "school"}]
    assert fields["note"]["required"] is False and fields["note"]["i18n"] is True
    assert (fields["note"]["minlength"], fields["note"]["maxlength"]) == (10, 80)
    assert "Bắt buộc khi có" in fields["note"]["hint"] and "`note`" in fields["note"]["hint"]
    assert list(fields)[-3:] == ["venue", "note", "body"]


@pytest.mark.parametrize("schema", [INNOVATOR, NEWS], ids=["innovator", "news"])
def test_the_app_lists_entries_not_the_sections_own_pages(schema):
    marker = admin_config.entry_marker(schema)
    pattern = re.compile(admin_config.HAS_VALUE)
    for path in sorted((ROOT / "docs" / schema.section).glob("*.md")):
        meta = read_front_matter(path)[0]
        # The app tests the pattern against the value, or "null" when the field is missing.
        value = str(meta.get(marker)) if marker in meta else "null"
        is_page = path.name.split(".")[0] in schema.pages
        assert bool(pattern.search(value)) is not is_page, path.name


def test_the_repository_comes_from_the_settings_else_from_github_actions():
    environ = {"GITHUB_REPOSITORY": "xa-vi-du/trang"}
    assert admin.repo_of(None, AdminSettings(repo=None), environ) == "xa-vi-du/trang"
    assert admin.repo_of(None, AdminSettings(repo="khac/kho"), environ) == "khac/kho"
    assert admin.repo_of("https://github.com/a/b.git", AdminSettings(repo="khac/kho"), environ) == "a/b"
    assert admin.repo_of(None, AdminSettings(repo=None), {}) is None


def test_the_app_page_uses_the_sites_colours_and_fonts():
    """admin.css declares the site's palette (its notice looks like the site): the same values."""
    site_css = (ROOT / "docs" / "assets" / "css" / "extra.css").read_text(encoding="utf-8")
    own_css = (Path(admin.__file__).parent / "templates" / "admin.css").read_text(encoding="utf-8")

    def declared(css: str, name: str) -> str:
        found = re.search(rf"{re.escape(name)}:\s*([^;]+);", css)
        assert found, name
        return " ".join(found[1].split())
    for site_name, own_name in (("--md-primary-fg-color", "--primary"), ("--md-primary-fg-color--dark", "--primary-dark"),
                                ("--md-typeset-a-color", "--link"), ("--md-default-fg-color--light", "--text-light"),
                                ("--gold", "--gold"), ("--md-text-font-family", "--font")):
        assert declared(own_css, own_name) == declared(site_css, site_name), own_name
