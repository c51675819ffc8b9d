"""The innovators' showcase (Gương điển hình đổi mới sáng tạo), built from one file per innovator.

The commune's plan asks it to introduce and honour businesses, organisations
and individuals with innovation results (II.3b, II.4f). Staff keep that list
without touching code: each innovator is a pair of files in docs/guong-sang-tao/
(`ten.md` in Vietnamese, `ten.en.md` in English) whose front matter follows the
schema in content_schema.py. This hook checks every entry before anything is
built (one bilingual message per problem, naming file › field), then:

- on the showcase page, replaces `<!-- hooks/showcase.py -->` with cards grouped
  by kind and by field, with counts, and filter links that work without
  JavaScript (anchors); assets/js/showcase.js turns them into filter buttons;
- on each entry's own page, puts the heading, the "illustrative example" badge,
  the photo and the facts above the text the editor wrote;
- on the nomination form and the editor's guide, lists the allowed kinds and
  fields from the schema, so they never drift from what the build accepts.

The HTML comes from showcase.html beside this file; the words from the
translation tables (`showcase.*` keys in overrides/partials/languages/).
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

import photos
import rendering
from content_schema import FIELDS, INNOVATOR, KINDS, Entry, load_or_fail
from page_settings import page_language

ENTRIES: dict[str, Entry] = {}     # src_uri of either language file -> entry
STATE: dict = {}


def load(config) -> list[Entry]:
    docs_dir = Path(config.docs_dir)
    settings = photos.settings_from(config)
    entries, by_source = load_or_fail(
        docs_dir, INNOVATOR, check_photo=lambda name: photos.check(docs_dir, name, settings))
    entries.sort(key=lambda e: (e.example, -e.shared("year"), e.slug))
    STATE.update(settings=settings, env=rendering.environment(config), renditions={})
    ENTRIES.clear()
    ENTRIES.update(by_source)
    return entries


def entry_url(entry: Entry, lang: str, files, page) -> str:
    file = files.get_file_from_path(entry.src[lang]) or files.get_file_from_path(entry.src["vi"])
    target = file.url if file else ("en/" if lang == "en" else "") + f"{INNOVATOR.section}/{entry.slug}/"
    return get_relative_url(target, page.url)


def photo_html(entry: Entry, lang: str, page, config, *, lazy: bool, sizes: str) -> Markup | None:
    html = photos.entry_picture(entry, lang, page, config, STATE["settings"], STATE["renditions"],
                                lazy=lazy, sizes=sizes)
    return Markup(html) if html else None


def card(entry: Entry, lang: str, page, config, files) -> dict:
    return {
        "slug": entry.slug,
        "title": entry.get(lang, "title"),
        "summary": entry.get(lang, "description"),
        "area": entry.get(lang, "area"),
        "year": entry.shared("year"),
        "kind": entry.shared("kind"),
        "field": entry.shared("field"),
        "example": entry.example,
        "url": entry_url(entry, lang, files, page),
        "picture": photo_html(entry, lang, page, config, lazy=True,
                              sizes="(min-width: 45em) 18rem, calc(100vw - 2.4rem)"),
    }


def render_index(page, config, files) -> str:
    lang = page_language(page)
    cards = [card(entry, lang, page, config, files) for entry in STATE["entries"]]
    by_kind = [(kind, [c for c in cards if c["kind"] == kind]) for kind in KINDS]
    by_field = [(field, [c for c in cards if c["field"] == field]) for field in FIELDS]
    script = get_relative_url("assets/js/showcase.js", page.url)
    return view(config).index(
        cards=cards,
        by_kind=[group for group in by_kind if group[1]],
        by_field=[group for group in by_field if group[1]],
        real=sum(1 for c in cards if not c["example"]),
        script=script,
    )


def render_entry(markdown: str, page, config) -> str:
    entry = ENTRIES[page.file.src_uri]
    lang = page_language(page)
    header = view(config).entry(
        title=entry.get(lang, "title"),
        example=entry.example,
        picture=photo_html(entry, lang, page, config, lazy=False,
                           sizes="(min-width: 61.25em) 38rem, calc(100vw - 2.4rem)"),
        kind=entry.shared("kind"),
        field=entry.shared("field"),
        area=entry.get(lang, "area"),
        year=entry.shared("year"),
        achievement=Markup(entry.get(lang, "achievement")),
        recognition=Markup(entry.get(lang, "recognition")),
        contact=Markup(entry.get(lang, "contact") or "") if entry.shared("contact_consent") is True else "",
    )
    footer = view(config).entry_footer()
    return f"{header}\n\n{markdown.strip()}\n\n{footer}\n"


def view(config, lang: str | None = None):
    # A list can be asked for in the other language (the Vietnamese form on the English page).
    context = {"theme": {"language": lang}} if lang else config
    return rendering.macros(STATE["env"], "showcase.html", context)


def render_list(match, config) -> str:
    macro = match.group(1).replace("-", "_")
    return str(getattr(view(config, match.group(2)), macro)(kinds=KINDS, fields=FIELDS)).strip()


# Hooks ----------------------------------------------------------------------

def on_files(files, config):
    STATE["entries"] = load(config)
    return files


def on_serve(server, config, builder):
    server.watch(str(Path(config.docs_dir) / photos.SOURCE))
    return server


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src in ENTRIES:
        return render_entry(markdown, page, config)
    if MARKER in markdown and src in INDEX_PAGES:
        markdown = markdown.replace(MARKER, str(render_index(page, config, files)))
    if LIST_PREFIX in markdown:
        markdown = LISTS.sub(lambda match: render_list(match, config), markdown)
    return markdown


def on_page_content(html, page, config, files):
    # The showcase's own styles, on the pages that use them only (not every page's
    # weight); overrides/main.html links them in the head, so nothing shifts as they load.
    src = page.file.src_uri
    if src in ENTRIES or src in INDEX_PAGES or "form-choices" in html:
        page.meta.setdefault("page_stylesheets", []).append(STYLESHEET)
    return html


def on_post_build(config):
    photos.publish(config.site_dir, STATE.get("renditions", {}).values(), photos.cache_root(config))


# Data -----------------------------------------------------------------------

MARKER = "<!-- hooks/showcase.py -->"
STYLESHEET = "assets/css/showcase.css"
INDEX_PAGES = {f"{INNOVATOR.section}/index.md", f"{INNOVATOR.section}/index.en.md"}
# Lists from the schema, optionally in a given language: <!-- hooks/showcase.py:kind-boxes:vi -->
LIST_PREFIX = "<!-- hooks/showcase.py:"
LISTS = re.compile(r"<!-- hooks/showcase\.py:(kind-boxes|field-boxes|choices)(?::(vi|en))? -->")
