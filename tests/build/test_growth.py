"""scripts/growth.py: the decade of ordinary content it writes builds strictly (tests/unit/test_growth_table.py:
its table reports each figure's cost per added item; the README's growth table is its output)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from scripts import growth
from support.sites import run_build, share_cache, text
from support.site_settings import search_indexes

from innovation_day.content.schema import INNOVATOR, NEWS


@pytest.mark.slow
def test_ordinary_content_of_many_years_builds_and_is_listed(tmp_path):
    root = growth.copy_project(tmp_path / "repo")
    share_cache(root)   # the photos and print files already made
    news_before = len(list((root / "docs" / NEWS.section).glob("2*.md")))
    added = growth.add_decade(root, editions=2, news=12, innovators=1)
    assert added == {"editions": 1, "news": 12, "innovators": 1}
    assert len(list((root / "docs" / NEWS.section).glob("2*.md"))) == news_before + 2 * 12
    run_build(tmp_path / "site", config=root / "mkdocs.yml")
    site = tmp_path / "site"
    # More than a page of news: the list's second page exists in both languages.
    assert (site / NEWS.section / "trang-2/index.html").exists()
    assert (site / "en" / NEWS.section / "trang-2/index.html").exists()
    # The innovator's drawn photo is published in its sizes, and the innovator is listed.
    innovator = next(p for p in (root / "docs" / INNOVATOR.section).glob("*-0.md"))
    listing = BeautifulSoup((site / INNOVATOR.section / "index.html").read_text("utf-8"), "html.parser")
    assert any(innovator.stem in a["href"] for a in listing.select("main a[href]"))
    assert list((site / "anh").glob(f"{innovator.stem}*"))
    # Each language's index holds its own new items.
    item = sorted((root / "docs" / NEWS.section).glob("2*-11.md"))[0].stem
    indexes = {lang: {d["location"] for d in index["docs"]} for lang, index in search_indexes(site).items()}
    assert f"{NEWS.section}/{item}/" in indexes["vi"] and f"en/{NEWS.section}/{item}/" in indexes["en"]
    page = BeautifulSoup((site / NEWS.section / item / "index.html").read_text("utf-8"), "html.parser")
    assert len(page.select("article p")) >= 3 and text(page.find("h1"))
