"""Put the reader's next step where a page asks for it.

A page writes one of these markers; the build puts there, in the page's language,
the partial overrides/partials/next-step.html:

- `<!-- hooks/next_step.py:channels -->`: the commune's channels (mkdocs.yml
  `extra.commune`), or, while none is published, how to reach the commune meanwhile;
- `<!-- hooks/next_step.py:short -->`: the same on one line;
- `<!-- hooks/next_step.py:nomination -->`: whether nominations are open, until
  when (`extra.nomination`), and whom to give the form to;
- `<!-- hooks/next_step.py:preview -->`: on a local preview build only (preview.py),
  the notice that its print files are stamped and must not be printed.

A thin adapter: the words are in the partial and the translation tables.
"""

from __future__ import annotations

import re

from kit import display_address, theme_env
from page_settings import format_date, page_language
from preview import STAMP, is_local_address

MARKER = re.compile(r"<!-- hooks/next_step\.py:(channels|short|nomination|preview) -->")


def render(config, which: str, lang: str) -> str:
    deadline = config.extra["nomination"].get("deadline")
    if which == "preview" and not is_local_address(config.site_url):
        return ""
    template = theme_env(config).get_template("partials/next-step.html")
    return template.render(config=config, which=which, page_lang=lang, stamp=STAMP,
                           address=display_address(config.site_url),
                           deadline=format_date(deadline, lang) if deadline else "").strip()


def on_page_markdown(markdown, page, config, files):
    if "hooks/next_step.py:" not in markdown:
        return markdown
    lang = page_language(page)
    return MARKER.sub(lambda match: render(config, match[1], lang), markdown)
