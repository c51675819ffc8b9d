"""The innovators' showcase in Chromium: its filters with and without JavaScript, in both
languages, on a copy of the site with the model entries of tests/fixtures/showcase/ added
(conftest.showcase_site); the nomination form prints whole on its own page. The built pages:
tests/build/test_showcase_cards.py; the entries' checks: tests/unit/test_showcase_entries.py."""

from __future__ import annotations

import re

import pytest

from support.page_walk import Visit
from support.engine_drivers import pdf_sheets
from support.font_sets import FONT_SETS, use_font_set
from support.showcase import entries


@pytest.fixture
def visit_showcase(showcase_server, tabs):
    """visit_showcase(path, **context options) -> Visit of a page of the site with model entries."""
    visits = []

    def open_page(path: str, **options) -> Visit:
        page = tabs(**options)
        v = Visit(page, showcase_server, options.get("java_script_enabled", True))
        visits.append(v)
        v.response = page.goto(showcase_server + path, wait_until="load")
        v.in_flight.settle()
        return v

    yield open_page
    for v in visits:
        v.close()


@pytest.mark.browser
def test_without_javascript_filter_links_jump_to_their_group(visit_showcase):
    v = visit_showcase("guong-sang-tao/", java_script_enabled=False)
    assert v.page.locator(".showcase-card:visible").count() == len(entries())
    v.page.locator('.showcase-filter a[href="#kind-school"]').click()
    assert v.page.url.endswith("#kind-school")
    assert v.page.locator("#kind-school").is_visible()
    assert v.page.locator(".showcase-filter button").count() == 0


@pytest.mark.browser
def test_with_javascript_filter_buttons_hide_what_does_not_match(visit_showcase):
    v = visit_showcase("guong-sang-tao/")
    total = len(entries())
    groups = {meta["vi"]["kind"] for meta in entries().values()} | {
        "field-" + meta["vi"]["field"] for meta in entries().values()}
    assert v.page.locator(".showcase-filter button").count() == len(groups) + 2  # and "All" twice
    assert v.page.locator(".showcase-filter a").count() == 0
    v.page.get_by_role("button", name=re.compile(r"^Trường học")).click()
    visible = v.page.locator(".showcase-card:visible")
    assert visible.count() == 1
    assert visible.first.get_attribute("data-kind") == "school"
    assert not v.page.locator("#kind-cooperative").is_visible()
    status = v.page.locator("[data-showcase-status]")
    assert status.inner_text() == f"Đang hiện 1 trên {total} gương điển hình."
    assert v.page.get_by_role("button", name=re.compile(r"^Trường học")).get_attribute("aria-pressed") == "true"
    # Kind and field combine; a field with no school hides everything.
    v.page.get_by_role("button", name=re.compile(r"^Nông nghiệp")).click()
    assert v.page.locator(".showcase-card:visible").count() == 0
    v.page.locator('[data-filter-row="kind"] button', has_text="Tất cả").click()
    v.page.locator('[data-filter-row="field"] button', has_text="Tất cả").click()
    assert v.page.locator(".showcase-card:visible").count() == total
    assert status.is_hidden()
    assert v.console_errors == []


@pytest.mark.browser
def test_english_filter_speaks_english(visit_showcase):
    v = visit_showcase("en/guong-sang-tao/")
    v.page.get_by_role("button", name=re.compile(r"^Cooperative")).click()
    assert v.page.locator("[data-showcase-status]").inner_text() == f"Showing 1 of {len(entries())} innovators."


# Edit link -------------------------------------------------------------------




@pytest.mark.browser
@pytest.mark.parametrize("family", list(FONT_SETS))
@pytest.mark.parametrize("page_path", ["guong-sang-tao/de-cu/", "en/guong-sang-tao/de-cu/"])
def test_nomination_form_prints_whole_on_its_own_page(visit, server, page_path, family):
    """Whatever the fonts: the form starts a fresh sheet and all of it is on that one sheet."""
    v = visit(page_path)
    use_font_set(v.page, server, family)
    v.page.emulate_media(media="print")
    assert not v.page.locator("#phieu-de-cu").is_visible(), "on-screen instructions are not printed"
    form = v.page.locator(".nomination-form")
    # Every line of the form, as the printed layout shows it (labels, choices, signatures).
    lines = [" ".join(line.split()) for line in form.inner_text().splitlines() if line.strip()]
    sheets = pdf_sheets(v.page.pdf(prefer_css_page_size=True))
    assert all(sheets), f"a blank sheet is printed: {[len(s) for s in sheets]}"
    first = next(i for i, sheet in enumerate(sheets) if lines[0] in sheet)
    assert first > 0 and sheets[first].startswith(lines[0]), "the form starts on a fresh sheet"
    missing = [line for line in lines if line not in sheets[first]]
    assert not missing, f"not on the form's sheet ({len(sheets)} sheets): {missing}"
