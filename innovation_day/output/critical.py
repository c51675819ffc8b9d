"""Critical CSS: each page carries, inline in its head, the rules its own markup can use.

A reader on a weak connection sees nothing until every render-blocking stylesheet has
arrived: Material's (12 KiB gzip) and ours came on top of the page, more than the first
round trip of about 14 KiB. Here, as each page is written, the rules of the stylesheets
its head links are kept when their selectors could match the page's first screen (first_paint.py
cuts the article after the first screen's text): every class, element, id and attribute a
selector needs is in the page, or set by a script before the reader can see it (the head
script's "js" and data-text-size, the site's own scripts' classes). Rules for print, and custom
properties and keyframes that nothing kept reads, are left out. The result goes inline in a
<style> (allowed by the CSP by its hash); the full stylesheets load without blocking the first
paint (templates/first-paint.html).

The full stylesheets then need not repeat a rule that every page that may ever use it has
inline (`rests`), nor one no page may use (right-to-left rules here). A rule is only left out
where that cannot change the cascade: loaded after the inline rules, an earlier rule of the
full stylesheets would otherwise win over the later inline one (cascade_safe). That keeps the
home page's first view within its budget although its head now carries its CSS.

Like stylesheet.py's trimming, the test is "could match", never "surely matches", so what
shows on the first screen is styled exactly as by the full stylesheets; tests/test_first_paint.py
compares the screens, tests/test_css_purge.py every element's computed style.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import tinycss2

from ..folders import remove_unused
from . import stylesheet as stylesheet_module
from .stylesheet import VAR_USE, _selectors

# The head's render-blocking stylesheet links (Material's and ours, as base.html writes them).
BLOCKING_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">\n?')


class AttributeValues:
    r"""The values of one attribute in HTML, where its name begins a word: what the pattern
    `\bclass="([^"]*)"` finds. That pattern's `\b` makes Python's re try every position of the
    page; the literal `class="` is found fast, then the character before it is checked (the
    same values in a tenth of the time: 0.1 against 1.0 ms a page, scratch measurement)."""

    def __init__(self, name: str):
        self.pattern = re.compile(re.escape(name) + r'="([^"]*)"')

    def findall(self, html: str) -> list[str]:
        return [match.group(1) for match in self.pattern.finditer(html)
                if not match.start() or not (html[match.start() - 1].isalnum() or html[match.start() - 1] == "_")]


CLASS_ATTR = AttributeValues("class")
ID_ATTR = AttributeValues("id")
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# Set on <html> before the first paint by the inline head script (partials/text-size.html)
# or written there by Material: "no-js", then "js" and data-text-size.
HTML_CLASSES = {"js", "no-js"}
HEAD_SCRIPT_ATTRIBUTES = {"data-text-size", "data-text-size-last"}
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
    def of(cls, html: str, hidden: tuple[str, ...] = (), script_words=frozenset(),
           script_classes=frozenset()) -> "PageNames":
        """The names in `html`, but for classes starting with one of `hidden`: parts of the
        page that no first screen shows (search results, the back-to-top button). Attributes
        also count when a script names them (`script_words`): set as the page loads (the
        text-size buttons' aria-disabled), their rules must not wait for the full stylesheets;
        so do `script_classes`, those the site's own scripts may build (the showcase filter)."""
        classes = {name for value in CLASS_ATTR.findall(html) for name in value.split()
                   if not name.startswith(hidden) or not hidden}
        attributes = {name.lower() for tag in START_TAG.findall(html) for name in ATTRIBUTE.findall(tag)}
        return cls(frozenset(classes | HTML_CLASSES | script_classes), frozenset(t.lower() for t in TAG.findall(html)),
                   frozenset(ID_ATTR.findall(html)), 'dir="rtl"' in html,
                   frozenset(attributes | HEAD_SCRIPT_ATTRIBUTES | script_words))

    def within(self, named: "PageNames") -> "PageNames":
        """Only the names some selector names (`named`): a selector matches by the names it
        requires (Needs.met_by, Needs.could_ever_match), so the others change no page's result."""
        return PageNames(self.classes & named.classes, self.tags & named.tags, self.ids & named.ids, self.rtl,
                         self.attributes & named.attributes)

    def stable_text(self) -> str:
        """The names in a stable order: a cache key's part."""
        return repr([sorted(self.classes), sorted(self.tags), sorted(self.ids), self.rtl, sorted(self.attributes)])


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


PROPERTY = re.compile(r"(?:^|;)\s*(-?-?[\w-]+)\s*:")
VENDOR = re.compile(r"^-(?:webkit|moz|ms)-")


def family(name: str) -> str:
    """Properties that may set the same thing: a shorthand and its longhands (margin and
    margin-top, inset and top) share a family; a custom property is its own."""
    if name.startswith("--"):
        return name
    name = VENDOR.sub("", name)
    if name in ("top", "right", "bottom", "left"):
        return "inset"
    if name == "gap" or name.endswith("-gap"):
        return "gap"
    if name.startswith(("place-", "align-", "justify-")):
        return "place"
    return name.split("-")[0]


LEGACY_PSEUDO_ELEMENTS = {"before", "after", "first-line", "first-letter"}


def specificity(tokens) -> tuple[int, int, int]:
    """A selector's specificity (ids, classes/attributes/pseudo-classes, elements), from its
    tokens: :is(), :not() and :has() count their most specific argument, :where() nothing."""
    a = b = c = 0
    previous, before_previous = None, None
    for token in tokens:
        if token.type == "hash":
            a += 1
        elif token.type == "[] block":
            b += 1
        elif token.type == "ident":
            if previous == ".":
                b += 1
            elif previous == ":":
                c, b = (c + 1, b) if before_previous == ":" or token.lower_value in LEGACY_PSEUDO_ELEMENTS else (c, b + 1)
            else:
                c += 1
        elif token.type == "function" and previous == ":":
            if token.lower_name in ("is", "not", "has"):
                arguments = _selectors(tinycss2.serialize(token.arguments))
                best = max(specificity(tinycss2.parse_component_value_list(x)) for x in arguments)
                a, b, c = a + best[0], b + best[1], c + best[2]
            elif token.lower_name != "where":
                b += 1
        before_previous, previous = previous, (token.value if token.type == "literal" else token.type)
    return a, b, c


@dataclass(frozen=True)
class Subject:
    """What a selector's last compound asks of the element it styles."""
    tag: str | None
    classes: frozenset
    pseudo_element: str | None


def subject(tokens) -> Subject:
    tag, classes, pseudo = None, set(), None
    previous, before_previous = None, None
    for token in tokens:
        if token.type == "whitespace" or (token.type == "literal" and token.value in (">", "+", "~")):
            tag, classes, pseudo = None, set(), None   # a combinator: the subject is further on
        elif token.type == "ident":
            if previous == ".":
                classes.add(token.value)
            elif previous == ":":
                if before_previous == ":" or token.lower_value in LEGACY_PSEUDO_ELEMENTS:
                    pseudo = token.lower_value
            else:
                tag = token.lower_value
        before_previous, previous = previous, (token.value if token.type == "literal" else token.type)
    return Subject(tag, frozenset(classes), pseudo)


def block(name: str) -> str:
    """A class's BEM block: md-nav for md-nav__link--active."""
    return name.split("__")[0].split("--")[0]


class Elements:
    """The sets of classes the site's elements carry, from every page: whether two selectors'
    subjects could be one element. A class no page carries but a script names could be on any
    element; one that neither has is on none."""

    def __init__(self, script_names=lambda: frozenset()):
        self.class_sets: set[frozenset] = set()
        self.known: set[str] = set()
        self.script_names = script_names
        self._cache: dict = {}

    def add(self, html: str) -> None:
        for value in CLASS_ATTR.findall(html):
            names = frozenset(value.split())
            self.class_sets.add(names)
            self.known |= names

    def could_be_one(self, first: Subject, second: Subject) -> bool:
        if first.pseudo_element != second.pseudo_element:
            return False
        if first.tag and second.tag and first.tag != second.tag:
            return False
        both = first.classes | second.classes
        known = both & self.known
        if not (both - known) <= self.script_names():
            return False   # a class that neither a page nor a script has: on no element
        # A class a script sets goes on an element of its own block (md-nav__link--active on
        # an md-nav… element), so it joins classes that some page puts with that block's.
        blocks = {block(name) for name in both - known}
        key = (known, frozenset(blocks))
        if key not in self._cache:
            self._cache[key] = len(known) < 2 and not blocks or any(
                known <= names and all(any(block(n) == b for n in names) for b in blocks)
                for names in self.class_sets)
        return self._cache[key]


def cascade_safe(rules: list[Rule], left_out: set[tuple[int, int]], vars_left_out, staying: dict,
                 elements: Elements, used=None) -> tuple[set, set]:
    """Of the selectors and custom properties that could be left out of the full stylesheets,
    those that no rule staying in them, earlier in the cascade, could override. In the whole
    stylesheets, of two rules as specific for one element, the later wins; once the full
    stylesheets load after the inline rules, an earlier rule staying in them would win over a
    later one left inline. So a selector is left out only where no earlier selector as specific,
    for what could be the same element, stays and sets a property of its family (or `all`).
    `staying` ((family, specificity) -> subjects) carries over from the stylesheets before.
    With `used`, the selectors that some page may use: the others, dropped, stay nowhere."""
    safe, safe_vars = set(), set()
    for index, rule in enumerate(rules):
        if rule.at_rule:
            continue
        names = PROPERTY.findall(rule.body)
        families = {family(name) for name in names if not name.startswith("--")}
        customs = [name for name, _ in rule.declarations or () if name.startswith("--")]
        for s, (text, _) in enumerate(rule.selectors):
            tokens = tinycss2.parse_component_value_list(text)
            weight, this = specificity(tokens), subject(tokens)

            def clashes(key):
                return any(elements.could_be_one(this, other) for other in staying.get(key, ()))

            if (index, s) in left_out and not any(clashes((f, weight)) for f in families | {"all"}):
                safe.add((index, s))
            elif used is not None and (index, s) not in used:
                continue
            else:
                for f in families | ({"all"} if "all" in names else set()):
                    staying.setdefault((f, weight), []).append(this)
            for name in customs:
                if (index, name) in vars_left_out and not clashes((name, weight)):
                    safe_vars.add((index, name))
                else:
                    staying.setdefault((name, weight), []).append(this)
    return safe, safe_vars


def rest(rules: list[Rule], left_out: set[tuple[int, int]], vars_left_out=frozenset(), used=None) -> str:
    """The stylesheet without the selectors in `left_out` and the custom properties in
    `vars_left_out` ((rule, name) pairs), which cascade_safe() has chosen; with `used`, only
    the selectors in it (those some page may use, inline or later)."""
    return _write(rules, lambda index, rule: [s for s in range(len(rule.selectors)) if (index, s) not in left_out
                                             and (used is None or (index, s) in used)],
                  lambda index, name: (index, name) not in vars_left_out)


class Worked:
    """Each page's critical CSS and what it notes for rests(), kept on disk by a digest of all it
    is made from (this module's code, the stylesheets, the names the page uses that a selector
    requires, the scripts' names): a rebuild, a page alike in markup to another, and the tests'
    copies of the site, which share .cache/, work out only what changed, about a third of a
    build's CPU. An entry is a JSON file written whole (renamed into place), so builds at once
    share it safely; one unused for a week is removed at the end of a build."""

    def __init__(self, folder: Path):
        self.folder = folder
        code = "".join(Path(module).read_text(encoding="utf-8") for module in (__file__, stylesheet_module.__file__))
        self.code = self.digest(code)

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def key(self, parts: list[str]) -> str:
        whole = hashlib.sha256(self.code.encode())
        for part in parts:
            whole.update(b"\0" + part.encode("utf-8"))
        return whole.hexdigest()

    def get(self, key: str) -> dict | None:
        path = self.folder / f"{key}.json"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            os.utime(path)   # used: kept another week
            return record
        except (OSError, ValueError):
            return None

    def put(self, key: str, record: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.folder, suffix=".part", delete=False) as out:
            json.dump(record, out, separators=(",", ":"))
        os.replace(out.name, self.folder / f"{key}.json")

    def rules(self, css: str) -> list[Rule]:
        """parse(css), kept too: parsing Material's stylesheet is a tenth of a build's CPU."""
        key = "rules-" + self.key([css])
        record = self.get(key)
        if record is None:
            rules = parse(css)
            self.put(key, [[list(r.context), [[text, sorted(n.classes), sorted(n.tags), sorted(n.ids), n.rtl,
                                                sorted(n.attributes)] for text, n in r.selectors],
                            r.body, r.at_rule, r.declarations] for r in rules])
            return rules
        return [Rule(tuple(context), [(text, Needs(frozenset(classes), frozenset(tags), frozenset(ids), rtl,
                                                   frozenset(attributes)))
                                      for text, classes, tags, ids, rtl, attributes in selectors],
                     body, at_rule, None if declarations is None else [tuple(d) for d in declarations])
                for context, selectors, body, at_rule, declarations in record]

    def prune(self) -> None:
        remove_unused(self.folder.glob("*.json"))


class Critical:
    """The rules of the site's stylesheets, parsed once; each page's critical CSS; and which
    rules the full stylesheets need not repeat: those every page that may use them has inline."""

    def __init__(self, source_of, script_names, hidden: tuple[str, ...] = (), prefixes: tuple[str, ...] = (),
                 own_script_names=lambda: frozenset(), cache: "Worked | None" = None):
        self.cache = cache                # each page's result, by what it is made from (Worked)
        self.source_of = source_of        # a stylesheet's address in the site -> its source file
        self.script_names = script_names  # () -> every class name the site's scripts may set
        self.own_script_names = own_script_names  # () -> the same for the site's own (docs/) scripts
        self.hidden, self.prefixes = hidden, prefixes
        self.parsed: dict[str, list[Rule]] = {}
        self.texts: dict[str, str] = {}      # each stylesheet's text, read once
        self._digests: dict[str, str] = {}   # … and its digest, for the cache's keys
        self._same_for_every_page: str | None = None   # the cache key's part that no page changes
        self._named: dict[tuple[str, ...], PageNames] = {}   # what the stylesheets' selectors name
        self.inline: dict[str, set[tuple[int, int]]] = {}   # shareable, inline on some page
        self.later: dict[str, set[tuple[int, int]]] = {}    # used by some page, not inline there
        self.inline_vars: dict[str, set[tuple[int, str]]] = {}   # the same for custom properties
        self.later_vars: dict[str, set[tuple[int, str]]] = {}
        self.script_vars: set[str] = set()   # custom properties the site's scripts name
        self.elements = Elements(script_names)

    def text(self, site_path: str) -> str:
        if site_path not in self.texts:
            self.texts[site_path] = self.source_of(site_path).read_text(encoding="utf-8")
        return self.texts[site_path]

    def rules(self, site_path: str) -> list[Rule]:
        if site_path not in self.parsed:
            text = self.text(site_path)
            self.parsed[site_path] = self.cache.rules(text) if self.cache else parse(text)
        return self.parsed[site_path]

    def named(self, stylesheets: list[str]) -> PageNames:
        """Every name some selector of these stylesheets requires."""
        key = tuple(stylesheets)
        if key not in self._named:
            needs = [n for path in stylesheets for rule in self.rules(path) for _, n in rule.selectors]
            self._named[key] = PageNames(*(frozenset().union(*(getattr(n, kind) for n in needs))
                                           for kind in ("classes", "tags", "ids")), False,
                                         frozenset().union(*(n.attributes for n in needs)))
        return self._named[key]

    def _cache_key(self, stylesheets: list[str], page: PageNames, full: PageNames) -> str:
        """What a page's result is made from: the stylesheets' texts, the names its first screen
        and its whole markup use that some selector requires (not their words: pages alike in
        markup, such as two news items, and a page under other settings or with other text, share
        one entry), and (the same for every page of a build) the scripts' names and custom
        properties and the settings."""
        if self._same_for_every_page is None:
            self._same_for_every_page = self.cache.digest("\0".join([
                " ".join(sorted(self.script_names())), " ".join(sorted(self.own_script_names())),
                " ".join(sorted(self.script_vars)), repr(self.hidden), repr(self.prefixes)]))
        for path in stylesheets:
            if path not in self._digests:
                self._digests[path] = self.cache.digest(self.text(path))
        return self.cache.key([*(f"{path}\0{self._digests[path]}" for path in stylesheets),
                               page.stable_text(), full.stable_text(), self._same_for_every_page])

    def css(self, stylesheets: list[str], first_screen: str, html: str) -> str:
        """The critical CSS of the page `html`, from the part of it that `first_screen` is; what
        the page adds to the site's bookkeeping (inline, later…) is noted for rests()."""
        self.script_names()   # first: it also notes the custom properties scripts name (script_vars)
        named = self.named(stylesheets)
        page = PageNames.of(first_screen, self.hidden, self.script_names(), self.own_script_names()).within(named)
        full = PageNames.of(html).within(named)
        key = self.cache and self._cache_key(stylesheets, page, full)
        record = self.cache.get(key) if key else None
        if record is None:
            record = self._work_out(stylesheets, page, full)
            if key:
                self.cache.put(key, record)
        self.elements.add(html)
        for path in stylesheets:
            for noted, name in ((self.inline, "inline"), (self.later, "later"), (self.inline_vars, "inline_vars"),
                                (self.later_vars, "later_vars")):
                noted.setdefault(path, set()).update(tuple(pair) for pair in record[name][path])
        return record["css"]

    def _work_out(self, stylesheets: list[str], page: PageNames, full: PageNames) -> dict:
        """The critical CSS of a page whose first screen uses the names `page` and whole markup
        `full`, and per stylesheet the selectors and custom properties it has inline and may
        need later: {"css": …, "inline": {path: [(rule, selector)…]}, …}."""
        later = Later(full.classes | self.script_names(), self.prefixes, full.rtl)
        record = {"inline": {}, "later": {}, "inline_vars": {}, "later_vars": {}}
        selections, later_rules = [], []
        for path in stylesheets:
            rules = self.rules(path)
            kept, shared = select(rules, page)
            selections.append((rules, kept))
            needed = needed_later(rules, later, shared)
            record["inline"][path], record["later"][path] = sorted(shared), sorted(needed)
            later_rules.append((path, {index for index, _ in needed}))
        css, used = page_css(selections)
        # Custom properties: inline where the page's CSS reads them; needed later where a rule
        # it may use later (or a script) reads one it does not have inline.
        needed_rules = [self.rules(path)[index] for path, indexes in later_rules for index in indexes]
        read_later = reads([rule.body for rule in needed_rules],
                           [d for rule in needed_rules if rule.declarations for d in rule.declarations],
                           self.script_vars) - used
        for (path, needed), (rules, kept) in zip(later_rules, selections):
            inline_vars, later_vars = set(), set()
            for index, rule in enumerate(rules):
                if rule.declarations is None or rule.for_print:
                    continue
                names = [name for name, _ in rule.declarations if name.startswith("--")]
                if kept[index]:
                    inline_vars.update((index, n) for n in names if n in used)
                # A rule the page may match later brings all its properties then; one it has
                # inline, those it left out there that something may read later.
                later = names if index in needed else [n for n in names if n in read_later]
                later_vars.update((index, n) for n in later)
            record["inline_vars"][path], record["later_vars"][path] = sorted(inline_vars), sorted(later_vars)
        record["css"] = css
        return record

    def rests(self, paths: list[str]) -> dict[str, str]:
        """These stylesheets (in the order pages link them), each without what every page that
        may use a rule has inline, where that cannot change the cascade (cascade_safe), and
        without what no page may use. Every page that links one of them went through `css`."""
        staying: dict = {}
        texts = {}
        for path in paths:
            rules, inline = self.rules(path), self.inline.get(path, set())
            # What some page may use: inline, or later (which takes in the rules for print and
            # the rules of custom properties); a selector in neither matches no page (as for
            # right-to-left text here).
            used = inline | self.later.get(path, set())
            left_out, vars_left_out = cascade_safe(
                rules, inline - self.later.get(path, set()),
                self.inline_vars.get(path, set()) - self.later_vars.get(path, set()), staying, self.elements, used)
            texts[path] = rest(rules, left_out, vars_left_out, used)
        return texts
