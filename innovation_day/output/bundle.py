"""Small, checked patches to Material's JavaScript bundle, for readers' sake.

Each patch replaces one exact string in the pinned Material 9.8.2 bundle. If a
Material upgrade changes that string, the build fails and names the patch, so
a patch can never silently stop working (or patch the wrong thing).
The browser tests cover what each patch is for.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..coupling import AnchorMissing

# Data -----------------------------------------------------------------------

PATCHES = [
    (
        # Material fetches `sitemap.xml` relative to every <link rel="alternate">
        # in the head, meant for alternates that point at a language root. Ours
        # point at the same page in the other language (what search engines
        # expect), so each page view made requests that 404. Our language switch
        # links go straight to the twin page: the feature is not needed, so its
        # selector is narrowed to links that opt in (none do).
        "alternate links: no sitemap.xml fetch beside every page",
        '"link[rel=alternate]"',
        '"link[rel=alternate][data-md-sitemap]"',
    ),
    (
        # Material downloads the whole search index on every first page view
        # (it waits only on file:// URLs). Most readers arrive from a QR code on
        # a phone and never search: load the index when search is first opened,
        # as Material already does for file:// pages.
        "search index: load when search is opened",
        'L($(location.protocol!=="file:"),Je("search"))',
        'L($(!1),Je("search"))',
    ),
    (
        # The search worker script (12 KB gzip) was also fetched on every first
        # view. A stand-in with the same interface starts the real worker at
        # its first message, which Material sends when search is opened.
        "search worker: start when search is opened",
        "function Mn(e,t=new Worker(e))",
        "function Mn(e,t=((u,w,l=[])=>({"
        "addEventListener(...a){w?w.addEventListener(...a):l.push(a)},"
        "removeEventListener(...a){w?w.removeEventListener(...a):l=l.filter(x=>x[1]!==a[1])},"
        "postMessage(m){if(!w){w=new Worker(u);for(let a of l)w.addEventListener(...a)}w.postMessage(m)}"
        "}))(e))",
    ),
    (
        # Material starts at DOMContentLoaded, which has passed when it is fetched on the reader's
        # first tap, key or scroll (docs/assets/js/on-demand.js): it starts at once then.
        "start: also after the document has loaded",
        'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document))',
        'document.readyState==="loading"?h(document,"DOMContentLoaded",{once:!0})'
        '.subscribe(()=>e.next(document)):e.next(document)',
    ),
    (
        # Material moves every table into a scroll wrapper once the page has
        # loaded, so the browser lays out every cell a second time. The
        # tables.py writes the wrapper into the page: the script wraps
        # only tables that arrive without it.
        "tables: keep the wrapper written at build time",
        'M("table:not([class])",e).map(i=>ti(i))',
        'M(":not(.md-typeset__table)>table:not([class])",e).map(i=>ti(i))',
    ),
]


def search_index_patch(folders: dict[str, str]) -> tuple[str, str, str]:
    """Fetch the search index of the page's language (search_index.py splits it):
    `folders` maps each language not at the root to its folder ({"en": "en/"})."""
    return (
        "search index: the page's language only",
        'ze(new URL("search/search_index.json",Or.base))',
        f'ze(new URL(({json.dumps(folders, separators=(",", ":"))}[document.documentElement.lang]||"")'
        '+"search/search_index.json",Or.base))',
    )


def patch(code: str, bundle: Path, patches=PATCHES) -> str:
    for name, old, new in patches:
        if new in code:
            continue  # already applied by an earlier language build
        if code.count(old) != 1:
            raise AnchorMissing(name, f"innovation_day/output/bundle.py ({bundle.name})", old)
        code = code.replace(old, new)
    return code


BUNDLE = "assets/javascripts/bundle.*.min.js"  # Material's script, under its hashed name


def patch_site(site_dir: Path, index_folders: dict[str, str]) -> None:
    bundles = list(site_dir.glob(BUNDLE))
    if not bundles:
        raise AnchorMissing("bundle patches", "innovation_day/output/bundle.py", BUNDLE)
    patches = [*PATCHES, search_index_patch(index_folders)]
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        patched = patch(code, bundle, patches)
        if patched != code:
            bundle.write_text(patched, encoding="utf-8")
