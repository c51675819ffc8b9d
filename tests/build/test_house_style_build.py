"""The house style runs on every build: a page that departs from it fails the strict build,
with a bilingual message naming the file and line (the checks themselves are unit-tested
in test_house_style.py)."""

from __future__ import annotations

import pytest

from support.sites import build_error_line, edit, make_site_copy

pytestmark = pytest.mark.slow


def test_a_departure_fails_the_build_naming_file_and_line(tmp_path):
    repo = make_site_copy(tmp_path)
    edit(repo / "docs/lien-he/index.md", "## Các đơn vị thực hiện kế hoạch",
         "Treo băng rôn tại trạm y tế.\n\n## Các đơn vị thực hiện kế hoạch")
    line = build_error_line(repo, tmp_path, "docs/lien-he/index.md")
    assert "dòng" in line and "line" in line
    assert "viết “Trạm Y tế” thay cho “trạm y tế”" in line and "write “Trạm Y tế” instead of “trạm y tế”" in line
