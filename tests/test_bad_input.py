"""An editor's mistake fails the build with a message naming the file and the field."""

from __future__ import annotations

import re

import pytest

from conftest import make_site_copy, run_build

pytestmark = pytest.mark.slow


def build_output(repo, tmp_path):
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    return result.returncode, result.stdout + result.stderr


def test_missing_twin_fails_naming_both_files(tmp_path):
    repo = make_site_copy(tmp_path)
    (repo / "docs/lien-he/index.en.md").unlink()
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/lien-he/index.md" in output
    assert "docs/lien-he/index.en.md" in output
    assert "thiếu trang song ngữ" in output and "twin" in output


def test_lone_english_page_fails(tmp_path):
    repo = make_site_copy(tmp_path)
    (repo / "docs/lien-he/extra.en.md").write_text("---\ntitle: X\ndescription: x\n---\n# X\n", encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/lien-he/extra.en.md" in output and "docs/lien-he/extra.md" in output


@pytest.mark.parametrize("setting, replacement, field", [
    (r"    theme:\n      vi: [^\n]+\n", "    theme:\n      vi: ''\n", "extra.edition.theme.vi"),
    (r"      start: 2025-09-22\n", "      start: 22/9/2025\n", "extra.edition.response.start/end"),
    (r"    day: 2025-10-01\n", "", "extra.edition.day"),
])
def test_bad_setting_fails_naming_the_field(tmp_path, setting, replacement, field):
    repo = make_site_copy(tmp_path)
    config = repo / "mkdocs.yml"
    text, count = re.subn(setting, replacement, config.read_text(encoding="utf-8"), count=1)
    assert count == 1, "the test's pattern no longer matches mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert f"mkdocs.yml › {field}" in output


def test_site_url_without_scheme_fails(tmp_path):
    repo = make_site_copy(tmp_path)
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", site_url="example.org/x/", check=False)
    assert result.returncode != 0
    assert "site_url" in result.stdout + result.stderr


def test_broken_internal_link_fails_naming_the_page(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/lien-he/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Sai](../khong-co/index.md)\n", encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "lien-he/index.md" in output and "khong-co/index.md" in output


def test_broken_anchor_fails_naming_the_page(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/lien-he/index.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Bad](../ke-hoach/index.md#no-such-heading)\n",
                    encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "lien-he/index.en.md" in output and "no-such-heading" in output


def test_unknown_setting_in_a_page_fails_naming_the_page(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/tin-tuc/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ edition.motto }}\n", encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/tin-tuc/index.md" in output and "motto" in output


def test_missing_description_fails_naming_the_page_and_field(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/tin-tuc/index.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\ndescription: [^\n]+", "", text, count=1), encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/tin-tuc/index.en.md › description" in output
