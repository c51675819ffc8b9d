"""Every place the build relies on Material for MkDocs or mkdocs-static-i18n, and the guard on them.

Both packages are frozen or near their end (UPGRADING.md, docs-free notes at the repository's
root): the build runs only with the versions it was tested with (`check_versions`, first
thing at on_config), and each patch or regex on the theme's output fails the build, naming
itself, when its anchor is missing (`AnchorMissing`). `COUPLINGS` lists what each place
relies on: what to re-check when either package changes. mkdocs-static-i18n's internals
are reached only through `I18n` below.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from types import SimpleNamespace
from typing import Callable

from .errors import BuildError, BuildErrors

CHECKLIST = "UPGRADING.md"

# The versions the whole suite (browsers, validator, axe, pa11y, Lighthouse) passed with.
# A new one is added here only after UPGRADING.md's checklist has been run against it.
TESTED = {
    "mkdocs-material": ("9.8.2",),
    "mkdocs-static-i18n": ("1.3.1",),
}


@dataclass(frozen=True)
class Coupling:
    package: str
    where: str
    relies_on: str


MATERIAL, I18N = "mkdocs-material", "mkdocs-static-i18n"

COUPLINGS = (
    Coupling(MATERIAL, "innovation_day/output/csp.py",
             'the page head starts with <meta charset="utf-8"> (overrides/main.html writes it), '
             "where the CSP meta tag goes"),
    Coupling(MATERIAL, "innovation_day/output/html_fixes.py",
             "four spots in Material's markup: autocomplete on checkboxes, "
             'tabindex="" on navigation labels, the "On this page" label pointing at #__toc, '
             "the #__toc checkbox with no label on a page without a table of contents"),
    Coupling(MATERIAL, "innovation_day/output/bundle.py",
             "assets/javascripts/bundle.*.min.js and five exact strings in it (minified names), and its "
             "window.component$, which tells the tests it has started"),
    Coupling(MATERIAL, "innovation_day/output/stylesheet.py",
             "assets/stylesheets/main.*.min.css, and Material's class names (md-…, __, --) in its scripts"),
    Coupling(MATERIAL, "innovation_day/output/first_paint.py",
             "Material's stylesheet link in the head (assets/stylesheets/main.*.min.css), then inlined and "
             "deferred, and its bundle's plain <script src> at the end of the body, then fetched on the "
             "reader's first action (docs/assets/js/on-demand.js, which also focuses Material's search field, "
             "[data-md-component=search-query], in the tap on its header [for=__search] label)"),
    Coupling(MATERIAL, "innovation_day/output/assets.py",
             "the theme's file names: source maps, palette.*.min.css, assets/javascripts/lunr/"),
    Coupling(MATERIAL, "innovation_day/output/tables.py",
             "the table scroll wrapper's markup (md-typeset__scrollwrap, md-typeset__table)"),
    Coupling(MATERIAL, "overrides/main.html",
             "base.html's blocks site_meta, extrahead, content, scripts"),
    Coupling(MATERIAL, "overrides/partials/search.html",
             "a whole copy of Material's search partial (its dialog name, no Tab stop, a submit control)"),
    Coupling(MATERIAL, "overrides/partials/logo.html",
             "a whole copy of Material's 3-line logo partial (its image's alt and size)"),
    Coupling(MATERIAL, "overrides/partials/language.html, copyright.html, alternate.html, 404.html",
             "Material's translation tables (lang.t), config.extra.alternate, the footer's layout"),
    Coupling(MATERIAL, "docs/assets/javascripts/lunr/min/lunr.vi.min.js",
             "Material's lunr search and its per-language stemmer files"),
    Coupling(I18N, "innovation_day/coupling.py I18n.building",
             "the plugin's `building` flag: True in its nested build of each other language"),
    Coupling(I18N, "innovation_day/coupling.py I18n.language_entries",
             "the plugin's config.languages entries (locale, name, default, site_name…)"),
    Coupling(I18N, "innovation_day/coupling.py I18n.add_page",
             "i18n_files_per_language (its sitemap's pages) and the file attributes locale, "
             "locale_alternate_of, alternates that it sets on the files it keeps"),
    Coupling(I18N, "innovation_day/coupling.py I18n.locale / I18n.alternates",
             "file.locale and file.alternates (language -> object with .url) on every page"),
    Coupling(I18N, "overrides/main.html, overrides/partials/alternate.html",
             "page.file.alternates in templates, and i18n_page_locale in the page context"),
    Coupling(I18N, "innovation_day/settings/plugin.py build_language",
             "the plugin sets config.theme['language'] to the language being built, before on_pre_build"),
)


def untested(version: Callable[[str], str] = metadata.version) -> list[tuple[str, str]]:
    """(package, installed version) for each guarded package at a version not in TESTED."""
    found = []
    for package, versions in TESTED.items():
        try:
            installed = version(package)
        except metadata.PackageNotFoundError:
            installed = "(chưa cài / not installed)"
        if installed not in versions:
            found.append((package, installed))
    return found


def check_versions(version: Callable[[str], str] = metadata.version) -> None:
    """Refuse to build with a Material or mkdocs-static-i18n version the site was not tested with."""
    errors = BuildErrors("Phiên bản giao diện / Theme versions")
    for package, installed in untested(version):
        tested = ", ".join(TESTED[package])
        errors.add(package, installed,
                   f"bản này chưa được kiểm thử với trang (đã kiểm thử: {tested}); làm theo {CHECKLIST} "
                   f"rồi thêm bản mới vào TESTED trong innovation_day/coupling.py",
                   f"the site was not tested with this version (tested: {tested}); run the checklist in "
                   f"{CHECKLIST}, then add it to TESTED in innovation_day/coupling.py")
    errors.raise_if_any()


class AnchorMissing(BuildError):
    """A patch on the theme's output found nothing to hold on to: the theme's markup changed."""

    def __init__(self, patch: str, where: str, anchor: str):
        errors = BuildErrors("Material")
        errors.add(where, patch,
                   f"không thấy chỗ cần sửa ({anchor}): giao diện đã đổi, xem {CHECKLIST}",
                   f"its anchor is missing ({anchor}): the theme's markup changed, see {CHECKLIST}")
        super().__init__(errors.message())


class I18n:
    """mkdocs-static-i18n's internals, reached only here (the plugin is named `i18n` in mkdocs.yml)."""

    def __init__(self, config):
        self.plugin = config.plugins.get("i18n")

    @property
    def building(self) -> bool:
        """True in the plugin's nested build of a language other than the first."""
        return bool(self.plugin is not None and self.plugin.building)

    def language_entries(self):
        return self.plugin.config.languages

    def add_page(self, file, lang: str, path: str, prefixes: dict[str, str]) -> None:
        """Give a generated page what the plugin gives the pages it keeps: its language, its
        twins in every language (hreflang, the language switch) and a place in the sitemap."""
        file.locale = lang
        file.locale_alternate_of = path
        # The plugin's alternates are objects with .url (and .page); generated pages have no Page yet.
        file.alternates = {code: SimpleNamespace(url=prefix + path, page=None) for code, prefix in prefixes.items()}
        self.plugin.i18n_files_per_language[lang].append(file)

    @staticmethod
    def locale(file) -> str | None:
        """The language the plugin gave a file (generated pages included), None if none."""
        return getattr(file, "locale", None)

    @staticmethod
    def alternates(file) -> dict:
        """language -> the same page in that language (an object with .url), {} if none."""
        return getattr(file, "alternates", None) or {}
