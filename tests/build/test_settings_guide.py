"""The editor's guide lists every settings field, from the same declaration the build checks."""

from __future__ import annotations

import pytest

from innovation_day.settings import models
from innovation_day.settings.schema import rows


@pytest.mark.parametrize("lang, page", [("vi", "huong-dan/index.html"), ("en", "en/huong-dan/index.html")])
def test_the_guide_lists_every_declared_field(built_site, lang, page):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "lxml")
    shown = {cell.get_text(strip=True) for table in soup.select("article table") for cell in table.select("td:first-child")}
    for name, (_, model) in models.GUIDE_FILES.items():
        for field, what, kind, _ in rows(model, lang):
            assert field in shown, (name, field)
