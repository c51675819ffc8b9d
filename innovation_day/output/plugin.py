"""The output plugin: what is done to built pages and assets, in an explicit order.

- on_config at 70: after the settings plugin (100).
- on_files at -200: after every plugin and mkdocs-static-i18n (-100) have added
  their files: leaves out the theme files the site cannot use (assets.py).
- on_page_markdown at -100: after every plugin that fills insertion markers
  (all at 0): a marker still there is unknown or misplaced, and fails the build.
- on_page_content at 0: tables labelled and wrapped (tables.py), code blocks made focusable
  (code_blocks.py), after the content plugin (10) has read the page.
- on_post_page / on_post_template: HTML fixes, then the critical CSS inline and the
  stylesheets deferred (first_paint.py), then the CSP (computed from the
  final HTML, so it must come last), then the 404 page is kept.
- on_post_build at -200: after mkdocs-static-i18n (-100) has built every
  language: Material's bundle patched, its stylesheet trimmed (against every
  language's pages), our own CSS and JS minified, the default language's 404 page
  put back at the root, the search index split per language (search_index.py). Before the
  trimming, Material's stylesheet loses what every page has inline (first_paint.py). The admin
  plugin writes the editing app after it (-300): the trimming scans every script of the site,
  and the app's is not the site's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from .. import markers
from ..settings.plugin import nested_build, site_of
from ..templates import environment
from . import (assets, bundle, code_blocks, csp, first_paint, html_fixes, minify, not_found, search_index, site_name,
               stylesheet, tables)


class OutputConfig(Config):
    # Prefixes of class names that Material's scripts build at run time from pieces, so
    # that no built file spells them out: the stylesheet trimming keeps their rules.
    keep_classes = config_options.ListOfItems(config_options.Type(str), default=["md-source__fact--"])
    # Prefixes of classes of what no first screen shows until the reader acts, inside an element
    # that is hidden until then (search results, the back-to-top button, Material's dialog): their
    # rules come with the full stylesheets, not inline (first_paint.py). tests/test_first_paint.py
    # compares each first screen with and without the full stylesheets.
    first_screen_hidden = config_options.ListOfItems(config_options.Type(str), default=[
        "md-search-result", "md-search__scrollwrap", "md-top", "md-dialog"])


class OutputPlugin(BasePlugin[OutputConfig]):

    @event_priority(70)  # after the settings plugin (100)
    def on_config(self, config):
        if not nested_build(config):
            self.site = site_of(config)
            self.env = environment("output", html_layout=True, root=self.site.root)
            self.connect = csp.connect_sources(config.repo_url)
            self.fixes = html_fixes.Fixes()
            self.not_found_page = None
            self.first_paint = first_paint.FirstPaint(self.env, config.site_url, config.extra_css, config.docs_dir,
                                                       tuple(self.config.first_screen_hidden),
                                                       tuple(self.config.keep_classes),
                                                       self.site.root / first_paint.CACHE)
        return config

    @event_priority(-200)  # after every plugin, and mkdocs-static-i18n (-100), has added its files
    def on_files(self, files, config):
        for file in [f for f in files if not assets.published(f.src_uri, self.site.languages)]:
            files.remove(file)
        self.first_paint.know_files(files)
        return files

    @event_priority(-100)  # after every plugin that fills markers (0)
    def on_page_markdown(self, markdown, page, config, files):
        markers.check_none_left(markdown, f"docs/{page.file.src_uri}")
        return markdown

    @event_priority(0)  # after the content plugin (10)
    def on_page_content(self, html, page, config, files):
        return code_blocks.focusable(tables.label_tables(html, self.env))

    @event_priority(-50)  # the CSP hashes the final page: after every plugin's changes
    def on_post_page(self, output, page, config):
        output = site_name.add_short_name(output, self.env, self.site.t)
        output = self.first_paint.rewrite(self.fixes.fix(output), page.file.dest_uri)
        return csp.add_policy(output, self.connect, f"docs/{page.file.src_uri}")

    @event_priority(-50)
    def on_post_template(self, output, template_name, config):
        if not template_name.endswith(".html"):
            return output
        output = site_name.add_short_name(output, self.env, self.site.t)
        output = self.first_paint.rewrite(self.fixes.fix(output), template_name)
        output = csp.add_policy(output, self.connect, template_name)
        if template_name == not_found.TEMPLATE and config.theme["language"] == self.site.languages.default:
            self.not_found_page = output
        return output

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language; before admin (-300)
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        bundle.patch_site(site_dir, search_index.folders(self.site.languages))
        if nested_build(config):
            return  # a nested language build: the stylesheet, the index and the 404 page wait for the whole site
        self.fixes.check()
        search_index.split(site_dir, self.site.languages)
        self.first_paint.write_rest(site_dir)  # before the trimming, which reads the result
        stylesheet.trim(site_dir, tuple(self.config.keep_classes))
        self.first_paint.combine(site_dir)   # after the trimming, which trims Material's rules only
        minify.minify_site(site_dir)   # after the trimming, which reads our stylesheets' custom properties
        not_found.write(site_dir, self.not_found_page)
