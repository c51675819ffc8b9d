"""News (Tin tức): one file per item, an index newest first, the latest on the home page, a feed.

The plan asks for news and articles on the commune's activities, results and
models (II.4b). The Material blog plugin does not work with mkdocs-static-i18n
(no post pages are produced), so news is built here. Each item is a pair of
files in docs/tin-tuc/ (`YYYY-MM-DD-ten.md`, `…​.en.md`) whose front matter
follows content_schema.py (title, summary as `description`, date, optional
photo). The items are checked before anything is built: a missing field, a
date that is not a date or is still to come, a missing twin or a clashing
name fails the build with one bilingual message per problem (file › field).

Then, in each language build:
- the news page's `<!-- hooks/news.py -->` becomes the list, newest first, in
  pages of `extra.news.per_page` (pages 2, 3… are generated: tin-tuc/trang-2/);
- the home page's `<!-- hooks/news.py:latest -->` becomes the latest
  `extra.news.home` items;
- each item's page gets its heading, date, summary and photo above its text;
- an Atom feed is written to tin-tuc/feed.xml (en/tin-tuc/feed.xml), with
  absolute addresses from site_url, and every page's head links it
  (overrides/partials/feed-links.html reads `news_feed`).
HTML and XML come from news.html and news.xml beside this file.
"""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

import photos
import rendering
from build_errors import BuildErrors
from content_schema import NEWS, Entry, load_or_fail
from page_settings import format_date, page_language

ENTRIES: dict[str, Entry] = {}     # src_uri of either language file -> item
STATE: dict = {}


def settings_from(config) -> dict:
    errors = BuildErrors("mkdocs.yml")
    raw = config.extra.get("news") or {}
    for key, low in (("per_page", 1), ("home", 0)):
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            errors.add("mkdocs.yml", f"extra.news.{key}", f"phải là số nguyên từ {low} trở lên",
                       f"must be a whole number, {low} or more")
    errors.raise_if_any()
    return raw


def load(config) -> list[Entry]:
    docs_dir = Path(config.docs_dir)
    settings = photos.settings_from(config)
    items, by_source = load_or_fail(
        docs_dir, NEWS, check_photo=lambda name: photos.check(docs_dir, name, settings))
    items.sort(key=lambda item: (item.shared("date"), item.slug), reverse=True)
    STATE.update(photo_settings=settings, env=rendering.environment(config), renditions={})
    ENTRIES.clear()
    ENTRIES.update(by_source)
    return items


def url_of(files, src: str, fallback: str) -> str:
    file = files.get_file_from_path(src)
    return file.url if file else fallback


def list_page_url(n: int) -> str:
    """Site-relative address of page n of the list in this build's language."""
    return STATE["index_url"] if n == 1 else f"{STATE['index_url']}trang-{n}/"


def paging_files(config, pages: int) -> list[File]:
    """Pages 2… of the news list, made in memory for this build's language."""
    lang = STATE["lang"]
    made = []
    for n in range(2, pages + 1):
        prefix = STATE["index_url"][: -len(NEWS.section) - 1]  # "" or "en/"
        t = STATE["t"]
        content = (f"---\ntitle: \"{t('news.page.title').replace('{n}', str(n))}\"\n"
                   f"description: \"{t('news.page.description').replace('{n}', str(n)).replace('{total}', str(pages))}\"\n"
                   f"---\n\n# {t('news.title')}\n\n{MARKER_PAGE.format(n=n)}\n")
        file = File.generated(config, f"{prefix}{NEWS.section}/trang-{n}.md", content=content,
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.locale = lang
        file.locale_alternate_of = f"{NEWS.section}/trang-{n}/"
        # The same page in each language, for hreflang, the language switch and the sitemap.
        file.alternates = {code: SimpleNamespace(url=f"{'' if code == 'vi' else code + '/'}{NEWS.section}/trang-{n}/",
                                                 page=None)
                           for code in ("vi", "en")}
        made.append(file)
    return made


def item_view(item: Entry, lang: str, page, config, files, *, lazy: bool, sizes: str) -> dict:
    url = url_of(files, item.src[lang], ("en/" if lang == "en" else "") + f"{NEWS.section}/{item.slug}/")
    date = item.shared("date")
    return {
        "title": item.get(lang, "title"),
        "summary": item.get(lang, "description"),
        "date": date.isoformat(),
        "date_text": format_date(date, lang),
        "url": get_relative_url(url, page.url) if page else url,
        "abs_url": config.site_url + url,
        "picture": photo_html(item, lang, page, config, lazy=lazy, sizes=sizes) if page else None,
    }


def photo_html(item: Entry, lang: str, page, config, *, lazy: bool, sizes: str) -> Markup | None:
    html = photos.entry_picture(item, lang, page, config, STATE["photo_settings"], STATE["renditions"],
                                lazy=lazy, sizes=sizes)
    return Markup(html) if html else None


def view(config):
    return rendering.macros(STATE["env"], "news.html", config)


def render_list(n: int, page, config, files) -> str:
    lang = page_language(page)
    per_page = STATE["settings"]["per_page"]
    items = STATE["items"][(n - 1) * per_page: n * per_page]
    here = page.url

    def link(k: int) -> str | None:
        return get_relative_url(list_page_url(k), here) if 1 <= k <= STATE["pages"] else None

    return str(view(config).list(
        items=[item_view(i, lang, page, config, files, lazy=True, sizes=THUMB) for i in items],
        n=n, total=STATE["pages"], newer=link(n - 1), older=link(n + 1),
        feed=get_relative_url(STATE["index_url"] + FEED, here),
    ))


def render_latest(page, config, files) -> str:
    lang = page_language(page)
    items = STATE["items"][: STATE["settings"]["home"]]
    return str(view(config).latest(
        items=[item_view(i, lang, page, config, files, lazy=True, sizes=THUMB) for i in items],
        all=get_relative_url(STATE["index_url"], page.url),
        feed=get_relative_url(STATE["index_url"] + FEED, page.url),
    ))


def render_entry(markdown: str, page, config, files) -> str:
    item = ENTRIES[page.file.src_uri]
    lang = page_language(page)
    data = item_view(item, lang, page, config, files, lazy=False, sizes=WIDE)
    header = view(config).entry(**{k: data[k] for k in ("title", "summary", "date", "date_text", "picture")})
    return f"{header}\n\n{markdown.strip()}\n\n{view(config).entry_footer()}\n"


def write_feed(config) -> Path:
    lang = STATE["lang"]
    files = STATE["files"]
    t = STATE["t"]
    items = [item_view(i, lang, None, config, files, lazy=True, sizes="") for i in STATE["items"]]
    stamp = items[0]["date"] if items else config.extra["edition"]["day"].isoformat()
    xml = STATE["env"].get_template("news.xml").render(
        config=config, lang=lang, items=items, updated=stamp, zone=ZONE,
        title=f"{t('news.title')} · {config.site_name}",
        feed_url=config.site_url + STATE["index_url"] + FEED,
        index_url=config.site_url + STATE["index_url"],
        author=config.extra["commune"]["name"][lang],
    )
    path = Path(config.site_dir) / STATE["index_url"] / FEED
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, encoding="utf-8")
    return path


# Hooks ----------------------------------------------------------------------

def on_config(config):
    STATE["settings"] = settings_from(config)
    return config


@event_priority(-150)  # after mkdocs-static-i18n has kept this language's files
def on_files(files, config):
    STATE["items"] = load(config)
    STATE["lang"] = config.theme["language"]
    STATE["t"] = rendering.translator(STATE["env"], config)
    STATE["index_url"] = url_of(files, f"{NEWS.section}/index.md", f"{NEWS.section}/")
    STATE["files"] = files
    STATE["pages"] = max(1, math.ceil(len(STATE["items"]) / STATE["settings"]["per_page"]))
    STATE["generated"] = {}
    # mkdocs-static-i18n writes the sitemap from the pages it chose; the list pages join them.
    i18n = config.plugins.get("i18n")
    chosen = getattr(i18n, "i18n_files_per_language", {}).get(STATE["lang"])
    for file in paging_files(config, STATE["pages"]):
        files.append(file)
        if chosen is not None:
            chosen.append(file)
        STATE["generated"][file.src_uri] = int(file.src_uri.rsplit("-", 1)[1][: -len(".md")])
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src in ENTRIES:
        return render_entry(markdown, page, config, files)
    if src in STATE["generated"]:
        n = STATE["generated"][src]
        return markdown.replace(MARKER_PAGE.format(n=n), render_list(n, page, config, files))
    if MARKER in markdown and src in INDEX_PAGES:
        return markdown.replace(MARKER, render_list(1, page, config, files))
    if MARKER_LATEST in markdown and src in HOME_PAGES:
        return markdown.replace(MARKER_LATEST, render_latest(page, config, files))
    return markdown


def on_env(env, config, files):
    env.globals["news_feed"] = {
        "href": config.site_url + STATE["index_url"] + FEED,
        "title": f"{STATE['t']('news.feed.title')} · {config.site_name}",
    }
    return env


def on_post_build(config):
    write_feed(config)
    photos.publish(config.site_dir, STATE.get("renditions", {}).values(), photos.cache_root(config))


# Data -----------------------------------------------------------------------

FEED = "feed.xml"
ZONE = "+07:00"   # the commune's time zone, for the feed's timestamps
MARKER = "<!-- hooks/news.py -->"
MARKER_PAGE = "<!-- hooks/news.py page={n} -->"
MARKER_LATEST = "<!-- hooks/news.py:latest -->"
INDEX_PAGES = {f"{NEWS.section}/index.md", f"{NEWS.section}/index.en.md"}
HOME_PAGES = {"index.md", "index.en.md"}
THUMB = "(min-width: 45em) 12rem, calc(100vw - 2.4rem)"
WIDE = "(min-width: 61.25em) 38rem, calc(100vw - 2.4rem)"
