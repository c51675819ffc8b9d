"""Make Material's markup valid HTML (W3C Nu validator, HTML_CodeSniffer: zero errors).

Known errors in Material 9.8's templates, each fixed on the rendered page
rather than by copying whole templates (which would then drift from Material):

- `autocomplete` on the drawer and search checkboxes: only text-like inputs may
  carry it. Dropped; browsers restore nothing there that matters to readers.
- `tabindex=""` on navigation section labels: an empty tabindex is not a number.
- the "On this page" title label points at `#__toc`, which Material renders only
  on some pages; where that input is missing the label must not point at it;
- conversely, on a page without a table of contents the `#__toc` checkbox has no
  label (HTML_CodeSniffer: a form field without a name) and toggles nothing: dropped.

Each fix counts the pages its anchor is on: one that finds its anchor on no page
of a whole build fails it, naming itself (Material's markup changed: the fix is
then either wrong or no longer needed).
"""

from __future__ import annotations

import re

from ..coupling import AnchorMissing

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


ANCHORS = {
    "checkbox autocomplete": CHECKBOX_AUTOCOMPLETE.pattern,
    "empty tabindex": EMPTY_TABINDEX.pattern,
    "table of contents label": TOC_LABEL,
    "table of contents toggle": TOC_TOGGLE,
}


class Fixes:
    """The fixes, with how many pages of this build each found its anchor on."""

    def __init__(self):
        self.found = dict.fromkeys(ANCHORS, 0)

    def fix(self, html: str) -> str:
        html, count = CHECKBOX_AUTOCOMPLETE.subn(r"\1", html)
        self.found["checkbox autocomplete"] += bool(count)
        html, count = EMPTY_TABINDEX.subn(r"\1", html)
        self.found["empty tabindex"] += bool(count)
        if TOC_TOGGLE in html:
            self.found["table of contents toggle"] += 1
            if 'for="__toc"' not in html:
                html = html.replace(TOC_TOGGLE, "")
        if TOC_LABEL in html:
            self.found["table of contents label"] += 1
            if 'id="__toc"' not in html:
                html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
        return html

    def check(self) -> None:
        """At the end of a build: fail naming the first fix whose anchor was on no page."""
        for name, count in self.found.items():
            if not count:
                raise AnchorMissing(name, "innovation_day/output/html_fixes.py", ANCHORS[name])
