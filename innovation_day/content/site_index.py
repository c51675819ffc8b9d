"""The site's index (Mục lục): every page a reader can open, by section, one line each.

Material's search needs JavaScript, and hides itself without it (many residents read in
Zalo's or Facebook's in-app browser, some with scripts off). The index is the way to a page
that needs none, in GOV.UK's A–Z spirit: the header's search control leads there when
scripts are off (overrides/partials/search.html).

The page's `<!-- insert: site-index -->` becomes, in its language, one group per entry of
the citizens' menu (its title as the menu gives it), holding that entry's pages and every
other page under the same folder (a year's plan under the plan), then a group for the pages
under no entry (each year's expo, the editor's guide). Each page is listed with its title
and description from its front matter. The news items and innovators are not listed one by
one: their own lists (paged, and filtered by kind and field) are, so the index stays short
at any number of items; it grows only with the pages of each year.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..templates import relative_url
from .entries import read_front_matter

PAGE = "muc-luc"   # the index's own folder under docs/


@dataclass(frozen=True)
class Listed:
    folder: str        # the first part of its address in its language ('' for the home page)
    url: str           # site-relative
    title: str
    description: str


def folder_of(url: str, prefix: str) -> str:
    return url.removeprefix(prefix).split("/", 1)[0]


def groups(menu: list[tuple[str, list[str]]], pages: list[Listed], other: str) -> list[tuple[str, list[Listed]]]:
    """[(heading, pages)]: each menu entry's pages (menu order), then the rest of its folder; then
    `other` for the pages under no menu entry. `menu` is [(title, [site-relative url])]."""
    by_url = {page.url: page for page in pages}
    placed: set[str] = set()
    found = []
    for title, urls in menu:
        listed = [by_url[url] for url in urls if url in by_url]
        # The home page's folder is the whole site: a menu entry at the root claims only itself.
        folders = {page.folder for page in listed if page.folder}
        listed += [page for page in pages if page.folder in folders and page not in listed]
        listed = [page for page in listed if page.url not in placed]
        placed |= {page.url for page in listed}
        if listed:
            found.append((title, listed))
    rest = [page for page in pages if page.url not in placed]
    return found + ([(other, rest)] if rest else [])


# MkDocs ----------------------------------------------------------------------------------

def menu_of(nav) -> list[tuple[str, list[str]]]:
    """The citizens' menu (MkDocs' Navigation, in the build's language): [(title, [url])]."""
    def urls(item) -> list[str]:
        if item.is_page:
            return [item.url]
        return [url for child in (item.children or []) for url in urls(child)]
    return [(item.title, urls(item)) for item in nav.items]


def listed_pages(files, prefix: str, skip: set[str]) -> list[Listed]:
    """Every page of this language's build written in docs/ (not the generated pages of a list),
    but those in `skip` (source paths), in address order."""
    found = []
    for file in files.documentation_pages():
        if file.src_uri in skip or file.generated_by or not file.url.startswith(prefix):
            continue
        meta, _, _ = read_front_matter(Path(file.abs_src_path))
        if not meta or "title" not in meta:
            continue
        url = "" if file.url in (".", "./") else file.url   # as MkDocs' Page.url gives the home page's
        found.append(Listed(folder_of(url, prefix), url, str(meta["title"]), str(meta.get("description", ""))))
    return sorted(found, key=lambda page: page.url)


def render(env, t, nav, files, lang_prefix: str, skip: set[str], page_url: str) -> str:
    listed = listed_pages(files, lang_prefix, skip)
    found = groups(menu_of(nav), listed, t("site_index.other"))
    linked = [(title, [{"url": relative_url(page.url, page_url), "title": page.title,
                        "description": page.description} for page in pages]) for title, pages in found]
    return env.get_template("site-index.html").make_module({"t": t}).index(linked)
