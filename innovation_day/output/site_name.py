"""The site's name in the header, and a short one for a phone's width.

Material writes the full name (mkdocs.yml `site_name`, per language) in the header; on a
360 px phone only its first words fit ("Ngày hội Đ…"). The header gets both names
(templates/site-name.html): the stylesheet shows the short one (data/strings/
`site.short_name`) where the full one does not fit, and hides the other from every reader.
"""

from __future__ import annotations

import re

# The header's first topic: the site's name (the second, with data-md-component, is the page's title).
TOPIC = re.compile(r'(<div class="md-header__topic">\s*)<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S)
LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')


def add_short_name(html: str, env, t_of) -> str:
    """`html` with the header's name given in both lengths; `t_of(lang)` is the strings table."""
    lang = LANG.search(html)
    if not lang:
        return html
    t = t_of(lang[1])
    return TOPIC.sub(lambda m: m[1] + env.get_template("site-name.html").render(
        name=m[2], short=t("site.short_name")), html, count=1)
