"""Staff mistakes in the settings files: every one named, in both languages, in one pass.

The settings under data/ are declared once (innovation_day/settings/models.py); these tests
type into them what a new member of staff would, and read the message the build gives.
Expected field names come from the declaration, not from this year's values.
"""

from __future__ import annotations

import dataclasses

import pytest

from innovation_day.errors import BuildError, BuildErrors
from innovation_day.settings import models
from innovation_day.settings.schema import Field, fields_of, load_text, read, rows
from support.site_settings import load_with, site as site_of


@pytest.fixture(scope="module")
def site():
    return site_of()


def problems(site, changes) -> str:
    with pytest.raises(BuildError) as failure:
        load_with(site, changes)
    return str(failure.value)


def one_problem(site, changes) -> str:
    message = problems(site, changes)
    lines = [line for line in message.splitlines() if line.startswith("  - ")]
    assert len(lines) == 1, message
    return lines[0][4:]


def test_a_deadline_that_is_not_a_date_is_named_not_a_traceback(site):
    line = one_problem(site, {"data/nomination.yml": lambda raw: raw.update(deadline="soon")})
    assert line.startswith("data/nomination.yml › deadline: ")
    assert "“soon” không đúng" in line and "YYYY-MM-DD" in line and "is not right" in line


def test_a_phone_typed_without_quotes_keeps_its_leading_zero(site):
    text = "\n".join(line if not line.startswith("phone:") else "phone: 0240 000 0000"
                     for line in (site.root / "data/commune.yml").read_text(encoding="utf-8").splitlines())
    commune = read(models.Commune, load_text(text), "data/commune.yml", BuildErrors("t"), site.languages)
    assert commune.phone == "0240 000 0000"


@pytest.mark.parametrize("phone", ["12345", "0243-abc", "84912345678"])
def test_a_phone_that_is_not_a_vietnamese_number_is_refused(site, phone):
    line = one_problem(site, {"data/commune.yml": lambda raw: raw.update(phone=phone)})
    assert line.startswith("data/commune.yml › phone: ") and "số điện thoại Việt Nam" in line
    assert "Vietnamese phone number" in line


@pytest.mark.parametrize("field, value", [("email", "vanphong"), ("zalo", "zalo.me/123"), ("website", "www.x")])
def test_addresses_must_be_written_whole(site, field, value):
    line = one_problem(site, {"data/commune.yml": lambda raw: raw.update({field: value})})
    assert line.startswith(f"data/commune.yml › {field}: ")


def test_a_text_readers_see_needs_both_languages(site):
    line = one_problem(site, {"data/nomination.yml": lambda raw: raw["office"].pop("en")})
    assert line == "data/nomination.yml › office.en: thiếu nội dung / missing text"


def test_a_misspelt_field_is_named_with_the_right_ones(site):
    line = one_problem(site, {"data/commune.yml": lambda raw: raw.update(phon="024 0000 0000")})
    names = [f.name for f in fields_of(models.Commune)]
    assert line.startswith("data/commune.yml › phon: không có mục này")
    assert all(name in line for name in names)


def test_a_required_field_left_empty_says_what_to_write(site):
    line = one_problem(site, {"data/kit.yml": lambda raw: raw.update(search_words=None)})
    spec = next(f for f in fields_of(models.KitSettings) if f.name == "search_words")
    assert line.startswith("data/kit.yml › search_words: bắt buộc") and spec.vi in line and spec.en in line


def test_a_number_out_of_range_gives_the_range(site):
    line = one_problem(site, {"data/site.yml": lambda raw: raw["reading"].update(rate=5)})
    assert line == "data/site.yml › reading.rate: phải từ 0.5 đến 2 (đang là 5) / must be from 0.5 to 2 (now 5)"


def test_a_file_that_is_not_yaml_names_its_line(site, tmp_path):
    errors = BuildErrors("t")
    broken = tmp_path / "commune.yml"
    broken.write_text("name:\n  vi: UBND\n en: x\n", encoding="utf-8")
    from innovation_day.settings.schema import load_file
    assert load_file(broken, "data/commune.yml", errors) is None
    assert errors.problems == ["data/commune.yml › YAML: không đọc được (dòng 3): kiểm tra dấu hai chấm, thụt lề "
                               "và dấu ngoặc kép / cannot be read (line 3): check the colons, the indentation and "
                               "the quotes"]


def test_every_mistake_of_every_file_in_one_pass(site):
    message = problems(site, {
        "data/commune.yml": lambda raw: raw.update(phone="12", email="x"),
        "data/nomination.yml": lambda raw: raw.update(open="yes please"),
        "data/kit.yml": lambda raw: raw["colours"].update(text="yellow"),
        "data/site.yml": lambda raw: raw["news"].update(home="three"),
    })
    for where in ("data/commune.yml › phone", "data/commune.yml › email", "data/nomination.yml › open",
                  "data/kit.yml › colours.text", "data/site.yml › news.home"):
        assert where in message, message
    assert "5 problem(s)" in message


def test_every_declared_field_has_both_languages_and_a_known_kind():
    for file in models.FILES:
        for name, what, kind, _ in rows(file.model, "vi"):
            assert what and kind, (file.path, name)
        for spec in fields_of(file.model):
            assert spec.vi and spec.en and isinstance(spec, Field)


def test_a_good_value_of_each_kind_is_read_as_its_type(site):
    @dataclasses.dataclass(frozen=True)
    class Sample:
        when: object = models.setting("date", "ngày", "date", required=True)
        many: object = models.setting("integer", "số", "count", required=True, minimum=0)
        share: object = models.setting("number", "tỉ lệ", "share", required=True)
        on: object = models.setting("bool", "bật", "on", required=True)
        colour: object = models.setting("colour", "màu", "colour", required=True)
        repo: object = models.setting("repo", "kho", "repo", required=True)

    raw = load_text("when: 2026-10-01\nmany: 12\nshare: 0.5\non: true\ncolour: '#a4161a'\nrepo: ubnd/ngay-hoi\n")
    sample = read(Sample, raw, "x.yml", BuildErrors("t"), site.languages)
    assert (sample.when.isoformat(), sample.many, sample.share, sample.on, sample.colour, sample.repo) == \
        ("2026-10-01", 12, 0.5, True, "#A4161A", "ubnd/ngay-hoi")



def test_every_marker_the_pages_write_is_in_the_one_table():
    pass

    from innovation_day import markers

    from support.sites import ROOT as root
    used = {m.group(1) for path in (root / "docs").rglob("*.md")
            for m in markers.MARKER.finditer(path.read_text(encoding="utf-8"))}
    assert used and used <= set(markers.NAMES), used - set(markers.NAMES)
    with pytest.raises(ValueError, match="does not list"):
        markers.replace("x", {"kit.unlisted": lambda arg: ""})


def test_nominations_are_said_open_only_with_their_source(site):
    line = one_problem(site, {"data/nomination.yml": lambda raw: raw.update(open=True, source=None)})
    assert line.startswith("data/nomination.yml › source: ")
    opened = load_with(site, {"data/nomination.yml": lambda raw: raw.update(
        open=True, source="https://example.vn/thong-bao-vi-du")})
    assert opened.nomination.open is True
