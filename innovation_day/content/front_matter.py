"""Every page carries a title and a description in its front matter.

The title names the page in the navigation and the browser tab; the
description is what search engines and share previews show. Problems are
collected over all pages, then reported together before any page is written.
"""

from __future__ import annotations

from ..errors import BuildErrors

REQUIRED = {
    "title": ("tiêu đề trang", "the page title"),
    "description": ("một câu mô tả trang", "a one-sentence description"),
}


def check(meta: dict, where: str, errors: BuildErrors) -> None:
    for key, (vi, en) in REQUIRED.items():
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.add(where, key, f"thiếu {vi}", f"missing {en}")
