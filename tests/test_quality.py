"""Valid HTML and no accessibility violations (WCAG 2.2 A/AA) on every page.

The W3C Nu validator (npm vnu-jar, run with Java) reads every built page;
axe-core runs in Chromium on every page at a phone and a desktop width.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from page_walk import MISSING, VIEWPORTS, source_pages

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site):
    assert VNU.exists() and shutil.which("java"), "run `make test`: it installs vnu-jar (needs Java)"
    files = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(files) >= 20
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == []


def test_the_validator_does_catch_errors(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="vi"><title>x</title><p><div></p>', encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "error" in result.stderr


# Each page's axe results come from its one walk (tests/page_walk.py), the 404 page's too.
@pytest.mark.browser
@pytest.mark.parametrize("walked", [*source_pages(), MISSING])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations(walk, walked, viewport):
    assert getattr(walk(walked), viewport).axe == []
