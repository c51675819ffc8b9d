"""Code blocks reachable by the keyboard from the first view.

A code block wider than the screen scrolls sideways, and a keyboard can scroll only what it
can focus (axe: scrollable-region-focusable). Material's script gives overflowing blocks
tabindex="0", but it runs only once the reader has done something (first_paint.ON_DEMAND),
and never without JavaScript: the build writes it on every block (pymdownx.highlight's
<pre><span></span><code>, or a plain <pre><code>). Once it runs, Material keeps it where the
block overflows and the device can hover, as it would have.
"""

from __future__ import annotations

import re

CODE_BLOCK = re.compile(r"<pre>((?:<span></span>)?)<code>")


def focusable(html: str) -> str:
    return CODE_BLOCK.sub(r'<pre>\1<code tabindex="0">', html)
