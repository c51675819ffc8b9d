"""First paint's rules (issue 23), on small pages: what the browser waits for, which CSS a
first screen needs, what the lighter HTML keeps, and how many bytes of the gzip stream come
before the first screen's end. The built site's pages: tests/build/test_first_paint_bytes.py;
in browsers: tests/browser/test_first_paint.py."""

from __future__ import annotations

import os
import re
import zlib

from innovation_day.output import critical, first_paint
from innovation_day.preview import gzipped


def test_blocking_resources_are_what_the_browser_waits_for():
    html = """<html><head>
<link rel="stylesheet" href="a.css">
<link rel="stylesheet" href="late.css" media="print" data-deferred-style>
<link rel="preload" as="style" href="p.css">
<noscript><link rel="stylesheet" href="n.css"></noscript>
<script src="sync.js"></script><script src="d.js" defer></script><script src="m.js" type="module"></script>
<script>inline()</script>
</head><body><link rel="stylesheet" href="body.css"><script src="body.js"></script></body></html>"""
    assert first_paint.blocking_resources(html) == ["a.css", "sync.js"]


def test_selectors_need_what_they_name_outside_optional_groups():
    needs = critical.needs_of(".md-nav--primary>li:not(.x) a#top[dir=rtl]:hover")
    assert needs.classes == {"md-nav--primary"} and needs.tags == {"li", "a"}
    assert needs.ids == {"top"} and needs.attributes == {"dir"} and needs.rtl


def test_critical_css_keeps_what_the_page_can_use():
    css = ("a{color:red}.used{margin:0}.unused{margin:1px}table td{padding:0}"
           "@media print{.used{display:none}}@media (min-width:60em){.used,.unused{float:left}}"
           ":root{--kept:1px;--dropped:2px}.used{padding:var(--kept)}")
    page = critical.PageNames.of('<p class="used"><a href="#">x</a></p>')
    rules = critical.parse(css)
    kept, shared = critical.select(rules, page)
    assert critical.page_css([(rules, kept)])[0] == "a{color:red}.used{margin:0}@media (min-width:60em){.used{float:left}}" \
                   ":root{--kept:1px}.used{padding:var(--kept)}"
    # What every page has inline is left out of the full stylesheet, but custom properties
    # (pruned page by page) and print.
    left_out, _ = critical.cascade_safe(rules, shared, set(), {}, critical.Elements())
    assert critical.rest(rules, left_out) == (
        ".unused{margin:1px}table td{padding:0}@media print{.used{display:none}}"
        "@media (min-width:60em){.unused{float:left}}:root{--kept:1px;--dropped:2px}")


def test_a_rule_stays_in_the_full_stylesheet_where_an_earlier_one_could_override_it():
    # .late is left out only if .early, staying, can never be on the same element: loaded
    # after the inline .late, .early would win where .late won in the whole stylesheet.
    rules = critical.parse(".early{margin-top:0}.late{margin:1px}.other{margin:2px}")
    candidates = {(1, 0), (2, 0)}
    apart, together = critical.Elements(), critical.Elements()
    apart.add('<p class="early"></p><p class="late"></p><p class="other"></p>')
    together.add('<p class="early late"></p><p class="other"></p>')
    used = {(0, 0)} | candidates
    assert critical.cascade_safe(rules, candidates, set(), {}, apart, used)[0] == candidates
    assert critical.cascade_safe(rules, candidates, set(), {}, together, used)[0] == {(2, 0)}


def test_a_lighter_html_keeps_what_shows_and_what_runs():
    html = ('<div>\n    <p>a\n\n      b</p>\n  <pre>x\n    y</pre> <code>c\n   d</code>\n'
            '<script>// why\nvar  a = 1;</script>\n  <script type="application/ld+json">{"a": "</b>"}</script>\n</div>')
    assert first_paint.lighten(html) == (
        '<div>\n<p>a\nb</p>\n<pre>x\n    y</pre> <code>c\n   d</code>\n'
        '<script>var a=1;</script>\n<script type="application/ld+json">{"a":"<\\/b>"}</script>\n</div>')


def test_the_first_screen_is_the_article_down_to_its_first_screens_text():
    text = "word " * (first_paint.FIRST_SCREEN_TEXT // 2)
    html = f'<header class="h"></header><article class="a"><h1>T</h1><p>{text}</p><p class="late">x</p></article><footer class="f"></footer>'
    first = first_paint.first_screen(html)
    assert 'class="late"' not in first and 'class="f"' in first and 'class="h"' in first


def test_the_html_before_first_paint_is_the_gzip_stream_down_to_the_first_screens_end():
    text = " ".join(f"word{i}" for i in range(first_paint.FIRST_SCREEN_TEXT))
    html = f'<html><head></head><body><article><h1>T</h1><p>{text}</p></article><footer>f</footer></body></html>'
    data, upto = first_paint.html_before_paint(html)
    assert 0 < upto < data.index(b"</article>")   # cut inside the article
    needed = first_paint.gzip_needed(data, upto)
    stream = gzipped(data)
    assert needed < len(stream)

    def decoded(n):
        return zlib.decompressobj(wbits=31).decompress(stream[:n])

    # Exactly enough: one byte less does not decode that far.
    assert len(decoded(needed)) >= upto > len(decoded(needed - 1))
    assert first_paint.gzip_needed(data, len(data)) <= len(stream)   # the trailer decodes to nothing
    # A short article: the whole page, footer included, may be on the first screen.
    short = html.replace(text, "word")
    assert first_paint.html_before_paint(short) == (short.encode(), len(short.encode()))


def test_blocking_in_the_body():
    assert first_paint.blocking_in('<p>x</p><script src="a.js"></script><script src="b.js" defer></script>'
                                   '<link rel="stylesheet" href="c.css">') == ["c.css", "a.js"]


def test_a_pages_critical_css_worked_out_once_is_the_same_from_the_cache(tmp_path):
    sheet = tmp_path / "site.css"
    sheet.write_text(":root{--kept:1px;--later:2px}.used{padding:var(--kept)}.later{margin:var(--later)}"
                     ".unused{margin:1px}", encoding="utf-8")
    html = '<div class="used"></div><div class="late"></div>'
    script_names = lambda: frozenset({"later"})   # noqa: E731 - a script may set it later

    def critical_of(cache):
        found = critical.Critical(lambda path: sheet, script_names, cache=cache)
        css = found.css(["site.css"], html, html)
        return css, found.inline, found.later, found.inline_vars, found.later_vars, found.elements.class_sets

    worked_out = critical_of(None)
    store = tmp_path / "cache"

    def pages_kept():   # each page's entries (the parsed stylesheet has its own: rules-…)
        return [path for path in store.glob("*.json") if not path.name.startswith("rules-")]

    assert critical_of(critical.Worked(store)) == worked_out     # worked out, and kept
    assert len(pages_kept()) == 1
    assert critical_of(critical.Worked(store)) == worked_out     # read back
    assert len(pages_kept()) == 1
    # A changed stylesheet is another entry, worked out again.
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("padding", "margin"), encoding="utf-8")
    assert critical_of(critical.Worked(store))[0] == critical_of(None)[0] != worked_out[0]
    assert len(pages_kept()) == 2
    # An entry no build has used for a week goes.
    old = pages_kept()[0]
    os.utime(old, (0, 0))
    critical.Worked(store).prune()
    assert not old.exists() and len(pages_kept()) == 1


def test_a_stylesheet_parsed_once_is_the_same_from_the_cache(tmp_path):
    css = ("a{color:red}.x .y>p[lang]{margin:0}@media print{.x{display:none}}"
           "@supports (display:grid){@media (min-width:60em){#z:not(.w){float:left}}}"
           ':root{--a:1px;--b:var(--a)}[dir=rtl] .x{padding:0}@keyframes k{to{opacity:0}}')
    assert critical.Worked(tmp_path).rules(css) == critical.parse(css)   # parsed, and kept
    assert critical.Worked(tmp_path).rules(css) == critical.parse(css)   # read back
    assert len(list(tmp_path.glob("rules-*.json"))) == 1


def test_pages_alike_in_markup_share_one_entry_and_get_what_each_would_alone(tmp_path):
    """The cache keeps a page's result by the names it uses that some selector requires: two news
    items, or one page under another site address, share an entry; a name a selector requires
    does not."""
    sheet = tmp_path / "site.css"
    sheet.write_text(".used{padding:1px}#top{margin:0}h2{color:red}.late{margin:2px}", encoding="utf-8")
    pages = {
        "one item": '<div class="used"><h2 id="first-news">Tin thứ nhất</h2><a href="/a/">đọc</a></div>',
        "another item": '<div class="used"><h2 id="second-news">Tin thứ hai</h2><a href="/b/">đọc</a></div>',
        "under another address": '<div class="used"><h2 id="first-news">Tin thứ nhất</h2>'
                                 '<a href="https://example.org/other/a/">đọc</a></div>',
        "with a name a selector requires": '<div class="used" id="top"><h2>Tin</h2></div>',
    }
    store = tmp_path / "cache"

    def critical_css(html, cache):
        return critical.Critical(lambda path: sheet, lambda: frozenset(), cache=cache).css(["site.css"], html, html)

    for name, html in pages.items():
        assert critical_css(html, critical.Worked(store)) == critical_css(html, None), name
    kept = [path for path in store.glob("*.json") if not path.name.startswith("rules-")]
    assert len(kept) == 2   # the three alike share one; the page with #top has its own
    assert "#top" in critical_css(pages["with a name a selector requires"], None)
    assert "#top" not in critical_css(pages["one item"], None)


def test_attribute_values_are_what_the_word_bounded_pattern_finds():
    html = ('class="first" <div class="a b" data-class="c" xclass="d" _class="e" éclass="f"\n'
            '<p id="g" data-id="h" uid="i" class="" id=""><span class="j">class="k"</span>')
    for name in ("class", "id"):
        assert critical.AttributeValues(name).findall(html) == re.findall(rf'\b{name}="([^"]*)"', html)
