"""Make Material's markup valid HTML (W3C Nu validator: zero errors).

Three known errors in Material 9.8's templates, each fixed on the rendered page
rather than by copying whole templates (which would then drift from Material):

- `autocomplete` on the drawer and search checkboxes: only text-like inputs may
  carry it. Dropped; browsers restore nothing there that matters to readers.
- `tabindex=""` on navigation section labels: an empty tabindex is not a number.
- the "On this page" title label points at `#__toc`, which Material renders only
  on some pages; where that input is missing the label must not point at it.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def fix(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = EMPTY_TABINDEX.sub(r"\1", html)
    if TOC_LABEL in html and 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html
