"""The tests build the site through support/build_runner.py: a child forked from a server that has
imported what a build needs. What it reports must be what `python -m mkdocs build` reports, and
no build may see what an earlier one set."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support.build_runner import BUILDS

# A small site of its own: MkDocs's own theme, strict, one page linking where a test says.
CONFIG = """site_name: Thử
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
theme: mkdocs
"""
TIMING = re.compile(r"Documentation built in [\d.]+ seconds")


def small_site(tmp_path, link: str):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Trang chủ\n\n[Kế hoạch]({link})\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("link, status", [("index.md", 0), ("ke-hoach.md", 1)], ids=["builds", "fails"])
def test_a_build_reports_what_the_command_reports(tmp_path, link, status):
    root = small_site(tmp_path, link)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    args = ["build", "--strict", "-d", str(root / "site")]
    command = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env,
                             capture_output=True, text=True)
    forked = BUILDS.run(args, env, root)
    assert command.returncode == forked.returncode == status, forked.stderr
    assert TIMING.sub("", forked.stderr) == TIMING.sub("", command.stderr)
    assert forked.stdout == command.stdout
    if status:
        assert "ke-hoach.md" in forked.stderr and "Traceback" not in forked.stderr


@pytest.mark.slow
def test_a_build_sees_only_its_own_environment_and_folder(tmp_path):
    root = small_site(tmp_path, "index.md")
    worker_site_url = os.environ.get("SITE_URL")
    base = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)"')

    def built_for(site_url: str | None) -> str:
        env = dict(base, NO_MKDOCS_2_WARNING="1", **({"SITE_URL": site_url} if site_url else {}))
        result = BUILDS.run(["build", "--strict", "-d", "site"], env, root)
        assert result.returncode == 0, result.stderr
        return canonical.search((root / "site" / "index.html").read_text(encoding="utf-8"))[1]

    assert built_for("https://example.org/khac/") == "https://example.org/khac/"
    # The next build has no SITE_URL: mkdocs.yml's default, not the last build's address.
    assert built_for(None) == "http://127.0.0.1:8000/"
    assert os.environ.get("SITE_URL") == worker_site_url   # the worker's own, untouched


@pytest.mark.slow
def test_a_build_starts_with_what_mkdocs_yml_names_already_imported():
    # support/build_imports.py, imported once by the server: were it not found there, every build
    # would import MkDocs, the theme, the plugins and the Markdown extensions anew.
    from support.build_imports import deferred, modules

    preloaded = modules() + deferred()
    assert BUILDS.imported(preloaded) == dict.fromkeys(preloaded, True)
