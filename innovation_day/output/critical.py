"""Critical CSS: each page carries, inline in its head, the rules its own markup can use.

A reader on a weak connection sees nothing until every render-blocking stylesheet has
arrived: Material's (12 KiB gzip) and ours came on top of the page, more than the first
round trip of about 14 KiB. Here, as each page is written, the rules of the stylesheets
its head links are kept when their selectors could match the page: every class, element
and id a selector needs is in the page (or is one of the two classes Material's script
sets on <html>). Rules for print, and custom properties that no kept rule reads, are left
out. The result goes inline in a <style> (allowed by the CSP by its hash), and the links
load the full stylesheets without blocking the first paint (templates/deferred-styles.html):
their rules for what scripts add later (search results, tooltips) and for print arrive
while the reader starts reading. Without JavaScript a <noscript> link loads them as before.

Like stylesheet.py's trimming, the test is "could match", never "surely matches": a rule is
only dropped when the page lacks a name its selector requires, so what shows on the first
screen is styled exactly as by the full stylesheets (tests/test_first_paint.py compares).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import tinycss2

from .stylesheet import VAR_USE, _selectors

# The head's render-blocking stylesheet links (Material's and ours, as base.html writes them).
BLOCKING_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">\n?')
CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
ID_ATTR = re.compile(r'\bid="([^"]*)"')
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# Set on <html> before the first paint by the inline head script (partials/text-size.html)
# or written there by Material: "no-js", then "js" and data-text-size.
HTML_CLASSES = {"js", "no-js"}
HEAD_SCRIPT_ATTRIBUTES = {"data-text-size"}
START_TAG = re.compile(r"<[a-zA-Z][^>]*>")
ATTRIBUTE = re.compile(r"\s([a-zA-Z_:][-\w:.]*)(?=\s*=|\s|/?>)")
KEYFRAMES = re.compile(r"@keyframes\s+([\w-]+)")


@dataclass(frozen=True)
class Needs:
    """What one selector requires of a page: classes, element names, ids, attributes (by name),
    a right-to-left page."""
    classes: frozenset
    tags: frozenset
    ids: frozenset
    rtl: bool
    attributes: frozenset = frozenset()

    def met_by(self, page: "PageNames") -> bool:
        return (self.classes <= page.classes and self.tags <= page.tags and self.ids <= page.ids
                and self.attributes <= page.attributes and (page.rtl or not self.rtl))

    def could_ever_match(self, later: "Later") -> bool:
        """Once scripts have run: classes from the page or a script (or built from a prefix), and
        any element, id or attribute, which scripts may add."""
        return (later.rtl or not self.rtl) and all(
            name in later.classes or name.startswith(later.prefixes) for name in self.classes)


@dataclass(frozen=True)
class Later:
    """The class names a page may ever have: its own and any a script names."""
    classes: frozenset
    prefixes: tuple
    rtl: bool


@dataclass(frozen=True)
class PageNames:
    classes: frozenset
    tags: frozenset
    ids: frozenset
    rtl: bool
    attributes: frozenset = frozenset()

    @classmethod
    def of(cls, html: str, hidden: tuple[str, ...] = (), script_words=frozenset()) -> "PageNames":
        """The names in `html`, but for classes starting with one of `hidden`: parts of the
        page that no first screen shows (search results, the back-to-top button). Attributes
        also count when a script names them (`script_words`): set as the page loads (the
        text-size buttons' aria-disabled), their rules must not wait for the full stylesheets."""
        classes = {name for value in CLASS_ATTR.findall(html) for name in value.split()
                   if not name.startswith(hidden) or not hidden}
        attributes = {name.lower() for tag in START_TAG.findall(html) for name in ATTRIBUTE.findall(tag)}
        return cls(frozenset(classes | HTML_CLASSES), frozenset(t.lower() for t in TAG.findall(html)),
                   frozenset(ID_ATTR.findall(html)), 'dir="rtl"' in html,
                   frozenset(attributes | HEAD_SCRIPT_ATTRIBUTES | script_words))


def needs_of(selector: str) -> Needs:
    """Read a selector's tokens: `.name` a class, `#name` an id, a bare name an element,
    `[name…]` an attribute, `[dir=rtl]` a right-to-left page. What is inside :not(), :is(),
    :where() and :has() is never required; pseudo-classes and attribute values are left to
    the browser."""
    classes, tags, ids, attributes, rtl = set(), set(), set(), set(), False
    previous = None
    for token in tinycss2.parse_component_value_list(selector):
        if token.type == "ident":
            if previous == ".":
                classes.add(token.value)
            elif previous != ":":
                tags.add(token.value.lower())
        elif token.type == "hash":
            ids.add(token.value)
        elif token.type == "[] block":
            inside = tinycss2.serialize(token.content).replace(" ", "").lower()
            rtl = rtl or inside in ("dir=rtl", 'dir="rtl"')
            attributes.add(re.split(r"[~|^$*]?=", inside)[0])
        previous = token.value if token.type == "literal" else token.type
    return Needs(frozenset(classes), frozenset(tags), frozenset(ids), rtl, frozenset(attributes))


CUSTOM_PROPERTY = re.compile(r"(?:^|;)\s*--")


@dataclass
class Rule:
    """A style rule with its @media/@supports context, or another at-rule kept as written."""
    context: tuple[str, ...]
    selectors: list[tuple[str, Needs]]
    body: str
    at_rule: str = ""
    # The declarations as (name, text), for a rule that sets custom properties: each page
    # keeps those its CSS reads.
    declarations: list[tuple[str, str]] | None = None

    @property
    def for_print(self) -> bool:
        return any(c.lower().replace(" ", "") == "@mediaprint" for c in self.context)

    @property
    def shareable(self) -> bool:
        """Written the same in every page's critical CSS: no custom property (those are
        pruned page by page), no at-rule, not for print."""
        return not (self.at_rule or self.for_print or self.declarations is not None)

    def kept_for(self, page: PageNames) -> list[int]:
        """The indexes of the selectors that could match `page` (none for print)."""
        if self.for_print:
            return []
        return [i for i, (_, needs) in enumerate(self.selectors) if needs.met_by(page)]

    def css(self, selectors: list[int], keep=None) -> str:
        """The rule with these selectors; with `keep(name)`, only the custom properties it keeps."""
        if self.at_rule:
            return self.at_rule
        body = self.body
        if keep is not None and self.declarations is not None:
            body = ";".join(text for name, text in self.declarations if not name.startswith("--") or keep(name))
        return f"{','.join(self.selectors[i][0] for i in selectors)}{{{body}}}" if selectors and body else ""


def parse(css: str, context: tuple[str, ...] = ()) -> list[Rule]:
    """The stylesheet as a flat list of rules, read once and matched against every page."""
    rules: list[Rule] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = [(s.strip(), needs_of(s)) for s in _selectors(tinycss2.serialize(rule.prelude))]
            body = tinycss2.serialize(rule.content).strip()
            declarations = None
            if CUSTOM_PROPERTY.search(body):
                declarations = [(d.name, f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                                 + ("!important" if d.important else ""))
                                for d in tinycss2.parse_blocks_contents(rule.content) if d.type == "declaration"]
            rules.append(Rule(context, selectors, body, declarations=declarations))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            prelude = tinycss2.serialize(rule.prelude)
            rules += parse(tinycss2.serialize(rule.content), context + (f"@{rule.at_keyword}{prelude}",))
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":  # <style> is already text
            rules.append(Rule(context, [], "", tinycss2.serialize([rule])))
    return rules


def _write(rules: list[Rule], chosen, keep=None) -> str:
    """The rules, each with the selectors `chosen(index, rule)` gives, in their order and
    their @media/@supports; with `keep(index, name)`, only the custom properties it keeps."""
    out, open_context = [], ()
    for index, rule in enumerate(rules):
        text = rule.css(chosen(index, rule), keep and (lambda name, index=index: keep(index, name)))
        if not text:
            continue
        if rule.context != open_context:
            out.append("}" * len(open_context) + "".join(f"{c}{{" for c in rule.context))
            open_context = rule.context
        out.append(text)
    out.append("}" * len(open_context))
    return rcssmin.cssmin("".join(out))


def _unused_keyframes(css: str) -> str:
    for name in set(KEYFRAMES.findall(css)):
        body_without = re.sub(rf"@keyframes\s+{re.escape(name)}\b", "", css)
        if not re.search(rf"\b{re.escape(name)}\b", body_without):
            css = re.sub(rf"@keyframes\s+{re.escape(name)}\s*{{(?:[^{{}}]|{{[^{{}}]*}})*}}", "", css)
    return css


def select(rules: list[Rule], page: PageNames) -> tuple[dict[int, list[int]], set[tuple[int, int]]]:
    """The selectors of each rule that could match `page` (none for print), and the
    (rule, selector) pairs of them in shareable rules."""
    kept = {index: rule.kept_for(page) for index, rule in enumerate(rules)}
    shared = {(index, s) for index, rule in enumerate(rules) if rule.shareable for s in kept[index]}
    return kept, shared


def reads(bodies, custom, used=frozenset()) -> set[str]:
    """The custom properties read by these rule bodies, and by the declarations in `custom`
    ((name, text) pairs) that are used: those not custom, or whose property is read."""
    used = set(used) | set(VAR_USE.findall(" ".join(bodies)))
    for _ in range(3):  # a property's value may read another
        used |= {var for name, text in custom if not name.startswith("--") or name in used
                 for var in VAR_USE.findall(text)}
    return used


def page_css(selections: list[tuple[list[Rule], dict[int, list[int]]]]) -> tuple[str, set[str]]:
    """A page's critical CSS from its selections (rules, kept selectors) of each stylesheet,
    without the custom properties and keyframes nothing in it uses; and the properties it reads."""
    chosen = [rule for rules, kept in selections for index, rule in enumerate(rules) if kept[index]]
    used = reads([rule.body for rule in chosen if rule.declarations is None],
                 [d for rule in chosen if rule.declarations for d in rule.declarations])
    css = "".join(_write(rules, lambda index, rule, kept=kept: kept[index], lambda index, name: name in used)
                  for rules, kept in selections)
    return _unused_keyframes(css), used


def needed_later(rules: list[Rule], later: Later, inline: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The selectors a page may match once its scripts have run that it does not have inline."""
    return {(index, s) for index, rule in enumerate(rules) for s, (_, needs) in enumerate(rule.selectors)
            if (index, s) not in inline and needs.could_ever_match(later)}


def rest(rules: list[Rule], left_out: set[tuple[int, int]], vars_left_out=frozenset()) -> str:
    """The stylesheet without the selectors in `left_out` and the custom properties in
    `vars_left_out` ((rule, name) pairs): those that every page that could ever use them has
    inline. Loaded after the inline rules, it still comes later in the cascade for every rule
    it keeps, so each rule wins where it won in the whole stylesheet."""
    return _write(rules, lambda index, rule: [s for s in range(len(rule.selectors)) if (index, s) not in left_out],
                  lambda index, name: (index, name) not in vars_left_out)


class Critical:
    """The rules of the site's stylesheets, parsed once; each page's critical CSS; and which
    rules the full stylesheets need not repeat: those every page that may use them has inline."""

    def __init__(self, source_of, script_names, hidden: tuple[str, ...] = (), prefixes: tuple[str, ...] = ()):
        self.source_of = source_of        # a stylesheet's address in the site -> its source file
        self.script_names = script_names  # () -> every class name the site's scripts may set
        self.hidden, self.prefixes = hidden, prefixes
        self.parsed: dict[str, list[Rule]] = {}
        self.inline: dict[str, set[tuple[int, int]]] = {}   # shareable, inline on some page
        self.later: dict[str, set[tuple[int, int]]] = {}    # used by some page, not inline there
        self.inline_vars: dict[str, set[tuple[int, str]]] = {}   # the same for custom properties
        self.later_vars: dict[str, set[tuple[int, str]]] = {}
        self.script_vars: set[str] = set()   # custom properties the site's scripts name

    def rules(self, site_path: str) -> list[Rule]:
        if site_path not in self.parsed:
            source: Path = self.source_of(site_path)
            self.parsed[site_path] = parse(source.read_text(encoding="utf-8"))
        return self.parsed[site_path]

    def css(self, stylesheets: list[str], first_screen: str, html: str) -> str:
        """The critical CSS of the page `html`, from the part of it that `first_screen` is."""
        page = PageNames.of(first_screen, self.hidden, self.script_names())
        full = PageNames.of(html)
        later = Later(full.classes | self.script_names(), self.prefixes, full.rtl)
        selections, later_rules = [], []
        for path in stylesheets:
            rules = self.rules(path)
            kept, shared = select(rules, page)
            selections.append((rules, kept))
            self.inline.setdefault(path, set()).update(shared)
            needed = needed_later(rules, later, shared)
            self.later.setdefault(path, set()).update(needed)
            later_rules.append((path, {index for index, _ in needed}))
        css, used = page_css(selections)
        # Custom properties: inline where the page's CSS reads them; needed later where a rule
        # it may use later (or a script) reads one it does not have inline.
        needed_rules = [self.rules(path)[index] for path, indexes in later_rules for index in indexes]
        read_later = reads([rule.body for rule in needed_rules],
                           [d for rule in needed_rules if rule.declarations for d in rule.declarations],
                           self.script_vars) - used
        for (path, needed), (rules, kept) in zip(later_rules, selections):
            for index, rule in enumerate(rules):
                if rule.declarations is None or rule.for_print:
                    continue
                names = [name for name, _ in rule.declarations if name.startswith("--")]
                if kept[index]:
                    self.inline_vars.setdefault(path, set()).update((index, n) for n in names if n in used)
                # A rule the page may match later brings all its properties then; one it has
                # inline, those it left out there that something may read later.
                later = names if index in needed else [n for n in names if n in read_later]
                self.later_vars.setdefault(path, set()).update((index, n) for n in later)
        return css

    def write_rest(self, site: Path) -> None:
        """Each deferred stylesheet in the built site, without what every page that may use it
        has inline. Every page that links one of them went through `css` (first_paint.py)."""
        for path, inline in self.inline.items():
            css = rest(self.rules(path), inline - self.later[path],
                       self.inline_vars.get(path, set()) - self.later_vars.get(path, set()))
            (site / path).write_text(css, encoding="utf-8")
