"""Ship only the parts of Material's stylesheet that this site can use.

Material's main.css (23 KB gzip) styles every feature Material has; this site
uses a fraction, and every byte counts for a reader on a weak phone
connection (the home page's first view must stay under 40 KiB). After all
languages are built, a rule is dropped when its selectors need a class that
appears in no built page and in none of the site's scripts (Material's bundle
adds classes at run time, so its code counts as a source of class names).
Classes inside :not(), :is() and :where() are never required, so a rule is
kept whenever it could match. The file keeps its name: pages need no change.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

from ..coupling import AnchorMissing

MAIN = "assets/stylesheets/main.*.min.css"  # Material's stylesheet, under its hashed name
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
OPTIONAL_GROUP = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
CLASS_ATTR = re.compile(r'class="([^"]*)"')
# Class names in scripts: Material's own ("md-…", BEM "__" and "--" parts) and
# the two it sets on <html>. Plain words in minified code are not class names.
SCRIPT_CLASS = re.compile(r"[\w-]*(?:md-|__|--)[\w-]*")
SCRIPT_EXTRA = {"js", "no-js"}


def known_names(site: Path, keep: tuple[str, ...] = ()) -> "Names":
    """Class names in the built pages and scripts. `keep` adds prefixes of names that scripts
    build at run time from pieces (Material's `md-source__fact--${key}`), which no file spells
    out; each counts only when its block (`md-source`) is on a page, as with `repo_url` set."""
    page_names: set[str] = set()
    for page in site.rglob("*.html"):
        for value in CLASS_ATTR.findall(page.read_text(encoding="utf-8")):
            page_names.update(value.split())
    names = set(page_names)
    for script in site.rglob("*.js"):
        names.update(SCRIPT_CLASS.findall(script.read_text(encoding="utf-8")))
    prefixes = tuple(prefix for prefix in keep if prefix.split("__")[0] in page_names)
    return Names(names | SCRIPT_EXTRA, prefixes)


class Names(set):
    """A set of class names that also holds every name starting with one of its prefixes."""

    def __init__(self, names, prefixes: tuple[str, ...] = ()):
        super().__init__(names)
        self.prefixes = tuple(prefixes)

    def __contains__(self, name) -> bool:
        return super().__contains__(name) or name.startswith(self.prefixes)


def _selectors(selector_list: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside :is(…))."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(selector_list):
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(selector_list[start:i])
            start = i + 1
    return parts + [selector_list[start:]]


def _needed(selector_list: str, names: set[str]) -> str:
    """The selectors of the list that could match; empty when none can."""
    kept = [s for s in _selectors(selector_list)
            if all(name in names for name in CLASS.findall(OPTIONAL_GROUP.sub("", s)))]
    return ",".join(s.strip() for s in kept)


VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
CUSTOM_NAME = re.compile(r"--[\w-]+")


def rewrite(css: str, style_rule) -> str:
    """Rebuild a stylesheet with `style_rule(rule)` -> text (or "" to drop) for each
    style rule, inside @media and @supports too; other at-rules are kept as they are."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            out.append(style_rule(rule))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = rewrite(tinycss2.serialize(rule.content), style_rule)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        else:
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def purge(css: str, names: set[str]) -> str:
    """Keep the selectors that could match; drop rules left with none."""
    def style_rule(rule):
        selectors = _needed(tinycss2.serialize(rule.prelude), names)
        return f"{selectors}{{{tinycss2.serialize(rule.content)}}}" if selectors else ""
    return rewrite(css, style_rule)


def drop_unused_properties(css: str, used: set[str]) -> str:
    """Drop custom properties (--md-…) that nothing reads, e.g. icons of unused features."""
    def style_rule(rule):
        declarations = [d for d in tinycss2.parse_blocks_contents(rule.content)
                        if d.type == "declaration" and (not d.name.startswith("--") or d.name in used)]
        body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                        + ("!important" if d.important else "") for d in declarations)
        return f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}" if body else ""
    return rewrite(css, style_rule)


def trim(site: Path, keep: tuple[str, ...] = ()) -> None:
    """Trim Material's main stylesheet in a built site to the rules its pages and scripts can use."""
    names = known_names(site, keep)
    others = "".join(p.read_text(encoding="utf-8") for p in site.glob("assets/**/*.css")
                     if not p.name.startswith("main."))
    scripts = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.js"))
    stylesheets = list(site.glob(MAIN))
    if not stylesheets:
        raise AnchorMissing("stylesheet trimming", "innovation_day/output/stylesheet.py", MAIN)
    for stylesheet in stylesheets:
        css = purge(stylesheet.read_text(encoding="utf-8"), names)
        # Properties read by the kept rules, our stylesheet or a script; twice,
        # because one property's value may read another.
        for _ in range(2):
            used = set(VAR_USE.findall(css + others)) | set(CUSTOM_NAME.findall(scripts))
            css = drop_unused_properties(css, used)
        stylesheet.write_text(css, encoding="utf-8")
