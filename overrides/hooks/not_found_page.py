"""Keep the Vietnamese build's 404.html at the site root.

GitHub Pages serves the root 404.html for every missing address. Our 404
template speaks both languages, but mkdocs-static-i18n builds English last and
would leave an English page shell (lang="en", English navigation) there. We
keep the default language's page and write it back once every build is done.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

_page: dict[str, str] = {}


# Hooks ----------------------------------------------------------------------

def on_post_template(output, template_name, config):
    if template_name == "404.html" and config.theme["language"] == "vi":
        _page["html"] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config):
    if "html" in _page:
        Path(config.site_dir, "404.html").write_text(_page["html"], encoding="utf-8")
