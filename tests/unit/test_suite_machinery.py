"""The test suite's own machinery: what makes `make test` fast must keep working, and each
test stays in its tier's folder (tests/support/tiers.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from support.tiers import TESTS, misplaced


@pytest.mark.xdist_group("suite-self-check")
def test_xdist_groups_reach_the_scheduler(request):
    # --dist loadgroup sends a group to one worker only if "@group" ends the node id
    # (pytest-xdist does it where pytest is below 9: requirements-dev.in says why).
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only under pytest -n … --dist loadgroup")
    assert request.node.nodeid.endswith("@suite-self-check")


def fake_item(folder: str, fixtures=(), marks=()):
    return SimpleNamespace(path=TESTS / folder / "test_x.py", fixturenames=list(fixtures),
                           get_closest_marker=lambda name: name if name in marks else None)


@pytest.mark.parametrize("folder, fixtures, marks, belongs", [
    ("unit", (), (), None),
    ("unit", ("tmp_path", "built_site"), (), "tests/build/ or tests/browser/"),
    ("unit", (), ("slow",), "tests/build/ or tests/browser/"),
    ("build", ("built_site",), (), None),
    ("build", ("tmp_path",), ("slow",), None),
    ("build", ("tmp_path",), (), "tests/unit/"),
    ("build", ("built_site", "browser", "visit"), (), "tests/browser/"),
    ("browser", ("built_site", "browser", "visit"), (), None),
    ("browser", ("built_site", "soup_of"), (), "tests/build/"),
])
def test_a_test_belongs_in_the_folder_of_its_tier(folder, fixtures, marks, belongs):
    why = misplaced(fake_item(folder, fixtures, marks))
    assert (why is None) if belongs is None else (why and why.endswith(f"belongs in {belongs}")), why


def test_the_server_imports_what_the_package_imports_inside_functions(tmp_path):
    # support/build_imports.deferred: read from the package's own files, top-level imports left out.
    from support.build_imports import deferred

    package = tmp_path / "pkg"
    (package / "part").mkdir(parents=True)
    (package / "__init__.py").write_text("import json\n", encoding="utf-8")
    (package / "part" / "__init__.py").write_text("", encoding="utf-8")
    (package / "part" / "draw.py").write_text(
        "import csv\n\n"
        "def draw():\n    import fpdf\n    from PIL import Image\n    from .. import colours\n\n"
        "class Page:\n    def render(self):\n        from .sizes import A4\n",
        encoding="utf-8")
    assert deferred(package) == ["fpdf", "PIL", "PIL.Image", "pkg", "pkg.part.sizes"]
