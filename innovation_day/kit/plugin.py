"""The kit plugin: the communication kit's files, its sections on pages, and share previews.

Order, where it matters:
- on_config at 80: after the settings plugin (100), whose `site` it reads;
- on_files at 0: before mkdocs-static-i18n (-100) sorts the files into languages, the
  downloads are registered as MkDocs files under tai-lieu/tai-ve/, so Markdown
  links to them are checked by `--strict` and rewritten right from every language;
- on_page_markdown at 10: after the settings (30) and content (20) plugins, before the
  output plugin (-100) checks that no marker is left.
The files are made once per build, at its first language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .. import markers
from ..coupling import I18n
from ..templates import source_link
from ..settings.plugin import build_language, nested_build, page_edition, page_language, site_of
from .build import DOWNLOADS, Kits
from .page_metadata import ShareImages, share_context


def link_from(src_uri: str):
    """name -> a Markdown link from this page's source file to a download (checked by MkDocs)."""
    return lambda name: source_link(f"{DOWNLOADS}/{name}", src_uri)


class KitPlugin(BasePlugin):

    @event_priority(80)  # after the settings plugin (100)
    def on_config(self, config):
        if not nested_build(config):
            self.kits = Kits(site_of(config))
            self.kit = self.kits.own
            self.downloads = self.kits.generate()
        return config

    @event_priority(0)  # before mkdocs-static-i18n (-100) sorts the files into languages
    def on_files(self, files, config):
        for name, path in self.downloads.items():
            uri = f"{DOWNLOADS}/{name}"
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        self.images = ShareImages(self.kit, build_language(config))
        return files

    @event_priority(10)  # after the settings (30) and content (20) plugins
    def on_page_markdown(self, markdown, page, config, files):
        site = self.kit.site
        lang = page_language(page, site)
        return markers.replace(markdown, self.kits.markers(lang, link_from(page.file.src_uri),
                                                            page_edition(page, site)))

    def on_page_context(self, context, page, config, nav):
        site = self.kit.site
        lang = page_language(page, site)
        context["share"] = share_context(
            site, self.images, lang, site.languages.default_source(page.file.src_uri), page_edition(page, site),
            page.meta, page.title,
            page.canonical_url, I18n.alternates(page.file))
        return context

    def on_post_build(self, config):
        self.images.publish(Path(config.site_dir))
