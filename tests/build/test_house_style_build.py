"""The house style runs on every build: a page that departs from it fails the strict build,
with a bilingual message naming the file and line (the checks themselves are unit-tested
in test_house_style.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support.sites import add_model_innovators, build_error_line, edit, make_site_copy, run_build, text

pytestmark = pytest.mark.slow


def test_a_departure_fails_the_build_naming_file_and_line(tmp_path):
    repo = make_site_copy(tmp_path)
    edit(repo / "docs/lien-he/index.md", "## Các đơn vị thực hiện kế hoạch",
         "Treo băng rôn tại trạm y tế.\n\n## Các đơn vị thực hiện kế hoạch")
    line = build_error_line(repo, tmp_path, "docs/lien-he/index.md")
    assert "dòng" in line and "line" in line
    assert "viết “Trạm Y tế” thay cho “trạm y tế”" in line and "write “Trạm Y tế” instead of “trạm y tế”" in line


STAFF_VI = """---
title: Trạm y tế xã hoà nhịp ngày 5/1/2026
description: Sáng 5/1/2026 trạm y tế xã tổ chức buổi nói chuyện về sức khoẻ cho bà con trong xã, văn hoá ứng xử.
date: {date}
---

Sáng 5/1/2026, trạm y tế xã hoà cùng bà con nói chuyện về sức khoẻ. Bà con hỏi: “Hoà giải ở đâu 5/1/2026?”

> Lời kể: hoà giải 5/1/2026
"""
STAFF_EN = """---
title: Health station talk on 5 January 2026
description: The commune health station held a talk on health for residents, the week after national innovation day.
date: {date}
---

The health station held a talk after national innovation day, 01-10.
"""


def test_staff_content_in_old_style_is_published_in_house_style(tmp_path):
    """A news item as staff type it (old spellings, a date as typed, capitals in running text)
    does not stop the build: the site publishes the house forms, and only in the staff's own words
    (quotations stay as written, and the plan's text keeps its own spellings)."""
    from innovation_day.content.house_style import _OLD_STYLE, decree_date

    repo = make_site_copy(tmp_path)
    add_model_innovators(repo)   # the showcase's models (tests/fixtures/showcase/): the site lists none yet
    date = "2025-10-02"   # a day already past, as the schema requires
    (repo / "docs/tin-tuc" / f"{date}-noi-chuyen-suc-khoe.md").write_text(STAFF_VI.format(date=date), "utf-8")
    (repo / "docs/tin-tuc" / f"{date}-noi-chuyen-suc-khoe.en.md").write_text(STAFF_EN.format(date=date), "utf-8")
    edit(repo / "docs/guong-sang-tao/truong-hoc-so-vi-du.md", "\n---\n", "\n---\n\nMột lớp học văn hoá, uỷ ban hỗ trợ.\n")
    run_build(tmp_path / "out", config=repo / "mkdocs.yml")

    page = BeautifulSoup((tmp_path / "out/tin-tuc/2025-10-02-noi-chuyen-suc-khoe/index.html")
                         .read_text("utf-8"), "html.parser")
    article = text(page.find("article"))
    typed = decree_date(5, 1, 2026)
    assert f"Trạm Y tế xã hòa nhịp ngày {typed}" in text(page.find("h1"))
    assert f"Sáng {typed}, Trạm Y tế xã hòa cùng bà con nói chuyện về sức khỏe" in article
    assert "“Hoà giải ở đâu 5/1/2026?”" in article and "hoà giải 5/1/2026" in article   # quoted: as written
    assert f"Trạm Y tế xã hòa nhịp ngày {typed}" in page.title.string
    home = text(BeautifulSoup((tmp_path / "out/index.html").read_text("utf-8"), "html.parser").find("main"))
    assert f"Trạm Y tế xã hòa nhịp ngày {typed}" in home
    english = text(BeautifulSoup((tmp_path / "out/en/tin-tuc/2025-10-02-noi-chuyen-suc-khoe/index.html")
                                 .read_text("utf-8"), "html.parser").find("article"))
    assert "after National Innovation Day, 1 October." in english
    innovator = text(BeautifulSoup((tmp_path / "out/guong-sang-tao/truong-hoc-so-vi-du/index.html")
                                   .read_text("utf-8"), "html.parser").find("article"))
    assert "Một lớp học văn hóa, ủy ban hỗ trợ." in innovator
    # The plan is published word for word, old spellings included.
    plan_source = (repo / "docs/ke-hoach/2025.md").read_text("utf-8")
    plan = text(BeautifulSoup((tmp_path / "out/ke-hoach/2025/index.html").read_text("utf-8"), "html.parser"))
    old = sorted({word for word in plan_source.split() if any(word.rstrip(".,;:)").endswith(p) for p in _OLD_STYLE)})
    assert old and all(word.rstrip(".,;:)") in plan for word in old)
