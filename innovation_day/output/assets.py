"""Which of the theme's files are published: only what the site's pages can load.

Material ships source maps (wrong for us anyway: the bundle is patched and the
stylesheet trimmed), a palette stylesheet (this site sets no palette, so no page
links it) and a search-language file for every language lunr knows. The site
publishes none of those, and of the search-language files only the ones its
languages need: lunr.stemmer.support and lunr.multi (more than one language)
and lunr.<code> for each language but English (lunr's own).
"""

from __future__ import annotations

import re

LUNR = re.compile(r"^assets/javascripts/lunr/(?:min/lunr\.(?P<name>[\w-]+)\.min\.js|(?:tinyseg|wordcut)\.js)$")
LEFT_OUT = re.compile(r"\.map$|^assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")


def published(src_uri: str, languages) -> bool:
    if LEFT_OUT.search(src_uri):
        return False
    match = LUNR.match(src_uri)
    if not match:
        return True
    needed = {"stemmer.support", "multi", *[code for code in languages.codes if code != "en"]}
    return match.group("name") in needed
