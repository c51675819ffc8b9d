"""Label every table cell with its column heading, so tables can stack on phones.

On a narrow screen a three-column table squeezes words into slivers or
scrolls sideways (hard to read, and out of reach of the keyboard). extra.css
shows each row as a small card instead, and prints each cell's heading from
the `data-label` attribute added here.

Each table also goes in Material's scroll wrapper at build time.
Material's script would otherwise take every table out of the page and put it
back inside the wrapper, which makes the browser lay out every cell again while
the page loads (about 50 ms of blocking work at Lighthouse's 4× CPU slowdown on the
editor's guide). bundle.py makes the script skip wrapped tables; the wrapper's markup
is templates/table.html.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
BODY_CELL = re.compile(r"<td\b")
TAG = re.compile(r"<[^>]+>")


def _label_table(match: re.Match) -> str:
    table = match.group(1)
    head, sep, body = table.partition("<tbody>")
    labels = [html.escape(html.unescape(TAG.sub("", h)).strip(), quote=True)
              for h in HEAD_CELL.findall(head)]
    if not sep or not labels:
        return match.group(0)

    def label_row(row: re.Match) -> str:
        cells = iter(labels)
        return "<tr>" + BODY_CELL.sub(lambda _: f'<td data-label="{next(cells, "")}"', row.group(1)) + "</tr>"

    return "<table>" + head + sep + ROW.sub(label_row, body) + "</table>"


def label_tables(html_content: str, env) -> str:
    """Every table labelled and in Material's scroll wrapper (the markup its script builds)."""
    if "<table>" not in html_content:
        return html_content
    wrapper = env.get_template("table.html")
    return TABLE.sub(lambda match: wrapper.render(table=Markup(_label_table(match))), html_content)
