"""scripts/new.py: both language files from the templates, named without diacritics, never overwriting.

Each run writes into a copy of the sources; tests/build/test_new_script.py builds what it scaffolds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import make_site_copy, run_new

from innovation_day.content.entries import read_front_matter
from innovation_day.content.schema import slugify


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_site_copy(tmp_path)


def test_help_names_both_commands_and_the_date_option():
    result = run_new("--help")
    assert result.returncode == 0
    assert "innovator" in result.stdout and "news" in result.stdout
    for command in ("innovator", "news"):
        sub = run_new(command, "--help")
        assert sub.returncode == 0 and "--date" in sub.stdout and "--title-en" in sub.stdout


@pytest.mark.parametrize("title, slug", [
    ("Hợp tác xã Rau sạch Đông Dư", "hop-tac-xa-rau-sach-dong-du"),
    ("  Trường THCS: “Sáng tạo” 4.0!  ", "truong-thcs-sang-tao-4-0"),
    ("ĐỔI MỚI Ở ĐÂY", "doi-moi-o-day"),
])
def test_slugs_are_vietnamese_without_diacritics(title, slug):
    assert slugify(title) == slug


def test_news_creates_both_files_with_the_given_date(repo):
    result = run_new("news", "Xã phát động hội thi \"sáng kiến\"", "--date", "2025-10-02",
                 "--title-en", "The commune launches an initiative contest", root=repo)
    assert result.returncode == 0, result.stderr
    vi = repo / "docs/tin-tuc/2025-10-02-xa-phat-dong-hoi-thi-sang-kien.md"
    en = repo / "docs/tin-tuc/2025-10-02-xa-phat-dong-hoi-thi-sang-kien.en.md"
    assert vi.exists() and en.exists()
    meta_vi, meta_en = read_front_matter(vi)[0], read_front_matter(en)[0]
    assert meta_vi["title"] == 'Xã phát động hội thi "sáng kiến"'
    assert meta_en["title"] == "The commune launches an initiative contest"
    assert str(meta_vi["date"]) == str(meta_en["date"]) == "2025-10-02"
    assert meta_vi["description"] == ""
    assert "docs/tin-tuc/2025-10-02-xa-phat-dong-hoi-thi-sang-kien.md" in result.stdout


def test_innovator_takes_this_year_and_lists_the_allowed_values(repo):
    result = run_new("innovator", "Hợp tác xã Đồng Xanh", "--date", "2024-05-01", root=repo)
    assert result.returncode == 0, result.stderr
    path = repo / "docs/guong-sang-tao/hop-tac-xa-dong-xanh.md"
    meta = read_front_matter(path)[0]
    assert meta["year"] == 2024 and meta["example"] is False and meta["kind"] == ""
    text = path.read_text(encoding="utf-8")
    assert "cooperative (Hợp tác xã)" in text and "agriculture (Nông nghiệp)" in text
    assert (repo / "docs/guong-sang-tao/hop-tac-xa-dong-xanh.en.md").exists()


def test_default_date_is_today(repo):
    import datetime as dt

    result = run_new("innovator", "Một gương mới", root=repo)
    assert result.returncode == 0, result.stderr
    assert read_front_matter(repo / "docs/guong-sang-tao/mot-guong-moi.md")[0]["year"] == dt.date.today().year


def test_never_overwrites(repo):
    assert run_new("innovator", "Hợp tác xã rau sạch (ví dụ)", root=repo).returncode == 0
    pair = [repo / f"docs/guong-sang-tao/hop-tac-xa-rau-sach-vi-du{s}" for s in (".md", ".en.md")]
    before = [path.read_bytes() for path in pair]
    result = run_new("innovator", "Hợp tác xã rau sạch (ví dụ)", root=repo)
    assert result.returncode != 0
    assert "không ghi đè" in result.stderr and "nothing overwritten" in result.stderr
    assert [path.read_bytes() for path in pair] == before


def test_refuses_a_news_date_in_the_future_or_not_a_date(repo):
    future = run_new("news", "Tin sau", "--date", "2999-01-01", root=repo)
    assert future.returncode != 0 and "tương lai" in future.stderr and "future" in future.stderr
    wrong = run_new("news", "Tin sai ngày", "--date", "2/10/2025", root=repo)
    assert wrong.returncode != 0 and "YYYY-MM-DD" in wrong.stderr
    assert not list((repo / "docs/tin-tuc").glob("*tin-sa*"))
