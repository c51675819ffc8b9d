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


def compilations(root):
    return sorted(path for path in (root / COMPILED).iterdir() if not path.name.startswith("."))


def age(paths, days):
    when = time.time() - days * 86400
    for path in paths:
        os.utime(path, (when, when))


def test_a_kept_compilation_is_renewed_by_use_and_removed_after_a_week_unused(tmp_path):
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "other.html").write_text("other", encoding="utf-8")
    first = environment(tmp_path, tmp_path)
    first.get_template("page.html").render()
    first.get_template("other.html").render()
    assert len(compilations(tmp_path)) == 2
    age(compilations(tmp_path), 8)
    # A later build uses page.html only: its compilation is kept another week, the other's is not.
    later = environment(tmp_path, tmp_path)
    later.get_template("page.html").render()
    later.bytecode_cache.prune()
    (left,) = compilations(tmp_path)
    assert left.stat().st_mtime > time.time() - 86400
    bucket = later.bytecode_cache.get_bucket(later, "page.html", str(tmp_path / "page.html"), TEMPLATE)
    assert bucket.code is not None, "the used one is the one kept"


def test_the_compilations_are_read_for_removal_once_a_day(tmp_path):
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    templates = environment(tmp_path, tmp_path)
    templates.get_template("page.html").render()
    templates.bytecode_cache.prune()   # the day's clean-up: nothing is old yet
    age(compilations(tmp_path), 8)
    templates.bytecode_cache.prune()   # the same day: the folder is not read again
    assert len(compilations(tmp_path)) == 1
    age([tmp_path / COMPILED / ".pruned"], 1)
    templates.bytecode_cache.prune()   # a day later
    assert compilations(tmp_path) == []
