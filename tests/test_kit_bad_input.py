"""A kit setting that cannot work fails the build, naming the file and the field."""

from __future__ import annotations

import re

import pytest

from conftest import make_site_copy, run_build

pytestmark = pytest.mark.slow


def build_with(tmp_path, pattern: str, replacement: str, file: str = "mkdocs.yml") -> str:
    repo = make_site_copy(tmp_path)
    path = repo / file
    text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"the test's pattern no longer matches {file}"
    path.write_text(text, encoding="utf-8")
    result = run_build(tmp_path / "out", config=repo / "mkdocs.yml", check=False)
    assert result.returncode != 0
    return result.stdout + result.stderr


def test_a_code_too_big_for_its_banner_names_the_setting(tmp_path):
    output = build_with(tmp_path, r"(file: bang-ron-0-8x5m[^\n]*\n(?:[^\n]*\n){3}\s+scan_from: )5", r"\g<1>9")
    assert "mkdocs.yml › extra.kit.artworks[1].scan_from" in output
    assert "không vừa" in output and "does not fit" in output


def test_colours_without_enough_contrast_fail(tmp_path):
    output = build_with(tmp_path, r'text: "#FFD60A"', 'text: "#E05050"')
    assert "mkdocs.yml › extra.kit.colours" in output and "4.5:1" in output


def test_a_loudspeaker_text_too_long_fails_naming_the_file(tmp_path):
    output = build_with(tmp_path, r"(Xin cảm ơn bà con đã lắng nghe!)", r"\1 " + "Xin nhắc lại. " * 60,
                        file="data/kit/loa-phat-thanh.txt")
    assert "data/kit/loa-phat-thanh.txt" in output and "phút" in output and "minutes" in output


def test_a_character_the_font_lacks_fails_naming_the_setting(tmp_path):
    output = build_with(tmp_path, r"(    slogan:\n      vi: )", r"\1★ ")
    assert "extra.edition.slogan.vi" in output and "★" in output
