"""A test's folder is its tier (tests/conftest.py fails the collection of a misplaced one):
tests/unit/ needs neither a build of the site nor a browser, tests/build/ reads a built site,
tests/browser/ opens pages in a browser."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent

# Fixtures that build (or copy) a site of their own: the tests using one share a worker, so that
# site is made once in the run. They are session-scoped: under xdist a worker runs other modules'
# tests in between, which would tear a module-scoped one down and build it again.
OWN_SITES = ("other_site", "reordered_site", "showcase_site", "paged_showcase", "admin_repo", "site_with_repo", "filled_site",
             "original_site", "after_site", "other_commune")

# Fixtures that build the site or open a browser. A test's folder is its tier: one in tests/unit/
# uses none of them and is marked neither slow nor browser; one elsewhere uses one or is so marked.
BUILD_FIXTURES = {"built_site", "server", "browser", "visit", "soup_of", "pages", "walk", "tabs", "showcase_soup",
                  "showcase_server", *OWN_SITES}
UNIT_DIR = TESTS / "unit"
# A test in tests/browser/ opens a page in a browser: it uses this fixture (Chromium, which the
# other engines' tests also compare with); one in tests/build/ reads the built files only.
BROWSER_DIR, BROWSER_FIXTURE = TESTS / "browser", "browser"


def misplaced(item) -> str | None:
    """Why a test is in the wrong tier's folder, or None."""
    needs = sorted(BUILD_FIXTURES & set(getattr(item, "fixturenames", ())))
    needs += [f"the {mark} mark" for mark in ("slow", "browser") if item.get_closest_marker(mark)]
    if UNIT_DIR in item.path.parents:
        if needs:
            return f"in tests/unit/ but needs {', '.join(needs)}: it belongs in tests/build/ or tests/browser/"
    elif not needs:
        return ("needs neither a build of the site nor a browser (no such fixture, no slow or browser mark): "
                "it belongs in tests/unit/")
    elif (BROWSER_FIXTURE in item.fixturenames) != (BROWSER_DIR in item.path.parents):
        return ("opens a browser: it belongs in tests/browser/" if BROWSER_FIXTURE in item.fixturenames else
                "opens no browser (no `browser` fixture): it belongs in tests/build/")
    return None
