"""Stop Material's script from requesting a sitemap.xml beside every page.

Material reads every `<link rel="alternate">` in the head and fetches
`sitemap.xml` relative to it, meant for alternates that point at a language
root. Our hreflang alternates point at the same page in the other language
(what search engines expect), so each page view made two requests that 404 and
logged console errors. Our language switch links go straight to the twin page,
so the feature is not needed: we narrow its selector to links that opt in
(none do). The build fails if a Material upgrade changes the selector, so this
cannot silently stop working.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

SELECTOR = b'"link[rel=alternate]"'
OPT_IN = b'"link[rel=alternate][data-md-sitemap]"'


def on_post_build(config):
    bundles = list(Path(config.site_dir).glob("assets/javascripts/bundle.*.min.js"))
    for bundle in bundles:
        code = bundle.read_bytes()
        if OPT_IN in code:
            continue  # already narrowed by an earlier language build
        if code.count(SELECTOR) != 1:
            raise PluginError(
                f"{bundle}: Material's alternate-link selector changed; review "
                "overrides/hooks/alternate_links.py for this Material version."
            )
        bundle.write_bytes(code.replace(SELECTOR, OPT_IN))
