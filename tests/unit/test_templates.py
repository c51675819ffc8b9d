"""Compiled templates kept between builds (innovation_day/templates.py): a kept compilation is
used again, and never for an environment that would compile the same file differently."""

from __future__ import annotations

import jinja2

from innovation_day.templates import COMPILED, CompiledTemplates

TEMPLATE = "{% if true %}\n  yes\n{% endif %}\n"


def environment(folder, root, **options):
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=CompiledTemplates(root),
                              **options)


def test_a_second_environment_uses_the_kept_compilation(tmp_path):
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    first = environment(tmp_path, tmp_path).get_template("page.html").render()
    kept = list((tmp_path / COMPILED).iterdir())
    assert len(kept) == 1
    second = environment(tmp_path, tmp_path)
    bucket = second.bytecode_cache.get_bucket(second, "page.html", str(tmp_path / "page.html"), TEMPLATE)
    assert bucket.code is not None, "loaded from .cache/jinja, not compiled again"
    assert second.get_template("page.html").render() == first


def test_other_options_or_another_source_compile_again(tmp_path):
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    plain = environment(tmp_path, tmp_path).get_template("page.html").render()
    trimmed = environment(tmp_path, tmp_path, trim_blocks=True, lstrip_blocks=True).get_template("page.html").render()
    assert plain == "\n  yes\n" and trimmed == "  yes\n"
    assert len(list((tmp_path / COMPILED).iterdir())) == 2
    (tmp_path / "page.html").write_text("changed", encoding="utf-8")
    assert environment(tmp_path, tmp_path).get_template("page.html").render() == "changed"
