"""Every page carries a title and a description in its front matter.

The title names the page in the navigation and the browser tab; the
description is what search engines and share previews show. Problems are
collected over all pages, then reported together before any page is written.
"""

from __future__ import annotations

from build_errors import BuildErrors

REQUIRED = {
    "title": ("tiêu đề trang", "the page title"),
    "description": ("một câu mô tả trang", "a one-sentence description"),
}

_errors = BuildErrors("Thông tin đầu trang / Front matter")


# Hooks ----------------------------------------------------------------------

def on_pre_build(config):
    _errors.problems.clear()


def on_page_markdown(markdown, page, config, files):
    for key, (vi, en) in REQUIRED.items():
        value = page.meta.get(key)
        if not isinstance(value, str) or not value.strip():
            _errors.add(f"docs/{page.file.src_uri}", key, f"thiếu {vi}", f"missing {en}")
    return markdown


def on_env(env, config, files):
    _errors.raise_if_any()
    return env
