"""The innovators' showcase (Gương điển hình đổi mới sáng tạo), built from one file per innovator.

The commune's plan asks it to introduce and honour businesses, organisations
and individuals with innovation results (II.3b, II.4f). Staff keep that list
without touching code: each innovator is a pair of files in docs/guong-sang-tao/
(`ten.md` in Vietnamese, `ten.en.md` in English) whose front matter follows the
schema (schema.py). Every entry is checked before anything is built (one
bilingual message per problem, naming file › field); then:

- the showcase page's `<!-- insert: showcase -->` becomes cards grouped by kind
  and by field, with counts, and filter links that work without JavaScript
  (anchors); assets/js/showcase.js turns them into filter buttons;
- past `showcase.per_page` entries (data/site.yml) the list is paged as news is (pages 2…
  are generated: guong-sang-tao/trang-2/), and each filter link leads to a list of
  its own, paged alike (guong-sang-tao/loai/school/, …/linh-vuc/agriculture/trang-2/):
  an in-page filter would only sift the page shown, and links need no JavaScript;
- each entry's own page gets the heading, the "illustrative example" badge,
  the photo and the facts above the text the editor wrote;
- the nomination form and the editor's guide list the allowed kinds and fields
  from the schema (`showcase.kind-boxes`, `showcase.field-boxes`, `showcase.choices`,
  optionally in another language), so they never drift from what the build accepts.

The HTML comes from templates/showcase.html; the words from data/strings/ (`showcase.*`).
"""

from __future__ import annotations

import math

from markupsafe import Markup

from ..templates import relative_url
from .entries import Entry, generated_page, load_or_fail
from .schema import FIELDS, INNOVATOR, KINDS

STYLESHEET = "assets/css/showcase.css"
SCRIPT = "assets/js/showcase.js"
CARD_SIZES = "(min-width: 45em) 18rem, calc(100vw - 2.4rem)"
WIDE_SIZES = "(min-width: 61.25em) 38rem, calc(100vw - 2.4rem)"
LISTS = ("kind-boxes", "field-boxes", "choices")
# A filter's own list: its folder under the section, by the schema's stable value (what editors
# write in `kind:`/`field:`), so an address outlives a change of the label's wording.
FILTER_FOLDERS = {"kind": "loai", "field": "linh-vuc"}
FILTER_VALUES = {"kind": KINDS, "field": FIELDS}


class Showcase:
    """The innovators of one build, and the parts of pages made from them."""

    schema = INNOVATOR

    def __init__(self, site, photos, env):
        self.site, self.photos, self.env = site, photos, env
        entries, self.by_source = load_or_fail(site.docs_dir, INNOVATOR, site.languages, check_photo=photos.check)
        self.entries = sorted(entries, key=lambda e: (e.example, -e.shared("year"), e.slug))
        self.index_pages = {f"{INNOVATOR.section}/index.md"} | {
            f"{INNOVATOR.section}/index.{lang}.md" for lang in site.languages.others}
        self.per_page = site.showcase.per_page
        self.paged = len(self.entries) > self.per_page
        self.list_pages = {src for lang in site.languages.codes for src in self.paging_pages(lang)}

    # Lists and their pages -----------------------------------------------

    def groups(self, dimension: str) -> list[tuple[str, list[Entry]]]:
        """(value, entries) of each kind or field that has entries, in the schema's order."""
        found = [(value, [e for e in self.entries if e.shared(dimension) == value])
                 for value in FILTER_VALUES[dimension]]
        return [group for group in found if group[1]]

    @property
    def filterable(self) -> bool:
        # A filter only where it narrows the list: more than one kind or field.
        return any(len(self.groups(dimension)) > 1 for dimension in FILTER_VALUES)

    def lists(self) -> list[tuple[str | None, str | None, list[Entry]]]:
        """(dimension, value, entries) of each list: the whole one, then, once it is paged and
        there is something to filter, one for each kind and field."""
        found = [(None, None, self.entries)]
        if self.paged and self.filterable:
            found += [(dimension, value, entries) for dimension in FILTER_VALUES
                      for value, entries in self.groups(dimension)]
        return found

    def pages_of(self, entries: list) -> int:
        return max(1, math.ceil(len(entries) / self.per_page))

    def list_path(self, dimension: str | None, value: str | None, n: int = 1) -> str:
        """The list's page n, relative to the section's folder ('' for the whole list's first)."""
        path = f"{FILTER_FOLDERS[dimension]}/{value}/" if dimension else ""
        return path if n == 1 else f"{path}trang-{n}/"

    def list_url(self, lang: str, dimension: str | None, value: str | None, n: int = 1) -> str:
        return f"{self.site.languages.prefix(lang)}{INNOVATOR.section}/{self.list_path(dimension, value, n)}"

    def paging_pages(self, lang: str) -> dict[str, str]:
        """{source path: Markdown} of the pages of the lists that docs/ has no file for, in `lang`."""
        t = self.site.t(lang)
        made = {}
        for dimension, value, entries in self.lists():
            total = self.pages_of(entries)
            name = t(f"showcase.{dimension}.{value}") if dimension else ""
            for n in range(1, total + 1):
                if not dimension and n == 1:
                    continue   # docs/guong-sang-tao/index.md
                key = "showcase.list" if dimension else "showcase.page"
                title = t(f"{key}.title", name=name, n=n, total=total) + (
                    t("showcase.page.suffix", n=n) if dimension and total > 1 else "")
                front = {"title": title,
                         "description": t(f"{key}.description", name=name, n=n, total=total,
                                          commune=self.site.commune.name[lang]),
                         "showcase_list": [dimension, value, n]}
                path = self.list_path(dimension, value, n).rstrip("/")
                made[f"{self.site.languages.prefix(lang)}{INNOVATOR.section}/{path}.md"] = generated_page(
                    front, title, "showcase")
        return made

    def view(self, lang: str):
        return self.env.get_template("showcase.html").make_module({"t": self.site.t(lang)})

    def picture(self, entry: Entry, lang: str, page_url: str, *, lazy: bool, sizes: str):
        html = self.photos.entry_picture(entry, lang, page_url, lazy=lazy, sizes=sizes)
        return Markup(html) if html else None

    def entry_url(self, entry: Entry, lang: str, url_of, page_url: str) -> str:
        target = url_of(entry.src[lang]) or url_of(entry.src[entry.default]) or (
            f"{self.site.languages.prefix(lang)}{INNOVATOR.section}/{entry.slug}/")
        return relative_url(target, page_url)

    def card(self, entry: Entry, lang: str, url_of, page_url: str) -> dict:
        return {
            "slug": entry.slug,
            "title": entry.get(lang, "title"),
            "summary": entry.get(lang, "description"),
            "area": entry.get(lang, "area"),
            "year": entry.shared("year"),
            "kind": entry.shared("kind"),
            "field": entry.shared("field"),
            "example": entry.example,
            "url": self.entry_url(entry, lang, url_of, page_url),
            "picture": self.picture(entry, lang, page_url, lazy=True, sizes=CARD_SIZES),
        }

    def index(self, lang: str, url_of, page_url: str, shown: list | None = None) -> str:
        nominate = relative_url(f"{self.site.languages.prefix(lang)}{INNOVATOR.section}/de-cu/", page_url)
        if self.paged:
            return self.paged_list(lang, url_of, page_url, nominate, *(shown or [None, None, 1]))
        cards = [self.card(entry, lang, url_of, page_url) for entry in self.entries]
        by_kind = [(kind, [c for c in cards if c["kind"] == kind]) for kind in KINDS]
        by_field = [(field, [c for c in cards if c["field"] == field]) for field in FIELDS]
        by_kind = [group for group in by_kind if group[1]]
        by_field = [group for group in by_field if group[1]]
        return str(self.view(lang).index(
            cards=cards, by_kind=by_kind, by_field=by_field,
            real=sum(1 for c in cards if not c["example"]),
            script=relative_url(SCRIPT, page_url),
            filterable=self.filterable, nominate=nominate,
        ))

    def paged_list(self, lang: str, url_of, page_url: str, nominate: str,
                   dimension: str | None, value: str | None, n: int) -> str:
        """Page n of one list: its cards, the filter's links to the other lists, the pager."""
        entries = next(e for d, v, e in self.lists() if (d, v) == (dimension, value))
        total = self.pages_of(entries)

        def link(k: int) -> str | None:
            return relative_url(self.list_url(lang, dimension, value, k), page_url) if 1 <= k <= total else None

        filters = [(d, [(v, len(group), relative_url(self.list_url(lang, d, v), page_url), (d, v) == (dimension, value))
                        for v, group in self.groups(d)]) for d in FILTER_VALUES] if self.filterable else []
        shown = entries[(n - 1) * self.per_page: n * self.per_page]
        return str(self.view(lang).paged(
            cards=[self.card(entry, lang, url_of, page_url) for entry in shown],
            real=sum(1 for e in self.entries if not e.example), count=len(entries), total_entries=len(self.entries),
            filters=filters, everything=(relative_url(self.list_url(lang, None, None), page_url), dimension is None),
            n=n, total=total, previous=link(n - 1), next=link(n + 1), nominate=nominate,
        ))

    def group_url(self, lang: str, dimension: str, value: str, page_url: str) -> str:
        """Where an entry's kind or field leads: its group on the one list, or its own list once paged."""
        if self.paged and self.filterable:
            return relative_url(self.list_url(lang, dimension, value), page_url)
        return relative_url(self.list_url(lang, None, None), page_url) + f"#{dimension}-{value}"

    def entry_page(self, markdown: str, src_uri: str, lang: str, page_url: str) -> str:
        entry = self.by_source[src_uri]
        view = self.view(lang)
        header = view.entry(
            title=entry.get(lang, "title"),
            example=entry.example,
            picture=self.picture(entry, lang, page_url, lazy=False, sizes=WIDE_SIZES),
            kind=entry.shared("kind"),
            field=entry.shared("field"),
            kind_url=self.group_url(lang, "kind", entry.shared("kind"), page_url),
            field_url=self.group_url(lang, "field", entry.shared("field"), page_url),
            area=entry.get(lang, "area"),
            year=entry.shared("year"),
            achievement=Markup(entry.get(lang, "achievement")),
            recognition=Markup(entry.get(lang, "recognition")),
            contact=Markup(entry.get(lang, "contact") or "") if entry.shared("contact_consent") is True else "",
        )
        return f"{header}\n\n{markdown.strip()}\n\n{view.entry_footer()}\n"

    def choice_list(self, which: str, lang: str) -> str:
        """The schema's kinds or fields as tick boxes or a table, in `lang`."""
        macro = getattr(self.view(lang), which.replace("-", "_"))
        return str(macro(kinds=KINDS, fields=FIELDS)).strip()

    def markers(self, lang: str, url_of, page_url: str, src_uri: str, meta: dict) -> dict:
        """The insertion markers this concern fills on a page (see markers.py)."""
        names = {f"showcase.{which}": (lambda arg, which=which: self.choice_list(which, arg or lang))
                 for which in LISTS}
        if src_uri in self.index_pages or src_uri in self.list_pages:
            names["showcase"] = lambda arg: self.index(lang, url_of, page_url, meta.get("showcase_list"))
        return names

    def needs_stylesheet(self, src_uri: str, html: str) -> bool:
        # The showcase's own styles, on the pages that use them only (not every page's weight).
        return (src_uri in self.by_source or src_uri in self.index_pages or src_uri in self.list_pages
                or "form-choices" in html)
