"""Another commune can carry the site: its whole frame comes from settings.

A copy is made as the README's "For another commune" says: another (made-up) commune's
name in mkdocs.yml's site name, description and copyright, in the settings under data/,
and in the content pages (docs/), which a fork replaces with its own. What is left is the
frame: templates, interface strings, the package. The old name must then be found nowhere
in the built site: not in a page, a title, the structured data, a feed, a kit text or the
editing app's configuration.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import make_site_copy, run_build
from site_settings import site as site_of

OLD = "Thuận An"
NEW = "Ví Dụ"          # a made-up name: obviously not a real commune's


def renamed(text: str) -> str:
    return text.replace(OLD, NEW)


@pytest.fixture(scope="session")
def other_commune(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("another-commune")
    repo = make_site_copy(tmp)
    config = repo / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    # In mkdocs.yml, only the settings the README names: site_name, site_description, copyright.
    keys = re.compile(r"^\s*(site_name|site_description|copyright):|^\s{2,}[^\s#-]")
    config.write_text("".join(renamed(line) if keys.match(line) else line for line in lines), encoding="utf-8")
    # What the fork fills in (data/) and replaces (docs/): everything but the frame.
    for path in [*(repo / "data").rglob("*.yml"), *(repo / "docs").rglob("*.md")]:
        if path.parent.name == "strings":
            continue   # interface strings are the frame
        path.write_text(renamed(path.read_text(encoding="utf-8")), encoding="utf-8")
    run_build(repo / "site", config=config)
    return repo / "site"


@pytest.mark.slow
def test_the_old_name_is_nowhere_in_the_site(other_commune):
    assert OLD in site_of().commune.name["vi"], "the test renames the commune's own name"
    left = []
    for pattern in ("**/*.html", "**/*.xml", "**/*.txt", "**/*.ics", "**/*.json", "admin/config.yml"):
        for path in sorted(other_commune.glob(pattern)):
            text = path.read_text(encoding="utf-8", errors="replace")
            if OLD in text:
                at = text.index(OLD)
                left.append(f"{path.relative_to(other_commune).as_posix()}: …{text[max(0, at - 80):at + 20]}…")
    assert left == []


@pytest.mark.slow
def test_the_new_name_is_where_the_old_one_was(other_commune):
    home = BeautifulSoup((other_commune / "index.html").read_text(encoding="utf-8"), "lxml")
    assert NEW in home.title.get_text()
    assert NEW in home.select_one("footer").get_text()
    graph = yaml.safe_load(home.select_one('script[type="application/ld+json"]').string)["@graph"]
    assert graph[0]["name"] == renamed(site_of().commune.name["vi"])
