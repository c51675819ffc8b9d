"""scripts/new.py: an item it scaffolds, once filled in, builds and is listed (tests/unit/test_new_items.py
tests the files it writes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.sites import make_site_copy, run_build, run_new


@pytest.mark.slow
def test_a_scaffolded_item_filled_in_builds_and_is_listed(tmp_path):
    repo = make_site_copy(tmp_path)
    assert run_new("news", "Xã tổ chức tọa đàm", "--date", "2025-10-03", root=repo).returncode == 0
    base = repo / "docs/tin-tuc/2025-10-03-xa-to-chuc-toa-dam"
    # Unfilled, the build names what is missing.
    result = run_build(tmp_path / "unfilled", config=repo / "mkdocs.yml", check=False)
    assert result.returncode != 0
    assert f"{base.relative_to(repo)}.en.md › title: thiếu tiêu đề / missing the title" in result.stdout + result.stderr
    for suffix, title, summary in ((".md", None, "Tóm tắt thử: xã tổ chức tọa đàm về đổi mới sáng tạo cho các hộ sản xuất."),
                                  (".en.md", "A round-table", "A test summary: the commune holds a round-table on innovation.")):
        path = Path(f"{base}{suffix}")
        text = path.read_text(encoding="utf-8").replace('description: ""', f'description: "{summary}"')
        if title:
            text = text.replace('title: ""', f'title: "{title}"')
        path.write_text(text, encoding="utf-8")
    site = tmp_path / "filled"
    run_build(site, config=repo / "mkdocs.yml")
    listing = (site / "en/tin-tuc/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="2025-10-03-xa-to-chuc-toa-dam/">A round-table</a>', listing)
    assert (site / "tin-tuc/2025-10-03-xa-to-chuc-toa-dam/index.html").exists()
