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

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


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


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violations_on_any_page(browser, server, pages, viewport):
    source = AXE.read_text(encoding="utf-8")
    # bypass_csp: axe is injected by the test, not served by the site.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in pages + ["khong-co-trang-nay/"]:
        page.goto(server + path, wait_until="load")
        page.evaluate(source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        for violation in result["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
            found.setdefault(path or "/", []).append(f"{violation['id']}: {targets}")
    context.close()
    assert found == {}
