"""News sources: each item is dated in the past, and a broken one is named by file and field
(the content checks the build runs first, called directly on a copy of the sources)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from support.news import ITEM, items
from support.sites import assert_one_problem, edit, make_site_copy


def test_items_are_factual_and_dated_in_the_past():
    assert len(items()) >= 3
    for item in items():
        assert item["vi"]["date"] == item["en"]["date"] <= dt.date.today()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+", item["slug"])


def set_field(path: Path, key: str, value: str) -> None:
    content, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1, f"no {key} in {path}"
    path.write_text(content, encoding="utf-8")


def both(repo: Path, old: str, new: str) -> None:
    edit(repo / f"{ITEM}.md", old, new)
    edit(repo / f"{ITEM}.en.md", old, new)


@pytest.mark.parametrize("breaking, where, vi, en", [
    (lambda r: edit(r / f"{ITEM}.md", "date: 2025-09-25\n", ""),
     f"{ITEM}.md › date", "thiếu ngày của tin (YYYY-MM-DD)", "missing the date of the item (YYYY-MM-DD)"),
    (lambda r: set_field(r / f"{ITEM}.en.md", "description", "''"),
     f"{ITEM}.en.md › description", "thiếu tóm tắt", "missing the summary"),
    (lambda r: set_field(r / f"{ITEM}.md", "description", "Ngắn quá."),
     f"{ITEM}.md › description", "dài 9 ký tự: cần từ 50 đến 170 ký tự", "9 characters long: it needs 50 to 170"),
    (lambda r: both(r, "date: 2025-09-25", "date: 25/9/2025"),
     f"{ITEM}.md › date", "không phải ngày hợp lệ '25/9/2025' (viết YYYY-MM-DD",
     "not a valid date '25/9/2025' (write YYYY-MM-DD"),
    (lambda r: both(r, "date: 2025-09-25", "date: 2099-01-01"),
     f"{ITEM}.md › date", "ngày 2099-01-01 ở tương lai", "the date 2099-01-01 is in the future"),
    (lambda r: both(r, "date: 2025-09-25", "date: 2025-13-40"),
     f"{ITEM}.md › front matter", "không đọc được phần thông tin đầu trang", "cannot read the front matter"),
    (lambda r: edit(r / f"{ITEM}.en.md", "date: 2025-09-25", "date: 2025-09-26"),
     f"{ITEM}.en.md › date", "khác với tệp tiếng Việt", "differs from the Vietnamese file"),
    (lambda r: (r / f"{ITEM}.md").unlink(),
     f"{ITEM}.en.md › twin", "thiếu trang song ngữ", "the other-language twin"),
    (lambda r: [(r / "docs/tin-tuc/2025-09-25-CONG-BO-TRIEN-LAM-VIIE-2025.md").write_bytes((r / f"{ITEM}.md").read_bytes()),
                (r / "docs/tin-tuc/2025-09-25-CONG-BO-TRIEN-LAM-VIIE-2025.en.md").write_bytes(
                    (r / f"{ITEM}.en.md").read_bytes())],
     "docs/tin-tuc/2025-09-25-CONG-BO-TRIEN-LAM-VIIE-2025.md › slug", f"trùng địa chỉ (slug) với {ITEM}.md",
     f"same address (slug) as {ITEM}.md"),
    (lambda r: [(r / "docs/tin-tuc/trang-2.md").write_bytes((r / f"{ITEM}.md").read_bytes()),
                (r / "docs/tin-tuc/trang-2.en.md").write_bytes((r / f"{ITEM}.en.md").read_bytes())],
     "docs/tin-tuc/trang-2.md › slug", "trùng với trang danh sách", "reserved for the list's own pages"),
], ids=["missing-date", "empty-summary-en", "short-summary", "date-not-a-date", "date-in-future", "impossible-date", "twin-date-differs",
        "missing-twin", "duplicate-slug", "reserved-slug"])
def test_a_broken_news_item_fails_the_build_naming_file_and_field(tmp_path, breaking, where, vi, en):
    repo = make_site_copy(tmp_path)
    breaking(repo)
    assert_one_problem(repo, where, vi, en)
