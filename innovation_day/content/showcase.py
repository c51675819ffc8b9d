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
- each entry's own page gets the heading, the "illustrative example" badge,
  the photo and the facts above the text the editor wrote;
- the nomination form and the editor's guide list the allowed kinds and fields
  from the schema (`showcase.kind-boxes`, `showcase.field-boxes`, `showcase.choices`,
  optionally in another language), so they never drift from what the build accepts.

The HTML comes from templates/showcase.html; the words from data/strings/ (`showcase.*`).
"""

from __future__ import annotations

from markupsafe import Markup

from ..templates import relative_url
from .entries import Entry, load_or_fail
from .schema import FIELDS, INNOVATOR, KINDS

STYLESHEET = "assets/css/showcase.css"
SCRIPT = "assets/js/showcase.js"
CARD_SIZES = "(min-width: 45em) 18rem, calc(100vw - 2.4rem)"
WIDE_SIZES = "(min-width: 61.25em) 38rem, calc(100vw - 2.4rem)"
LISTS = ("kind-boxes", "field-boxes", "choices")


class Showcase:
    """The innovators of one build, and the parts of pages made from them."""

    schema = INNOVATOR

    def __init__(self, site, photos, env):
        self.site, self.photos, self.env = site, photos, env
        entries, self.by_source = load_or_fail(site.docs_dir, INNOVATOR, site.languages, check_photo=photos.check)
        self.entries = sorted(entries, key=lambda e: (e.example, -e.shared("year"), e.slug))
        self.index_pages = {f"{INNOVATOR.section}/index.md"} | {
            f"{INNOVATOR.section}/index.{lang}.md" for lang in site.languages.others}

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

    def index(self, lang: str, url_of, page_url: str) -> str:
        cards = [self.card(entry, lang, url_of, page_url) for entry in self.entries]
        by_kind = [(kind, [c for c in cards if c["kind"] == kind]) for kind in KINDS]
        by_field = [(field, [c for c in cards if c["field"] == field]) for field in FIELDS]
        by_kind = [group for group in by_kind if group[1]]
        by_field = [group for group in by_field if group[1]]
        return str(self.view(lang).index(
            cards=cards, by_kind=by_kind, by_field=by_field,
            real=sum(1 for c in cards if not c["example"]),
            script=relative_url(SCRIPT, page_url),
            # A filter only where it narrows the list: more than one kind or field.
            filterable=len(by_kind) > 1 or len(by_field) > 1,
        ))

    def entry_page(self, markdown: str, src_uri: str, lang: str, page_url: str) -> str:
        entry = self.by_source[src_uri]
        view = self.view(lang)
        header = view.entry(
            title=entry.get(lang, "title"),
            example=entry.example,
            picture=self.picture(entry, lang, page_url, lazy=False, sizes=WIDE_SIZES),
            kind=entry.shared("kind"),
            field=entry.shared("field"),
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

    def markers(self, lang: str, url_of, page_url: str, src_uri: str) -> dict:
        """The insertion markers this concern fills on a page (see markers.py)."""
        names = {f"showcase.{which}": (lambda arg, which=which: self.choice_list(which, arg or lang))
                 for which in LISTS}
        if src_uri in self.index_pages:
            names["showcase"] = lambda arg: self.index(lang, url_of, page_url)
        return names

    def needs_stylesheet(self, src_uri: str, html: str) -> bool:
        # The showcase's own styles, on the pages that use them only (not every page's weight).
        return src_uri in self.by_source or src_uri in self.index_pages or "form-choices" in html
