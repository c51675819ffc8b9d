"""An editor's mistake fails the build with a message naming the file and the field.

The checks themselves are tested as plain functions in tests/unit/test_input_checks.py; these
builds show that the build runs them and stops with their message.
"""

from __future__ import annotations

import re

import pytest

from support.sites import make_site_copy, run_build
from support.site_settings import edition


def build_output(repo, tmp_path):
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    return result.returncode, result.stdout + result.stderr


# The build stops on them -------------------------------------------------------

@pytest.mark.slow
def test_a_missing_twin_fails_the_build_naming_both_files(tmp_path):
    repo = make_site_copy(tmp_path)
    (repo / "docs/lien-he/index.en.md").unlink()
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/lien-he/index.md › twin" in output and "docs/lien-he/index.en.md" in output


@pytest.mark.slow
@pytest.mark.parametrize("file, pattern, replacement, field", [
    (edition().source, r"\nday: \d{4}-\d\d-\d\d\n", "\n", f"{edition().source} › day"),
    ("data/kit.yml", r'text: "#[0-9A-Fa-f]{6}"', 'text: "#E05050"', "data/kit.yml › colours"),
    ("data/nomination.yml", r"\ndeadline: .*\n", "\ndeadline: soon\n", "data/nomination.yml › deadline: “soon”"),
    ("data/commune.yml", r"\nphone: .*\n", "\nphone: 24000000\n", "data/commune.yml › phone: “24000000”"),
], ids=["edition", "kit", "nomination", "commune"])
def test_a_bad_setting_fails_the_build_naming_the_field(tmp_path, file, pattern, replacement, field):
    repo = make_site_copy(tmp_path)
    config = repo / file
    text, count = re.subn(pattern, replacement, config.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"the test's pattern no longer matches {file}"
    config.write_text(text, encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert field in output
    assert "Traceback" not in output, output


@pytest.mark.slow
def test_a_missing_description_fails_the_build_naming_the_page_and_field(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/tin-tuc/index.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\ndescription: [^\n]+", "", text, count=1), encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "docs/tin-tuc/index.en.md › description" in output


@pytest.mark.slow
def test_broken_internal_link_and_anchor_fail_naming_the_page(tmp_path):
    repo = make_site_copy(tmp_path)
    page = repo / "docs/lien-he/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Sai](../khong-co/index.md)\n", encoding="utf-8")
    twin = repo / "docs/lien-he/index.en.md"
    twin.write_text(twin.read_text(encoding="utf-8") + "\n[Bad](../ke-hoach/index.md#no-such-heading)\n",
                    encoding="utf-8")
    code, output = build_output(repo, tmp_path)
    assert code != 0
    assert "lien-he/index.md" in output and "khong-co/index.md" in output
    assert "lien-he/index.en.md" in output and "no-such-heading" in output
