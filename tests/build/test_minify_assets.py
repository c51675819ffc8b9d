"""Our own CSS and JS are served minified (innovation_day/output/minify.py), and unchanged in meaning."""

from __future__ import annotations


import tinycss2

from support.sites import ROOT  # noqa: E402


def rules(css: str) -> list[str]:
    """Each style rule as selector and declarations, without comments or spacing."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        content = rule.content or []
        declarations = tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
        out.append("".join(tinycss2.serialize(rule.prelude).split()) + "{" + ";".join(
            d.name + ":" + "".join(tinycss2.serialize(d.value).split()) for d in declarations
            if d.type == "declaration") + "}")
    return out


def test_stylesheets_are_minified_and_keep_every_rule(built_site):
    sources = sorted((ROOT / "docs" / "assets" / "css").glob("*.css"))
    assert sources
    for source in sources:
        served = (built_site / "assets" / "css" / source.name).read_text(encoding="utf-8")
        original = source.read_text(encoding="utf-8")
        assert "/*" not in served and len(served) < len(original), source.name
        assert rules(served) == rules(original), source.name


def test_scripts_are_minified(built_site):
    sources = sorted((ROOT / "docs" / "assets" / "js").glob("*.js"))
    assert sources
    for source in sources:
        served = (built_site / "assets" / "js" / source.name).read_text(encoding="utf-8")
        assert "// " not in served and len(served) < 0.8 * len(source.read_text(encoding="utf-8")), source.name
