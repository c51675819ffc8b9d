"""Compiled templates kept between builds (innovation_day/templates.py): a kept compilation is
used again, never for an environment that would compile the same file differently, and removed
once unused for a week."""

from __future__ import annotations

import os
import time

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


def test_a_kept_compilation_is_renewed_by_use_and_removed_after_a_week_unused(tmp_path):
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "other.html").write_text("other", encoding="utf-8")
    first = environment(tmp_path, tmp_path)
    first.get_template("page.html").render()
    first.get_template("other.html").render()
    kept = sorted((tmp_path / COMPILED).iterdir())
    assert len(kept) == 2
    week_and_a_day_ago = time.time() - 8 * 86400
    for path in kept:
        os.utime(path, (week_and_a_day_ago, week_and_a_day_ago))
    # A later build uses page.html only: its compilation is kept another week, the other's is not.
    later = environment(tmp_path, tmp_path)
    later.get_template("page.html").render()
    later.bytecode_cache.prune()
    (left,) = (tmp_path / COMPILED).iterdir()
    assert left.stat().st_mtime > week_and_a_day_ago + 86400
    bucket = later.bytecode_cache.get_bucket(later, "page.html", str(tmp_path / "page.html"), TEMPLATE)
    assert bucket.code is not None, "the used one is the one kept"
