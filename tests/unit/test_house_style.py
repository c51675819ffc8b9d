"""The house style (innovation_day/content/house_style.py), called directly: fast, no build.

What it checks is listed for editors in docs/huong-dan/ ("Cách viết"); these tests
hold the checker to that list and to its rule of what it skips (the plan's text,
quotations, code, addresses, Vietnamese parts of English pages).
"""

from __future__ import annotations

import datetime as dt

import pytest

from support.sites import ROOT  # noqa: E402

from innovation_day.content import house_style as hs
from innovation_day.settings.dates import format_date


def found(text: str, lang: str = "vi", **options) -> list[str]:
    """What the checker objects to in a one-file text, as the forms it asks for."""
    path = "docs/x.en.md" if lang == "en" else "docs/x.md"
    return [problem[3] for problem in hs.check_text(path, text, **options)]


def test_the_project_keeps_its_house_style():
    problems = hs.check_project(ROOT)
    assert problems == [], "\n".join(" › ".join(p[:2]) + ": " + p[3] for p in problems)


@pytest.mark.parametrize("wrong, right", [
    ("hoà bình", "hòa"), ("văn hoá", "hóa"), ("lan toả", "tỏa"), ("xoá bỏ", "xóa"),
    ("minh hoạ", "họa"), ("sức khoẻ", "khỏe"), ("Uỷ ban", "Ủy"), ("thuỷ lợi", "thủy"),
])
def test_one_spelling_per_word(wrong, right):
    problems = found(f"Câu có {wrong}.")
    assert len(problems) == 1 and f"“{right}" in problems[0]


@pytest.mark.parametrize("fine", ["hoàn thành", "hoạt động", "quý vị", "Ủy ban nhân dân", "văn hóa", "toán học"])
def test_words_with_one_form_only_pass(fine):
    assert found(f"Câu có {fine}.") == []


def test_health_station_and_the_days_name():
    assert len(found("Treo tại trạm y tế.")) == 1
    assert found("Treo tại Trạm Y tế.") == []
    assert len(found("Hưởng ứng Ngày hội đổi mới sáng tạo quốc gia.")) == 1
    assert found("Hưởng ứng Ngày hội Đổi mới sáng tạo quốc gia.") == []


@pytest.mark.parametrize("wrong, right", [
    ("5/10/2025", "05/10/2025"), ("13/1/2025", "13/01/2025"), ("22/09/2025", "22/9/2025"),
    ("1/10", "01/10"), ("09–10/1/2021", "10/01/2021"),
])
def test_dates_as_decree_30(wrong, right):
    problems = found(f"Ngày {wrong}.")
    assert len(problems) == 1 and f"“{right}”" in problems[0]


def test_fractions_and_document_numbers_are_not_dates():
    assert found("435/438 đại biểu; Nghị quyết 57-NQ/TW; Công văn 4652/BKHCN-ĐMST; 01/10/2025.") == []


def test_the_sites_dates_follow_the_decree_every_day_of_the_year():
    day = dt.date(2025, 1, 1)
    while day.year == 2025:
        assert format_date(day, "vi") == hs.decree_date(day.day, day.month, day.year)
        assert format_date(day, "vi", year=False) == hs.decree_date(day.day, day.month)
        day += dt.timedelta(days=1)


def test_technical_words_belong_to_the_editors_guide():
    text = "Tải tệp .ics về máy; theo dõi nguồn tin Atom."
    assert len(found(text)) == 2
    assert found(text, technical_ok=True) == []
    assert len(found("Download the .ics file or the Atom feed.", "en")) == 2


@pytest.mark.parametrize("wrong", [
    "National Innovation Day 01-10", "the response period", "the Culture and Society Office",
    "a clean-vegetable cooperative", "the village hall", "National innovation day",
])
def test_english_forms(wrong):
    assert len(found(f"It is {wrong}.", "en")) == 1


def test_english_keeps_vietnamese_parts_and_addresses():
    text = ('The Day (<span lang="vi">Ngày hội đổi mới sáng tạo quốc gia 01-10</span>), see '
            '[the page](https://example.vn/ngay-hoi-01-10/) and `01-10`.')
    assert found(text, "en") == []


def test_a_vietnamese_block_in_an_english_page_is_skipped():
    text = '<section class="form" lang="vi">\n<p>Ngày hội 01-10</p>\n</section>\nThen 01-10 again.\n'
    assert len(found(text, "en")) == 1


def test_quotations_code_and_the_plans_text_are_skipped():
    text = "\n".join([
        "Khẩu hiệu: “Nhiệt liệt chào mừng Ngày hội đổi mới sáng tạo quốc gia 01-10”.",
        "> Trích: nhà văn hoá thôn, trạm y tế.",
        "Viết `hoà` là sai.",
        "```text", "hoà 5/10/2025", "```",
        '<div class="plan-text" markdown>',
        "Thời gian tổ chức Từ ngày 22/9/2025; nhà văn hoá thôn, trạm y tế.",
    ])
    assert found(text) == []


def test_the_plans_verbatim_text_would_fail_outside_its_block():
    # The rule to skip it is not idle: the plan itself writes other forms.
    plan = (ROOT / "tests" / "fixtures" / "ke-hoach-goc.txt").read_text(encoding="utf-8")
    assert found(plan)
    # The 2025 plan's page: the one whose verbatim text is the fixture.
    page = (ROOT / "docs" / "ke-hoach" / "2025.md").read_text(encoding="utf-8")
    assert "hoá" in page and hs.check_text("docs/ke-hoach/2025.md", page) == []


def test_a_problem_names_file_and_line_in_both_languages():
    (path, where, vi, en), = hs.check_text("docs/a.md", "Dòng một.\nTrạm y tế.\n")
    assert path == "docs/a.md" and where == "dòng 2 / line 2"
    assert "“Trạm Y tế”" in vi and "viết" in vi and "write" in en


def test_settings_fields_are_checked_by_name():
    problems = hs.check_fields("mkdocs.yml", [("plugins.i18n.languages.en.site_name", "en",
                                               "National Innovation Day 01-10 · Thuận An Commune")])
    assert [p[:2] for p in problems] == [("mkdocs.yml", "plugins.i18n.languages.en.site_name")]


@pytest.mark.parametrize("wrong", ["Bạn có thể làm gì", "để bạn tra cứu", "Các bạn hãy hỏi", "nơi bạn ở"])
def test_residents_are_bà_con_not_bạn(wrong):
    problems = found(f"{wrong}.")
    assert len(problems) == 1 and "bà con" in problems[0]


def test_bà_con_and_người_dân_pass_and_english_keeps_you():
    assert found("Bà con có thể hỏi; người dân nơi mình ở; bạn bè trong thôn.") == []
    assert found("What you can do.", "en") == []


def test_one_name_for_the_hi_tech_park_and_for_an_expos_booths():
    assert len(found("gần 200 gian hàng")) == 1 and found("gần 200 gian trưng bày") == []
    assert len(found("at Hòa Lạc High-Tech Park", "en")) == 1 and found("at Hòa Lạc Hi-tech Park", "en") == []


# Staff content: house forms put in, not errors ------------------------------

def test_staff_files_are_the_entries_the_app_writes():
    from innovation_day.content.schema import SCHEMAS
    for schema in SCHEMAS.values():
        assert hs.staff_file(f"docs/{schema.section}/mot-muc.md")
        assert hs.staff_file(f"docs/{schema.section}/mot-muc.en.md")
        assert not any(hs.staff_file(f"docs/{schema.section}/{page}.md") for page in schema.pages)
    assert not hs.staff_file("docs/ke-hoach/2025.md") and not hs.staff_file("docs/index.md")


@pytest.mark.parametrize("typed, published", [
    ("Bà con hoà cùng Uỷ ban.", "Bà con hòa cùng Ủy ban."),
    ("Ngày 5/1/2026 tại trạm y tế.", "Ngày 05/01/2026 tại Trạm Y tế."),
    ("Hưởng ứng ngày hội đổi mới sáng tạo, 22/09/2025.", "Hưởng ứng Ngày hội Đổi mới sáng tạo, 22/9/2025."),
])
def test_staff_text_gets_the_house_forms(typed, published):
    fixed, changed = hs.house_forms(typed, "vi")
    assert fixed == published and changed
    assert hs.check_text("docs/tin-tuc/x.md", fixed) == []


def test_house_forms_leave_quotations_code_addresses_and_the_plan_as_written():
    kept = ("Họ nói: “hoà 5/1/2026”.\n> hoà 5/1/2026\n`hoà` [xem](../hoà.md)\n"
            '<div class="plan-text" markdown>\n\nHoà bình 5/1/2026, trạm y tế.\n</div>\n')
    assert hs.house_forms(kept, "vi") == (kept, [])
    assert hs.house_forms("The Day, 01-10, at the “national innovation day” fair.", "en")[0] == \
        "The Day, 1 October, at the “national innovation day” fair."


def test_what_only_a_person_can_choose_is_warned_not_stopped(tmp_path):
    item = tmp_path / "docs/tin-tuc/2025-10-02-x.md"
    item.parent.mkdir(parents=True)
    item.write_text("Tải tệp .ics về máy, hoà cùng bà con.\n", "utf-8")
    assert hs.check_project(tmp_path) == []
    warned = hs.warn_staff(tmp_path)
    assert len(warned) == 1 and "docs/tin-tuc/2025-10-02-x.md" == warned[0][0] and ".ics" in warned[0][2]
