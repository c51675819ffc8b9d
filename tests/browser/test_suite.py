"""The test suite's own machinery: what makes `make test` fast must keep working."""

from __future__ import annotations

import pytest


@pytest.mark.browser
def test_a_kept_tab_is_handed_out_as_empty_as_a_new_one(tabs, server):
    # page_walk.Tabs: the checks that share a tab must not see what an earlier one left.
    options = {"viewport": {"width": 500, "height": 600}}
    page = tabs(**options)
    page.goto(server, wait_until="load")
    page.evaluate("""() => { localStorage.setItem("left", "1"); sessionStorage.setItem("left", "1");
                            document.cookie = "left=1; path=/"; }""")
    page.set_viewport_size({"width": 320, "height": 400})

    again = tabs(**options)
    assert again is page, "the same tab, kept"
    assert again.url == "about:blank"
    assert again.viewport_size == options["viewport"]
    served = []
    again.on("requestfinished", lambda request: served.append(request))
    again.goto(server, wait_until="load")
    assert again.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    # Nothing from the browser's cache: every file of the page travels again, as on a first view.
    stylesheets = [r for r in served if r.resource_type == "stylesheet"]
    assert stylesheets and all(r.sizes()["responseBodySize"] > 0 for r in stylesheets)
