"""The content plugin: twins and front matter checked, innovators, news, photos and the glossary.

Order, where it matters:
- on_config at 90: after the settings plugin (100), whose `site` it reads;
- on_files at -150: after mkdocs-static-i18n (-100) has kept this language's files,
  so the generated pages of the news and innovators' lists join that language (and its sitemap);
- on_nav at -150: after mkdocs-static-i18n has translated the menu, which the site's index follows;
- on_page_markdown at 20: after the settings plugin (30) has filled in the page's
  `{{ … }}`, before the kit plugin's markers (10);
- on_page_content at 10: before the output plugin wraps tables (0), on the page as
  Markdown made it.
Innovators and news are read and checked once per build, at its first language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from .. import markers
from ..coupling import I18n
from ..errors import BuildErrors
from ..settings.dates import format_date
from ..settings.models import GUIDE_FILES
from ..settings.schema import rows
from ..settings.plugin import build_language, nested_build, page_language, site_of, theme_of
from ..templates import environment
from . import editions, front_matter, glossary, house_style, next_step, site_index
from .news import News
from .photos import CACHE, Photos
from .showcase import STYLESHEET, Showcase
from .twins import check_twins


def url_finder(files):
    """src_uri -> the site-relative address MkDocs gives that file in this language build ('' if none)."""
    def url_of(src_uri: str) -> str:
        file = files.get_file_from_path(src_uri)
        return file.url if file else ""
    return url_of


class ContentPlugin(BasePlugin):

    @event_priority(90)  # after the settings plugin (100)
    def on_config(self, config):
        if nested_build(config):
            return config
        self.site = site_of(config)
        root = self.site.root
        self.env = environment("content", html_layout=True, root=root)
        # Markdown templates (editions.md) keep their lines; the status line is the settings'.
        self.markdown_env = environment("content", html_layout=False, root=root)
        self.status_env = environment("settings", html_layout=False, root=root)
        self.photos = Photos(self.site.docs_dir, self.site.photos, self.site.root / CACHE, self.env)
        self.glossary = glossary.load_glossary(self.site.root / glossary.SOURCE)
        self.showcase = self.news = None
        return config

    def on_pre_build(self, config):
        self.page_errors = BuildErrors("Thông tin đầu trang / Front matter")
        if not nested_build(config):
            check_twins(self.site.docs_dir, self.site.languages)
            house_style.check_site(self.site)
            self.showcase = Showcase(self.site, self.photos, self.env)
            self.news = News(self.site, self.photos, self.env)

    def on_page_read_source(self, page, config):
        # Staff content is published in house style (content/house_style.py): the page's
        # title, summary and text, as the lists and the feed show them (entries.py).
        src = page.file.src_uri
        if src in self.news.by_source or src in self.showcase.by_source:
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
            return house_style.house_forms(text, page_language(page, self.site))[0]
        return None

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has kept this language's files
    def on_files(self, files, config):
        lang = build_language(config)
        self.url_of = url_finder(files)   # for the feed, written after the pages
        # mkdocs-static-i18n writes the sitemap from the pages it chose; the lists' pages join them.
        i18n = I18n(config)
        prefixes = {code: self.site.languages.prefix(code) for code in self.site.languages.codes}
        for src_uri, content in {**self.news.paging_pages(lang), **self.showcase.paging_pages(lang)}.items():
            file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
            files.append(file)
            i18n.add_page(file, lang, src_uri[len(prefixes[lang]):-len(".md")] + "/", prefixes)
        return files

    @event_priority(-150)  # after mkdocs-static-i18n has translated the menu's titles
    def on_nav(self, nav, config, files):
        self.nav = nav   # the citizens' menu, for the site's index (site_index.py)
        return nav

    @event_priority(20)  # after the settings plugin (30), before the kit plugin (10)
    def on_page_markdown(self, markdown, page, config, files):
        src, lang, url = page.file.src_uri, page_language(page, self.site), page.url
        front_matter.check(page.meta, f"docs/{src}", self.page_errors, self.site.today,
                           [edition.year for edition in self.site.editions])
        warning = front_matter.stale_review(page.meta, self.site.languages.default_source(src),
                                            self.site.review, self.site.today)
        if warning and lang == self.site.languages.default:
            front_matter.log.warning(warning)
        url_of = url_finder(files)
        if src in self.showcase.by_source:
            markdown = self.showcase.entry_page(markdown, src, lang, url)
        elif src in self.news.by_source:
            markdown = self.news.entry_page(markdown, src, lang, url_of, url)
        names = {
            **self.showcase.markers(lang, url_of, url, src, page.meta),
            **self.news.markers(lang, url_of, url, src, page.meta),
            **next_step.markers(self.site, theme_of(config), config, lang),
            **editions.markers(self.site, self.markdown_env, self.status_env, lang, src),
            "glossary": lambda arg: glossary.table(self.env, self.glossary, lang, self.site.languages,
                                                   self.site.t(lang)),
            "site-index": lambda arg: site_index.render(
                self.env, self.site.t(lang), self.nav, files, self.site.languages.prefix(lang),
                {src, *self.news.by_source, *self.showcase.by_source}, url),
            # The editor's guide: each settings file's fields, from their one declaration.
            "settings.fields": lambda name: self.fields_table(name, lang, src),
        }
        markdown = markers.replace(markdown, names)
        if isinstance(page.meta.get("reviewed"), dt.date):
            markdown += "\n\n" + self.env.get_template("reviewed.md").render(
                t=self.site.t(lang), date=format_date(page.meta["reviewed"], lang))
        return f"{markdown}\n\n{glossary.definitions(self.glossary, lang)}\n"

    def fields_table(self, name: str | None, lang: str, src: str) -> str:
        if name not in GUIDE_FILES:
            errors = BuildErrors("Nội dung / Content")
            errors.add(f"docs/{src}", f"settings.fields {name}", f"không có tệp cài đặt '{name}' (có: {', '.join(GUIDE_FILES)})",
                       f"there is no settings file '{name}' (there are: {', '.join(GUIDE_FILES)})")
            errors.raise_if_any()
        path, model = GUIDE_FILES[name]
        return self.env.get_template("settings-fields.md").render(
            path=path, rows=list(rows(model, lang)), t=self.site.t(lang))

    @event_priority(10)  # before the output plugin (0) changes the page's HTML
    def on_page_content(self, html, page, config, files):
        # overrides/main.html links page_stylesheets in the head, so nothing shifts as they load.
        if self.showcase.needs_stylesheet(page.file.src_uri, html):
            page.meta.setdefault("page_stylesheets", []).append(STYLESHEET)
        return html

    def on_env(self, env, config, files):
        self.page_errors.raise_if_any()
        env.globals["news_feed"] = self.news.feed_link(build_language(config))
        return env

    def on_post_build(self, config):
        lang = build_language(config)
        path = Path(config.site_dir) / self.news.index_url(lang) / "feed.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.news.feed(lang, self.url_of), encoding="utf-8")
        self.photos.publish(config.site_dir)

    def on_serve(self, server, config, builder):
        server.watch(str(self.site.root / "data"))
        return server
