"""Imported once by the tests' build server (support/build_runner.py): what a build of the site
imports, as mkdocs.yml names it, so that no build imports it again.

MkDocs's command line; the theme and each plugin mkdocs.yml lists, by their entry points (the
modules MkDocs loads for them); each Markdown extension it lists. Only modules are imported:
nothing is read or built here, so every build forked afterwards starts as a new process would.
"""

from __future__ import annotations

import importlib
import importlib.util
from importlib.metadata import entry_points
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def _name(item) -> str:
    """A list item of mkdocs.yml: `name` or `{name: options}`."""
    return item if isinstance(item, str) else next(iter(item))


def modules(config: Path = CONFIG) -> list[str]:
    with open(config, encoding="utf-8") as source:
        raw = yaml_load(source)
    theme = raw.get("theme") or {}
    names = ["mkdocs.__main__", "mkdocs.commands.build"]
    for group, wanted in (("mkdocs.themes", [theme.get("name") if isinstance(theme, dict) else theme]),
                          ("mkdocs.plugins", [_name(p) for p in raw.get("plugins") or []])):
        points = {point.name: point for point in entry_points(group=group)}
        names += [points[name].module for name in wanted if name in points]
    for extension in (_name(e) for e in raw.get("markdown_extensions") or []):
        # Python-Markdown's own are named without their package ("toc": markdown.extensions.toc).
        own = f"markdown.extensions.{extension}"
        names.append(own if "." not in extension and importlib.util.find_spec(own) else extension)
    return names


for _module in modules():
    importlib.import_module(_module)
