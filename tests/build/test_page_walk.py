"""The pages the browser tests walk (tests/support/page_walk.py), against the pages the build makes."""

from __future__ import annotations

from support.page_walk import entry_section, list_page, sample, source_pages, walked_pages


def test_the_walk_covers_every_kind_of_page(pages):
    # The per-page checks are made for the pages docs/ makes (known before the build): all of
    # them, but a sample of the entries of each section (page_walk.walked_pages).
    assert source_pages() == sorted(p for p in pages if not list_page(p))
    walked = walked_pages()
    assert set(walked) <= set(pages)
    left = set(pages) - set(walked)
    assert all(entry_section(p) or list_page(p) for p in left), sorted(left)
    for lang_prefix in ("", "en/"):
        for section in {entry_section(p) for p in pages if entry_section(p)}:
            of_section = [p for p in pages if p.startswith(lang_prefix + section + "/") and entry_section(p)]
            assert set(sample(of_section)) <= set(walked), section
