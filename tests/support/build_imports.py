"""Imported once by the tests' build server (support/build_runner.py): what a build of the site
imports, as mkdocs.yml names it, so that no build imports it again.

MkDocs's command line; the theme and each plugin mkdocs.yml lists, by their entry points (the
modules MkDocs loads for them); each Markdown extension it lists; and what the build's own package
imports only inside a function (`deferred`: fpdf, Pillow, pypdfium2… when the kit or a share
image is drawn), which each build that draws would import again (fpdf alone 0.16 CPU-s: 6 CPU-s
a run of the suite whose kit is drawn anew, py-spy). Only modules are imported: nothing is read
or built here, so every build forked afterwards starts as a new process would.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from importlib.metadata import entry_points
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
PACKAGE = CONFIG.parent / "innovation_day"


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


def deferred(package: Path = PACKAGE) -> list[str]:
    """The modules the package imports inside its functions, in the order of its files: the
    libraries it needs only for some work, so that a build which does none of it does not pay.
    `from x import y` names x, and x.y when y is a module (`from PIL import Image`)."""
    names: list[str] = []
    for path in sorted(package.rglob("*.py")):
        home = path.relative_to(package.parent).with_suffix("").parts[:-1]  # the module's package
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import):
                    names += [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    base = ".".join([*home[:len(home) - node.level + 1], *filter(None, [node.module])]) \
                        if node.level else node.module
                    names.append(base)
                    names += [f"{base}.{alias.name}" for alias in node.names
                              if _package(base) and importlib.util.find_spec(f"{base}.{alias.name}")]
    return list(dict.fromkeys(names))


def _package(name: str) -> bool:
    """Whether `name` is a package (only a package's names can be modules of their own)."""
    try:
        spec = importlib.util.find_spec(name)
    except ImportError:   # not importable from here: not one to look into
        return False
    return bool(spec and spec.submodule_search_locations)


for _module in modules() + deferred():
    importlib.import_module(_module)
