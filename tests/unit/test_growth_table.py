"""scripts/growth.py's table: each figure before and after a decade of content, and its cost per added item
(the README's growth table is its output)."""

from __future__ import annotations

import json

from scripts import growth


def test_the_table_gives_each_figure_per_added_item():
    before = growth.Figures(build_s=10.0, warm_build_s=2.0, site_bytes=1024 ** 2, pages=40,
                            first_view={"": 50 * 1024}, index_gzip={"vi": 20480}, index_pages={"vi": 20})
    after = growth.Figures(build_s=40.0, warm_build_s=5.0, site_bytes=4 * 1024 ** 2, pages=340,
                           first_view={"": 51 * 1024, "tin-tuc/": 60 * 1024}, index_gzip={"vi": 122880},
                           index_pages={"vi": 170}, suite_s=None)
    table = growth.table(before, after, {"editions": 0, "news": 100, "innovators": 50})
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table.splitlines() if line.startswith("| ")}
    assert rows["Build, cold cache (`mkdocs build --strict`)"].endswith("| +0.200 s |")
    assert rows["Pages (both languages)"] == "| Pages (both languages) | 40 | 340 | +2.00 |"
    assert rows["Search index, vi (gzip)"].endswith("| +0.67 KiB |")
    assert "| 1,024 B | 723 B |" in rows["… per indexed page, vi"]
    assert "`/` → `/tin-tuc/`" in table
    json.dumps(table)   # plain text
