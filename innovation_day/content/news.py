"""News (Tin tức): one file per item, an index newest first, the latest on the home page, a feed.

The plan asks for news and articles on the commune's activities, results and
models (II.4b). The Material blog plugin does not work with mkdocs-static-i18n
(no post pages are produced), so news is built here. Each item is a pair of
files in docs/tin-tuc/ (`YYYY-MM-DD-ten.md`, `…​.en.md`) whose front matter
follows the schema (schema.py: title, summary as `description`, date, optional
photo). The items are checked before anything is built: a missing field, a
date that is not a date or is still to come, a missing twin or a clashing
name fails the build with one bilingual message per problem (file › field).

Then, in each language:
- the news page's `<!-- insert: news.list -->` becomes the list, newest first, in
  pages of `news.per_page` in data/site.yml (pages 2, 3… are generated: tin-tuc/trang-2/);
- the home page's `<!-- insert: news.latest -->` becomes the latest `news.home` items,
  under a heading that gives their date when none is from the last `news.recent_days`;
- each item's page gets its heading, date, summary and photo above its text;
- an Atom feed is written to tin-tuc/feed.xml (en/tin-tuc/feed.xml), with
  absolute addresses from site_url, and every page's head links it
  (overrides/partials/feed-links.html reads `news_feed`).
HTML and XML come from templates/news.html and templates/news.xml.
"""

from __future__ import annotations

import math

from markupsafe import Markup

from ..settings.dates import format_date
from ..templates import relative_url
from .entries import Entry, generated_page, load_or_fail
from .schema import NEWS

FEED = "feed.xml"
ZONE = "+07:00"   # the commune's time zone, for the feed's timestamps
THUMB = "(min-width: 45em) 12rem, calc(100vw - 2.4rem)"
WIDE = "(min-width: 61.25em) 38rem, calc(100vw - 2.4rem)"


class News:
    """The news items of one build, and the pages, parts and feeds made from them."""

    schema = NEWS

    def __init__(self, site, photos, env):
        self.site, self.photos, self.env = site, photos, env
        items, self.by_source = load_or_fail(site.docs_dir, NEWS, site.languages, check_photo=photos.check)
        self.items = sorted(items, key=lambda item: (item.shared("date"), item.slug), reverse=True)
        self.pages = max(1, math.ceil(len(self.items) / site.news.per_page))
        others = site.languages.others
        self.index_pages = {f"{NEWS.section}/index.md"} | {f"{NEWS.section}/index.{lang}.md" for lang in others}
        self.home_pages = {"index.md"} | {f"index.{lang}.md" for lang in others}

    # Addresses -----------------------------------------------------------

    def index_url(self, lang: str) -> str:
        return f"{self.site.languages.prefix(lang)}{NEWS.section}/"

    def list_page_url(self, n: int, lang: str) -> str:
        """Site-relative address of page n of the list."""
        return self.index_url(lang) if n == 1 else f"{self.index_url(lang)}trang-{n}/"

    def feed_url(self, lang: str) -> str:
        return self.site.site_url + self.index_url(lang) + FEED

    # Pages 2… of the list ------------------------------------------------

    def paging_pages(self, lang: str) -> dict[str, str]:
        """{source path: Markdown} of pages 2… of the list in `lang`, made in memory."""
        t = self.site.t(lang)
        made = {}
        for n in range(2, self.pages + 1):
            front = {"title": t("news.page.title", n=n),
                     "description": t("news.page.description", n=n, total=self.pages,
                                                   commune=self.site.commune.name[lang]),
                     "news_page": n}
            made[f"{self.site.languages.prefix(lang)}{NEWS.section}/trang-{n}.md"] = generated_page(
                front, t("news.title"), "news.list")
        return made

    # Parts of pages ------------------------------------------------------

    def view(self, lang: str):
        return self.env.get_template("news.html").make_module({"t": self.site.t(lang)})

    def item_view(self, item: Entry, lang: str, url_of, page_url: str | None, *, lazy: bool, sizes: str) -> dict:
        url = url_of(item.src[lang]) or f"{self.site.languages.prefix(lang)}{NEWS.section}/{item.slug}/"
        date = item.shared("date")
        picture = self.photos.entry_picture(item, lang, page_url, lazy=lazy, sizes=sizes) if page_url else None
        return {
            "title": item.get(lang, "title"),
            "summary": item.get(lang, "description"),
            "date": date.isoformat(),
            "date_text": format_date(date, lang),
            "url": relative_url(url, page_url) if page_url else url,
            "abs_url": self.site.site_url + url,
            "picture": Markup(picture) if picture else None,
        }

    def list_html(self, n: int, lang: str, url_of, page_url: str) -> str:
        per_page = self.site.news.per_page
        items = self.items[(n - 1) * per_page: n * per_page]

        def link(k: int) -> str | None:
            return relative_url(self.list_page_url(k, lang), page_url) if 1 <= k <= self.pages else None

        return str(self.view(lang).list(
            items=[self.item_view(i, lang, url_of, page_url, lazy=True, sizes=THUMB) for i in items],
            n=n, total=self.pages, newer=link(n - 1), older=link(n + 1),
            feed=relative_url(self.index_url(lang) + FEED, page_url),
        ))

    def latest_heading(self, lang: str) -> str:
        """'Latest news', or, when the newest item is older than news.recent_days in data/site.yml, its date."""
        t = self.site.t(lang)
        newest = self.items[0].shared("date") if self.items else None
        if newest is None or (self.site.today - newest).days <= self.site.news.recent_days:
            return t("news.latest")
        return t("news.latest.old", date=format_date(newest, lang))

    def latest_html(self, lang: str, url_of, page_url: str) -> str:
        items = self.items[: self.site.news.home]
        return str(self.view(lang).latest(
            heading=self.latest_heading(lang),
            items=[self.item_view(i, lang, url_of, page_url, lazy=True, sizes=THUMB) for i in items],
            all=relative_url(self.index_url(lang), page_url),
            feed=relative_url(self.index_url(lang) + FEED, page_url),
        ))

    def entry_page(self, markdown: str, src_uri: str, lang: str, url_of, page_url: str) -> str:
        item = self.by_source[src_uri]
        data = self.item_view(item, lang, url_of, page_url, lazy=False, sizes=WIDE)
        view = self.view(lang)
        header = view.entry(**{k: data[k] for k in ("title", "summary", "date", "date_text", "picture")})
        return f"{header}\n\n{markdown.strip()}\n\n{view.entry_footer()}\n"

    def markers(self, lang: str, url_of, page_url: str, src_uri: str, meta: dict) -> dict:
        """The insertion markers this concern fills on a page (see markers.py)."""
        names = {}
        if src_uri in self.index_pages or "news_page" in meta:
            n = meta.get("news_page", 1)
            names["news.list"] = lambda arg: self.list_html(n, lang, url_of, page_url)
        if src_uri in self.home_pages:
            names["news.latest"] = lambda arg: self.latest_html(lang, url_of, page_url)
        return names

    # Feed ----------------------------------------------------------------

    def feed_link(self, lang: str) -> dict:
        t = self.site.t(lang)
        return {"href": self.feed_url(lang), "title": f"{t('news.feed.title')} · {self.site.texts[lang]['name']}"}

    def feed(self, lang: str, url_of) -> str:
        """The Atom feed of the news in `lang`."""
        t = self.site.t(lang)
        texts = self.site.texts[lang]
        items = [self.item_view(i, lang, url_of, None, lazy=True, sizes="") for i in self.items]
        stamp = items[0]["date"] if items else self.site.edition.day.isoformat()
        return self.env.get_template("news.xml").render(
            lang=lang, items=items, updated=stamp, zone=ZONE, texts=texts,
            title=f"{t('news.title')} · {texts['name']}",
            feed_url=self.feed_url(lang), index_url=self.site.site_url + self.index_url(lang),
            author=self.site.commune.name[lang],
        )
