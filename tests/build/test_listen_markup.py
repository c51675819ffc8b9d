"""The reading tools in the built pages: first in each reading page's content, and the text size
set in the head by an inline script the CSP allows (tests/browser/test_listen.py uses the tools)."""

from __future__ import annotations


def test_every_reading_page_has_the_tools_first_in_its_content(soup_of, pages):
    for page in pages:
        art = soup_of(page).select_one(".md-content article")
        tools = art.find(attrs={"data-reading-tools": True})
        assert tools is not None, page
        assert art.find(True) is tools, page  # before the title: at the top of the page
        listen = tools.select_one("[data-listen-toggle]")
        assert listen.name == "button" and listen.has_attr("hidden"), page


def test_the_text_size_is_set_in_the_head_by_an_inline_script_the_csp_allows(soup_of):
    soup = soup_of("ke-hoach/2025/")
    head_scripts = [s for s in soup.head.find_all("script") if not s.get("src")]
    assert any("text-size" in s.string for s in head_scripts if s.string)
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "unsafe-inline" not in policy and "sha256-" in policy


# Listening ------------------------------------------------------------------
