"""A kit setting that cannot work fails the build, naming the file and the field.

The kit's checks and generators are called directly (no build); tests/build/test_bad_input.py
shows that a build stops on a bad kit setting.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from innovation_day.errors import BuildError
from innovation_day.kit import prints, words
from innovation_day.kit.build import Kit
from innovation_day.settings.mkdocs_file import site_from_file
from support.sites import ROOT
from support.site_settings import full_edition, load_with


@pytest.fixture(scope="module")
def site():
    return site_from_file(ROOT / "mkdocs.yml")


def with_kit(site, change):
    return load_with(site, {"data/kit.yml": change})


def test_a_code_too_big_for_its_banner_names_the_setting(site, tmp_path):
    banner = next(number for number, a in enumerate(site.kit.artworks, 1) if a.kind == "banner")
    changed = with_kit(site, lambda kit: kit["artworks"][banner - 1].update(scan_from=9))
    with pytest.raises(BuildError) as failure:
        prints.make(Kit(changed, full_edition(changed)), tmp_path)
    message = str(failure.value)
    assert f"data/kit.yml › artworks[{banner}].scan_from" in message
    assert "không vừa" in message and "does not fit" in message


def test_colours_without_enough_contrast_fail(site):
    with pytest.raises(BuildError, match=r"data/kit.yml › colours: .*4\.5:1"):
        with_kit(site, lambda kit: kit["colours"].update(text="#E05050"))


def test_a_loudspeaker_text_too_long_names_the_file(site, tmp_path):
    longer = dataclasses.replace(site.kit_words, loudspeaker=site.kit_words.loudspeaker + "\n\n" + "Xin nhắc lại. " * 60)
    with pytest.raises(BuildError, match=r"data/kit/words\.yml › loudspeaker: .*phút.*minutes"):
        words.make(Kit(dataclasses.replace(site, kit_words=longer), full_edition(site)), tmp_path)


def test_a_character_the_font_lacks_names_the_setting(site, tmp_path):
    edition = full_edition(site)
    starred = dataclasses.replace(edition, slogan=dict(edition.slogan, vi="★ " + edition.slogan["vi"]))
    with pytest.raises(BuildError, match=re.escape(f"{edition.source} › slogan.vi") + ".*★"):
        prints.make(Kit(site, starred), tmp_path)


@pytest.mark.parametrize("key, value, words", [
    ("bleed", -0.003, "từ 0 đến"),          # a bleed is past the trim: never negative
    ("bleed", "3mm", "“3mm” không đúng"),   # metres, as a number
    ("safe", 0.3, "quá nửa cạnh ngắn"),     # no room left for the words
])
def test_a_bleed_or_safe_margin_that_cannot_work_names_the_field(site, key, value, words):
    poster = next(number for number, a in enumerate(site.kit.artworks, 1) if a.kind == "poster")
    with pytest.raises(BuildError) as failure:
        with_kit(site, lambda kit: kit["artworks"][poster - 1].update({key: value}))
    message = str(failure.value)
    assert f"data/kit.yml › artworks[{poster}].{key}" in message and words in message


def test_a_bleed_that_makes_the_page_too_long_for_a_pdf_names_the_field(site):
    from innovation_day.settings.models import MAX_PAGE_M

    banner = next(number for number, a in enumerate(site.kit.artworks, 1) if a.kind == "banner")
    with pytest.raises(BuildError, match=re.escape(f"data/kit.yml › artworks[{banner}].bleed") + ".*PDF"):
        with_kit(site, lambda kit: kit["artworks"][banner - 1].update(width=round(MAX_PAGE_M - 0.01, 3)))
