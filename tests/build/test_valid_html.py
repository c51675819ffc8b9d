"""Valid HTML on every page: the W3C Nu validator (npm vnu-jar, run with Java) reads every built page."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from support.sites import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA_FLAGS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


# A page the validator must reject (a <div> cannot sit in a <p>), checked in the same run as
# the site's pages: a validator that read nothing, or reported nothing, fails the second test.
INVALID = '<!doctype html><html lang="vi"><title>x</title><p><div></p>'


@pytest.fixture(scope="session")
def validator_errors(built_site, tmp_path_factory) -> dict[str, list[str]]:
    """file -> its errors, for every built page and INVALID (invalid.html), in one Java run."""
    assert VNU.exists() and shutil.which("java"), "run `make test`: it installs vnu-jar (needs Java)"
    invalid = tmp_path_factory.mktemp("validator") / "invalid.html"
    invalid.write_text(INVALID, encoding="utf-8")
    files = sorted(str(p) for p in built_site.rglob("*.html"))
    assert len(files) >= 20
    # A short run: with the quick compiler alone and one GC thread (JAVA_FLAGS), the same pages
    # for half the CPU (6.8 → 3.4 CPU-s); the checker then needs a deeper stack (1 MB overflowed).
    result = subprocess.run(["java", *JAVA_FLAGS, "-jar", str(VNU), "--errors-only", "--format", "json", *files,
                             str(invalid)],
                            capture_output=True, text=True, timeout=300)
    errors: dict[str, list[str]] = {}
    for m in json.loads(result.stderr or result.stdout)["messages"]:
        if m.get("type") == "error":
            where = "invalid.html" if m.get("url", "").endswith("/invalid.html") else \
                m.get("url", "").rsplit("/site/", 1)[-1]
            errors.setdefault(where, []).append(f"{m.get('lastLine')}: {m['message']}")
    return errors


# One worker for both, so Java starts once.
@pytest.mark.xdist_group("validator")
def test_every_page_is_valid_html(validator_errors):
    assert {f: e for f, e in validator_errors.items() if f != "invalid.html"} == {}


@pytest.mark.xdist_group("validator")
def test_the_validator_does_catch_errors(validator_errors):
    assert validator_errors.get("invalid.html"), "the validator passed a <div> inside a <p>"
