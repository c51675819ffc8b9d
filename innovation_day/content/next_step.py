"""Put the reader's next step where a page asks for it.

A page writes one of these markers; the build puts there, in the page's language,
the theme partial overrides/partials/next-step.html (the footer includes it too):

- `<!-- insert: next.channels -->`: the commune's channels (mkdocs.yml `extra.commune`),
  or, while none is published, how to reach the commune meanwhile;
- `<!-- insert: next.short -->`: the same on one line;
- `<!-- insert: next.nomination -->`: whether nominations are open, until when
  (`extra.nomination`), and whom to give the form to;
- `<!-- insert: next.preview -->`: on a local preview build only (settings/address.py), the
  notice that its print files are stamped and must not be printed.
"""

from __future__ import annotations

from ..settings.address import STAMP, display_address, is_local_address
from ..settings.dates import format_date

NAMES = ("channels", "short", "nomination", "preview")


def render(site, theme_env, config, which: str, lang: str) -> str:
    if which == "preview" and not is_local_address(site.site_url):
        return ""
    deadline = site.nomination.deadline
    return theme_env.get_template("partials/next-step.html").render(
        config=config, which=which, page_lang=lang, stamp=STAMP, address=display_address(site.site_url),
        deadline=format_date(deadline, lang) if deadline else "").strip()


def markers(site, theme_env, config, lang: str) -> dict:
    return {f"next.{which}": (lambda arg, which=which: render(site, theme_env, config, which, lang))
            for which in NAMES}
