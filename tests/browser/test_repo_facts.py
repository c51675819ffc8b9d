"""With repo_url set, Material's repository facts show in the header, and nothing is blocked."""

from __future__ import annotations

import json

import pytest

from innovation_day import preview
from support.page_walk import wake_material
from support.sites import EXAMPLE_REPO as REPO


@pytest.mark.slow
@pytest.mark.browser
def test_with_repo_url_the_repository_facts_show_and_nothing_is_blocked(browser, site_with_repo, base_path):
    api = REPO.replace("https://github.com/", "https://api.github.com/repos/")
    answers = {api: {"stargazers_count": 12, "forks_count": 3},
               f"{api}/releases/latest": {"tag_name": "v2025.1"}}
    httpd, url = preview.start(site_with_repo, base_path)
    context = browser.new_context()
    try:
        context.route("https://api.github.com/**", lambda route: route.fulfill(
            status=200 if route.request.url in answers else 404, content_type="application/json",
            headers={"Access-Control-Allow-Origin": "*"}, body=json.dumps(answers.get(route.request.url, {}))))
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(url, wait_until="load")
        wake_material(page)   # Material's script, which asks GitHub, comes with the reader's first action
        fact = page.locator(".md-header .md-source__fact--stars")
        fact.wait_for(state="visible")
        assert fact.inner_text().strip() == "12"
        icon = fact.evaluate("e => getComputedStyle(e, '::before').maskImage"
                             " || getComputedStyle(e, '::before').webkitMaskImage")
        assert icon.startswith("url(")
        assert errors == []
    finally:
        context.close()
        httpd.shutdown()
