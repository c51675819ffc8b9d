"""First paint in one round trip (issue 23), in the built pages: every citizen page needs at
most the first flight of about 14 KiB (gzip) before its first paint, its HTML down to its
first screen's end and nothing that blocks (innovation_day/output/first_paint.py weighs it);
each inlines its critical CSS, allowed by its hash, and links the full stylesheets for
readers without JavaScript. That browsers paint that much: tests/browser/test_first_paint.py."""

from __future__ import annotations

import re

import pytest

from innovation_day.output import first_paint
from support.page_walk import source_pages
from support.sites import FIRST_FLIGHT, ROOT_404, page_file


def citizen_pages() -> list:
    return source_pages() + [ROOT_404]


@pytest.mark.parametrize("page", citizen_pages())
def test_first_paint_fits_the_first_flight(built_site, base_path, page):
    path = page_file(built_site, page)
    sizes = first_paint.weigh(path, built_site, base_path)
    assert not any(name.endswith(".css") for name in sizes), sizes   # no stylesheet blocks the paint
    assert sum(sizes.values()) <= FIRST_FLIGHT, sizes
    # Nothing in the body makes the browser wait either, before the first screen's end or after
    # it; Material's bundle is fetched on the reader's first action (first_paint.ON_DEMAND), from
    # the file the site publishes.
    html = path.read_text(encoding="utf-8")
    assert first_paint.blocking_in(html[html.index("</head>"):]) == []
    assert first_paint.MATERIAL_BUNDLE.search(html) is None, "Material's bundle as Material writes it"
    on_demand = re.findall(r'<script src="([^"]+)" data-bundle="([^"]+)" defer></script>', html)
    assert len(on_demand) == 1, on_demand
    dest = path.relative_to(built_site).as_posix()
    loader, bundle = (built_site / first_paint.site_path(address, dest, base_path) for address in on_demand[0])
    assert loader.name == "on-demand.js" and loader.is_file() and bundle.is_file(), on_demand


def test_every_page_inlines_its_critical_css_allowed_by_its_hash(built_site, pages):
    for page in pages + [ROOT_404]:
        html = page_file(built_site, page).read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        style = re.search(r"<style>(.*?)</style>", head, re.S)
        assert style and ".md-header" in style.group(1), page
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head).group(1)
        style_src = dict(d.strip().split(" ", 1) for d in policy.split(";"))["style-src"]
        assert "'sha256-" in style_src and "unsafe-inline" not in style_src, page
        # Without JavaScript, the full stylesheets still load.
        deferred = re.findall(r'<link rel="stylesheet" href="([^"]+)" media="print" data-deferred-style>', head)
        noscript = re.search(r"<noscript>(.*?)</noscript>", head, re.S).group(1)
        assert deferred and deferred == re.findall(r'href="([^"]+)"', noscript), page
