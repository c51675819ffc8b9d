"""The build as a whole: nothing from source published, rebuilds equal fresh builds, mistyped
markers fail, a recorded review is shown (tests/browser/test_repo_facts.py: with repo_url set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import compare_sites
from support.sites import ROOT, build_error_line, edit, make_site_copy, run_build


def published(site: Path) -> list[str]:
    """Every file a built site holds, site-relative."""
    return [p.relative_to(site).as_posix() for p in sorted(site.rglob("*")) if p.is_file()]


def test_nothing_from_source_is_published(built_site):
    names = published(built_site)
    assert not [n for n in names if n.endswith((".map", ".py", ".md"))]
    assert not [n for n in names if n.startswith(("hooks/", "partials/"))]
    assert not [n for n in names if "/palette." in n]
    lunr = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("assets/javascripts/lunr/"))
    assert lunr == ["lunr.multi.min.js", "lunr.stemmer.support.min.js", "lunr.vi.min.js"]
    assert sorted(n for n in names if n.endswith(".xml")) == ["en/tin-tuc/feed.xml", "sitemap.xml", "tin-tuc/feed.xml"]


@pytest.mark.slow
def test_a_rebuild_in_the_same_process_equals_a_fresh_build(built_site, tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds in one process: what it serves must be what a fresh build makes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)  # as run_build: the same in CI
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for run in ("first", "again"):
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / run), strict=True))
    # Apart from the build's date (scripts/compare_sites.py): the fresh build may be of another day.
    assert compare_sites.differences(built_site, tmp_path / "again") == []
    assert compare_sites.differences(tmp_path / "first", tmp_path / "again") == []


@pytest.mark.slow
@pytest.mark.parametrize("marker", ["<!-- hooks/kit-qr.py -->", "<!-- insert: kit-qr -->"])
def test_a_mistyped_marker_fails_the_build_naming_the_file(tmp_path, marker):
    repo = make_site_copy(tmp_path)
    edit(repo / "docs/tai-lieu/index.md", "<!-- insert: kit.qr -->", marker)
    line = build_error_line(repo, tmp_path, "docs/tai-lieu/index.md")
    assert marker in line


@pytest.mark.slow
def test_a_recorded_review_is_shown_in_the_pages_language(tmp_path):
    import datetime as dt

    from innovation_day.settings.dates import format_date

    repo = make_site_copy(tmp_path)
    day = dt.date.today() - dt.timedelta(days=3)
    for suffix in (".md", ".en.md"):
        edit(repo / f"docs/chinh-sach/thuat-ngu{suffix}", "\ndescription:", f"\nreviewed: {day.isoformat()}\ndescription:")
    site = tmp_path / "site"
    run_build(site, config=repo / "mkdocs.yml")
    vi = (site / "chinh-sach/thuat-ngu/index.html").read_text(encoding="utf-8")
    en = (site / "en/chinh-sach/thuat-ngu/index.html").read_text(encoding="utf-8")
    from innovation_day.settings.mkdocs_file import site_from_file

    t = site_from_file(ROOT / "mkdocs.yml").t
    for lang, html in (("vi", vi), ("en", en)):
        assert f'<p class="page-reviewed">{t(lang)("page.reviewed", date=format_date(day, lang))}</p>' in html
