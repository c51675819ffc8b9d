"""A second accessibility engine: pa11y (HTML_CodeSniffer, WCAG 2 AA) in Debian's Chromium.

axe (tests/browser/test_quality.py) and HTML_CodeSniffer read WCAG differently (HTML_CodeSniffer
also asks for a link image's text alternative and a form's submit control): every citizen
page, the 404 page too, must pass both. A page HTML_CodeSniffer must reject is checked in
the same run: a run that read nothing, or reported nothing, fails the second test.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from support.page_walk import MISSING

from support.sites import ROOT  # noqa: E402
SCRIPT = ROOT / "scripts" / "pa11y.mjs"
# A form with no submit control (HTML_CodeSniffer H32.2).
REJECTED = '<!doctype html><html lang="vi"><title>x</title><form><input type="text" aria-label="x"></form>'


@pytest.fixture(scope="session")
def pa11y_errors(server, pages, tmp_path_factory) -> dict[str, list[dict]]:
    """page -> pa11y's errors, for every citizen page, the 404 page and REJECTED, in one browser."""
    assert (ROOT / "node_modules" / "pa11y").is_dir() and shutil.which("node"), \
        "run `make test`: it installs pa11y (package.json)"
    rejected = tmp_path_factory.mktemp("pa11y") / "rejected.html"
    rejected.write_text(REJECTED, encoding="utf-8")
    result = subprocess.run(["node", str(SCRIPT), server, *pages, MISSING, rejected.as_uri()],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    errors = json.loads(result.stdout)
    assert set(errors) == {*pages, MISSING, rejected.as_uri()}, "pa11y read every page"
    return {("rejected" if page == rejected.as_uri() else page): found for page, found in errors.items()}


# One worker for both, so Chromium starts once.
@pytest.mark.xdist_group("pa11y")
def test_pa11y_finds_no_errors_on_any_page(pa11y_errors):
    assert {page: [f"{e['code']}: {e['context']}" for e in found]
            for page, found in pa11y_errors.items() if found and page != "rejected"} == {}


@pytest.mark.xdist_group("pa11y")
def test_pa11y_does_catch_errors(pa11y_errors):
    assert [e["code"] for e in pa11y_errors["rejected"]] == ["WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"]
