"""Every page carries a title and a description in its front matter, and may say when it was reviewed.

The title names the page in the navigation and the browser tab; the
description is what search engines and share previews show. Problems are
collected over all pages, then reported together before any page is written.

`reviewed: YYYY-MM-DD` is set by whoever checked a page against its sources;
only then does the page show "last reviewed" (templates/reviewed.md). A page
of a section in `extra.review.sections` whose review is missing or older
than `extra.review.max_days` is named in a warning (it does not stop the
build: the site keeps its daily rebuild).
"""

from __future__ import annotations

import datetime as dt
import logging

from ..errors import BuildErrors

log = logging.getLogger("innovation_day.review")   # not under "mkdocs": --strict does not stop on it

REQUIRED = {
    "title": ("tiêu đề trang", "the page title"),
    "description": ("một câu mô tả trang", "a one-sentence description"),
}


def check(meta: dict, where: str, errors: BuildErrors, today: dt.date | None = None, years=()) -> None:
    for key, (vi, en) in REQUIRED.items():
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.add(where, key, f"thiếu {vi}", f"missing {en}")
    reviewed = meta.get("reviewed")
    if reviewed is not None and (isinstance(reviewed, dt.datetime) or not isinstance(reviewed, dt.date)
                                 or (today and reviewed > today)):
        errors.add(where, "reviewed", f"phải là ngày đã rà soát, viết YYYY-MM-DD, không ở tương lai ({reviewed!r})",
                   f"must be the day of the review, written YYYY-MM-DD, not in the future ({reviewed!r})")
    # `edition: 2025`: the year a page is about (settings/editions.py); it must be one of data/editions/.
    if "edition" in meta and meta["edition"] not in years:
        shown = ", ".join(str(year) for year in years)
        errors.add(where, "edition", f"không có năm {meta['edition']!r} trong data/editions/ (có: {shown})",
                   f"there is no edition {meta['edition']!r} in data/editions/ (there are: {shown})")


def stale_review(meta: dict, src_uri: str, review, today: dt.date) -> str | None:
    """A warning for a page of a reviewed section whose review is missing or too old."""
    if not any(src_uri.startswith(f"{section}/") for section in review.sections):
        return None
    reviewed = meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        return f"Rà soát / Review: docs/{src_uri}: chưa ghi ngày rà soát (reviewed) / no review recorded (reviewed)"
    if (today - reviewed).days > review.max_days:
        return (f"Rà soát / Review: docs/{src_uri}: rà soát lần cuối {reviewed.isoformat()}, "
                f"quá {review.max_days} ngày / "
                f"last reviewed {reviewed.isoformat()}, over {review.max_days} days ago")
    return None
